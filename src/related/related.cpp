#include "related/related.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>

#include "text/normalize.hpp"

namespace crbc::related {
namespace {

double rounded(double value) {
  return std::round(value * 10000.0) / 10000.0;
}

}  // namespace

std::string article_key(const model::Article& article) {
  return article.canonical_url.empty() ? article.url : article.canonical_url;
}

std::optional<Analysis> analyze_for_adding(Analyzer& analyzer, const model::Article& article,
                                           std::size_t position, AddSummary& summary) {
  if (article_key(article).empty()) {
    summary.skipped.push_back({position, "record has no url"});
    return std::nullopt;
  }
  Analysis analysis = analyzer.analyze(article);
  if (analysis.terms.empty()) {
    summary.skipped.push_back({position, "record has no text to compare"});
    return std::nullopt;
  }
  return analysis;
}

std::string site_key(const model::Article& article) {
  const std::string& url = article.canonical_url.empty() ? article.url : article.canonical_url;
  if (const auto scheme = url.find("://"); scheme != std::string::npos) {
    const std::size_t start = scheme + 3;
    std::size_t end = url.find_first_of("/?#", start);
    if (end == std::string::npos) end = url.size();
    std::string host = url.substr(start, end - start);
    if (const auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    if (const auto colon = host.rfind(':');
        colon != std::string::npos && host.find(']') == std::string::npos)
      host.erase(colon);
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (host.starts_with("www.")) host.erase(0, 4);
    if (!host.empty()) return host;
  }
  return text::fold_case(article.site_name);
}

std::optional<std::int64_t> parse_day(std::string_view iso_date) {
  if (iso_date.size() < 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (iso_date[i] < '0' || iso_date[i] > '9') return std::nullopt;
      value = value * 10 + (iso_date[i] - '0');
    }
    return value;
  };
  const auto year = number(0, 4);
  const auto month = number(5, 2);
  const auto day = number(8, 2);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date).time_since_epoch().count();
}

void set_related(model::Article& article, const std::vector<Match>& matches,
                 std::string_view source, bool explain) {
  std::erase_if(article.related,
                [&](const model::RelatedArticle& entry) { return entry.source == source; });
  for (const Match& match : matches) {
    model::RelatedArticle entry;
    entry.title = match.title;
    entry.url = match.url;
    entry.score = rounded(match.score);
    entry.source = std::string(source);
    entry.terms = match.terms;
    if (explain) {
      nlohmann::json weights = nlohmann::json::object();
      for (const TermContribution& term : match.explanation)
        weights[term.term] = rounded(term.weight);
      entry.extra["explain"] = {{"cosine", rounded(match.cosine)},
                                {"retrieval", rounded(match.retrieval)},
                                {"terms", std::move(weights)}};
    }
    article.related.push_back(std::move(entry));
  }
}

void set_duplicates(model::Article& article, const std::vector<DuplicateMatch>& duplicates) {
  if (!article.extra.is_object()) article.extra = nlohmann::json::object();
  if (duplicates.empty()) {
    article.extra.erase(kDuplicatesKey);
    return;
  }
  std::vector<model::Duplicate> list;
  for (const DuplicateMatch& duplicate : duplicates)
    list.push_back({duplicate.url, rounded(duplicate.similarity)});
  article.extra[kDuplicatesKey] = nlohmann::ordered_json(list);
}

std::unique_ptr<Index> corpus_index(std::span<const model::Article> corpus, IndexOptions options,
                                    AddSummary* summary) {
  if (corpus.empty()) throw io::InputError("empty corpus: no records to relate to");
  auto index = memory_index(std::move(options));
  AddSummary added = index->add(corpus);
  if (added.added + added.updated == 0)
    throw io::InputError("corpus has no usable record (each needs a url and some text)");
  if (summary != nullptr) *summary = std::move(added);
  return index;
}

StreamDeduplicator::StreamDeduplicator(double threshold, AnalyzerOptions options)
    : threshold_(threshold), analyzer_(options), finder_(options.minhash) {}

bool StreamDeduplicator::check(model::Article& article) {
  Analysis analysis = analyzer_.analyze(article);
  if (analysis.signature.empty()) return false;
  std::vector<DuplicateMatch> duplicates = finder_.find(analysis.signature, threshold_);
  const std::string key = article_key(article);
  std::erase_if(duplicates, [&](const DuplicateMatch& match) { return match.url == key; });
  set_duplicates(article, duplicates);
  if (!key.empty()) finder_.add(key, std::move(analysis.signature));
  return !duplicates.empty();
}

}  // namespace crbc::related
