// The CRBC News sample (fixtures/crbc-article.txt, a copy of the seed page's text),
// checked by hand: who is named, which organisations, and who said what.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "summarize/summarize.hpp"

namespace {

using crbc::summarize::Entity;
using crbc::summarize::EntityType;

// The fixture's layout: site, section, blank, title, then blocks separated by blank
// lines; a line without final punctuation is a heading; "Similar Articles" ends the body.
crbc::model::Article load_sample() {
  std::ifstream in(std::string(CRBC_SOURCE_DIR) + "/tests/summarize/fixtures/crbc-article.txt");
  REQUIRE(in);
  std::vector<std::string> blocks;
  std::string line;
  std::string current;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!current.empty()) blocks.push_back(current);
      current.clear();
    } else {
      current += current.empty() ? line : " " + line;
    }
  }
  if (!current.empty()) blocks.push_back(current);
  REQUIRE(blocks.size() > 4);
  crbc::model::Article article;
  article.site_name = "CRBC News";
  article.section = "Politics";
  article.language = "en";
  // Block 0 holds site and section lines joined; block 1 is the title.
  article.title = blocks[1];
  for (std::size_t i = 2; i < blocks.size(); ++i) {
    const std::string& text = blocks[i];
    if (text == "Similar Articles") break;
    const char last = text.back();
    if (last == '.' || last == '"' || last == '?' || last == '!') {
      article.body.push_back(crbc::model::Paragraph{{text, {}}});
    } else {
      article.body.push_back(crbc::model::Heading{2, {text, {}}});
    }
  }
  return article;
}

const Entity* find_entity(const std::vector<Entity>& entities, std::string_view name) {
  const auto it = std::find_if(entities.begin(), entities.end(),
                               [&](const Entity& e) { return e.name == name; });
  return it == entities.end() ? nullptr : &*it;
}

bool has_alias(const Entity& entity, std::string_view alias) {
  return std::find(entity.aliases.begin(), entity.aliases.end(), alias) != entity.aliases.end();
}

}  // namespace

TEST_CASE("CRBC sample: people, organisations, places", "[summarize][crbc]") {
  auto article = load_sample();
  crbc::summarize::Summarizer summarizer;
  const auto analysis = summarizer.analyze(article);
  INFO(crbc::summarize::to_json(analysis).dump(2));

  for (const char* person : {"Alexander Lukashenko", "Donald Trump", "Natalia Eismont", "John Cole",
                             "Ales Bialiatski", "Valery Karbalevich"}) {
    INFO(person);
    const Entity* entity = find_entity(analysis.entities, person);
    REQUIRE(entity != nullptr);
    CHECK(entity->type == EntityType::person);
  }
  for (const char* organization : {"Viasna", "Belavia"}) {
    INFO(organization);
    const Entity* entity = find_entity(analysis.entities, organization);
    REQUIRE(entity != nullptr);
    CHECK(entity->type == EntityType::organization);
  }
  const Entity* lukashenko = find_entity(analysis.entities, "Alexander Lukashenko");
  REQUIRE(lukashenko != nullptr);
  CHECK(has_alias(*lukashenko, "Lukashenko"));
  CHECK(lukashenko->mentions >= 8);
  CHECK(analysis.entities.front().name == "Alexander Lukashenko");
  const Entity* trump = find_entity(analysis.entities, "Donald Trump");
  REQUIRE(trump != nullptr);
  CHECK(has_alias(*trump, "Trump"));
  const Entity* karbalevich = find_entity(analysis.entities, "Valery Karbalevich");
  REQUIRE(karbalevich != nullptr);
  CHECK(karbalevich->mentions == 2);

  const Entity* united_states = find_entity(analysis.entities, "United States");
  REQUIRE(united_states != nullptr);
  CHECK(united_states->type == EntityType::place);
  CHECK(has_alias(*united_states, "U.S."));
  for (const char* place : {"Belarus", "Kyiv", "Minsk", "Moscow", "Ukraine"}) {
    INFO(place);
    const Entity* entity = find_entity(analysis.entities, place);
    REQUIRE(entity != nullptr);
    CHECK(entity->type == EntityType::place);
  }
  // Not entities: demonyms, sentence-initial common words, the prize.
  for (const char* noise : {"Belarusian", "Observers", "Earlier", "Nobel Peace Prize", "Human",
                            "Rights", "Weeks", "Catholic"}) {
    INFO(noise);
    CHECK(find_entity(analysis.entities, noise) == nullptr);
  }
}

TEST_CASE("CRBC sample: quotes and their speakers", "[summarize][crbc]") {
  auto article = load_sample();
  crbc::summarize::Summarizer summarizer;
  const auto analysis = summarizer.analyze(article);
  INFO(crbc::summarize::to_json(analysis).dump(2));
  REQUIRE(analysis.quotes.size() == 3);
  CHECK(analysis.quotes[0].text == "Belarus is open to dialogue,");
  CHECK(analysis.quotes[0].speaker == "Alexander Lukashenko's press service");
  CHECK(analysis.quotes[1].text.starts_with("Negotiations with various countries"));
  CHECK(analysis.quotes[1].speaker == "Alexander Lukashenko's press service");
  CHECK(analysis.quotes[2].text.starts_with("Lukashenko is seeking to reduce"));
  CHECK(analysis.quotes[2].speaker == "Valery Karbalevich");
  // "gesture of goodwill" is a phrase in quotation marks, not speech.
  for (const auto& quote : analysis.quotes) CHECK(quote.text.find("goodwill") == std::string::npos);
}

TEST_CASE("CRBC sample: summary, key phrases, stats", "[summarize][crbc]") {
  auto article = load_sample();
  crbc::summarize::Summarizer summarizer;
  const auto result = summarizer.summarize(article);
  const auto& extra = article.extra;
  INFO(extra.dump(2));
  REQUIRE(extra.contains("summary"));
  const auto& sentences = extra["summary"]["sentences"];
  REQUIRE(sentences.size() == 3);
  CHECK(extra["summary"]["method"] == "hybrid");
  for (const auto& sentence : sentences) {
    const auto block = sentence["block"].get<std::size_t>();
    REQUIRE(block < article.body.size());
    CHECK(std::holds_alternative<crbc::model::Paragraph>(article.body[block]));
  }
  CHECK(sentences[0]["position"].get<std::size_t>() < sentences[1]["position"].get<std::size_t>());
  CHECK(sentences[0]["text"].get<std::string>().starts_with(
      "Belarusian President Alexander Lukashenko"));

  std::vector<std::string> phrases;
  for (const auto& keyword : extra["keywords"]) phrases.push_back(keyword["phrase"]);
  CHECK(std::find(phrases.begin(), phrases.end(), "political prisoners") != phrases.end());
  CHECK(std::find(phrases.begin(), phrases.end(), "sanctions relief") != phrases.end());
  CHECK(extra["stats"]["words"].get<std::size_t>() > 400);
  CHECK(extra["stats"]["sentences"].get<std::size_t>() >= 18);
  CHECK(extra["stats"]["reading_minutes"].get<double>() > 1.0);
  CHECK(result.warnings.empty());
}
