#include "extract/jsonld_body.hpp"

#include "text/utf8.hpp"

namespace crbc::extract {
namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at `text[i]`, or -1.
long read_hex4(std::string_view text, std::size_t i) noexcept {
  if (i + 4 > text.size()) return -1;
  long value = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int digit = hex_value(text[i + k]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

std::string read_json_string(std::string_view text, std::size_t& end) {
  std::string out;
  end = std::string_view::npos;
  if (text.empty() || text[0] != '"') return out;
  std::size_t i = 1;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      end = i + 1;
      return text::repair_utf8(out);
    }
    if (c != '\\') {
      out.push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= text.size()) break;
    const char escaped = text[i + 1];
    i += 2;
    switch (escaped) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'b':
      case 'f':
        out.push_back(' ');
        break;
      case 'u': {
        long code = read_hex4(text, i);
        if (code < 0) {
          out += "\xEF\xBF\xBD";
          break;
        }
        i += 4;
        if (code >= 0xD800 && code <= 0xDBFF && i + 6 <= text.size() && text[i] == '\\' &&
            text[i + 1] == 'u') {
          const long low = read_hex4(text, i + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        text::append_utf8(out, static_cast<char32_t>(code));
        break;
      }
      default:
        out.push_back(escaped);
        break;  // \" \\ \/ and anything else as is
    }
  }
  return {};
}

std::string json_ld_article_body(const Document& doc) {
  std::string best;
  for (const NodeId script : doc.elements_by_tag("script")) {
    if (doc.attr_or_empty(script, "type").find("ld+json") == std::string_view::npos) continue;
    const std::string json = doc.text_content(script);
    const std::string_view view = json;
    std::size_t at = 0;
    while ((at = view.find("\"articleBody\"", at)) != std::string_view::npos) {
      std::size_t i = at + 13;
      while (i < view.size() &&
             (view[i] == ' ' || view[i] == '\t' || view[i] == '\n' || view[i] == '\r'))
        ++i;
      if (i >= view.size() || view[i] != ':') {
        at = i;
        continue;
      }
      ++i;
      while (i < view.size() &&
             (view[i] == ' ' || view[i] == '\t' || view[i] == '\n' || view[i] == '\r'))
        ++i;
      std::size_t end = 0;
      std::string body = read_json_string(view.substr(i), end);
      if (body.size() > best.size()) best = std::move(body);
      at = end == std::string_view::npos ? view.size() : i + end;
    }
  }
  return best;
}

}  // namespace crbc::extract
