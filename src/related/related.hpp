// crbc related: the library behind `crbc related`. Include this one header.
//
//   auto index = related::open_index("news.db", related::OpenMode::write);
//   index->add(articles);                                  // cron: each day's articles
//   related::set_related(article, index->query(article, {}), "index");
//
//   auto corpus = related::corpus_index(records);          // --corpus FILES...
//   related::set_related(article, corpus->query(article, options), "corpus");
//
//   related::StreamDeduplicator dedup;                      // --dedup on a stream
//   if (dedup.check(article)) { /* near-copy of an earlier record: drop or keep */ }
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "model/article.hpp"
#include "model/duplicate.hpp"
#include "related/analysis.hpp"
#include "related/errors.hpp"
#include "related/index.hpp"
#include "related/minhash.hpp"

namespace crbc::related {

// Key of Article::extra holding near-duplicates (model::Duplicate).
using model::kDuplicatesKey;
// Estimated shingle Jaccard similarity from which two articles count as near-copies.
inline constexpr double kDefaultDuplicateThreshold = 0.5;

// Replaces the article's computed related entries (source "corpus" or "index") by
// `matches` with that source; the page's own links (source "page") stay first, as
// they were. Terms come along; with explain, per-term weights go to
// RelatedArticle::extra["explain"] with the cosine and the retrieval score.
void set_related(model::Article& article, const std::vector<Match>& matches,
                 std::string_view source, bool explain = false);

// Writes extra["duplicates"] (removes it when there are none).
void set_duplicates(model::Article& article, const std::vector<DuplicateMatch>& duplicates);

// An in-memory index over a corpus. Records without url or text are skipped (listed
// in `summary` when given); a corpus with no usable record is an io::InputError.
std::unique_ptr<Index> corpus_index(std::span<const model::Article> corpus,
                                    IndexOptions options = {}, AddSummary* summary = nullptr);

// Near-duplicates in a stream: each record is compared with the records before it.
class StreamDeduplicator {
 public:
  explicit StreamDeduplicator(double threshold = kDefaultDuplicateThreshold,
                              AnalyzerOptions options = {});
  // Records the near-duplicates of `article` among earlier records in
  // extra["duplicates"] and returns true when there are any. The article is
  // remembered either way (unless it has no url).
  bool check(model::Article& article);

 private:
  double threshold_;
  Analyzer analyzer_;
  NearDuplicateFinder finder_;
};

}  // namespace crbc::related
