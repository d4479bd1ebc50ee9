#include <catch2/catch.hpp>
#include <set>

#include "related/related.hpp"
#include "support.hpp"

using namespace crbc::related;
using related_test::article;

namespace {

std::string long_text(int seed) {
  static const char* words[] = {"market", "bank",   "river",    "court",   "minister", "harvest",
                                "engine", "school", "storm",    "theatre", "airport",  "hospital",
                                "museum", "bridge", "festival", "factory", "election", "stadium"};
  std::string text;
  unsigned state = static_cast<unsigned>(seed) * 2654435761u + 1;
  for (int i = 0; i < 120; ++i) {
    state = state * 1103515245u + 12345u;
    text += words[(state >> 16) % 18];
    text += ' ';
  }
  return text;
}

}  // namespace

TEST_CASE("MinHash: identical shingles are similarity 1, unrelated texts low") {
  Analyzer analyzer;
  const auto a = analyzer.analyze(article("u1", "", long_text(1)));
  const auto b = analyzer.analyze(article("u2", "", long_text(1)));
  const auto c = analyzer.analyze(article("u3", "", long_text(2)));
  REQUIRE(a.signature.size() == MinHashOptions{}.hashes);
  CHECK(estimated_similarity(a.signature, b.signature) == 1.0);
  CHECK(estimated_similarity(a.signature, c.signature) < 0.2);
}

TEST_CASE("MinHash: an article without words has no signature and no duplicates") {
  Analyzer analyzer;
  const auto empty = analyzer.analyze(article("u", "", ""));
  CHECK(empty.signature.empty());
  CHECK(estimated_similarity(empty.signature, empty.signature) == 0.0);
  StreamDeduplicator dedup;
  auto first = article("u1", "", "");
  auto second = article("u2", "", "");
  CHECK_FALSE(dedup.check(first));
  CHECK_FALSE(dedup.check(second));
}

TEST_CASE("StreamDeduplicator flags a near-copy of an earlier record, not the original") {
  StreamDeduplicator dedup;
  const std::string text = long_text(3);
  auto original = article("https://a.example/story", "Story", text);
  auto other = article("https://a.example/other", "Other", long_text(4));
  std::string edited = text;
  edited.replace(edited.find("market") == std::string::npos ? 0 : edited.find("market"), 6,
                 "marketplace");
  auto copy =
      article("https://copy.example/story", "Story (copy)", edited + " Reporting by staff.");

  CHECK_FALSE(dedup.check(original));
  CHECK_FALSE(dedup.check(other));
  REQUIRE(dedup.check(copy));
  const auto& duplicates = copy.extra[kDuplicatesKey];
  REQUIRE(duplicates.size() == 1);
  CHECK(duplicates[0]["url"] == "https://a.example/story");
  CHECK(duplicates[0]["similarity"].get<double>() >= 0.8);
  CHECK_FALSE(original.extra.contains(kDuplicatesKey));
}

TEST_CASE("NearDuplicateFinder stays bounded under a flood of identical records") {
  NearDuplicateFinder finder;
  Analyzer analyzer;
  const auto signature = analyzer.analyze(article("u", "", long_text(5))).signature;
  for (int i = 0; i < 2000; ++i) finder.add("u" + std::to_string(i), signature);
  const auto matches = finder.find(signature, 0.5);
  CHECK(!matches.empty());
  CHECK(matches.size() < 2000);  // buckets are capped: lookups stay bounded
}

TEST_CASE("MinHash estimates track the exact Jaccard similarity of the shingles") {
  // Texts of distinct words: replacing a share of them changes the shingles by a
  // known amount. 64 hashes: the estimate's standard deviation is at most 1/16.
  auto words_of = [](int stride) {  // every stride-th word replaced (0: none)
    std::vector<std::string> words;
    for (int i = 0; i < 300; ++i)
      words.push_back(stride > 0 && i % stride == 0 ? "other" + std::to_string(i)
                                                    : "word" + std::to_string(i));
    return words;
  };
  auto shingles = [](const std::vector<std::string>& words) {
    std::set<std::string> out;
    for (std::size_t i = 0; i + 5 <= words.size(); ++i)
      out.insert(words[i] + " " + words[i + 1] + " " + words[i + 2] + " " + words[i + 3] + " " +
                 words[i + 4]);
    return out;
  };
  auto text_of = [](const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) text += word + " ";
    return text;
  };
  Analyzer analyzer;
  const auto base = words_of(0);
  const auto base_signature = analyzer.analyze(article("a", "", text_of(base))).signature;
  for (const int stride : {0, 100, 40, 20, 8}) {
    const auto variant = words_of(stride);
    const auto a = shingles(base);
    const auto b = shingles(variant);
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    const double exact = static_cast<double>(common.size()) /
                         static_cast<double>(a.size() + b.size() - common.size());
    const auto signature = analyzer.analyze(article("b", "", text_of(variant))).signature;
    INFO("one word in " << stride << " changed, exact " << exact);
    CHECK(std::abs(estimated_similarity(base_signature, signature) - exact) < 0.2);
  }
}
