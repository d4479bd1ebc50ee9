// The related-articles store: add, remove, query top-k related articles and
// near-duplicates. `Index` is the interface; open_index() gives the SQLite engine
// (one file, WAL, posting lists kept in segments) and memory_index() an in-memory
// engine for --corpus. Both share the weights, retrieval and ranking (ranking.hpp).
// An Index object is used by one thread at a time; many processes may read one
// index file while one writes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/article.hpp"
#include "related/analysis.hpp"
#include "related/errors.hpp"
#include "related/minhash.hpp"

namespace crbc::related {

enum class SiteFilter { any, same_site, other_site };

struct QueryOptions {
  std::size_t k = 10;
  double min_score = 0.0;  // cosine similarity after the recency factor, 0..1
  SiteFilter site = SiteFilter::any;
  std::optional<std::string> since;  // YYYY-MM-DD, inclusive; undated articles excluded
  std::optional<std::string> until;  // YYYY-MM-DD, inclusive; undated articles excluded
  // Recency preference: a half-life in days (0 = off). The score is multiplied by
  // 0.5 + 0.5 * 2^(-days apart / half-life), counted from the query article's date
  // (or today when it has none); undated candidates get the floor, 0.5.
  double recency_half_life_days = 0.0;
  bool explain = false;   // fill Match::explanation with per-term contributions
  std::size_t terms = 5;  // terms reported per match
  // Retrieval walks the posting lists of the query's `query_terms` heaviest terms
  // held by at most `retrieval_max_df_share` of the articles (1 = no limit), and
  // ranks its `candidates` best by cosine.
  std::size_t query_terms = 30;
  std::size_t candidates = 30;
  double retrieval_max_df_share = 1.0;
  // Pseudo-relevance feedback (Rocchio): the normalised query is moved toward the
  // centroid of its `expansion_docs` best candidates (those within a third of the
  // best cosine, each weighing by its cosine squared), given this weight, before
  // the final ranking (0 = plain cosine). Measured on the development set: +0.01
  // p@5, +0.02 MAP@10.
  std::size_t expansion_docs = 30;
  double expansion_weight = 1.0;
};

struct TermContribution {
  std::string term;   // a word form of the shared stem
  double weight = 0;  // its share of the cosine
};

struct Match {
  std::string url;  // canonical url when the article has one
  std::string title;
  std::string site;
  std::string published;
  double score = 0;                // final score: cosine with the expanded query x recency factor
  double cosine = 0;               // cosine similarity with the query (ranking.hpp)
  double retrieval = 0;            // the cosine over the query's retrieval terms, as retrieved
  std::vector<std::string> terms;  // shared terms that weigh most
  std::vector<TermContribution> explanation;  // with QueryOptions::explain
};

struct IndexStats {
  std::int64_t articles = 0;
  std::int64_t terms = 0;  // distinct stems
  std::int64_t sites = 0;
  std::string oldest;  // earliest / latest publication date (YYYY-MM-DD), "" if none
  std::string newest;
  std::int64_t bytes = 0;  // database size (pages in use x page size)
  int schema_version = 0;
  std::string path;
};

struct AddSummary {
  std::size_t added = 0;
  std::size_t updated = 0;  // same url or canonical url as an existing entry
  struct Skipped {
    std::size_t position = 0;  // index in the batch
    std::string reason;
  };
  std::vector<Skipped> skipped;  // records without url or text
};

class Index {
 public:
  virtual ~Index() = default;

  // Adds (or replaces) the articles in one transaction: all or nothing.
  virtual AddSummary add(std::span<const model::Article> articles) = 0;
  // Removes the entry whose url or canonical url is `url`; false when absent.
  virtual bool remove(std::string_view url) = 0;
  virtual IndexStats stats() const = 0;
  // Articles related to `article`, best first; the article itself (same url or
  // canonical url) is never among them. Throws io::InputError when it has no text.
  virtual std::vector<Match> query(const model::Article& article, const QueryOptions& options) = 0;
  // Indexed articles whose word shingles resemble the article's (estimated Jaccard
  // >= threshold), most similar first; the article itself excluded.
  virtual std::vector<DuplicateMatch> near_duplicates(const model::Article& article,
                                                      double threshold) = 0;
};

enum class OpenMode {
  read,   // must exist; any change throws IndexReadOnlyError
  write,  // created when missing
};

struct IndexOptions {
  AnalyzerOptions analyzer;
  int busy_timeout_ms = 10'000;        // how long to wait for another writer
  std::int64_t cache_kib = 64 * 1024;  // SQLite page cache per connection
};

// Opens (or creates) the index file. Throws IndexFormatError for a file that is not
// a crbc index (foreign or damaged), IndexVersionError for one from a newer crbc,
// IndexReadOnlyError when writing was asked and the file cannot be written.
std::unique_ptr<Index> open_index(const std::filesystem::path& path, OpenMode mode,
                                  IndexOptions options = {});

// The in-memory engine: corpora given on the command line (nothing is written).
std::unique_ptr<Index> memory_index(IndexOptions options = {});

// The schema version this build writes and reads; newer files are refused.
inline constexpr int kIndexSchemaVersion = 2;
// SQLite application_id of crbc index files ("crbc" in ASCII).
inline constexpr std::int32_t kIndexApplicationId = 0x63726263;

// The identity of an article in an index: canonical url when present, else url.
std::string article_key(const model::Article& article);
// The analysis of the article at `position` of a batch being added; nothing when
// the article cannot be indexed (no url, no text), which `summary` then records.
std::optional<Analysis> analyze_for_adding(Analyzer& analyzer, const model::Article& article,
                                           std::size_t position, AddSummary& summary);
// Lower-case host of the article's url without "www.", else its folded site name.
std::string site_key(const model::Article& article);
// Days since 1970-01-01 of an ISO 8601 date or date-time prefix (YYYY-MM-DD...).
std::optional<std::int64_t> parse_day(std::string_view iso_date);

}  // namespace crbc::related
