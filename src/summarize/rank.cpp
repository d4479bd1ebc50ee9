// Sentence ranking: lead, TextRank, LexRank and the default hybrid, and the
// length-bounded, redundancy-aware selection shared by all of them.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "summarize/term_document.hpp"

namespace crbc::summarize::detail {
namespace {

constexpr double kNotCandidate = -std::numeric_limits<double>::infinity();

// Sparse term vector: (term, weight) sorted by term.
using SparseVector = std::vector<std::pair<TermId, double>>;

SparseVector counts_of(const std::vector<TermId>& terms) {
  std::vector<TermId> sorted = terms;
  std::sort(sorted.begin(), sorted.end());
  SparseVector out;
  for (const TermId term : sorted) {
    if (!out.empty() && out.back().first == term) {
      out.back().second += 1.0;
    } else {
      out.emplace_back(term, 1.0);
    }
  }
  return out;
}

// Calls on_shared(weight in a, weight in b) for each term of both, in term order.
template <typename OnShared>
void for_each_shared_term(const SparseVector& a, const SparseVector& b, OnShared&& on_shared) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      on_shared(i->second, j->second);
      ++i;
      ++j;
    }
  }
}

double dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0.0;
  for_each_shared_term(a, b, [&](double x, double y) { sum += x * y; });
  return sum;
}

std::size_t overlap(const SparseVector& a, const SparseVector& b) {
  std::size_t count = 0;
  for_each_shared_term(a, b, [&](double, double) { ++count; });
  return count;
}

void normalize(SparseVector& v) {
  double norm = 0.0;
  for (const auto& [term, weight] : v) norm += weight * weight;
  norm = std::sqrt(norm);
  if (norm > 0.0) {
    for (auto& entry : v) entry.second /= norm;
  }
}

// The sentences the graph methods look at: candidates among the first `limit`.
std::vector<std::size_t> graph_nodes(const TermDocument& document, std::size_t limit) {
  std::vector<std::size_t> nodes;
  for (std::size_t i = 0; i < document.sentences.size() && nodes.size() < limit; ++i) {
    if (document.sentences[i].candidate && !document.sentences[i].terms.empty()) nodes.push_back(i);
  }
  return nodes;
}

// Unit-length TF-IDF vectors (IDF over the document's own sentences).
std::vector<SparseVector> tfidf_vectors(const TermDocument& document,
                                        const std::vector<std::size_t>& nodes) {
  std::vector<SparseVector> vectors;
  vectors.reserve(nodes.size());
  std::vector<std::uint32_t> sentence_frequency(document.vocabulary, 0);
  for (const std::size_t node : nodes) {
    vectors.push_back(counts_of(document.sentences[node].terms));
    for (const auto& [term, count] : vectors.back()) ++sentence_frequency[term];
  }
  const double n = static_cast<double>(nodes.size());
  for (auto& vector : vectors) {
    for (auto& [term, weight] : vector) {
      weight *= std::log((n + 1.0) / sentence_frequency[term]);
    }
    normalize(vector);
  }
  return vectors;
}

// Power iteration of PageRank over a dense row-stochastic-by-construction matrix.
std::vector<double> pagerank(const std::vector<std::vector<double>>& weights) {
  const std::size_t n = weights.size();
  std::vector<double> out_weight(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    out_weight[i] = std::accumulate(weights[i].begin(), weights[i].end(), 0.0);
  }
  constexpr double kDamping = 0.85;
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  for (int iteration = 0; iteration < 100; ++iteration) {
    double dangling = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      if (out_weight[j] == 0.0) dangling += rank[j];
    }
    double change = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      double sum = 0.0;
      for (std::size_t j = 0; j < n; ++j) {
        if (out_weight[j] > 0.0 && weights[j][i] > 0.0)
          sum += weights[j][i] * rank[j] / out_weight[j];
      }
      next[i] = (1.0 - kDamping) / static_cast<double>(n) +
                kDamping * (sum + dangling / static_cast<double>(n));
      change += std::abs(next[i] - rank[i]);
    }
    rank.swap(next);
    if (change < 1e-6) break;
  }
  return rank;
}

std::vector<double> scatter(const TermDocument& document, const std::vector<std::size_t>& nodes,
                            const std::vector<double>& node_scores) {
  std::vector<double> scores(document.sentences.size(), kNotCandidate);
  for (std::size_t k = 0; k < nodes.size(); ++k) scores[nodes[k]] = node_scores[k];
  return scores;
}

std::vector<double> lead_scores(const TermDocument& document) {
  std::vector<double> scores(document.sentences.size(), kNotCandidate);
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (document.sentences[i].candidate) scores[i] = -static_cast<double>(i);
  }
  return scores;
}

