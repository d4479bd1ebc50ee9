#include "extract/meta_text.hpp"

#include <utf8proc.h>

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

}  // namespace crbc::extract::meta
