#include "extract/charset.hpp"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

#include "text/utf8.hpp"

namespace crbc::extract {
namespace {

constexpr char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}
constexpr bool is_html_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
constexpr bool is_ascii_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && (is_html_space(s.front()) || s.front() == '"' || s.front() == '\''))
    s.remove_prefix(1);
  while (!s.empty() && (is_html_space(s.back()) || s.back() == '"' || s.back() == '\''))
    s.remove_suffix(1);
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), to_lower);
  return out;
}

// The value after "charset=" in a Content-Type header or http-equiv content.
std::string charset_parameter(std::string_view value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(), to_lower);
  const std::size_t at = lower.find("charset");
  if (at == std::string::npos) return {};
  std::size_t i = at + 7;
  while (i < lower.size() && is_html_space(lower[i])) ++i;
  if (i >= lower.size() || lower[i] != '=') return {};
  ++i;
  while (i < lower.size() && is_html_space(lower[i])) ++i;
  if (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) {
    const char quote = lower[i];
    const std::size_t close = lower.find(quote, i + 1);
    if (close == std::string::npos) return {};
    return lower_trimmed(std::string_view(lower).substr(i + 1, close - i - 1));
  }
  std::size_t end = i;
  while (end < lower.size() && !is_html_space(lower[end]) && lower[end] != ';') ++end;
  return lower_trimmed(std::string_view(lower).substr(i, end - i));
}

// Maps an encoding label as pages write it to the name glibc iconv knows, following
// the WHATWG Encoding standard where it widens a legacy label (latin1 is decoded as
// windows-1252, gb2312 as GB18030, shift_jis as windows-31j, ...).
std::string iconv_name(std::string_view label) {
  const std::string name = lower_trimmed(label);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kAliases = {{
      {"utf8", "UTF-8"},
      {"unicode-1-1-utf-8", "UTF-8"},
      {"iso-8859-1", "WINDOWS-1252"},
      {"iso8859-1", "WINDOWS-1252"},
      {"latin1", "WINDOWS-1252"},
      {"l1", "WINDOWS-1252"},
      {"us-ascii", "WINDOWS-1252"},
      {"ascii", "WINDOWS-1252"},
      {"ansi_x3.4-1968", "WINDOWS-1252"},
      {"iso-8859-9", "WINDOWS-1254"},
      {"latin5", "WINDOWS-1254"},
      {"iso-8859-11", "WINDOWS-874"},
      {"tis-620", "WINDOWS-874"},
      {"gb2312", "GB18030"},
      {"gbk", "GB18030"},
      {"x-gbk", "GB18030"},
      {"gb_2312-80", "GB18030"},
      {"chinese", "GB18030"},
      {"csgb2312", "GB18030"},
      {"shift_jis", "CP932"},
      {"shift-jis", "CP932"},
      {"sjis", "CP932"},
      {"x-sjis", "CP932"},
      {"ms_kanji", "CP932"},
      {"windows-31j", "CP932"},
      {"csshiftjis", "CP932"},
      {"euc-kr", "CP949"},
      {"ks_c_5601-1987", "CP949"},
      {"windows-949", "CP949"},
      {"big5", "BIG5-HKSCS"},
      {"x-x-big5", "BIG5-HKSCS"},
      {"x-user-defined", "WINDOWS-1252"},
      {"x-mac-roman", "MACINTOSH"},
      {"x-mac-cyrillic", "MAC-CYRILLIC"},
  }};
  for (const auto& [alias, target] : kAliases) {
    if (name == alias) return std::string(target);
  }
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? char(c - 32) : c; });
  return upper;
}

bool is_utf8_name(std::string_view name) noexcept {
  return name == "UTF-8";
}
bool is_utf16_name(std::string_view name) noexcept {
  return name.starts_with("UTF-16") || name.starts_with("UCS-2") || name == "UNICODE";
}

struct IconvCloser {
  void operator()(void* cd) const noexcept { iconv_close(static_cast<iconv_t>(cd)); }
};
using IconvHandle = std::unique_ptr<void, IconvCloser>;

IconvHandle open_decoder(const std::string& from) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return nullptr;
  return IconvHandle(cd);
}

