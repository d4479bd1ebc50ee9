// `crbc summarize`: extractive summary, key phrases, named entities, quotes with
// their speakers, and reading statistics for an article record.
//
//   crbc::summarize::Summarizer summarizer(options);   // one per thread
//   auto result = summarizer.summarize(article);       // fills article.extra
//
// Everything is heuristic and model-free, so that it works in any language crbc
// reads; the summary methods are measured by bench/summarize.sh (ROUGE).
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis.hpp"
#include "model/article.hpp"
#include "text/stem.hpp"

namespace crbc::summarize {

enum class Method {
  lead,      // the first sentences, as written
  textrank,  // PageRank over word-overlap similarity (Mihalcea & Tarau 2004)
  lexrank,   // PageRank over thresholded TF-IDF cosine similarity (Erkan & Radev 2004)
  hybrid,    // default: position prior blended with centrality, minus redundancy
};

// "lead", "textrank", "lexrank", "hybrid" or "default"; nullopt otherwise.
std::optional<Method> parse_method(std::string_view name);
// The names parse_method accepts, "default" first.
std::vector<std::string_view> method_names();
std::string_view method_name(Method method);

struct Options {
  Method method = Method::hybrid;
  // Summary length: the first non-zero of sentences, words, ratio wins; all zero
  // means kDefaultSentences.
  std::size_t sentences = 0;
  std::size_t words = 0;  // stop before the summary exceeds this many words (>= 1 sentence)
  double ratio = 0.0;     // fraction (0, 1] of the article's candidate sentences
  std::size_t max_keywords = 10;
  // Graph methods compare at most this many sentences (the first ones), so that
  // similarity stays bounded on huge bodies.
  std::size_t max_candidates = 300;
  // Language when the record has none (BCP 47); "" means English.
  std::string default_language = "en";
};

inline constexpr std::size_t kDefaultSentences = 3;
// Sentences longer than this are not summary candidates (run-on text, missing
// punctuation): a summary line should be readable.
inline constexpr std::size_t kMaxSentenceWords = 120;

// What the analysis finds is what the record holds (model/analysis.hpp).
using model::Entity;
using model::EntityType;
using model::Keyword;
using model::QuoteFound;
using model::Stats;
using model::SummarySentence;

struct Analysis {
  Method method = Method::hybrid;
  std::vector<SummarySentence> summary;  // in article order
  std::vector<Keyword> keywords;         // best first
  std::vector<Entity> entities;          // most mentioned first
  std::vector<QuoteFound> quotes;        // in article order
  Stats stats;
  std::vector<std::string> warnings;  // why something is empty or partial
};

// A piece of article text: a paragraph, quote or list item (summary candidates),
// or other text that only informs (the title).
struct Passage {
  std::string_view text;
  std::size_t block = 0;
  bool candidate = true;
};

// The fields written into Article::extra: "summary", "keywords", "entities",
// "quotes", "stats".
nlohmann::ordered_json to_json(const Analysis& analysis);

class Summarizer {
 public:
  explicit Summarizer(Options options = {});

  // Analysis of passages in one language (the bench and other callers without a
  // record use this directly).
  Analysis analyze(const std::vector<Passage>& passages, std::string_view title,
                   std::string_view language);
  // Analysis of an article's body: paragraphs, quotes and list items are summary
  // candidates; headings, captions, tables and code never are.
  Analysis analyze(const model::Article& article);
  // analyze() and write the result into article.extra; returns the analysis
  // (its warnings are for stderr).
  Analysis summarize(model::Article& article);

  const Options& options() const noexcept { return options_; }

 private:
  text::Stemmer& stemmer_for(std::string_view language);

  Options options_;
  std::map<std::string, text::Stemmer, std::less<>> stemmers_;
};

}  // namespace crbc::summarize
