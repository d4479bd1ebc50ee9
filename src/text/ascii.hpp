// ASCII-only case handling, for the parts of a protocol or format that are ASCII by
// definition (url schemes, HTML tag names, header names). Text is folded with
// text::fold_case instead.
#pragma once

#include <string_view>

namespace crbc::text {

constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
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

}  // namespace crbc::text
