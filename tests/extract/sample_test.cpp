// The repository's sample pages, end to end through extract_article.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/extract.hpp"

using namespace crbc;

namespace {

std::string read_sample(const std::string& name) {
  std::ifstream in(std::string(CRBC_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("the CRBC News sample: body, headings, links and related articles", "[sample]") {
  extract::ExtractOptions options;
  options.url = "https://crbc.news/politics/belarus-pardons-31-ukrainians-hands-them-to-kyiv";
  const auto result = extract::extract_article(read_sample("crbc-belarus-pardons.html"), options);
  const auto& body = result.article.body;
  REQUIRE(body.size() == 11);
  CHECK(std::get<model::Paragraph>(body[0]).content.text.starts_with(
      "Belarusian President Alexander Lukashenko has pardoned 31 Ukrainians"));
  CHECK(std::get<model::Heading>(body[3]).content.text == "Context and diplomatic significance");
  CHECK(std::get<model::Heading>(body[6]).content.text == "Human rights concerns remain");
  const auto& viasna = std::get<model::Paragraph>(body[7]).content;
  REQUIRE(viasna.marks.size() == 1);
  CHECK(viasna.marks[0] == model::Mark{model::Mark::Kind::link, 19, 25, "https://spring96.org/en"});
  CHECK(std::get<model::Paragraph>(body[10]).content.text.ends_with(
      "aimed at securing sanctions relief and diplomatic space."));
  const std::string text = model::body_text(result.article);
  for (const char* furniture :
       {"cookies", "Advertisement", "morning briefing", "Share on", "Maria Kovalenko",
        "Similar Articles", "All rights reserved", "Political prisoners"}) {
    INFO(furniture);
    CHECK(text.find(furniture) == std::string::npos);
  }
  const auto& related = result.article.related;
  REQUIRE(related.size() == 3);
  CHECK(related[0].title == "Lukashenko Pardons 51 Political Prisoners After Call With Trump");
  CHECK(related[0].url == "https://crbc.news/politics/lukashenko-pardons-51-political-prisoners");
  CHECK(related[2].url == "https://crbc.news/economy/belavia-sanctions-relief");
  CHECK(result.warnings.empty());
}

TEST_CASE("the sample without declared metadata: headline, byline and date as shown", "[sample]") {
  const auto result = extract::extract_article(read_sample("no-metadata.html"), {});
  const auto& article = result.article;
  CHECK(article.title == "Repair café marks its first year with 900 things saved from the tip");
  CHECK(article.site_name == "Millbrook Notes");
  CHECK(article.authors == std::vector<std::string>{"Helen Marsh"});
  CHECK(article.published == "2025-03-03");
}

TEST_CASE("the windows-1251 sample decodes, and its furniture lines go", "[sample]") {
  const auto result = extract::extract_article(read_sample("russian-cp1251.html"), {});
  const std::string text = model::body_text(result.article);
  CHECK(text.find("электробусов") != std::string::npos);
  CHECK(text.find("Ctrl+Enter") == std::string::npos);
  CHECK(text.find("Просмотров") == std::string::npos);
  CHECK(result.article.related.size() == 3);
}
