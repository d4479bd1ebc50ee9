// Stop words per language (data/stopwords/<lang>.txt), and the reader of crbc's
// word-list files that loads them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace crbc::text {

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

}  // namespace crbc::text
