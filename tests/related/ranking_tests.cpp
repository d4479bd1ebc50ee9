// The ranking internals both engines share (src/related/ranking.hpp).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "related/ranking.hpp"
#include "related/related.hpp"
#include "support.hpp"

using namespace crbc::related;
using namespace crbc::related::detail;
using related_test::article;

TEST_CASE("Retrieval hands candidates out best first, ties by id, past its first window") {
  // 150 articles met by one term, with 50 distinct impacts: three of each.
  CandidateScores scores(200);
  const QueryTerm term{1, 2.0, 150, "word"};
  std::vector<Posting> postings;
  for (std::int64_t article = 0; article < 150; ++article)
    postings.push_back({article, static_cast<std::uint8_t>(article % 50)});
  scores.add(term, postings);

  std::vector<std::int64_t> expected(150);
  for (std::int64_t article = 0; article < 150; ++article) expected[article] = article;
  std::stable_sort(expected.begin(), expected.end(),
                   [](std::int64_t a, std::int64_t b) { return a % 50 < b % 50; });
  std::vector<std::int64_t> handed_out;
  double previous = 1e9;
  while (const auto candidate = scores.next()) {
    handed_out.push_back(candidate->article);
    CHECK(candidate->score <= previous);
    CHECK(candidate->score == Approx(2.0 * impact_of(candidate->article % 50)));
    previous = candidate->score;
  }
  CHECK(handed_out == expected);  // articles 150..199 have no score: never handed out
}

TEST_CASE("Articles with ids beyond the score array rank the same as the others") {
  CandidateScores scores(10);  // ids from 10 on go to the hash table
  const QueryTerm term{1, 1.0, 4, "word"};
  const std::vector<Posting> postings = {{3, 10}, {1'000'000, 0}, {12, 5}, {7, 5}};
  scores.add(term, postings);
  std::vector<std::int64_t> order;
  while (const auto candidate = scores.next()) order.push_back(candidate->article);
  CHECK(order == std::vector<std::int64_t>{1'000'000, 7, 12, 3});
}

TEST_CASE("Impact codes keep an article's term weight within 2%") {
  for (const std::uint32_t count : {1u, 2u, 5u, 40u, 1000u}) {
    for (const double length : {1.0, 3.5, 17.0, 250.0}) {
      const double weight = std::min(1.0, tf_weight(count) / length);
      INFO(count << " " << length);
      CHECK(impact_of(impact_code(count, length)) == Approx(weight).epsilon(0.02));
    }
  }
  CHECK(impact_of(impact_code(1, 1.0)) == 1.0);
}

TEST_CASE("An article's vector is its log tf, normalised by its own length") {
  const std::vector<TermEntry> entries = {{3, 1}, {7, 4}, {9, 2}};
  const WeightedVector vector = weighted_vector(entries);
  REQUIRE(vector.entries.size() == 3);
  CHECK(vector.entries[1].id == 7);
  CHECK(vector.entries[1].weight == Approx(1.0 + std::log(4.0)));
  CHECK(vector.norm == Approx(tf_length(entries)));
  CHECK(vector.norm == Approx(std::sqrt(1.0 + std::pow(1.0 + std::log(4.0), 2) +
                                        std::pow(1.0 + std::log(2.0), 2))));
}

TEST_CASE("The analyzer gives queries the terms without a signature, and fingerprints the text") {
  Analyzer analyzer;
  const auto cocoa = article("https://a.example/1", "Cocoa harvest",
                             "Cocoa farmers harvest cocoa. The harvests of COCOA grew.");
  const Analysis full = analyzer.analyze(cocoa);
  const Analysis terms = analyzer.analyze_terms(cocoa);
  CHECK(!full.signature.empty());
  CHECK(terms.signature.empty());
  REQUIRE(terms.terms.size() == full.terms.size());
  for (std::size_t i = 0; i < terms.terms.size(); ++i) {
    CHECK(terms.terms[i].term == full.terms[i].term);
    CHECK(terms.terms[i].count == full.terms[i].count);
  }
  // "harvest" and "harvests" share a stem; the form written most often shows.
  const auto harvest = std::find_if(terms.terms.begin(), terms.terms.end(),
                                    [](const TermCount& term) { return term.term == "harvest"; });
  REQUIRE(harvest != terms.terms.end());
  CHECK(harvest->count == 3);
  CHECK(harvest->surface == "harvest");

  auto same = cocoa;
  same.url = "https://b.example/copy";
  CHECK(analyzer.fingerprint(same) == analyzer.fingerprint(cocoa));  // the url is not text
  auto changed = cocoa;
  changed.title = "Cocoa harvests";
  CHECK(analyzer.fingerprint(changed) != analyzer.fingerprint(cocoa));
  auto french = cocoa;
  french.language = "fr";
  CHECK(analyzer.fingerprint(french) != analyzer.fingerprint(cocoa));
}

