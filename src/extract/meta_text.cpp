#include "extract/meta_text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>

#include "text/utf8.hpp"

namespace crbc::extract::meta {
namespace {

// Calls `visit(code_point)` for each code point; invalid bytes come out as U+FFFD.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit&& visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t cp = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
    auto length = utf8proc_iterate(bytes, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (length <= 0) {
      cp = 0xFFFD;
      length = 1;
    }
    visit(static_cast<char32_t>(cp));
    pos += static_cast<std::size_t>(length);
  }
}

bool is_space(char32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
    return true;
  return cp >= 0x2000 && cp <= 0x200B;
}

bool is_alnum(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
         category == UTF8PROC_CATEGORY_ND || category == UTF8PROC_CATEGORY_MN ||
         category == UTF8PROC_CATEGORY_MC;
}

void append_lowercase(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
  } else {
    text::append_utf8(out,
                      static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
  }
}

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

constexpr NamedEntity kNamedEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"laquo", 0xAB},   {"raquo", 0xBB},
    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"eacute", 0xE9},  {"egrave", 0xE8},
    {"aacute", 0xE1},  {"agrave", 0xE0},   {"iacute", 0xED},  {"oacute", 0xF3},  {"uacute", 0xFA},
    {"ntilde", 0xF1},  {"ccedil", 0xE7},   {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},
    {"Auml", 0xC4},    {"Ouml", 0xD6},     {"Uuml", 0xDC},    {"szlig", 0xDF},   {"Eacute", 0xC9},
    {"ecirc", 0xEA},   {"acirc", 0xE2},    {"ocirc", 0xF4},   {"icirc", 0xEE},   {"euro", 0x20AC},
    {"pound", 0xA3},   {"middot", 0xB7},   {"bull", 0x2022},  {"shy", 0xAD},
};

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

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for_each_code_point(text, [&](char32_t cp) {
    if (is_space(cp) || cp == 0xAD) {  // soft hyphens vanish like spaces collapse
      pending_space = cp != 0xAD || pending_space;
      return;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    text::append_utf8(out, cp);
  });
  return out;
}

std::string lowercase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t cp) { append_lowercase(out, cp); });
  return out;
}

std::string decode_entities(std::string_view text) {
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

std::string fold_alnum(std::string_view text) {
  std::string out;
  for_each_code_point(text, [&](char32_t cp) {
    if (is_alnum(cp)) append_lowercase(out, cp);
  });
  return out;
}

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for_each_code_point(text, [&](char32_t cp) {
    const bool alnum = is_alnum(cp);
    if (alnum && !in_word) ++words;
    in_word = alnum;
  });
  return words;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equals_ci(text.substr(0, prefix.size()), prefix);
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace crbc::extract::meta