// Decodes with iconv; every undecodable byte becomes U+FFFD.
std::string decode_with(iconv_t cd, std::string_view raw) {
  std::string out;
  out.resize(raw.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(raw.data());
  std::size_t in_left = raw.size();
  std::size_t written = 0;
  while (in_left > 0) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t result = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    written = out.size() - out_left;
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else if (errno == EILSEQ) {
      out.resize(std::max(out.size(), written + 8));
      out.replace(written, 3, "\xEF\xBF\xBD");
      written += 3;
      ++in_ptr;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    } else {  // EINVAL: incomplete sequence at the end
      out.resize(std::max(out.size(), written + 8));
      out.replace(written, 3, "\xEF\xBF\xBD");
      written += 3;
      break;
    }
  }
  out.resize(written);
  return out;
}

// Valid UTF-8 without NUL bytes is copied as is (the common case, a memcpy);
// anything else is repaired.
bool is_clean_utf8(std::string_view bytes) noexcept {
  std::size_t pos = 0;
  const std::size_t size = bytes.size();
  while (pos < size) {
    if (pos + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + pos, 8);
      // ASCII without NUL: no high bit set and no zero byte.
      const bool has_zero = ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0;
      if ((word & 0x8080808080808080ULL) == 0 && !has_zero) {
        pos += 8;
        continue;
      }
    }
    const auto lead = static_cast<unsigned char>(bytes[pos]);
    if (lead == 0) return false;
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (pos + length > size || !text::is_valid_utf8(bytes.substr(pos, length))) return false;
    pos += length;
  }
  return true;
}

// A page saved or served as UTF-8 under a stale legacy declaration (a common server
// and CMS default): text with bytes above ASCII that all form valid UTF-8 is almost
// never legacy-encoded text, and decoding it as declared would garble every accent.
// A byte-order mark is never second-guessed.
bool is_misdeclared_utf8(std::string_view encoding, std::string_view payload,
                         bool had_byte_order_mark) noexcept {
  if (had_byte_order_mark || is_utf8_name(encoding) || is_utf16_name(encoding)) return false;
  const bool non_ascii = std::any_of(payload.begin(), payload.end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  return non_ascii && is_clean_utf8(payload);
}

std::string valid_utf8_copy(std::string_view bytes) {
  if (is_clean_utf8(bytes)) return std::string(bytes);
  return text::repair_utf8(bytes);
}

std::string detect(std::string_view raw) {
  constexpr std::size_t kSample = 256 * 1024;
  std::string_view sample = raw.substr(0, kSample);
  if (sample.size() < raw.size()) {
    // End the sample on a character boundary.
    while (!sample.empty() && text::is_continuation_byte(sample.back())) {
      sample.remove_suffix(1);
    }
    if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0)
      sample.remove_suffix(1);
  }
  if (is_clean_utf8(sample) || text::is_valid_utf8(sample)) return "UTF-8";
  uchardet_t detector = uchardet_new();
  if (!detector) return "WINDOWS-1252";
  std::string name;
  if (uchardet_handle_data(detector, raw.data(), std::min(raw.size(), kSample)) == 0) {
    uchardet_data_end(detector);
    const char* found = uchardet_get_charset(detector);
    if (found) name = found;
  }
  uchardet_delete(detector);
  if (name.empty() || name == "ASCII") return "WINDOWS-1252";
  return iconv_name(name);
}

// One attribute inside a tag during the prescan.
struct PrescanAttribute {
  std::string name;
  std::string value;
};

