// Bylines ("By Jane Doe and John Roe, Staff Writers | Nov. 27, 2026") to author names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crbc::extract {

// The names a byline credits, in order, de-duplicated (case-insensitively): without
// "By"/"Von"/"Par"/"Por"/"Автор:", dates, times, job titles, e-mail addresses, urls
// and "updated …" notes; split on commas, semicolons, "|", "/", "and", "&" and their
// equivalents in other languages. A lone suffix ("Jr.", "Ph.D.") stays with its name.
// Names credited after another role ("Edited by …", "Photos by …") are left out.
// `strict` is for bylines read from the visible page, where labels and links surround
// the names: each name must then be capitalised and, unless it is the only one, have
// two words or more.
std::vector<std::string> split_byline(std::string_view byline, bool strict = false);

// Whether a credited name is an organisation ("The Associated Press", "USA TODAY
// Network", "CNN") rather than a person.
bool looks_like_organisation(std::string_view name);

// Whether `name` can be an author's name as such (a person or an organisation), not a
// sentence, url, date, role or handle.
bool plausible_author_name(std::string_view name);

// Adds `name` to `names` unless it is empty or already there (case-insensitively).
void add_unique_name(std::vector<std::string>& names, std::string name);

}  // namespace crbc::extract
