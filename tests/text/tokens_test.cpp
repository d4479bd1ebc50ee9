#include "text/tokens.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"

namespace {

std::vector<std::string> token_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& token : crbc::text::tokenize(text)) out.emplace_back(token.text);
  return out;
}

}  // namespace

using Strings = std::vector<std::string>;

TEST_CASE("tokenize: words, numbers, joiners", "[tokens]") {
  CHECK(token_texts("Hello, world!") == Strings{"Hello", "world"});
  CHECK(token_texts("well-known don't Belarus's") == Strings{"well-known", "don't", "Belarus's"});
  CHECK(token_texts("don\xE2\x80\x99t") == Strings{"don\xE2\x80\x99t"});
  CHECK(token_texts("1,257 prisoners and 3.5 percent") ==
        Strings{"1,257", "prisoners", "and", "3.5", "percent"});
  CHECK(token_texts("ends with 5. Next") == Strings{"ends", "with", "5", "Next"});
  CHECK(token_texts("-dash- 'quoted' trailing-") == Strings{"dash", "quoted", "trailing"});
  CHECK(token_texts("U.S.-linked") == Strings{"U", "S", "linked"});
  CHECK(token_texts("Лукашэнка памілаваў 31 украінца") ==
        Strings{"Лукашэнка", "памілаваў", "31", "украінца"});
  CHECK(token_texts("м'ясо пад\xCA\xBC"
                    "езд") == Strings{"м'ясо",
                                      "пад\xCA\xBC"
                                      "езд"});
  CHECK(token_texts("").empty());
  CHECK(token_texts("!!! ... ---").empty());
}

TEST_CASE("tokenize: offsets, kinds and case flags", "[tokens]") {
  const std::string_view text = "NATO and Minsk: 2024";
  const auto tokens = crbc::text::tokenize(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].all_caps);
  CHECK(tokens[0].capitalized);
  CHECK_FALSE(tokens[1].capitalized);
  CHECK(tokens[2].capitalized);
  CHECK_FALSE(tokens[2].all_caps);
  CHECK(tokens[3].kind == crbc::text::TokenKind::number);
  CHECK(tokens[0].kind == crbc::text::TokenKind::word);
  for (const auto& token : tokens)
    CHECK(text.substr(token.offset, token.text.size()) == token.text);
}

TEST_CASE("tokenize: invalid UTF-8 never reads out of bounds", "[tokens]") {
  const std::string bad = "ab\xFF\xC3 cd\xE2\x80";
  const auto tokens = crbc::text::tokenize(bad);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].text == "ab");
}

TEST_CASE("fold_case and normalisation", "[normalize]") {
  using crbc::text::fold_case;
  CHECK(fold_case("Hello WORLD") == "hello world");
  CHECK(fold_case("Straße") == "strasse");
  CHECK(fold_case("ЛУКАШЕНКО") == "лукашенко");
  CHECK(fold_case("ﬁnance") == "finance");  // NFKC ligature
  CHECK(fold_case("don\xE2\x80\x99t") == "don't");
  CHECK(fold_case("") == "");
  CHECK(crbc::text::normalize_nfc("e\xCC\x81") == "\xC3\xA9");
  CHECK(crbc::text::primary_language("pt-BR") == "pt");
  CHECK(crbc::text::primary_language("EN") == "en");
}

TEST_CASE("Stemmer per language", "[stem]") {
  crbc::text::Stemmer english("en-GB");
  REQUIRE(english.available());
  CHECK(english.stem("sanctions") == "sanction");
  CHECK(english.stem("prisoners") == "prison");
  crbc::text::Stemmer russian("ru");
  CHECK(russian.stem("политических") == "политическ");
  crbc::text::Stemmer belarusian("be");
  CHECK(belarusian.available());
  crbc::text::Stemmer unknown("xx");
  CHECK_FALSE(unknown.available());
  CHECK(unknown.stem("words") == "words");
  crbc::text::Stemmer moved = std::move(english);
  CHECK(moved.stem("running") == "run");
}

TEST_CASE("stop words per language", "[stopwords]") {
  using crbc::text::stop_words;
  for (const char* language : {"en", "de", "fr", "es", "ru", "uk", "be"}) {
    INFO(language);
    CHECK(stop_words(language).size() > 50);
  }
  CHECK(stop_words("en").contains("the"));
  CHECK_FALSE(stop_words("en").contains("prisoners"));
  CHECK(stop_words("en-US").contains("and"));
  CHECK(stop_words("de").contains("und"));
  CHECK(stop_words("ru").contains("и"));
  CHECK(stop_words("be").contains("і"));
  CHECK(stop_words("uk").contains("що"));
  CHECK(stop_words("xx").empty());
  CHECK(&stop_words("en") == &stop_words("en"));
}
