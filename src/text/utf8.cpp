#include "text/utf8.hpp"

namespace crbc::text {
namespace {

// Length of the valid sequence starting at `pos`, or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!is_continuation_byte(s[pos + i])) return 0;
  }
  return length;
}

// Bytes that form the maximal invalid subpart starting at `pos` (at least 1).
std::size_t invalid_subpart_length(std::string_view s, std::size_t pos) noexcept {
  std::size_t length = 1;
  while (pos + length < s.size() && length < 3 && is_continuation_byte(s[pos + length]) &&
         static_cast<unsigned char>(s[pos]) >= 0xC2 && static_cast<unsigned char>(s[pos]) <= 0xF4) {
    ++length;
  }
  return length;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view bytes) noexcept {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t length = valid_sequence_length(bytes, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view bytes) {
  if (bytes.find('\0') == std::string_view::npos && is_valid_utf8(bytes))
    return std::string(bytes);  // the usual case, in one copy
  std::string out;
  out.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t length = valid_sequence_length(bytes, pos);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      pos += invalid_subpart_length(bytes, pos);
      continue;
    }
    if (!(length == 1 && bytes[pos] == '\0')) out.append(bytes.substr(pos, length));
    pos += length;
  }
  return out;
}

std::size_t code_point_count(std::string_view utf8) noexcept {
  std::size_t count = 0;
  for (const char c : utf8) {
    if (!is_continuation_byte(c)) ++count;
  }
  return count;
}

std::size_t byte_offset_of(std::string_view utf8, std::size_t index) noexcept {
  std::size_t seen = 0;
  for (std::size_t pos = 0; pos < utf8.size(); ++pos) {
    if (!is_continuation_byte(utf8[pos])) {
      if (seen == index) return pos;
      ++seen;
    }
  }
  return utf8.size();
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string terminal_safe(std::string_view text) {
  if (!is_valid_utf8(text)) return terminal_safe(repair_utf8(text));
  std::string out;
  out.reserve(text.size());
  for (const std::string_view cp : CodePoints(text)) {
    const auto c = static_cast<unsigned char>(cp[0]);
    const bool c0 = cp.size() == 1 && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F);
    const bool c1 = cp.size() == 2 && c == 0xC2 && static_cast<unsigned char>(cp[1]) < 0xA0;
    if (c0 || c1) {
      if (c != '\r') out += "\uFFFD";
    } else {
      out += cp;
    }
  }
  return out;
}

}  // namespace crbc::text
