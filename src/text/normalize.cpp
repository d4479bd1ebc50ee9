#include "text/normalize.hpp"

#include <cstdlib>
#include <memory>

#include "text/codepoints.hpp"

namespace crbc::text {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

std::string map_with(std::string_view s, int options) {
  utf8proc_uint8_t* raw = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                              static_cast<utf8proc_ssize_t>(s.size()), &raw,
                              static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (n < 0 || raw == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
}

bool is_ascii(std::string_view s) noexcept {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Typographic apostrophes fold to the ASCII one so "don’t" and "don't" agree.
std::string unify_apostrophes(std::string_view s) {
  static constexpr std::string_view kRightQuote = "\xE2\x80\x99";
  static constexpr std::string_view kModifierApostrophe = "\xCA\xBC";
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const std::string_view rest = s.substr(pos);
    if (rest.starts_with(kRightQuote) || rest.starts_with(kModifierApostrophe)) {
      out += '\'';
      pos += rest.starts_with(kRightQuote) ? kRightQuote.size() : kModifierApostrophe.size();
    } else {
      out += s[pos++];
    }
  }
  return out;
}

}  // namespace

std::string fold_case(std::string_view s) {
  if (is_ascii(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  return unify_apostrophes(map_with(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                           UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
}

std::string normalize_nfc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  return map_with(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

}  // namespace crbc::text
