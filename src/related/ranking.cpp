#include "related/ranking.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

namespace crbc::related::detail {
namespace {

// Feedback articles must reach this share of the best candidate's cosine.
constexpr double kFeedbackFloor = 1.0 / 3.0;

template <typename Visit>
void for_shared_terms(std::span<const TermEntry> entries, const QueryVector& vector,
                      Visit&& visit) {
  auto term = vector.terms.begin();
  for (const TermEntry& entry : entries) {
    while (term != vector.terms.end() && term->id < entry.id) ++term;
    if (term == vector.terms.end()) return;
    if (term->id == entry.id) visit(entry, *term);
  }
}

std::int64_t today() {
  using namespace std::chrono;
  return floor<days>(system_clock::now()).time_since_epoch().count();
}

double recency_factor(const model::Article& article, std::optional<std::int64_t> day,
                      const QueryOptions& options) {
  if (options.recency_half_life_days <= 0) return 1.0;
  if (!day) return 0.5;
  const std::int64_t reference = parse_day(article.published).value_or(today());
  const double apart = std::abs(static_cast<double>(reference - *day));
  return 0.5 + 0.5 * std::exp2(-apart / options.recency_half_life_days);
}

void explain(Match& match, const Scored& scored, const QueryVector& vector,
             const QueryOptions& options) {
  std::vector<TermContribution> shared;
  for_shared_terms(scored.entries, vector, [&](const TermEntry& entry, const QueryTerm& term) {
    shared.push_back({term.surface, term.weight * tf_weight(entry.count) * term.idf /
                                        (scored.norm * vector.norm)});
  });
  std::sort(shared.begin(), shared.end(),
            [](const auto& a, const auto& b) { return a.weight > b.weight; });
  for (std::size_t i = 0; i < shared.size() && i < options.terms; ++i)
    match.terms.push_back(shared[i].term);
  if (options.explain) {
    const std::size_t keep = std::max<std::size_t>(options.terms, 10);
    if (shared.size() > keep) shared.resize(keep);
    match.explanation = std::move(shared);
  }
}

}  // namespace

double idf(std::int64_t df, std::int64_t documents) {
  return std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(df))) + 1.0;
}

double tf_weight(std::uint32_t count) {
  // Most counts are small: a table saves a log() per term on the hot path.
  static const auto table = [] {
    std::array<double, 64> values{};
    for (std::size_t i = 1; i < values.size(); ++i)
      values[i] = 1.0 + std::log(static_cast<double>(i));
    return values;
  }();
  return count < table.size() ? table[count] : 1.0 + std::log(static_cast<double>(count));
}

QueryVector query_vector(const Analysis& analysis, std::int64_t documents,
                         const TermLookup& lookup) {
  QueryVector vector;
  double norm_squared = 0;
  for (const TermCount& term : analysis.terms) {
    const auto found = lookup(term.term);
    const double term_idf = idf(found ? found->second : 0, documents);
    const double weight = tf_weight(term.count) * term_idf;
    norm_squared += weight * weight;
    if (found)
      vector.terms.push_back({found->first, weight, term_idf, found->second, term.surface});
  }
  vector.norm = std::sqrt(norm_squared);
  std::sort(vector.terms.begin(), vector.terms.end(),
            [](const QueryTerm& a, const QueryTerm& b) { return a.id < b.id; });
  return vector;
}

std::vector<const QueryTerm*> heaviest_terms(const QueryVector& vector, std::size_t count,
                                             std::int64_t max_df) {
  auto by_weight = [](const QueryTerm* a, const QueryTerm* b) { return a->weight > b->weight; };
  std::vector<const QueryTerm*> rare;
  std::vector<const QueryTerm*> common;
  for (const QueryTerm& term : vector.terms) (term.df <= max_df ? rare : common).push_back(&term);
  std::sort(rare.begin(), rare.end(), by_weight);
  if (rare.size() > count) rare.resize(count);
  // A query made only of common terms (a corpus all on one topic) still needs some.
  constexpr std::size_t kMinimumTerms = 3;
  std::sort(common.begin(), common.end(), by_weight);
  for (std::size_t i = 0; i < common.size() && rare.size() < std::min(count, kMinimumTerms); ++i)
    rare.push_back(common[i]);
  return rare;
}

void score_cosine(Scored& scored, const QueryVector& vector) {
  double dot = 0;
  for_shared_terms(scored.entries, vector, [&](const TermEntry& entry, const QueryTerm& term) {
    dot += term.weight * tf_weight(entry.count) * term.idf;
  });
  const double denominator = scored.norm * vector.norm;
  scored.match.cosine = denominator > 0 ? dot / denominator : 0.0;
  scored.relevance = scored.match.cosine;
}

