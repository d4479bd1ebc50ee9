// The in-memory engine for corpora named on the command line: the same weights and
// ranking as the SQLite index (ranking.hpp), but candidates are not limited to the
// FTS5 top BM25 matches: every article sharing a term is scored exactly, through
// posting lists held in memory. A corpus is read whole anyway, so memory is the
// cheap resource here, and exact scoring is both faster and slightly better.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "related/index.hpp"
#include "related/ranking.hpp"

namespace crbc::related {
namespace {

using detail::QueryVector;
using detail::Scored;
using detail::TermEntry;

constexpr std::size_t kMaxDuplicateCandidates = 2000;

class MemoryIndex final : public Index {
 public:
  explicit MemoryIndex(IndexOptions options)
      : options_(std::move(options)), analyzer_(options_.analyzer) {}

  AddSummary add(std::span<const model::Article> articles) override {
    AddSummary summary;
    for (std::size_t position = 0; position < articles.size(); ++position) {
      const model::Article& article = articles[position];
      if (article_key(article).empty()) {
        summary.skipped.push_back({position, "record has no url"});
        continue;
      }
      Analysis analysis = analyzer_.analyze(article);
      if (analysis.terms.empty()) {
        summary.skipped.push_back({position, "record has no text to compare"});
        continue;
      }
      const bool replaced = remove_key(article.url) | remove_key(article.canonical_url);
      insert(article, std::move(analysis));
      (replaced ? summary.updated : summary.added) += 1;
    }
    return summary;
  }

  bool remove(std::string_view url) override { return remove_key(std::string(url)); }

  IndexStats stats() const override {
    IndexStats stats;
    stats.path = ":memory:";
    stats.articles = alive_;
    stats.terms = static_cast<std::int64_t>(
        std::count_if(df_.begin(), df_.end(), [](std::int64_t df) { return df > 0; }));
    std::unordered_map<std::string, int> sites;
    for (const Doc& doc : docs_) {
      if (!doc.alive) continue;
      sites[doc.site] = 1;
      if (!doc.day) continue;
      const std::string date = doc.published.substr(0, 10);
      if (stats.oldest.empty() || date < stats.oldest) stats.oldest = date;
      if (stats.newest.empty() || date > stats.newest) stats.newest = date;
    }
    stats.sites = static_cast<std::int64_t>(sites.size());
    stats.schema_version = kIndexSchemaVersion;
    return stats;
  }

  std::vector<Match> query(const model::Article& article, const QueryOptions& options) override {
    const std::optional<std::int64_t> since = detail::option_day(options.since, "--since");
    const std::optional<std::int64_t> until = detail::option_day(options.until, "--until");
    const Analysis analysis = analyzer_.analyze(article);
    if (analysis.terms.empty()) throw InputError("record has no text to compare");
    if (options.k == 0 || alive_ == 0) return {};
    refresh_norms();

    const QueryVector vector = detail::query_vector(
        analysis, alive_,
        [&](const std::string& term) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
          const auto found = term_ids_.find(term);
          if (found == term_ids_.end() || df_[found->second] == 0) return std::nullopt;
          return std::pair<std::int64_t, std::int64_t>(found->second, df_[found->second]);
        });
    if (vector.terms.empty() || vector.norm <= 0) return {};

    // Exact dot products with every article sharing a term.
    accumulator_.assign(docs_.size(), 0.0);
    std::vector<std::uint32_t> touched;
    for (const detail::QueryTerm& term : vector.terms) {
      const double factor = term.weight * term.idf;
      for (const Posting& posting : postings_[static_cast<std::size_t>(term.id)]) {
        double& sum = accumulator_[posting.doc];
        if (sum == 0.0) touched.push_back(posting.doc);
        sum += factor * posting.tf_weight;
      }
    }
    std::vector<std::uint32_t> itself;
    for (const std::string* key : {&article.url, &article.canonical_url})
      if (const auto found = by_url_.find(*key); !key->empty() && found != by_url_.end())
        itself.push_back(found->second);
    const bool dated = since || until;
    const std::string site = options.site == SiteFilter::any ? std::string() : site_key(article);
    std::vector<std::pair<double, std::uint32_t>> ranked;
    ranked.reserve(touched.size());
    for (const std::uint32_t index : touched) {
      const Doc& doc = docs_[index];
      if (!doc.alive || doc.norm <= 0) continue;
      if (std::find(itself.begin(), itself.end(), index) != itself.end()) continue;
      if (dated && (!doc.day || (since && *doc.day < *since) || (until && *doc.day > *until)))
        continue;
      if (options.site == SiteFilter::same_site && doc.site != site) continue;
      if (options.site == SiteFilter::other_site && doc.site == site) continue;
      ranked.emplace_back(accumulator_[index] / (doc.norm * vector.norm), index);
    }
    const std::size_t keep = std::min(ranked.size(), std::max(options.candidates, options.k));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                      ranked.end(), [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    ranked.resize(keep);

    std::vector<Scored> scored;
    for (const auto& [cosine, index] : ranked) {
      const Doc& doc = docs_[index];
      Scored candidate;
      candidate.match.url = doc.canonical.empty() ? doc.url : doc.canonical;
      candidate.match.title = doc.title;
      candidate.match.site = doc.site;
      candidate.match.published = doc.published;
      candidate.match.cosine = cosine;
      candidate.relevance = candidate.match.cosine;
      candidate.entries = doc.entries;  // a view: docs_ does not change during the query
      candidate.norm = doc.norm;
      candidate.day = doc.day;
      scored.push_back(std::move(candidate));
    }
    detail::rescore_expanded(scored, vector, options, [&](std::int64_t id) {
      return detail::idf(df_[static_cast<std::size_t>(id)], alive_);
    });
    return detail::finish(scored, vector, options, article);
  }

