#include "summarize/summarize.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "text/tokens.hpp"

namespace {

using crbc::model::Article;
using crbc::model::Heading;
using crbc::model::Paragraph;
using crbc::summarize::Method;
using crbc::summarize::Options;
using crbc::summarize::Summarizer;

Paragraph paragraph(std::string text) {
  return Paragraph{{std::move(text), {}}};
}

Article news_article() {
  Article article;
  article.language = "en";
  article.title = "City council approves new budget for public transport";
  article.body.push_back(Heading{1, {"City council approves new budget", {}}});
  article.body.push_back(paragraph(
      "The city council approved a new budget for public transport on Tuesday. The budget adds "
      "two bus lines and extends the tram network to the northern districts."));
  article.body.push_back(Heading{2, {"What changes for passengers", {}}});
  article.body.push_back(paragraph(
      "Passengers will see more frequent buses from March. Mayor Anna Keller said the tram "
      "extension would open in 2027. \"Public transport is the backbone of this city,\" Keller "
      "said."));
  article.body.push_back(paragraph(
      "Opposition members criticised the cost of the tram extension. They argued that the budget "
      "should have prioritised road repairs instead."));
  article.body.push_back(crbc::model::Image{"a.jpg", "A tram", "Trams in the northern districts."});
  article.body.push_back(
      paragraph("The transport budget passed with 31 votes to 12. It takes effect on January 1."));
  return article;
}

std::size_t summary_words(const crbc::summarize::Analysis& analysis) {
  std::size_t words = 0;
  for (const auto& s : analysis.summary) words += crbc::text::count_words(s.text);
  return words;
}

}  // namespace

TEST_CASE("methods parse and name", "[summarize]") {
  for (const char* name : {"lead", "textrank", "lexrank", "hybrid"}) {
    const auto method = crbc::summarize::parse_method(name);
    REQUIRE(method);
    CHECK(crbc::summarize::method_name(*method) == name);
  }
  CHECK(crbc::summarize::parse_method("default") == Method::hybrid);
  CHECK_FALSE(crbc::summarize::parse_method("bogus"));
}

TEST_CASE("every method picks paragraph sentences in article order", "[summarize]") {
  const Article article = news_article();
  for (const Method method : {Method::lead, Method::textrank, Method::lexrank, Method::hybrid}) {
    INFO(crbc::summarize::method_name(method));
    Options options;
    options.method = method;
    Summarizer summarizer(options);
    const auto analysis = summarizer.analyze(article);
    REQUIRE(analysis.summary.size() == 3);
    for (std::size_t i = 0; i < analysis.summary.size(); ++i) {
      const auto& sentence = analysis.summary[i];
      CHECK(std::holds_alternative<Paragraph>(article.body.at(sentence.block)));
      if (i > 0) CHECK(analysis.summary[i - 1].position < sentence.position);
      const auto& text = std::get<Paragraph>(article.body[sentence.block]).content.text;
      CHECK(text.substr(sentence.offset, sentence.length) ==
            sentence.text);  // ASCII: bytes == code points
    }
    CHECK(analysis.warnings.empty());
  }
  Options lead;
  lead.method = Method::lead;
  const auto analysis = Summarizer(lead).analyze(article);
  CHECK(analysis.summary[0].text ==
        "The city council approved a new budget for public transport on Tuesday.");
  CHECK(analysis.summary[2].text == "Passengers will see more frequent buses from March.");
}

TEST_CASE("summary length by sentences, words and ratio", "[summarize]") {
  const Article article = news_article();
  Options options;
  options.sentences = 1;
  CHECK(Summarizer(options).analyze(article).summary.size() == 1);
  options.sentences = 100;
  CHECK(Summarizer(options).analyze(article).summary.size() == 9);  // every sentence

  Options by_words;
  by_words.words = 30;
  const auto short_summary = Summarizer(by_words).analyze(article);
  CHECK(!short_summary.summary.empty());
  CHECK(summary_words(short_summary) <= 30);

  Options tiny;
  tiny.words = 1;  // never empty: at least one sentence
  CHECK(Summarizer(tiny).analyze(article).summary.size() == 1);

  Options ratio;
  ratio.ratio = 0.5;
  CHECK(Summarizer(ratio).analyze(article).summary.size() == 5);
}

TEST_CASE("summarize writes the fields into extra and keeps what was there", "[summarize]") {
  Article article = news_article();
  article.extra["fetch"] = {{"status", 200}};
  Summarizer summarizer;
  summarizer.summarize(article);
  CHECK(article.extra["fetch"]["status"] == 200);
  for (const char* key : {"summary", "keywords", "entities", "quotes", "stats"}) {
    INFO(key);
    CHECK(article.extra.contains(key));
  }
  CHECK(article.extra["summary"]["sentences"].size() == 3);
  CHECK(article.extra["stats"]["words"] == 91);
  CHECK(article.extra["stats"]["sentences"] == 9);
  const auto& quotes = article.extra["quotes"];
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0]["speaker"] == "Anna Keller");
  CHECK(quotes[0]["text"] == "Public transport is the backbone of this city,");
  bool keller = false;
  for (const auto& entity : article.extra["entities"]) {
    if (entity["name"] == "Anna Keller") {
      keller = true;
      CHECK(entity["type"] == "person");
      CHECK(entity["mentions"] == 2);
    }
  }
  CHECK(keller);
}

