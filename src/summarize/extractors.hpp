// Internal to src/summarize: key phrases, named entities and quotes.
#pragma once

#include <vector>

#include "summarize/names.hpp"
#include "summarize/summarize.hpp"
#include "text/stem.hpp"

namespace crbc::summarize::detail {

// Key phrases of the candidate passages (the title counts as a boost, not a source).
std::vector<Keyword> extract_keywords(const std::vector<Passage>& passages,
                                      const std::vector<SentenceWords>& sentences,
                                      std::string_view title, std::string_view language,
                                      text::Stemmer& stemmer, std::size_t max_keywords);

// People, organisations and places named in the passages, most mentioned first.
std::vector<Entity> extract_entities(const std::vector<Passage>& passages,
                                     const std::vector<SentenceWords>& sentences,
                                     std::string_view language);

// Quoted speech with the speaker, resolved against `entities` where possible.
std::vector<QuoteFound> extract_quotes(const std::vector<Passage>& passages,
                                       const std::vector<SentenceWords>& sentences,
                                       const std::vector<Entity>& entities,
                                       std::string_view language);

// Text analysed by the extractors is bounded: beyond this many bytes in total the
// rest of the article is skipped (with a warning), so huge bodies stay linear and small.
inline constexpr std::size_t kMaxAnalysedBytes = 1 << 20;

}  // namespace crbc::summarize::detail