// Reads an attribute at `i` as the standard's prescan does; false at the tag's end.
bool read_prescan_attribute(std::string_view s, std::size_t& i, PrescanAttribute& attribute) {
  attribute = {};
  while (i < s.size() && (is_html_space(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') return false;
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>' &&
         !(s[i] == '=' && !attribute.name.empty())) {
    attribute.name.push_back(to_lower(s[i]));
    ++i;
  }
  while (i < s.size() && is_html_space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return true;
  ++i;
  while (i < s.size() && is_html_space(s[i])) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
    const char quote = s[i++];
    while (i < s.size() && s[i] != quote) attribute.value.push_back(to_lower(s[i++]));
    if (i < s.size()) ++i;
  } else {
    while (i < s.size() && !is_html_space(s[i]) && s[i] != '>')
      attribute.value.push_back(to_lower(s[i++]));
  }
  return true;
}

}  // namespace

std::string prescan_meta_charset(std::string_view raw) {
  // The standard scans 1024 bytes; pages with long heads often declare it later, and
  // a few more kilobytes cost nothing.
  const std::string_view s = raw.substr(0, 8192);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 == s.size()) break;
    i = lt + 1;
    if (s.substr(lt, 4) == "<!--") {
      const std::size_t close = s.find("-->", lt + 4);
      if (close == std::string_view::npos) break;
      i = close + 3;
      continue;
    }
    const bool is_meta = lt + 5 < s.size() && to_lower(s[lt + 1]) == 'm' &&
                         to_lower(s[lt + 2]) == 'e' && to_lower(s[lt + 3]) == 't' &&
                         to_lower(s[lt + 4]) == 'a' &&
                         (is_html_space(s[lt + 5]) || s[lt + 5] == '/');
    if (is_meta) {
      i = lt + 5;
      PrescanAttribute attribute;
      bool http_equiv_content_type = false;
      std::string from_content;
      std::string charset;
      while (read_prescan_attribute(s, i, attribute)) {
        if (attribute.name == "charset" && charset.empty())
          charset = lower_trimmed(attribute.value);
        if (attribute.name == "http-equiv" && attribute.value == "content-type")
          http_equiv_content_type = true;
        if (attribute.name == "content") from_content = charset_parameter(attribute.value);
      }
      if (!charset.empty()) return charset;
      if (http_equiv_content_type && !from_content.empty()) return from_content;
      continue;
    }
    const std::size_t name_at = s[i] == '/' ? i + 1 : i;
    if (name_at < s.size() && is_ascii_alpha(s[name_at])) {
      i = name_at;
      while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') ++i;
      PrescanAttribute ignored;
      while (read_prescan_attribute(s, i, ignored)) {
      }
      continue;
    }
    if (s[i] == '!' || s[i] == '/' || s[i] == '?') {
      const std::size_t close = s.find('>', i);
      if (close == std::string_view::npos) break;
      i = close + 1;
    }
  }
  return {};
}

std::string decode_to_utf8(std::string_view raw, std::string_view content_type,
                           std::string* charset_out) {
  std::string encoding;
  std::string_view payload = raw;
  if (raw.starts_with("\xEF\xBB\xBF")) {
    encoding = "UTF-8";
    payload.remove_prefix(3);
  } else if (raw.starts_with("\xFE\xFF")) {
    encoding = "UTF-16BE";
    payload.remove_prefix(2);
  } else if (raw.starts_with("\xFF\xFE")) {
    encoding = "UTF-16LE";
    payload.remove_prefix(2);
  }
  IconvHandle decoder;
  auto usable = [&](const std::string& label) {
    if (label.empty()) return false;
    std::string name = iconv_name(label);
    if (is_utf8_name(name)) {
      encoding = name;
      return true;
    }
    decoder = open_decoder(name);
    if (!decoder) return false;
    encoding = std::move(name);
    return true;
  };
  if (encoding.empty()) {
    const std::string declared_by_header = charset_parameter(content_type);
    if (!usable(declared_by_header)) {
      std::string declared_in_page = prescan_meta_charset(raw);
      // A page cannot declare itself UTF-16 in ASCII-compatible bytes (the standard).
      if (is_utf16_name(iconv_name(declared_in_page))) declared_in_page = "utf-8";
      if (!usable(declared_in_page)) usable(detect(raw));
    }
  }
  if (encoding.empty()) encoding = "WINDOWS-1252";
  if (is_misdeclared_utf8(encoding, payload, raw.size() != payload.size())) {
    encoding = "UTF-8";
    decoder.reset();
  }
  if (charset_out) *charset_out = encoding;
  if (is_utf8_name(encoding)) return valid_utf8_copy(payload);
  if (!decoder) decoder = open_decoder(encoding);
  if (!decoder) return text::repair_utf8(payload);
  return text::repair_utf8(decode_with(static_cast<iconv_t>(decoder.get()), payload));
}

}  // namespace crbc::extract
