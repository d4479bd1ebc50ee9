// The in-memory engine for corpora named on the command line: the same retrieval and
// ranking as the SQLite index (ranking.hpp), over posting lists and term vectors
// held in memory. Nothing is written.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "related/index.hpp"
#include "related/ranking.hpp"

namespace crbc::related {
namespace {

using detail::QueryVector;
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
      std::optional<Analysis> analysis = analyze_for_adding(analyzer_, article, position, summary);
      if (!analysis) continue;
      const bool replaced = remove_key(article.url) | remove_key(article.canonical_url);
      insert(article, std::move(*analysis));
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
      sites[doc.article.site] = 1;
      if (!doc.article.day) continue;
      const std::string date = doc.article.published.substr(0, 10);
      if (stats.oldest.empty() || date < stats.oldest) stats.oldest = date;
      if (stats.newest.empty() || date > stats.newest) stats.newest = date;
    }
    stats.sites = static_cast<std::int64_t>(sites.size());
    stats.schema_version = kIndexSchemaVersion;
    return stats;
  }

  std::vector<Match> query(const model::Article& article, const QueryOptions& options) override {
    const detail::CandidateFilter filter(article, options);
    const QueryVector vector = query_vector(article);
    if (options.k == 0 || vector.terms.empty() || vector.norm <= 0) return {};

    const auto terms = detail::retrieval_terms(vector, options, alive_);
    detail::CandidateScores candidates(docs_.size());
    for (const detail::QueryTerm* term : terms)
      candidates.add(*term, postings_[static_cast<std::size_t>(term->id)]);
    return detail::rank(candidates, vector, options, filter,
                        [&](std::int64_t id) -> const detail::IndexedArticle* {
                          const Doc& doc = docs_[static_cast<std::size_t>(id)];
                          return doc.alive ? &doc.article : nullptr;
                        });
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
      const detail::IndexedArticle& indexed = doc.article;
      if (!doc.alive || detail::is_same_article(article, indexed.url, indexed.canonical)) continue;
      const double similarity = estimated_similarity(analysis.signature, doc.signature);
      if (similarity >= threshold)
        matches.push_back(
            {indexed.canonical.empty() ? indexed.url : indexed.canonical, similarity});
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
    return matches;
  }

 private:
  struct Doc {
    detail::IndexedArticle article;
    std::vector<TermEntry> entries;  // ascending term id
    Signature signature;
    std::uint64_t fingerprint = 0;
    bool alive = true;
  };

  // The stored vector of the article when the corpus holds it unchanged, else the
  // vector of its analysis. io::InputError when it has no text.
  QueryVector query_vector(const model::Article& article) {
    if (const Doc* doc = held_unchanged(article))
      return detail::query_vector(doc->entries, alive_, [&](std::int64_t id) {
        const auto term = static_cast<std::size_t>(id);
        return detail::TermInfo{df_[term], surfaces_[term]};
      });
    const Analysis analysis = analyzer_.analyze_terms(article);
    if (analysis.terms.empty()) throw io::InputError("record has no text to compare");
    return detail::query_vector(
        analysis, alive_,
        [&](const std::string& term) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
          const auto found = term_ids_.find(term);
          if (found == term_ids_.end() || df_[found->second] == 0) return std::nullopt;
          return std::pair<std::int64_t, std::int64_t>(found->second, df_[found->second]);
        });
  }

  const Doc* held_unchanged(const model::Article& article) const {
    const auto found = by_url_.find(article.url);
    if (article.url.empty() || found == by_url_.end()) return nullptr;
    const Doc& doc = docs_[found->second];
    return doc.alive && doc.fingerprint == analyzer_.fingerprint(article) ? &doc : nullptr;
  }

  void insert(const model::Article& article, Analysis analysis) {
    const auto index = static_cast<std::uint32_t>(docs_.size());
    Doc doc{{article.url,
             article.canonical_url,
             article.title,
             site_key(article),
             article.published,
             parse_day(article.published),
             {}},
            {},
            std::move(analysis.signature),
            analyzer_.fingerprint(article)};
    for (const TermCount& term : analysis.terms) {
      auto [slot, inserted] =
          term_ids_.try_emplace(term.term, static_cast<std::uint32_t>(df_.size()));
      if (inserted) {
        df_.push_back(0);
        surfaces_.push_back(term.surface);
        postings_.emplace_back();
      }
      ++df_[slot->second];
      doc.entries.push_back({slot->second, term.count});
    }
    std::sort(doc.entries.begin(), doc.entries.end(),
              [](const TermEntry& a, const TermEntry& b) { return a.id < b.id; });
    doc.article.vector = detail::weighted_vector(doc.entries);
    for (const TermEntry& entry : doc.entries)
      postings_[static_cast<std::size_t>(entry.id)].push_back(
          {index, detail::impact_code(entry.count, doc.article.vector.norm)});
    for (const std::uint64_t key : band_keys(doc.signature, options_.analyzer.minhash))
      bands_[key].push_back(index);
    for (const std::string* key : {&doc.article.url, &doc.article.canonical})
      if (!key->empty()) by_url_[*key] = index;
    docs_.push_back(std::move(doc));
    ++alive_;
  }

  bool remove_key(const std::string& key) {
    if (key.empty()) return false;
    const auto found = by_url_.find(key);
    if (found == by_url_.end()) return false;
    const std::uint32_t index = found->second;
    Doc& doc = docs_[index];
    for (const std::string* own : {&doc.article.url, &doc.article.canonical}) by_url_.erase(*own);
    if (!doc.alive) return false;
    doc.alive = false;
    --alive_;
    for (const TermEntry& entry : doc.entries) {
      --df_[static_cast<std::size_t>(entry.id)];
      std::erase_if(postings_[static_cast<std::size_t>(entry.id)],
                    [&](const detail::Posting& posting) { return posting.article == index; });
    }
    for (const std::uint64_t key_hash : band_keys(doc.signature, options_.analyzer.minhash))
      std::erase(bands_[key_hash], index);
    doc.entries.clear();
    doc.article.vector = {};
    return true;
  }

  IndexOptions options_;
  Analyzer analyzer_;
  std::unordered_map<std::string, std::uint32_t> term_ids_;
  std::vector<std::int64_t> df_;
  std::vector<std::string> surfaces_;  // by term id: the display form first seen
  std::vector<std::vector<detail::Posting>> postings_;
  std::vector<Doc> docs_;
  std::unordered_map<std::string, std::uint32_t> by_url_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> bands_;
  std::int64_t alive_ = 0;
};

}  // namespace

std::unique_ptr<Index> memory_index(IndexOptions options) {
  return std::make_unique<MemoryIndex>(std::move(options));
}

}  // namespace crbc::related