  std::vector<DuplicateMatch> near_duplicates(const model::Article& article,
                                              double threshold) override {
    const Analysis analysis = analyzer_.analyze(article);
    if (analysis.signature.empty()) return {};
    std::vector<std::uint32_t> ids;
    for (const std::uint64_t key : band_keys(analysis.signature, options_.analyzer.minhash)) {
      if (const auto bucket = bands_.find(key); bucket != bands_.end())
        ids.insert(ids.end(), bucket->second.begin(), bucket->second.end());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > kMaxDuplicateCandidates) ids.resize(kMaxDuplicateCandidates);
    std::vector<DuplicateMatch> matches;
    for (const std::uint32_t index : ids) {
      const Doc& doc = docs_[index];
      if (!doc.alive || detail::is_same_article(article, doc.url, doc.canonical)) continue;
      const double similarity = estimated_similarity(analysis.signature, doc.signature);
      if (similarity >= threshold)
        matches.push_back({doc.canonical.empty() ? doc.url : doc.canonical, similarity});
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
    return matches;
  }

 private:
  struct Posting {
    std::uint32_t doc = 0;
    double tf_weight = 0;
  };
  struct Doc {
    std::string url, canonical, title, site, published;
    std::optional<std::int64_t> day;
    std::vector<TermEntry> entries;
    Signature signature;
    double norm = 0;
    bool alive = true;
  };

  void insert(const model::Article& article, Analysis analysis) {
    const auto index = static_cast<std::uint32_t>(docs_.size());
    Doc doc{article.url,
            article.canonical_url,
            article.title,
            site_key(article),
            article.published,
            parse_day(article.published),
            {},
            std::move(analysis.signature)};
    for (const TermCount& term : analysis.terms) {
      auto [slot, inserted] =
          term_ids_.try_emplace(term.term, static_cast<std::uint32_t>(df_.size()));
      if (inserted) {
        df_.push_back(0);
        postings_.emplace_back();
      }
      ++df_[slot->second];
      postings_[slot->second].push_back({index, detail::tf_weight(term.count)});
      doc.entries.push_back({slot->second, term.count});
    }
    std::sort(doc.entries.begin(), doc.entries.end(),
              [](const TermEntry& a, const TermEntry& b) { return a.id < b.id; });
    for (const std::uint64_t key : band_keys(doc.signature, options_.analyzer.minhash))
      bands_[key].push_back(index);
    for (const std::string* key : {&doc.url, &doc.canonical})
      if (!key->empty()) by_url_[*key] = index;
    docs_.push_back(std::move(doc));
    ++alive_;
    norms_stale_ = true;
  }

  bool remove_key(const std::string& key) {
    if (key.empty()) return false;
    const auto found = by_url_.find(key);
    if (found == by_url_.end()) return false;
    const std::uint32_t index = found->second;
    Doc& doc = docs_[index];
    for (const std::string* own : {&doc.url, &doc.canonical}) by_url_.erase(*own);
    if (!doc.alive) return false;
    doc.alive = false;
    --alive_;
    for (const TermEntry& entry : doc.entries) {
      --df_[static_cast<std::size_t>(entry.id)];
      std::erase_if(postings_[static_cast<std::size_t>(entry.id)],
                    [&](const Posting& posting) { return posting.doc == index; });
    }
    for (const std::uint64_t key_hash : band_keys(doc.signature, options_.analyzer.minhash))
      std::erase(bands_[key_hash], index);
    doc.entries.clear();
    norms_stale_ = true;
    return true;
  }

  void refresh_norms() {
    if (!norms_stale_) return;
    for (Doc& doc : docs_) {
      if (!doc.alive) continue;
      double squared = 0;
      for (const TermEntry& entry : doc.entries) {
        const double weight = detail::tf_weight(entry.count) *
                              detail::idf(df_[static_cast<std::size_t>(entry.id)], alive_);
        squared += weight * weight;
      }
      doc.norm = std::sqrt(squared);
    }
    norms_stale_ = false;
  }

  IndexOptions options_;
  Analyzer analyzer_;
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<std::int64_t> df_;
  std::vector<std::vector<Posting>> postings_;
  std::vector<Doc> docs_;
  std::unordered_map<std::string, std::uint32_t> by_url_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> bands_;
  std::vector<double> accumulator_;
  std::int64_t alive_ = 0;
  bool norms_stale_ = false;
};

}  // namespace

std::unique_ptr<Index> memory_index(IndexOptions options) {
  return std::make_unique<MemoryIndex>(std::move(options));
}

}  // namespace crbc::related