std::vector<double> textrank_scores(const TermDocument& document, std::size_t limit) {
  const auto nodes = graph_nodes(document, limit);
  std::vector<SparseVector> sets;
  for (const std::size_t node : nodes) sets.push_back(counts_of(document.sentences[node].terms));
  std::vector<std::vector<double>> weights(nodes.size(), std::vector<double>(nodes.size(), 0.0));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (std::size_t j = i + 1; j < nodes.size(); ++j) {
      const double denominator = std::log(static_cast<double>(sets[i].size()) + 1.0) +
                                 std::log(static_cast<double>(sets[j].size()) + 1.0);
      const double similarity =
          denominator > 0.0 ? static_cast<double>(overlap(sets[i], sets[j])) / denominator : 0.0;
      weights[i][j] = weights[j][i] = similarity;
    }
  }
  return scatter(document, nodes, pagerank(weights));
}

std::vector<double> lexrank_scores(const TermDocument& document, std::size_t limit) {
  const auto nodes = graph_nodes(document, limit);
  const auto vectors = tfidf_vectors(document, nodes);
  constexpr double kThreshold = 0.1;
  std::vector<std::vector<double>> weights(nodes.size(), std::vector<double>(nodes.size(), 0.0));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    weights[i][i] = 1.0;
    for (std::size_t j = i + 1; j < nodes.size(); ++j) {
      if (dot(vectors[i], vectors[j]) > kThreshold) weights[i][j] = weights[j][i] = 1.0;
    }
  }
  return scatter(document, nodes, pagerank(weights));
}

}  // namespace

// The default: news puts its point first, so position is the strongest prior;
// centrality (how much of the rest of the article a sentence covers) and overlap
// with the title lift a later sentence that states the story better than the lede.
std::vector<double> hybrid_scores(const TermDocument& document, std::size_t limit) {
  const HybridWeights& w = kHybridWeights;
  const auto nodes = graph_nodes(document, limit);
  if (nodes.empty()) return scatter(document, nodes, {});
  const auto vectors = tfidf_vectors(document, nodes);
  SparseVector title = counts_of(document.title_terms);
  normalize(title);
  std::vector<double> centrality(nodes.size(), 0.0);
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (std::size_t j = i + 1; j < nodes.size(); ++j) {
      const double similarity = dot(vectors[i], vectors[j]);
      // Only forward: a sentence that the rest of the article elaborates is central;
      // one that repeats what came before is not (position-aware centrality).
      centrality[i] += similarity;
    }
  }
  const double max_centrality =
      std::max(1e-9, *std::max_element(centrality.begin(), centrality.end()));
  std::vector<double> node_scores(nodes.size());
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    const SentenceInfo& s = document.sentences[nodes[k]];
    const double position = 1.0 / std::pow(1.0 + static_cast<double>(k), w.decay);
    double score = w.position * position + w.centrality * centrality[k] / max_centrality +
                   w.title * dot(vectors[k], title);
    if (s.words < w.short_words) score -= w.short_penalty;
    if (s.words > w.long_words) score -= w.long_penalty;
    node_scores[k] = score;
  }
  return scatter(document, nodes, node_scores);
}

std::vector<double> score_sentences(const TermDocument& document, Method method,
                                    std::size_t limit) {
  limit = std::max<std::size_t>(limit, 1);
  switch (method) {
    case Method::lead:
      return lead_scores(document);
    case Method::textrank:
      return textrank_scores(document, limit);
    case Method::lexrank:
      return lexrank_scores(document, limit);
    case Method::hybrid:
      return hybrid_scores(document, limit);
  }
  return lead_scores(document);
}

std::vector<std::size_t> select_sentences(const TermDocument& document,
                                          const std::vector<double>& scores, Method method,
                                          const Options& options) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] != kNotCandidate) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });

  std::size_t max_sentences = kDefaultSentences;
  std::size_t max_words = 0;
  if (options.sentences > 0) {
    max_sentences = options.sentences;
  } else if (options.words > 0) {
    max_sentences = order.size();
    max_words = options.words;
  } else if (options.ratio > 0.0) {
    const double wanted = std::ceil(options.ratio * static_cast<double>(order.size()));
    max_sentences = static_cast<std::size_t>(std::max(1.0, wanted));
  }

  const bool avoid_redundancy = method != Method::lead;
  std::vector<SparseVector> chosen_vectors;
  std::vector<std::size_t> chosen;
  std::size_t words = 0;
  for (const std::size_t index : order) {
    if (chosen.size() >= max_sentences) break;
    const SentenceInfo& sentence = document.sentences[index];
    if (max_words > 0 && !chosen.empty() && words + sentence.words > max_words) continue;
    SparseVector vector = counts_of(sentence.terms);
    normalize(vector);
    if (avoid_redundancy) {
      const bool redundant =
          std::any_of(chosen_vectors.begin(), chosen_vectors.end(), [&](const SparseVector& other) {
            return dot(vector, other) > kHybridWeights.redundancy;
          });
      if (redundant) continue;
    }
    chosen.push_back(index);
    chosen_vectors.push_back(std::move(vector));
    words += sentence.words;
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace crbc::summarize::detail
