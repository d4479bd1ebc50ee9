// Shared text processing for every concern that reads prose (summarize, related):
// word tokens, normalisation and case folding (utf8proc), Snowball stemming
// (libstemmer), stop words per language (data/stopwords/<lang>.txt) and sentence
// splitting. All functions take valid UTF-8 (see utf8.hpp: repair_utf8) and never
// throw on odd input; invalid bytes are skipped, never read past the end.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct sb_stemmer;  // libstemmer

namespace crbc::text {

// ---------------------------------------------------------------------------
// Word tokens

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

// Case-folded NFKC form (utf8proc: compose, compat, casefold, strip default-ignorables).
// Also maps typographic apostrophes to '\''. Returns "" for invalid UTF-8.
std::string fold_case(std::string_view utf8);
// NFC only, case kept.
std::string normalize_nfc(std::string_view utf8);

// ---------------------------------------------------------------------------
// Stemming

// Primary language subtag of a BCP 47 tag, lower case: "pt-BR" -> "pt", "EN" -> "en".
std::string primary_language(std::string_view bcp47);

// A Snowball stemmer for one language. Not thread-safe: one instance per thread.
// Unknown languages (and "") stem to the input unchanged. Belarusian uses the
// Russian stemmer (closest available); Ukrainian too when libstemmer has none.
class Stemmer {
 public:
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of an already case-folded word. The view stays valid until the next call.
  std::string_view stem(std::string_view folded_word);
  bool available() const noexcept { return stemmer_ != nullptr; }

 private:
  struct Deleter {
    void operator()(sb_stemmer* stemmer) const noexcept;
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

// ---------------------------------------------------------------------------
// Stop words

// Case-folded stop words of one language. Lookup by folded word.
class StopWords {
 public:
  StopWords() = default;
  explicit StopWords(const std::vector<std::string>& words);
  bool contains(std::string_view folded_word) const;
  std::size_t size() const noexcept { return words_.size(); }
  bool empty() const noexcept { return words_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

// Words of a list file under data/: one word (or phrase) a line, '#' starts a comment,
// blanks around it trimmed, case-folded. A missing file gives an empty list.
std::vector<std::string> read_word_list(const std::filesystem::path& path);

// Stop words of a language (BCP 47 tag or primary subtag), loaded once per language
// from <data dir>/stopwords/<lang>.txt (one word per line, '#' comments). An unknown
// language gives an empty list. Thread-safe; the reference lives for the process.
const StopWords& stop_words(std::string_view language);

class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The folder of crbc's data files: $CRBC_DATA_DIR when set; else share/crbc beside
// the executable's folder (an installed copy, under whatever prefix); else, for the
// executables of the build tree only, the source tree's data/; else the configured
// install folder.
// Found once per process. Throws DataError, naming where it looked, when none of
// them holds the data: crbc never runs on silently without its word lists.
const std::string& data_directory();

// ---------------------------------------------------------------------------
// Sentences

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
