#include "related/ranking.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

namespace crbc::related::detail {
namespace {

// A loaded candidate and its scores.
struct Scored {
  const IndexedArticle* article = nullptr;
  double retrieval = 0;  // see Match
  double cosine = 0;
  double relevance = 0;  // cosine with the (expanded) query
  double score = 0;      // relevance x recency factor
};

// Feedback articles must reach this share of the best candidate's cosine.
constexpr double kFeedbackFloor = 1.0 / 3.0;
// Impact codes: -ln(impact) in steps of 1/32.
constexpr double kImpactSteps = 32.0;
// A query made only of common terms (a corpus all on one topic) still retrieves with
// this many.
constexpr std::size_t kMinimumRetrievalTerms = 3;
// Retrieved articles examined at most per query: a narrow site or date filter may
// refuse most of them, and each costs a read.
constexpr std::size_t kMaxExamined = 20'000;
// Retrieved articles ordered at once; each further window is as large as all before.
constexpr std::size_t kFirstWindow = 64;

// Candidate order (a function object: the heap algorithms inline it).
constexpr auto better = [](const Candidate& a, const Candidate& b) {
  return a.score != b.score ? a.score > b.score : a.article < b.article;
};

template <typename Visit>
void for_shared_terms(std::span<const WeightedEntry> entries, const QueryVector& vector,
                      Visit&& visit) {
  auto term = vector.terms.begin();
  for (const WeightedEntry& entry : entries) {
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

// The shared terms that weigh most (match.terms) and, with --explain, their shares.
void explain(Match& match, const WeightedVector& article, const QueryVector& vector,
             const QueryOptions& options) {
  std::vector<std::pair<double, const QueryTerm*>> shared;
  for_shared_terms(article.entries, vector, [&](const WeightedEntry& entry, const QueryTerm& term) {
    shared.emplace_back(term.weight * entry.weight / (article.norm * vector.norm), &term);
  });
  const std::size_t keep = std::min(
      shared.size(), options.explain ? std::max<std::size_t>(options.terms, 10) : options.terms);
  const auto top = shared.begin() + static_cast<std::ptrdiff_t>(keep);
  std::partial_sort(shared.begin(), top, shared.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto term = shared.begin(); term != top; ++term) {
    if (match.terms.size() < options.terms) match.terms.push_back(term->second->surface);
    if (options.explain) match.explanation.push_back({term->second->surface, term->first});
  }
}

Match match_of(const Scored& scored, const QueryVector& vector, const QueryOptions& options) {
  const IndexedArticle& article = *scored.article;
  Match match;
  match.url = article.canonical.empty() ? article.url : article.canonical;
  match.title = article.title;
  match.site = article.site;
  match.published = article.published;
  match.score = scored.score;
  match.cosine = scored.cosine;
  match.retrieval = scored.retrieval;
  explain(match, article.vector, vector, options);
  return match;
}

std::optional<std::int64_t> option_day(const std::optional<std::string>& value,
                                       const char* option) {
  if (!value) return std::nullopt;
  if (auto day = parse_day(*value)) return day;
  throw io::InputError(std::string(option) + ": '" + *value + "' is not a date (YYYY-MM-DD)");
}

// Term id -> query weight: the dot product of an article's vector with it is the
// article's share of a cosine (before the norms).
IdTable<double> query_weights(const QueryVector& vector) {
  IdTable<double> weights(vector.terms.size());
  for (const QueryTerm& term : vector.terms) weights[term.id] = term.weight;
  return weights;
}

double dot(const WeightedVector& article, const IdTable<double>& weights) {
  double sum = 0;
  for (const WeightedEntry& entry : article.entries)
    if (const double* weight = weights.find(entry.id)) sum += *weight * entry.weight;
  return sum;
}

// Cosine of a candidate with the query; sets cosine and relevance.
void score_cosine(Scored& scored, const QueryVector& vector, const IdTable<double>& weights) {
  const WeightedVector& article = scored.article->vector;
  const double denominator = article.norm * vector.norm;
  scored.cosine = denominator > 0 ? dot(article, weights) / denominator : 0.0;
  scored.relevance = scored.cosine;
}

// The best `count` candidates by cosine, best first; fewer when the tail falls below
// kFeedbackFloor of the best (in a small or off-topic collection the tail of the
// best few is noise, not topic).
std::vector<const Scored*> feedback_articles(const std::vector<Scored>& scored, std::size_t count) {
  std::vector<const Scored*> best;
  for (const Scored& candidate : scored) best.push_back(&candidate);
  count = std::min(best.size(), count);
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(count), best.end(),
                    [](const Scored* a, const Scored* b) { return a->relevance > b->relevance; });
  best.resize(count);
  const double floor = best.front()->relevance * kFeedbackFloor;
  while (best.size() > 1 && best.back()->relevance < floor) best.pop_back();
  return best;
}

// Pseudo-relevance feedback (Rocchio): the query moves toward the weighted centroid
// of its best few candidates and every candidate is scored again against it.
void rescore_expanded(std::vector<Scored>& scored, const QueryVector& vector,
                      const QueryOptions& options) {
  if (options.expansion_docs == 0 || options.expansion_weight <= 0 || scored.empty() ||
      vector.norm <= 0)
    return;
  const std::vector<const Scored*> feedback = feedback_articles(scored, options.expansion_docs);
  // The expanded query: the normalised query plus expansion_weight x a weighted
  // mean of the normalised feedback articles.
  IdTable<double> expanded(vector.terms.size() * 8);
  for (const QueryTerm& term : vector.terms) expanded[term.id] = term.weight / vector.norm;
  // Each feedback article weighs by its cosine squared: the best few lead, and a
  // tail of weak matches (a small or off-topic collection) moves the query little.
  double total = 0;
  for (const Scored* best : feedback) total += best->relevance * best->relevance;
  for (const Scored* best : feedback) {
    const WeightedVector& article = best->article->vector;
    if (article.norm <= 0 || total <= 0) continue;
    const double scale =
        options.expansion_weight * best->relevance * best->relevance / (total * article.norm);
    for (const WeightedEntry& entry : article.entries) expanded[entry.id] += scale * entry.weight;
  }
  double norm_squared = 0;
  expanded.for_each([&](std::int64_t, double weight) { norm_squared += weight * weight; });
  const double norm = std::sqrt(norm_squared);
  if (norm <= 0) return;
  for (Scored& candidate : scored) {
    const WeightedVector& article = candidate.article->vector;
    if (article.norm > 0) candidate.relevance = dot(article, expanded) / (norm * article.norm);
  }
}

// Recency factor, min-score, best-first order, top k.
std::vector<Match> finish(std::vector<Scored>& scored, const QueryVector& vector,
                          const QueryOptions& options, const model::Article& article) {
  std::vector<const Scored*> kept;
  for (Scored& candidate : scored) {
    candidate.score =
        candidate.relevance * recency_factor(article, candidate.article->day, options);
    if (candidate.score > 0 && candidate.score >= options.min_score) kept.push_back(&candidate);
  }
  const auto top = kept.begin() + static_cast<std::ptrdiff_t>(std::min(kept.size(), options.k));
  std::partial_sort(kept.begin(), top, kept.end(), [](const Scored* a, const Scored* b) {
    return a->score != b->score ? a->score > b->score : a < b;
  });
  std::vector<Match> matches;
  for (auto candidate = kept.begin(); candidate != top; ++candidate)
    matches.push_back(match_of(**candidate, vector, options));
  return matches;
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

WeightedVector weighted_vector(std::span<const TermEntry> entries) {
  WeightedVector vector;
  vector.entries.reserve(entries.size());
  for (const TermEntry& entry : entries)
    vector.entries.push_back({entry.id, tf_weight(entry.count)});
  vector.norm = tf_length(entries);
  return vector;
}

double tf_length(std::span<const TermEntry> entries) {
  double squared = 0;
  for (const TermEntry& entry : entries) squared += tf_weight(entry.count) * tf_weight(entry.count);
  return std::sqrt(squared);
}

std::uint8_t impact_code(std::uint32_t count, double length) {
  const double impact = length > 0 ? tf_weight(count) / length : 1.0;
  const double steps = std::round(-std::log(std::min(1.0, impact)) * kImpactSteps);
  return static_cast<std::uint8_t>(std::clamp(steps, 0.0, 255.0));
}

const std::array<double, 256> kImpacts = [] {
  std::array<double, 256> values{};
  for (std::size_t code = 0; code < values.size(); ++code)
    values[code] = std::exp(-static_cast<double>(code) / kImpactSteps);
  return values;
}();

QueryVector query_vector(const Analysis& analysis, std::int64_t documents,
                         const TermLookup& lookup) {
  QueryVector vector;
  double norm_squared = 0;
  for (const TermCount& term : analysis.terms) {
    const auto found = lookup(term.term);
    const double term_idf = idf(found ? found->second : 0, documents);
    const double weight = tf_weight(term.count) * term_idf;
    norm_squared += weight * weight;
    if (found) vector.terms.push_back({found->first, weight, found->second, term.surface});
  }
  vector.norm = std::sqrt(norm_squared);
  std::sort(vector.terms.begin(), vector.terms.end(),
            [](const QueryTerm& a, const QueryTerm& b) { return a.id < b.id; });
  return vector;
}

QueryVector query_vector(std::span<const TermEntry> entries, std::int64_t documents,
                         const TermInfoLookup& info) {
  QueryVector vector;
  vector.terms.reserve(entries.size());
  double norm_squared = 0;
  for (const TermEntry& entry : entries) {
    TermInfo term = info(entry.id);
    const double term_idf = idf(term.df, documents);
    const double weight = tf_weight(entry.count) * term_idf;
    norm_squared += weight * weight;
    vector.terms.push_back({entry.id, weight, term.df, std::move(term.surface)});
  }
  vector.norm = std::sqrt(norm_squared);
  return vector;
}

std::vector<const QueryTerm*> retrieval_terms(const QueryVector& vector,
                                              const QueryOptions& options, std::int64_t documents) {
  const auto max_df = static_cast<std::int64_t>(
      std::ceil(options.retrieval_max_df_share * static_cast<double>(documents)));
  const std::size_t count = std::max<std::size_t>(1, options.query_terms);
  auto by_weight = [](const QueryTerm* a, const QueryTerm* b) { return a->weight > b->weight; };
  std::vector<const QueryTerm*> rare;
  std::vector<const QueryTerm*> common;
  for (const QueryTerm& term : vector.terms) (term.df <= max_df ? rare : common).push_back(&term);
  std::sort(rare.begin(), rare.end(), by_weight);
  if (rare.size() > count) rare.resize(count);
  std::sort(common.begin(), common.end(), by_weight);
  for (std::size_t i = 0;
       i < common.size() && rare.size() < std::min(count, kMinimumRetrievalTerms); ++i)
    rare.push_back(common[i]);
  return rare;
}

std::optional<Candidate> CandidateScores::next() {
  if (taken_ == window_.size()) rank_next_window();
  if (taken_ == window_.size()) return std::nullopt;
  last_ = window_[taken_++];
  ++handed_out_;
  return last_;
}

// Orders the next best few below the last handed out, in one pass over the scores
// with a bounded heap (worst first): usually only the first few dozen of thousands
// are taken. Each window is at least as large as all before it. A pass over every
// id costs less than tracking the ids met (that branch, on each posting, was
// unpredictable); once the window is full, the test against its worst rejects
// nearly every article, those without a score included.
void CandidateScores::rank_next_window() {
  const std::size_t size = std::max(kFirstWindow, handed_out_);
  window_.clear();
  taken_ = 0;
  auto offer = [&](const Candidate& candidate) {
    if (window_.size() == size ? better(candidate, window_.front()) : candidate.score != 0)
      admit(candidate, size);
  };
  for (std::size_t article = 0; article < dense_.size(); ++article)
    offer({static_cast<std::int64_t>(article), dense_[article]});
  sparse_.for_each([&](std::int64_t article, double score) { offer({article, score}); });
  std::sort_heap(window_.begin(), window_.end(), better);
}

// Puts a candidate that beats the window's worst (or fills the window) in it, unless
// it was handed out already.
void CandidateScores::admit(const Candidate& candidate, std::size_t size) {
  if (last_ && !better(*last_, candidate)) return;
  if (window_.size() == size) {
    std::pop_heap(window_.begin(), window_.end(), better);
    window_.back() = candidate;
  } else {
    window_.push_back(candidate);
  }
  std::push_heap(window_.begin(), window_.end(), better);
}

CandidateFilter::CandidateFilter(const model::Article& article, const QueryOptions& options)
    : article_(article),
      site_filter_(options.site),
      site_(options.site == SiteFilter::any ? std::string() : site_key(article)),
      since_(option_day(options.since, "--since")),
      until_(option_day(options.until, "--until")) {}

bool CandidateFilter::admits(std::string_view url, std::string_view canonical,
                             std::string_view site, std::optional<std::int64_t> day) const {
  if (is_same_article(article_, url, canonical)) return false;
  if ((since_ || until_) && (!day || (since_ && *day < *since_) || (until_ && *day > *until_)))
    return false;
  if (site_filter_ == SiteFilter::same_site) return site == site_;
  if (site_filter_ == SiteFilter::other_site) return site != site_;
  return true;
}

std::vector<Match> rank(CandidateScores& candidates, const QueryVector& vector,
                        const QueryOptions& options, const CandidateFilter& filter,
                        const ArticleLoader& load) {
  const std::size_t wanted = std::max(options.candidates, options.k);
  const IdTable<double> weights = query_weights(vector);
  std::vector<Scored> scored;
  scored.reserve(wanted);
  for (std::size_t examined = 0; scored.size() < wanted && examined < kMaxExamined; ++examined) {
    const std::optional<Candidate> candidate = candidates.next();
    if (!candidate) break;
    const IndexedArticle* article = load(candidate->article);
    if (article == nullptr ||
        !filter.admits(article->url, article->canonical, article->site, article->day))
      continue;
    Scored& added = scored.emplace_back();
    added.article = article;
    added.retrieval = vector.norm > 0 ? candidate->score / vector.norm : 0.0;
    score_cosine(added, vector, weights);
  }
  rescore_expanded(scored, vector, options);
  return finish(scored, vector, options, filter.article());
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
