// Markdown inline text for the Markdown writer (markdown.cpp): escaping, marks, link
// destinations and titles.
#pragma once

#include <string>
#include <string_view>

#include "model/article.hpp"

namespace crbc::formats::detail {

// Where inline text is written, which decides what it has to escape.
struct InlinePlace {
  // The text starts a block's first line, where "#", "-", "1." and ">" are syntax.
  bool line_start = true;
  // A heading: one line (newlines become references) whose trailing "#" would close it.
  bool heading = false;
  // Written after each hard line break: "> " in a quote, the item's indent in a list.
  std::string_view continuation;
};

// Text with its marks in CommonMark syntax (**strong**, *em*, `code`, [text](url)),
// escaped only where CommonMark would otherwise read syntax. A mark whose "*" or "`"
// could not open and close where it stands is inline HTML (<strong>, <em>, <code>).
void write_inline_markdown(std::string& out, const model::RichText& rich, const InlinePlace& place);

// A link or image destination, as it goes between "(" and ")" (or " \"title\""): in
// angle brackets only when it has to be.
void write_link_destination(std::string& out, std::string_view url);

// A link or image title, quoted.
void write_link_title(std::string& out, std::string_view title);

// The longest run of `c` in `text` (to choose a fence longer than any in it).
std::size_t longest_run(std::string_view text, char c);

// A fenced code block's info string, after a fence of `fence_char`.
void write_info_string(std::string& out, std::string_view info, char fence_char);

}  // namespace crbc::formats::detail
