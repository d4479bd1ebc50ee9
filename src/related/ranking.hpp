// The ranking both engines share (internal): term weights, the query vector,
// candidate retrieval over posting lists, the cosine, pseudo-relevance feedback and
// the final ordering. Engines differ only in where postings and vectors are stored.
//
// Weights follow SMART's lnc.ltc: an indexed article is its log tf vector,
// cosine-normalised, without idf; the query article is log tf x idf. Idf counts
// once in a similarity instead of twice (as in a cosine of two TF-IDF vectors),
// which on the development set added about 0.03 to p@5 and 0.04 to MAP@10. And an
// indexed article's weights depend on it alone: nothing to recompute as the
// collection grows.
//
// A query runs in two stages. Retrieval: the query's heaviest terms walk their
// posting lists, each posting carrying the article's weight for the term (its
// impact), and every article met gets a retrieval score. Ranking: the best
// candidates are loaded with their whole vectors, scored by cosine, the query is
// expanded toward the best few (Rocchio) and the candidates are scored again.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "related/analysis.hpp"
#include "related/index.hpp"

namespace crbc::related::detail {

// Smoothed idf, as scikit-learn's TfidfVectorizer: ln((1 + N) / (1 + df)) + 1.
double idf(std::int64_t df, std::int64_t documents);
// Sublinear tf: 1 + ln(count).
double tf_weight(std::uint32_t count);

struct TermEntry {
  std::int64_t id = 0;
  std::uint32_t count = 0;
};

// Euclidean length of an article's tf weights: the norm of its vector.
double tf_length(std::span<const TermEntry> entries);

// A posting's impact: the term's tf weight over the article's tf_length (its weight
// in the normalised vector), in (0, 1], kept in one byte (logarithmic steps of
// about 3%).
std::uint8_t impact_code(std::uint32_t count, double length);
extern const std::array<double, 256> kImpacts;  // by code
inline double impact_of(std::uint8_t code) {
  return kImpacts[code];
}

struct Posting {
  std::int64_t article = 0;
  std::uint8_t impact = 0;  // impact_code
};

struct QueryTerm {
  std::int64_t id = 0;
  double weight = 0;  // tf weight x idf
  std::int64_t df = 0;
  std::string surface;
};

struct QueryVector {
  std::vector<QueryTerm> terms;  // terms the collection knows, ascending id
  double norm = 0;               // over every query term, known or not
};

// Looks a stem up in the collection: its id and document frequency.
using TermLookup =
    std::function<std::optional<std::pair<std::int64_t, std::int64_t>>(const std::string&)>;
QueryVector query_vector(const Analysis& analysis, std::int64_t documents,
                         const TermLookup& lookup);

struct TermInfo {
  std::int64_t df = 0;
  std::string surface;
};
// The document frequency and display form of a term id the collection knows.
using TermInfoLookup = std::function<TermInfo(std::int64_t id)>;
// The query vector of an article the collection holds, from its stored term entries
// (no analysis: the fingerprint said the text is the same).
QueryVector query_vector(std::span<const TermEntry> entries, std::int64_t documents,
                         const TermInfoLookup& info);

// The terms whose posting lists retrieval walks: the query's `options.query_terms`
// heaviest, among those held by at most `options.retrieval_max_df_share` of the
// `documents` (but at least three terms when the query has them).
std::vector<const QueryTerm*> retrieval_terms(const QueryVector& vector,
                                              const QueryOptions& options, std::int64_t documents);

// Values by id (>= 0) in open addressing, for tables keyed by term or article id.
template <typename Value>
class IdTable {
 public:
  explicit IdTable(std::size_t expected = 0)
      : slots_(std::bit_ceil(std::max<std::size_t>(16, expected * 2))) {}

