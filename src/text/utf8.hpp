// Minimal UTF-8 primitives shared by every concern: validation, repair, and
// conversion between code-point and byte offsets. No allocation on the checks.
#pragma once

#include <cstddef>
#include <iterator>
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

constexpr bool is_continuation_byte(char byte) noexcept {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// The code points of UTF-8 text as views into it, computed as they are walked
// (no allocation). An invalid byte is a code point of its own.
class CodePoints {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;

    iterator() = default;
    iterator(std::string_view text, std::size_t at) noexcept : text_(text), at_(at) {
      size_ = length_at(at);
    }
    std::string_view operator*() const noexcept { return text_.substr(at_, size_); }
    iterator& operator++() noexcept {
      at_ += size_;
      size_ = length_at(at_);
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const iterator& other) const noexcept { return at_ == other.at_; }

   private:
    std::size_t length_at(std::size_t at) const noexcept {
      if (at >= text_.size()) return 0;
      std::size_t length = 1;
      while (at + length < text_.size() && length < 4 && is_continuation_byte(text_[at + length])) {
        ++length;
      }
      return length;
    }
    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t size_ = 0;
  };

  explicit CodePoints(std::string_view text) noexcept : text_(text) {}
  iterator begin() const noexcept { return {text_, 0}; }
  iterator end() const noexcept { return {text_, text_.size()}; }

 private:
  std::string_view text_;
};

// Text safe to show on a terminal: invalid UTF-8 is repaired, carriage returns are
// dropped and other control characters except tab and newline (escape sequences!)
// become U+FFFD.
std::string terminal_safe(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (U+FFFD when it is not a scalar value).
void append_utf8(std::string& out, char32_t code_point);

}  // namespace crbc::text
