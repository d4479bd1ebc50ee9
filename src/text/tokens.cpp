#include "text/tokens.hpp"

#include "text/codepoints.hpp"

namespace crbc::text {
namespace {

using detail::decode_at;

bool is_word_char(char32_t cp) noexcept {
  return detail::is_alnum(cp) || detail::is_mark(cp);
}

// Whether the joiner at `pos` (hyphen, apostrophe, or '.'/',' inside a number) is
// followed by a word character, so that it stays inside the token.
bool joins_next(std::string_view s, std::size_t pos, std::size_t joiner_length,
                bool digits_only) noexcept {
  const std::size_t next = pos + joiner_length;
  if (next >= s.size()) return false;
  const char32_t cp = decode_at(s, next).code_point;
  return digits_only ? detail::is_digit(cp) : is_word_char(cp);
}

}  // namespace

namespace {

template <typename Sink>
void scan_tokens(std::string_view s, Sink&& sink) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto d = decode_at(s, pos);
    if (!is_word_char(d.code_point) || detail::is_mark(d.code_point)) {
      pos += d.length;
      continue;
    }
    Token token;
    token.offset = pos;
    bool numeric = detail::is_digit(d.code_point);
    std::size_t letters = 0;
    std::size_t upper = 0;
    token.capitalized = detail::is_upper(d.code_point);
    std::size_t end = pos;
    while (end < s.size()) {
      d = decode_at(s, end);
      const char32_t cp = d.code_point;
      if (is_word_char(cp)) {
        if (detail::is_letter(cp)) {
          ++letters;
          if (detail::is_upper(cp)) ++upper;
          numeric = false;
        }
        end += d.length;
        continue;
      }
      const bool number_separator = (cp == '.' || cp == ',') && numeric;
      const bool word_joiner = detail::is_hyphen(cp) || detail::is_apostrophe(cp);
      if ((number_separator || word_joiner) && joins_next(s, end, d.length, number_separator)) {
        end += d.length;
        continue;
      }
      break;
    }
    token.text = s.substr(pos, end - pos);
    token.kind = numeric ? TokenKind::number : TokenKind::word;
    token.all_caps = letters >= 2 && upper == letters;
    sink(token);
    pos = end;
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  scan_tokens(s, [&](const Token& token) { tokens.push_back(token); });
  return tokens;
}

std::size_t count_words(std::string_view s) {
  std::size_t count = 0;
  scan_tokens(s, [&](const Token&) { ++count; });
  return count;
}

}  // namespace crbc::text
