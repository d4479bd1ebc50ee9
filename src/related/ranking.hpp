// The ranking both engines share (internal): TF-IDF weights, the query vector, the
// cosine, pseudo-relevance feedback and the final ordering. Engines differ only in
// how they find candidates and where the numbers are stored.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
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

struct QueryTerm {
  std::int64_t id = 0;
  double weight = 0;  // tf weight x idf
  double idf = 0;
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

// The query's heaviest `count` terms (by weight) held by at most `max_df` articles,
// for candidate retrieval.
std::vector<const QueryTerm*> heaviest_terms(const QueryVector& vector, std::size_t count,
                                             std::int64_t max_df);

struct Scored {
  Match match;
  std::span<const TermEntry> entries;  // ascending id; in `owned` or the engine's memory
  std::vector<TermEntry> owned;
  double norm = 0;
  std::optional<std::int64_t> day;
  double relevance = 0;  // cosine with the (expanded) query
};

// Cosine of a candidate with the query; sets match.cosine and relevance.
void score_cosine(Scored& scored, const QueryVector& vector);

// Pseudo-relevance feedback (Rocchio): the query moves toward the centroid of its
// best few candidates and every candidate is scored again against it. `idf_of`
// gives the idf of a term id that is not in the query.
void rescore_expanded(std::vector<Scored>& scored, const QueryVector& vector,
                      const QueryOptions& options,
                      const std::function<double(std::int64_t)>& idf_of);

// Recency factor, min-score, terms and explanation, best-first order, top k.
std::vector<Match> finish(std::vector<Scored>& scored, const QueryVector& vector,
                          const QueryOptions& options, const model::Article& article);

// A --since/--until value as a day number; InputError when it is not a date.
std::optional<std::int64_t> option_day(const std::optional<std::string>& value, const char* option);

// Whether an indexed entry (url, canonical) is the article itself.
bool is_same_article(const model::Article& article, std::string_view url,
                     std::string_view canonical);

}  // namespace crbc::related::detail
