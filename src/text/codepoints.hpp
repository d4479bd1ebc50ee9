// Internal to src/text: code-point iteration and classification over UTF-8.
#pragma once

#include <utf8proc.h>

#include <cstddef>
#include <string_view>

#include "text/utf8.hpp"

namespace crbc::text::detail {

struct Decoded {
  char32_t code_point = 0xFFFD;
  std::size_t length = 1;  // bytes consumed, at least 1 so loops always advance
};

// Decodes the code point at `pos` (pos < s.size()); invalid bytes decode as U+FFFD
// of length 1.
inline Decoded decode_at(std::string_view s, std::size_t pos) noexcept {
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) return {lead, 1};
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                  static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
  if (n <= 0 || cp < 0) return {0xFFFD, 1};
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(n)};
}

// Start of the code point that ends just before `pos` (pos > 0).
inline std::size_t previous_start(std::string_view s, std::size_t pos) noexcept {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && is_continuation_byte(s[start])) {
    --start;
  }
  return start;
}

inline utf8proc_category_t category(char32_t cp) noexcept {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') return UTF8PROC_CATEGORY_LL;
    if (cp >= 'A' && cp <= 'Z') return UTF8PROC_CATEGORY_LU;
    if (cp >= '0' && cp <= '9') return UTF8PROC_CATEGORY_ND;
    if (cp == ' ') return UTF8PROC_CATEGORY_ZS;
    if (cp < 0x20 || cp == 0x7F) return UTF8PROC_CATEGORY_CC;
    return UTF8PROC_CATEGORY_PO;  // ASCII punctuation and symbols: all alike here
  }
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

inline bool is_letter(char32_t cp) noexcept {
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
inline bool is_mark(char32_t cp) noexcept {
  const auto c = category(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}
inline bool is_digit(char32_t cp) noexcept {
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_ND;
}
inline bool is_alnum(char32_t cp) noexcept {
  const auto c = category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) || c == UTF8PROC_CATEGORY_ND ||
         c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}
inline bool is_upper(char32_t cp) noexcept {
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}
inline bool is_lower(char32_t cp) noexcept {
  return category(cp) == UTF8PROC_CATEGORY_LL;
}
inline bool is_space(char32_t cp) noexcept {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
  if (cp < 0x80) return false;
  const auto c = category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
         cp == 0x85;
}
inline bool is_apostrophe(char32_t cp) noexcept {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}
inline bool is_hyphen(char32_t cp) noexcept {
  return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x00AD;
}

}  // namespace crbc::text::detail

namespace crbc::text::detail {

inline bool code_point_count_is_one(std::string_view s) noexcept {
  return !s.empty() && decode_at(s, 0).length == s.size();
}

}  // namespace crbc::text::detail