TEST_CASE("lists are candidates, nested lists are walked", "[summarize]") {
  Article article;
  crbc::model::List list;
  crbc::model::ListItem item;
  item.content.text = "The first item explains the main decision of the board today.";
  crbc::model::List inner;
  crbc::model::ListItem inner_item;
  inner_item.content.text = "A nested item adds a detail about the decision of the board.";
  inner.items.push_back(inner_item);
  item.children.push_back(inner);
  list.items.push_back(item);
  article.body.push_back(list);
  const auto analysis = Summarizer().analyze(article);
  CHECK(analysis.summary.size() == 2);
  CHECK(analysis.stats.sentences == 2);
}

TEST_CASE("hostile input: empty summary and a warning, never a crash", "[summarize][hostile]") {
  Summarizer summarizer;
  SECTION("empty body") {
    const auto analysis = summarizer.analyze(Article{});
    CHECK(analysis.summary.empty());
    REQUIRE(analysis.warnings.size() == 1);
    CHECK(analysis.stats.words == 0);
  }
  SECTION("headings and captions only") {
    Article article;
    article.body.push_back(
        Heading{2, {"A heading that is long enough to be a sentence here.", {}}});
    article.body.push_back(crbc::model::Image{"x.png", "", "A caption that is a sentence too."});
    const auto analysis = summarizer.analyze(article);
    CHECK(analysis.summary.empty());
    CHECK(!analysis.warnings.empty());
  }
  SECTION("one sentence") {
    Article article;
    article.body.push_back(paragraph("Only one sentence is here."));
    const auto analysis = summarizer.analyze(article);
    REQUIRE(analysis.summary.size() == 1);
    CHECK(analysis.summary[0].text == "Only one sentence is here.");
  }
  SECTION("two words") {
    Article article;
    article.body.push_back(paragraph("Hello world"));
    const auto analysis = summarizer.analyze(article);
    CHECK(analysis.summary.empty());
    CHECK(!analysis.warnings.empty());
  }
  SECTION("no punctuation, 10 MB in one paragraph") {
    std::string huge;
    huge.reserve(10'500'000);
    while (huge.size() < 10'000'000) huge += "word another thing more text Minsk and Kyiv ";
    Article article;
    article.body.push_back(paragraph(huge));
    const auto analysis = summarizer.analyze(article);
    CHECK(analysis.summary.empty());
    CHECK(analysis.warnings.size() >= 2);  // unusable sentence, text cut
    CHECK(analysis.stats.words > 1'000'000);
  }
  SECTION("10 MB of short sentences stays bounded") {
    std::string huge;
    while (huge.size() < 10'000'000) huge += "The council met again today. ";
    Article article;
    article.body.push_back(paragraph(huge));
    const auto analysis = summarizer.analyze(article);
    CHECK(analysis.summary.size() == 1);  // the others repeat it
    CHECK(!analysis.warnings.empty());
  }
  SECTION("mixed scripts and invalid bytes") {
    Article article;
    article.body.push_back(paragraph(
        "Президент Александр Лукашенко встретился с John Smith в Минске. 北京今天下雨。 "
        "Bad \xFF\xFE bytes here and there. «Мы открыты для диалога», — заявил Лукашенко."));
    const auto analysis = summarizer.analyze(article);
    CHECK(!analysis.summary.empty());
    CHECK(analysis.warnings.size() == 1);  // the repaired bytes
    CHECK_NOTHROW(crbc::summarize::to_json(analysis).dump());
  }
  SECTION("a record whose extra is not an object") {
    Article article = news_article();
    article.extra = nlohmann::json::array();
    summarizer.summarize(article);
    CHECK(article.extra.is_object());
    CHECK(article.extra.contains("summary"));
  }
  SECTION("unbalanced quotation marks") {
    Article article;
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "\xC2\xAB He said \" and \xE2\x80\x9C then. ";
    article.body.push_back(paragraph(text));
    const auto analysis = summarizer.analyze(article);
    CHECK(analysis.quotes.size() < 20000);
  }
}

TEST_CASE("Cyrillic entities and quotes", "[summarize][entities]") {
  Article article;
  article.language = "ru";
  article.body.push_back(paragraph(
      "Президент Беларуси Александр Лукашенко помиловал 31 гражданина Украины. Об этом сообщила "
      "пресс-секретарь Наталья Эйсмонт. Правозащитный центр «Весна» насчитывает 1257 "
      "политзаключённых."));
  article.body.push_back(paragraph(
      "«Беларусь открыта для диалога», — заявил Лукашенко. Политолог Валерий Карбалевич считает, "
      "что Минск пытается вернуться к политике балансирования между Москвой и Западом."));
  Summarizer summarizer;
  const auto analysis = summarizer.analyze(article);
  INFO(crbc::summarize::to_json(analysis).dump(2));
  const auto find = [&](std::string_view name) -> const crbc::summarize::Entity* {
    for (const auto& entity : analysis.entities) {
      if (entity.name == name) return &entity;
    }
    return nullptr;
  };
  const auto* lukashenko = find("Александр Лукашенко");
  REQUIRE(lukashenko);
  CHECK(lukashenko->type == crbc::summarize::EntityType::person);
  CHECK(lukashenko->mentions == 2);
  REQUIRE(find("Наталья Эйсмонт"));
  REQUIRE(find("Валерий Карбалевич"));
  const auto* viasna = find("Весна");
  REQUIRE(viasna);
  CHECK(viasna->type == crbc::summarize::EntityType::organization);
  const auto* belarus = find("Belarus");
  REQUIRE(belarus);
  CHECK(belarus->type == crbc::summarize::EntityType::place);
  CHECK(find("Minsk"));
  CHECK(find("Moscow"));
  REQUIRE(analysis.quotes.size() == 1);
  CHECK(analysis.quotes[0].speaker == "Александр Лукашенко");
}
