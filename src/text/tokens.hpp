// Unicode word tokens: words and numbers in order, with their byte offsets and
// case shape, for every concern that reads prose (summarize, related). Takes valid
// UTF-8 (see utf8.hpp: repair_utf8) and never throws on odd input; invalid bytes are
// skipped, never read past the end.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace crbc::text {

enum class TokenKind {
  word,    // letters (and marks), possibly joined by inner hyphens or apostrophes
  number,  // digits, possibly with inner separators: 1,257  3.5  2024-05-01
};

struct Token {
  std::string_view text;   // view into the tokenized input
  std::size_t offset = 0;  // byte offset of `text` in the input
  TokenKind kind = TokenKind::word;
  bool capitalized = false;  // first letter is upper or title case
  bool all_caps = false;     // two or more letters, all upper case (NATO, США)
};

// Unicode word tokens in order. Words are runs of letters, marks and digits that may
// contain inner hyphens ("well-known") and apostrophes ("don't", "l'Europe", U+2019
// too); numbers keep inner '.' and ',' between digits. Punctuation, symbols and
// spaces are dropped.
std::vector<Token> tokenize(std::string_view utf8);
// Number of tokens tokenize() would return, without allocating.
std::size_t count_words(std::string_view utf8);

}  // namespace crbc::text
