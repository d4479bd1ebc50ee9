// What the related index knows about an article's text: its stemmed terms with
// their frequencies (for TF-IDF), and a MinHash signature of its word shingles (for
// near-duplicates). Built from the shared src/text/ tokenizer, stemmer and stop words.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/article.hpp"
#include "related/minhash.hpp"
#include "text/stem.hpp"

namespace crbc::related {

struct TermCount {
  std::string term;     // case-folded stem
  std::string surface;  // the folded word it came from most often, for display
  std::uint32_t count = 0;
};

struct Analysis {
  std::vector<TermCount> terms;  // sorted by term
  Signature signature;           // empty when the article has no words
  std::size_t words = 0;         // word tokens in title and body
};

struct AnalyzerOptions {
  // Used when a record does not name its language; "" leaves words unstemmed.
  std::string default_language = "en";
  // Title words count this many times (1 measured best: titles repeat the body).
  std::uint32_t title_weight = 1;
  // Whether number tokens (1987, 4th, 3.5) are terms too: in news they often name
  // the topic (quarters, years, sizes), and dropping them measured worse.
  bool numbers = true;
  MinHashOptions minhash;
};

// Turns articles into Analysis. Keeps one stemmer per language seen; not thread-safe.
class Analyzer {
 public:
  explicit Analyzer(AnalyzerOptions options = {});
  // Terms and MinHash signature.
  Analysis analyze(const model::Article& article);
  // Terms only (no signature): what a related-articles query needs.
  Analysis analyze_terms(const model::Article& article);
  // A hash of what analyze() reads (language, title, description, body) and of the
  // options: an index that holds an article with the same fingerprint holds its
  // analysis, and a query can take its term vector from there.
  std::uint64_t fingerprint(const model::Article& article) const;
  const AnalyzerOptions& options() const noexcept { return options_; }

 private:
  // A language's stemmer and the stems it gave: stemming was the dearest step of
  // an analysis, and a language has far fewer words than articles have tokens.
  class Stems {
   public:
    explicit Stems(const std::string& language) : stemmer_(language) {}
    std::string_view of(const std::string& folded_word);

   private:
    text::Stemmer stemmer_;
    std::unordered_map<std::string, std::string> known_;
  };

  Analysis analyze(const model::Article& article, bool with_signature);
  std::string language_of(const model::Article& article) const;
  Stems& stems_for(const std::string& language);

  AnalyzerOptions options_;
  std::map<std::string, Stems, std::less<>> stems_;
};

// The text the index compares: title, description and body.
std::string comparable_text(const model::Article& article);

}  // namespace crbc::related
