// The fields other commands add to a record (fetch, summarize's, duplicates): typed
// readers and writers that keep what they do not know.
#include <catch2/catch.hpp>

#include "model/analysis.hpp"
#include "model/fetch_info.hpp"
#include "model/record_json.hpp"

using namespace crbc::model;
using nlohmann::json;
using nlohmann::ordered_json;

TEST_CASE("a fetch object reads into FetchInfo and writes back unchanged, url first") {
  const json fetch = json::parse(R"({
      "charset": "", "fetched_at": "2026-11-27T22:00:00Z", "final_url": "https://a.example/b",
      "headers": {"content-type": "text/html", "x-length": 12}, "status": "200",
      "url": "http://a.example/b", "x-tool": {"b": 1, "a": [1, 2]}})");
  const auto info = fetch.get<FetchInfo>();
  CHECK(info.url == "http://a.example/b");
  CHECK(info.final_url == "https://a.example/b");
  CHECK_FALSE(info.status.has_value());  // a string: kept as it came
  CHECK(info.header("content-type") == "text/html");
  CHECK(info.header("x-length").empty());
  CHECK(info.charset == "");
  const ordered_json written = info;
  CHECK(json(written) == fetch);
  CHECK(written.dump().starts_with(R"({"url":"http://a.example/b","charset":"")"));
  CHECK_THROWS_AS(json("not an object").get<FetchInfo>(), json::type_error);
}

TEST_CASE("fields another command added keep their members' order, unknown members included") {
  Article article;
  article.extra["entities"] = json::parse(
      R"([{"name": "Anna Berg", "type": "person", "mentions": 2, "aliases": ["Berg"],
           "wikidata": "Q1"}])");
  article.extra["quotes"] = json::parse(R"([{"text": "Yes.", "speaker": null, "block": 0}])");
  article.extra["stats"] = "n/a";
  article.extra["duplicates"] =
      json::parse(R"([{"url": "https://a.example/", "similarity": 1.0}])");
  const std::string written = to_json(article).dump();
  CHECK(written.find(R"("entities":[{"type":"person","aliases":["Berg"],"mentions":2,)"
                     R"("name":"Anna Berg","wikidata":"Q1"}])") != std::string::npos);
  CHECK(written.find(R"("quotes":[{"text":"Yes.","block":0,"speaker":null}])") !=
        std::string::npos);
  CHECK(written.find(R"("stats":"n/a")") != std::string::npos);
  CHECK(written.find(R"("duplicates":[{"url":"https://a.example/","similarity":1.0}])") !=
        std::string::npos);
  CHECK(json(to_json(article_from_json(json(to_json(article))))) == json(to_json(article)));
}

TEST_CASE("the summary of a record, when it has one in summarize's shape") {
  Article article;
  CHECK_FALSE(summary_of(article).has_value());
  article.extra["summary"] = {{"method", "lead"}, {"sentences", "none"}};
  CHECK_FALSE(summary_of(article).has_value());
  article.extra["summary"] = json::parse(R"({"method": "lead", "sentences": [
      {"text": "One.", "block": 0, "position": 0, "offset": 0, "length": 4}]})");
  const auto summary = summary_of(article);
  REQUIRE(summary.has_value());
  CHECK(summary->method == "lead");
  REQUIRE(summary->sentences.size() == 1);
  CHECK(summary->sentences[0].text == "One.");
}