  Value& operator[](std::int64_t id) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = home(id);; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.id == id) return slot.value;
      if (slot.id != kEmpty) continue;
      if (2 * (size_ + 1) > slots_.size()) return grown(id);
      slot.id = id;
      ++size_;
      return slot.value;
    }
  }

  const Value* find(std::int64_t id) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = home(id);; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (slot.id == id) return &slot.value;
      if (slot.id == kEmpty) return nullptr;
    }
  }

  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (const Slot& slot : slots_)
      if (slot.id != kEmpty) visit(slot.id, slot.value);
  }

  std::size_t size() const noexcept { return size_; }

 private:
  static constexpr std::int64_t kEmpty = -1;
  struct Slot {
    std::int64_t id = kEmpty;
    Value value{};
  };

  // Fibonacci hashing: the top bits of id x 2^64/phi spread consecutive ids evenly.
  std::size_t home(std::int64_t id) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL) >>
                                    (64 - std::countr_zero(slots_.size())));
  }

  [[gnu::noinline]] Value& grown(std::int64_t id) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    size_ = 0;
    for (Slot& slot : old)
      if (slot.id != kEmpty) (*this)[slot.id] = std::move(slot.value);
    return (*this)[id];
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

struct Candidate {
  std::int64_t article = 0;
  double score = 0;  // retrieval score
};

// Retrieval scores: each posting of a retrieval term adds the term's query weight x
// the posting's impact to its article. Hands the articles out best first.
class CandidateScores {
 public:
  // Scores of ids below `id_bound` (up to kDenseIds) are kept in an array: an add is
  // then a few instructions. Ids beyond, a damaged index's or those of an index
  // that has seen millions of articles come and go, go to a hash table.
  explicit CandidateScores(std::size_t id_bound) : dense_(std::min(id_bound, kDenseIds), 0.0) {}

  void add(const QueryTerm& term, std::span<const Posting> postings) {
    for (const Posting& posting : postings) {
      const double score = term.weight * impact_of(posting.impact);
      const auto article = static_cast<std::uint64_t>(posting.article);
      if (article < dense_.size())
        dense_[article] += score;
      else
        sparse_[posting.article] += score;
    }
  }

  // The next best article (higher score first, then lower id); call after the adds.
  std::optional<Candidate> next();

 private:
  static constexpr std::size_t kDenseIds = std::size_t{1} << 21;  // 16 MiB of scores

  void rank_next_window();
  void admit(const Candidate& candidate, std::size_t size);

  std::vector<double> dense_;      // by article id; 0 for those no posting named
  IdTable<double> sparse_;         // ids from dense_.size() on
  std::vector<Candidate> window_;  // the next best few, best first
  std::size_t taken_ = 0;          // from window_
  std::size_t handed_out_ = 0;     // in all
  std::optional<Candidate> last_;  // the last handed out: the rest rank below it
};

// The query's own article and its --same-site, --other-site, --since and --until.
class CandidateFilter {
 public:
  // io::InputError when --since or --until is not a date.
  CandidateFilter(const model::Article& article, const QueryOptions& options);
  // Whether an article the index holds may be a match.
  bool admits(std::string_view url, std::string_view canonical, std::string_view site,
              std::optional<std::int64_t> day) const;
  const model::Article& article() const noexcept { return article_; }

 private:
  const model::Article& article_;
  SiteFilter site_filter_;
  std::string site_;
  std::optional<std::int64_t> since_;
  std::optional<std::int64_t> until_;
};

// A term of an article's vector.
struct WeightedEntry {
  std::int64_t id = 0;
  double weight = 0;  // tf weight
};

// An article's vector (see the top: no idf) and its norm.
struct WeightedVector {
  std::vector<WeightedEntry> entries;  // ascending id
  double norm = 0;
};
WeightedVector weighted_vector(std::span<const TermEntry> entries);

// An indexed article as queries read it.
struct IndexedArticle {
  std::string url, canonical, title, site, published;
  std::optional<std::int64_t> day;
  WeightedVector vector;
};

// An indexed article by id, held by the engine until the query returns; nullptr
// when the index has no such article.
using ArticleLoader = std::function<const IndexedArticle*(std::int64_t id)>;

// The second stage: loads the best `options.candidates` retrieved articles that
// the filter admits, scores them by cosine, expands the query and returns the top k.
std::vector<Match> rank(CandidateScores& candidates, const QueryVector& vector,
                        const QueryOptions& options, const CandidateFilter& filter,
                        const ArticleLoader& load);

// Whether an indexed entry (url, canonical) is the article itself.
bool is_same_article(const model::Article& article, std::string_view url,
                     std::string_view canonical);

}  // namespace crbc::related::detail
