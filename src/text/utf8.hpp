// Minimal UTF-8 primitives shared by every concern: validation, repair, and
// conversion between code-point and byte offsets. No allocation on the checks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crbc::text {

// Byte offset of the first invalid sequence (overlong forms, surrogates and code
// points above U+10FFFF are invalid), or npos when the whole input is valid.
std::size_t find_invalid_utf8(std::string_view bytes) noexcept;

inline bool is_valid_utf8(std::string_view bytes) noexcept {
  return find_invalid_utf8(bytes) == std::string_view::npos;
}

// Valid UTF-8 with every invalid sequence replaced by U+FFFD (one per maximal
// invalid subpart, as the WHATWG decoder does) and NUL bytes dropped.
std::string repair_utf8(std::string_view bytes);

// Number of code points in valid UTF-8.
std::size_t code_point_count(std::string_view utf8) noexcept;

// Byte offset of code point `index` (clamped to the end) in valid UTF-8.
std::size_t byte_offset_of(std::string_view utf8, std::size_t index) noexcept;

// Appends the UTF-8 encoding of `code_point` (U+FFFD when it is not a scalar value).
void append_utf8(std::string& out, char32_t code_point);

}  // namespace crbc::text
