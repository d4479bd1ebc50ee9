// Titles: the site-name decorations pages add to <title> and og:title, and how to tell
// that two titles name the same article. Internal to src/extract/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crbc::extract::meta {

// `title` without the labels the page put around the headline: "Headline | Site",
// "Headline - Site", "Site: Headline", "Headline | Section | Site". A segment is cut
// when it matches one of `labels` (site name, publisher, host name, section); a
// trailing " | …" segment is cut also when it matches nothing, as a pipe almost
// never belongs to a headline.
std::string strip_site_labels(std::string_view title, const std::vector<std::string>& labels);

// The main part of a title made of segments ("Opinion | Headline | Editorial" ->
// "Headline"): the longest segment, when every other one is at most three words long.
// `title` itself otherwise.
std::string main_segment(std::string_view title);

// The first segment before any separator ("Headline - Guide - Site" -> "Headline").
std::string first_segment(std::string_view title);

// Whether `segment` names the site: equal to one of `labels` or close to it ("NYTimes.com"
// vs "nytimes"), or a bare domain name ("cleveland.com").
bool matches_site_label(std::string_view segment, const std::vector<std::string>& labels);

// Words of `a` and `b` in common over the words of the longer one, in [0, 1]; case and
// punctuation ignored. 1 for the same words, in any order.
double title_similarity(std::string_view a, std::string_view b);

// Lower-cased words (runs of letters and digits).
std::vector<std::string> title_words(std::string_view text);

}  // namespace crbc::extract::meta
