// ASCII-only case handling, for the parts of a protocol or format that are ASCII by
// definition (url schemes, HTML tag names, header names). Text is folded with
// text::fold_case instead.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace crbc::text {

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

constexpr bool is_ascii_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Space, tab, line feed, form feed, carriage return: white space in HTML and HTTP.
constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// `text` without the spaces and control characters (bytes up to U+0020) at either end.
constexpr std::string_view trim_ascii(std::string_view text) noexcept {
  while (!text.empty() && static_cast<unsigned char>(text.front()) <= ' ') text.remove_prefix(1);
  while (!text.empty() && static_cast<unsigned char>(text.back()) <= ' ') text.remove_suffix(1);
  return text;
}

// Whether `text` is one or more ASCII digits.
constexpr bool is_ascii_digits(std::string_view text) noexcept {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `text` equals `lower` (written in lower case), ignoring ASCII case.
constexpr bool equals_ignoring_case(std::string_view text, std::string_view lower) noexcept {
  return text.size() == lower.size() &&
         std::equal(text.begin(), text.end(), lower.begin(),
                    [](char a, char b) { return ascii_lower(a) == b; });
}

// Whether `text` contains `lower` (written in lower case), ignoring ASCII case.
constexpr bool contains_ignoring_case(std::string_view text, std::string_view lower) noexcept {
  if (lower.size() > text.size()) return false;
  for (std::size_t i = 0; i + lower.size() <= text.size(); ++i) {
    if (equals_ignoring_case(text.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

// Whether `text` starts with `lower_prefix` (written in lower case), ignoring ASCII case.
constexpr bool starts_with_ignoring_case(std::string_view text,
                                         std::string_view lower_prefix) noexcept {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ascii_lower(text[i]) != lower_prefix[i]) return false;
  }
  return true;
}

// Whether the space-separated list `list` (an HTML rel, class or itemprop value) has
// the token `lower` (written in lower case), ignoring ASCII case.
constexpr bool has_token(std::string_view list, std::string_view lower) noexcept {
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = start;
    while (end < list.size() && !is_ascii_space(list[end])) ++end;
    if (equals_ignoring_case(list.substr(start, end - start), lower)) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace crbc::text
