// Internal to src/summarize: the article as sentences of stemmed content terms,
// the shared input of every ranking method.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "summarize/names.hpp"
#include "summarize/summarize.hpp"
#include "text/stem.hpp"

namespace crbc::summarize::detail {

using TermId = std::uint32_t;

struct SentenceInfo {
  std::string_view text;
  std::size_t passage = 0;  // index in the passages given to the summarizer
  std::size_t block = 0;
  std::size_t begin = 0;  // byte offset in the passage text
  std::size_t words = 0;
  std::vector<TermId> terms;  // content-word stems, in order, repeats kept
  bool candidate = true;      // eligible for the summary (length within bounds)
};

// The article as the ranking methods see it: its sentences as stemmed term ids.
struct TermDocument {
  std::vector<SentenceInfo> sentences;  // from candidate passages, in order
  std::vector<TermId> title_terms;
  std::size_t vocabulary = 0;
};

// Beyond this many sentences an article is not read further for the summary.
inline constexpr std::size_t kMaxSentences = 20'000;

TermDocument build_term_document(const std::vector<Passage>& passages,
                                 const std::vector<SentenceWords>& sentences,
                                 std::string_view title, std::string_view language,
                                 text::Stemmer& stemmer);

// Tunables of the default method, chosen by measuring (bench/summarize.sh): ROUGE
// moved by a few tenths at most across reasonable values, so they are round numbers.
struct HybridWeights {
  double position = 1.0;
  double decay = 1.0;
  double centrality = 0.6;
  double title = 0.3;
  std::size_t short_words = 8;
  double short_penalty = 0.5;
  std::size_t long_words = 60;
  double long_penalty = 0.2;
  double redundancy = 0.6;
};
inline constexpr HybridWeights kHybridWeights{};

// One score per sentence (higher is better); non-candidates score -infinity.
std::vector<double> score_sentences(const TermDocument& document, Method method,
                                    std::size_t max_candidates);

// Indices of the chosen sentences in article order.
std::vector<std::size_t> select_sentences(const TermDocument& document,
                                          const std::vector<double>& scores, Method method,
                                          const Options& options);

}  // namespace crbc::summarize::detail