void rescore_expanded(std::vector<Scored>& scored, const QueryVector& vector,
                      const QueryOptions& options,
                      const std::function<double(std::int64_t)>& idf_of) {
  if (options.expansion_docs == 0 || options.expansion_weight <= 0 || scored.empty() ||
      vector.norm <= 0)
    return;
  std::vector<const Scored*> best;
  for (const Scored& candidate : scored) best.push_back(&candidate);
  std::size_t feedback = std::min(best.size(), options.expansion_docs);
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(feedback), best.end(),
                    [](const Scored* a, const Scored* b) { return a->relevance > b->relevance; });
  // In a small or off-topic collection the tail of the best few is noise, not topic.
  const double floor = best.front()->relevance * kFeedbackFloor;
  while (feedback > 1 && best[feedback - 1]->relevance < floor) --feedback;

  // The expanded query, merged with each candidate's ascending entries (no hashing).
  // Feedback terms get their idf once per distinct id.
  struct Part {
    std::int64_t id = 0;
    double weight = 0;  // query parts: final weight; feedback parts: still without idf
    bool feedback = false;
  };
  std::vector<Part> parts;
  for (const QueryTerm& term : vector.terms)
    parts.push_back({term.id, term.weight / vector.norm, false});
  const double share = options.expansion_weight / static_cast<double>(feedback);
  for (std::size_t i = 0; i < feedback; ++i) {
    if (best[i]->norm <= 0) continue;
    const double scale = share / best[i]->norm;
    for (const TermEntry& entry : best[i]->entries)
      parts.push_back({entry.id, scale * tf_weight(entry.count), true});
  }
  std::stable_sort(parts.begin(), parts.end(),
                   [](const Part& a, const Part& b) { return a.id < b.id; });
  std::vector<std::pair<std::int64_t, double>> merged;  // id -> weight
  std::vector<double> merged_idf;
  auto query_term = vector.terms.begin();
  for (std::size_t i = 0; i < parts.size();) {
    const std::int64_t id = parts[i].id;
    while (query_term != vector.terms.end() && query_term->id < id) ++query_term;
    const bool in_query = query_term != vector.terms.end() && query_term->id == id;
    const double term_idf = in_query ? query_term->idf : idf_of(id);
    double weight = 0;
    for (; i < parts.size() && parts[i].id == id; ++i)
      weight += parts[i].feedback ? parts[i].weight * term_idf : parts[i].weight;
    merged.emplace_back(id, weight);
    merged_idf.push_back(term_idf);
  }
  double norm_squared = 0;
  for (const auto& [id, weight] : merged) norm_squared += weight * weight;
  const double norm = std::sqrt(norm_squared);
  if (norm <= 0) return;
  for (Scored& candidate : scored) {
    if (candidate.norm <= 0) continue;
    double dot = 0;
    std::size_t at = 0;
    for (const TermEntry& entry : candidate.entries) {
      while (at < merged.size() && merged[at].first < entry.id) ++at;
      if (at == merged.size()) break;
      if (merged[at].first == entry.id)
        dot += merged[at].second * tf_weight(entry.count) * merged_idf[at];
    }
    candidate.relevance = dot / (norm * candidate.norm);
  }
}

std::vector<Match> finish(std::vector<Scored>& scored, const QueryVector& vector,
                          const QueryOptions& options, const model::Article& article) {
  for (Scored& candidate : scored)
    candidate.match.score = candidate.relevance * recency_factor(article, candidate.day, options);
  std::erase_if(scored, [&](const Scored& candidate) {
    return candidate.match.score <= 0 || candidate.match.score < options.min_score;
  });
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.match.score > b.match.score; });
  if (scored.size() > options.k) scored.resize(options.k);
  std::vector<Match> matches;
  for (Scored& candidate : scored) {
    explain(candidate.match, candidate, vector, options);
    matches.push_back(std::move(candidate.match));
  }
  return matches;
}

std::optional<std::int64_t> option_day(const std::optional<std::string>& value,
                                       const char* option) {
  if (!value) return std::nullopt;
  if (auto day = parse_day(*value)) return day;
  throw InputError(std::string(option) + ": '" + *value + "' is not a date (YYYY-MM-DD)");
}

bool is_same_article(const model::Article& article, std::string_view url,
                     std::string_view canonical) {
  for (const std::string* mine : {&article.url, &article.canonical_url}) {
    if (mine->empty()) continue;
    if (*mine == url || *mine == canonical) return true;
  }
  return false;
}

}  // namespace crbc::related::detail
