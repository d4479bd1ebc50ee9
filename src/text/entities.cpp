#include "text/entities.hpp"

#include <array>
#include <cstdint>

#include "text/utf8.hpp"

namespace crbc::text {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

constexpr auto kNamedEntities = std::to_array<NamedEntity>({
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},
    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"eacute", 0xE9},  {"egrave", 0xE8},
    {"aacute", 0xE1},  {"agrave", 0xE0},   {"iacute", 0xED},  {"oacute", 0xF3},  {"uacute", 0xFA},
    {"ntilde", 0xF1},  {"ccedil", 0xE7},   {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},
    {"Auml", 0xC4},    {"Ouml", 0xD6},     {"Uuml", 0xDC},    {"szlig", 0xDF},   {"Eacute", 0xC9},
    {"ecirc", 0xEA},   {"acirc", 0xE2},    {"ocirc", 0xF4},   {"icirc", 0xEE},   {"euro", 0x20AC},
    {"pound", 0xA3},   {"middot", 0xB7},   {"bull", 0x2022},  {"shy", 0xAD},
});

// Decodes the reference starting at text[pos] == '&'; returns its length, 0 if none.
std::size_t decode_reference(std::string_view text, std::size_t pos, std::string& out) {
  const std::size_t end = text.find(';', pos + 1);
  if (end == std::string_view::npos || end - pos > 12) return 0;
  const std::string_view body = text.substr(pos + 1, end - pos - 1);
  if (body.size() >= 2 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    std::uint32_t value = 0;
    for (char c : digits) {
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') digit = (c | 0x20) - 'a' + 10;
      if (digit < 0) return 0;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    if (value == 0) value = 0xFFFD;
    text::append_utf8(out, static_cast<char32_t>(value));
    return end - pos + 1;
  }
  for (const auto& entity : kNamedEntities) {
    if (entity.name == body) {
      text::append_utf8(out, entity.code_point);
      return end - pos + 1;
    }
  }
  return 0;
}

}  // namespace

std::string decode_html_references(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    if (text[pos] == '&') {
      if (const std::size_t used = decode_reference(text, pos, out); used > 0) {
        pos += used;
        continue;
      }
    }
    out += text[pos++];
  }
  return out;
}

}  // namespace crbc::text
