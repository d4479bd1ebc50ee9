// Sentence splitting, rule-based, for every concern that reads prose (summarize,
// extract's description excerpt). Takes valid UTF-8 (see utf8.hpp: repair_utf8)
// and never throws on odd input; invalid bytes are skipped, never read past the end.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace crbc::text {

struct Sentence {
  std::size_t begin = 0;  // byte range [begin, end) in the input, trimmed of spaces
  std::size_t end = 0;
  std::string_view text;  // view into the input
};

// Sentences of a text in order. Splits after . ! ? … (and their CJK/Arabic forms)
// followed by space and a plausible sentence start, keeping closing quotes and
// brackets with the sentence they end. Does not split after abbreviations (Mr.,
// Dr., U.S., e.g., z. B., т. е., г.), initials (J. R. R. Tolkien), inside numbers
// (3.5, 1,257) or before a lower-case continuation. Blank lines always split.
// `language` (BCP 47) selects extra abbreviations; all known lists apply anyway.
std::vector<Sentence> split_sentences(std::string_view text, std::string_view language = "");

}  // namespace crbc::text