TEST_CASE("Feedback leans toward the best matches: each weighs by its cosine squared") {
  // The query is term 1. A (cosine 0.89) also has term 2; B (cosine 0.45) has
  // term 3 twice. C and D barely share the query, C with A's other term and D with
  // B's. Weighing A and B alike, the expanded query would favour term 3 (D above
  // C); by cosine squared (0.8 against 0.2) it favours term 2.
  auto indexed = [](const std::string& name, const std::vector<TermEntry>& entries) {
    IndexedArticle article;
    article.url = "https://a.example/" + name;
    article.vector = weighted_vector(entries);
    return article;
  };
  const std::vector<IndexedArticle> articles = {
      indexed("a", {{1, 3}, {2, 1}}),  // weights 1 + ln 3 = 2.1 and 1
      indexed("b", {{1, 1}, {3, 3}}),  // weights 1 and 2.1
      indexed("c", {{1, 1}, {2, 7}}),
      indexed("d", {{1, 1}, {3, 7}}),
  };
  QueryVector query;
  query.terms.push_back({1, 1.0, 4, "one"});
  query.norm = 1.0;
  CandidateScores candidates(articles.size());
  std::vector<Posting> postings;
  for (std::size_t i = 0; i < articles.size(); ++i)
    postings.push_back({static_cast<std::int64_t>(i), impact_code(1, articles[i].vector.norm)});
  candidates.add(query.terms[0], postings);
  QueryOptions options;
  options.expansion_weight = 1.0;
  const auto q = article("https://q.example/", "", "one");
  const CandidateFilter filter(q, options);
  const auto matches = rank(candidates, query, options, filter, [&](std::int64_t id) {
    return &articles[static_cast<std::size_t>(id)];
  });
  std::vector<std::string> order;
  for (const Match& match : matches) order.push_back(match.url);
  CHECK(order == std::vector<std::string>{"https://a.example/a", "https://a.example/b",
                                          "https://a.example/c", "https://a.example/d"});
}

TEST_CASE("A query weighs log tf by idf, from an analysis or from stored entries alike") {
  Analyzer analyzer;
  const Analysis analysis =
      analyzer.analyze_terms(article("https://q.example/", "", "cocoa cocoa cocoa harvest"));
  REQUIRE(analysis.terms.size() == 2);  // cocoa x3, harvest
  const std::map<std::string, std::pair<std::int64_t, std::int64_t>> collection = {
      {"cocoa", {7, 2}}, {"harvest", {9, 50}}};  // id, df
  const QueryVector analysed = query_vector(
      analysis, 100,
      [&](const std::string& term) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
        const auto found = collection.find(term);
        if (found == collection.end()) return std::nullopt;
        return found->second;
      });
  const std::vector<TermEntry> stored = {{7, 3}, {9, 1}};
  const QueryVector from_stored = query_vector(stored, 100, [](std::int64_t id) {
    return TermInfo{id == 7 ? 2 : 50, id == 7 ? "cocoa" : "harvest"};
  });
  for (const QueryVector* vector : {&analysed, &from_stored}) {
    REQUIRE(vector->terms.size() == 2);
    CHECK(vector->terms[0].id == 7);
    CHECK(vector->terms[0].weight == Approx(tf_weight(3) * idf(2, 100)));
    CHECK(vector->terms[1].weight == Approx(tf_weight(1) * idf(50, 100)));
    CHECK(vector->norm == Approx(std::hypot(vector->terms[0].weight, vector->terms[1].weight)));
  }
}
