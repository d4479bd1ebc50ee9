// Who said what: one row per way a speaker is named next to a quotation, in both
// directions (speaker before and after the quote, "X said" and "said X"), with the
// phrases that must not be taken for the speaker (an introductory phrase, a relative
// clause or apposition after the name, a capitalised word that starts the sentence).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "summarize/summarize.hpp"

namespace {

struct QuoteCase {
  const char* name;
  std::vector<std::string> paragraphs;
  std::string text;     // the quotation, as found
  std::string speaker;  // who said it, resolved to the full name where one was given
  const char* language = "en";
};

// A page around the case: an opening and a closing paragraph without quotations.
crbc::model::Article page(const QuoteCase& c) {
  crbc::model::Article article;
  article.language = c.language;
  const auto add = [&](const std::string& text) {
    article.body.push_back(crbc::model::Paragraph{{text, {}}});
  };
  add("The government published the draft of the new labour code on Monday morning.");
  for (const auto& paragraph : c.paragraphs) add(paragraph);
  add("Parliament is expected to vote on the draft before the end of the year.");
  return article;
}

const std::vector<QuoteCase> kCases{
    {.name = "introductory phrase before X said:",
     .paragraphs = {"In a statement, the ministry said: \"The code protects workers and "
                    "employers alike.\""},
     .text = "The code protects workers and employers alike.",
     .speaker = "the ministry"},
    {.name = "capitalised place in the introductory phrase",
     .paragraphs = {"In Minsk, the ministry said: \"The code protects workers and employers "
                    "alike.\""},
     .text = "The code protects workers and employers alike.",
     .speaker = "the ministry"},
    {.name = "introductory clause ending in a lower-case article",
     .paragraphs = {"Asked about the strike, a spokesman said: \"The code protects workers and "
                    "employers alike.\""},
     .text = "The code protects workers and employers alike.",
     .speaker = "a spokesman"},
    {.name = "short quote, said X, relative clause",
     .paragraphs = {"\"Words are cheap,\" said Anna Berg, who leads the largest union."},
     .text = "Words are cheap,",
     .speaker = "Anna Berg"},
    {.name = "short quote, X said, relative clause between",
     .paragraphs = {"\"Words are cheap,\" Anna Berg, who leads the largest union, said."},
     .text = "Words are cheap,",
     .speaker = "Anna Berg"},
    {.name = "X, relative clause, said: before the quote",
     .paragraphs = {"Anna Berg, who leads the largest union, said: \"We will not sign this "
                    "agreement.\""},
     .text = "We will not sign this agreement.",
     .speaker = "Anna Berg"},
    {.name = "organisation, relative clause, said: before the quote",
     .paragraphs = {"The ministry, which drafted the code, said: \"We will not change this "
                    "agreement.\""},
     .text = "We will not change this agreement.",
     .speaker = "The ministry"},
    {.name = "apposition before the name, X said after the quote",
     .paragraphs = {"\"We will not sign this agreement,\" the union's leader, Anna Berg, said."},
     .text = "We will not sign this agreement,",
     .speaker = "Anna Berg"},
    {.name = "apposition before the name, said: before the quote",
     .paragraphs = {"The union's leader, Anna Berg, said: \"We will not sign this agreement.\""},
     .text = "We will not sign this agreement.",
     .speaker = "Anna Berg"},
    {.name = "apposition after said, the name in a later part",
     .paragraphs = {"\"We will not sign this agreement,\" said the union's leader, Anna Berg."},
     .text = "We will not sign this agreement,",
     .speaker = "Anna Berg"},
    {.name = "said and a description that names no person: no speaker",
     .paragraphs = {"\"We will not sign this agreement,\" said the head of the Ministry of "
                    "Defence."},
     .text = "We will not sign this agreement,",
     .speaker = ""},
    {.name = "quotation split by said X: the second part is X's too",
     .paragraphs = {"\"We will not sign this,\" said Anna Berg, \"because the code protects "
                    "no one.\""},
     .text = "because the code protects no one.",
     .speaker = "Anna Berg"},
    {.name = "surname alone resolves to the name given earlier",
     .paragraphs = {"The union leader Anna Berg rejected the draft.",
                    "\"We will not sign this agreement,\" Berg said."},
     .text = "We will not sign this agreement,",
     .speaker = "Anna Berg"},
    {.name = "inverted: said and a surname",
     .paragraphs = {"The union leader Anna Berg rejected the draft.",
                    "\"We will not sign this agreement,\" said Berg."},
     .text = "We will not sign this agreement,",
     .speaker = "Anna Berg"},
    {.name = "pronoun after the quote: the last speaker, no one named since",
     .paragraphs = {"\"Words are cheap,\" said Anna Berg.",
                    "\"We will not sign this agreement,\" she said."},
     .text = "We will not sign this agreement,",
     .speaker = "Anna Berg"},
    {.name = "pronoun after the quote: the person named since the last quote",
     .paragraphs = {"\"Words are cheap,\" said Anna Berg.",
                    "Graham Petts, who voted against the plan, said the money would be better "
                    "spent elsewhere. \"We are being asked to fund a luxury,\" he said."},
     .text = "We are being asked to fund a luxury,",
     .speaker = "Graham Petts"},
    {.name = "pronoun before the quote: the person named since the last quote",
     .paragraphs = {"\"Words are cheap,\" said Anna Berg.",
                    "The plan was opposed by Graham Petts, who sits on the council. He said: "
                    "\"We are being asked to fund a luxury.\""},
     .text = "We are being asked to fund a luxury.",
     .speaker = "Graham Petts"},
    {.name = "pronoun: the subject of the last sentence naming people, not its last name",
     .paragraphs = {"\"Words are cheap,\" said Anna Berg.",
                    "Dale Thompson, who has ridden the line from Orchard Road for 19 years, said "
                    "he would now drive. \"I moved here because of that station,\" he said."},
     .text = "I moved here because of that station,",
     .speaker = "Dale Thompson"},
    {.name = "French: X a dit before the quote",
     .paragraphs = {"Anna Berg a dit : «Nous ne signerons pas cet accord.»"},
     .text = "Nous ne signerons pas cet accord.",
     .speaker = "Anna Berg",
     .language = "fr"},
    {.name = "French inverted: a dit X after the quote",
     .paragraphs = {"«Nous ne signerons pas cet accord», a dit Anna Berg."},
     .text = "Nous ne signerons pas cet accord",
     .speaker = "Anna Berg",
     .language = "fr"},
    {.name = "Russian: dash, verb, a clause ending in the name",
     .paragraphs = {"«Мы не подпишем это соглашение», — сказал на встрече в Минске глава "
                    "профсоюза Иван Петров."},
     .text = "Мы не подпишем это соглашение",
     .speaker = "Иван Петров",
     .language = "ru"},
    {.name = "Russian: the speaker between dashes inside the quotation marks",
     .paragraphs = {"«Мы не подпишем это соглашение, — сказал на встрече в Минске глава "
                    "профсоюза Иван Петров. — Оно никого не защищает»."},
     .text = "Мы не подпишем это соглашение, — сказал на встрече в Минске глава профсоюза Иван "
             "Петров. — Оно никого не защищает",
     .speaker = "Иван Петров",
     .language = "ru"},
    {.name = "Russian: a pronoun between dashes inside the quotation marks",
     .paragraphs = {"Глава профсоюза Анна Берг выступила против проекта.",
                    "«Мы не подпишем это соглашение, — сказала она. — Оно никого не защищает»."},
     .text = "Мы не подпишем это соглашение, — сказала она. — Оно никого не защищает",
     .speaker = "Анна Берг",
     .language = "ru"},
    {.name = "Russian: dash, verb, name",
     .paragraphs = {"«Мы не подпишем это соглашение», — заявила Анна Берг."},
     .text = "Мы не подпишем это соглашение",
     .speaker = "Анна Берг",
     .language = "ru"},
};

}  // namespace

TEST_CASE("each quotation is found with its speaker", "[summarize][quotes]") {
  for (const QuoteCase& c : kCases) {
    INFO(c.name);
    const auto analysis = crbc::summarize::Summarizer().analyze(page(c));
    INFO(crbc::summarize::to_json(analysis).dump(2));
    CHECK(!analysis.quotes.empty());
    if (analysis.quotes.empty()) continue;
    const auto& quote = analysis.quotes.back();
    CHECK(quote.text == c.text);
    CHECK(quote.speaker == c.speaker);
  }
}

TEST_CASE("a phrase in quotation marks without a speaker is not a quote", "[summarize][quotes]") {
  const QuoteCase c{.paragraphs = {"The ministry called the strike \"a mistake\" and moved on."}};
  CHECK(crbc::summarize::Summarizer().analyze(page(c)).quotes.empty());
}
