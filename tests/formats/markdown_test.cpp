// Markdown as people write it: CommonMark marks, a title and byline, escapes only
// where CommonMark would read syntax, and still a lossless round trip.
#include <cmark.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "formats/formats.hpp"
#include "record_generator.hpp"
#include "test_support.hpp"

using crbc::formats::Format;
using crbc::model::Article;
using crbc::model::Mark;
using crbc::testing::read_text;
using crbc::testing::write_records;

namespace {

Article record(const std::string& json) {
  return crbc::model::article_from_json(nlohmann::json::parse(json));
}

Article with_body(std::vector<crbc::model::Block> body) {
  Article a;
  a.body = std::move(body);
  crbc::model::normalize(a);
  return a;
}

crbc::model::Paragraph paragraph(std::string text, std::vector<Mark> marks = {}) {
  return crbc::model::Paragraph{{std::move(text), std::move(marks)}};
}

// The body: what follows the front matter's closing "---".
std::string body_of(const std::string& markdown) {
  const auto end = markdown.find("\n---\n", 3);
  REQUIRE(end != std::string::npos);
  return markdown.substr(end + 5);
}

Article through_markdown(const Article& a) {
  const auto result = read_text(write_records(Format::markdown, {a}), Format::markdown);
  REQUIRE(result.errors.empty());
  REQUIRE(result.documents.size() == 1);
  return result.article(0);
}

// HTML of the Markdown by cmark alone, as any CommonMark tool would see it.
std::string commonmark_html(const std::string& markdown) {
  const std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  return html.get();
}

}  // namespace

TEST_CASE("markdown: marks in CommonMark syntax, links without angle brackets", "[markdown]") {
  const Article a = with_body(
      {paragraph("bold em code t end", {{Mark::Kind::strong, 0, 4, {}},
                                        {Mark::Kind::emphasis, 5, 7, {}},
                                        {Mark::Kind::code, 8, 12, {}},
                                        {Mark::Kind::link, 13, 14, "https://example.org/a"}})});
  const std::string body = body_of(write_records(Format::markdown, {a}));
  CHECK(body == "\n**bold** *em* `code` [t](https://example.org/a) end\n");
  CHECK(commonmark_html(body) ==
        "<p><strong>bold</strong> <em>em</em> <code>code</code> "
        "<a href=\"https://example.org/a\">t</a> end</p>\n");
  CHECK(through_markdown(a) == a);
}

TEST_CASE("markdown: the body opens with the title and a byline", "[markdown]") {
  const Article a = record(R"({"title": "Night trams return", "authors": ["Anna Berg"],
    "published": "2026-03-04T10:20:30+01:00",
    "body": [{"type": "paragraph", "text": "First."}]})");
  const std::string md = write_records(Format::markdown, {a});
  CHECK(body_of(md) == "\n# Night trams return\n\n*By Anna Berg \u00B7 2026-03-04*\n\nFirst.\n");
  CHECK(through_markdown(a) == a);

  Article several = a;
  several.authors = {"Anna Berg", "Li Wei", "Tom Ellery"};
  several.published = "spring 2026";
  CHECK(body_of(write_records(Format::markdown, {several}))
            .starts_with("\n# Night trams return\n\n*By Anna Berg, Li Wei and Tom Ellery \u00B7 "
                         "spring 2026*\n\nFirst.\n"));
  CHECK(through_markdown(several) == several);

  Article undated = a;
  undated.published.clear();
  CHECK(body_of(write_records(Format::markdown, {undated}))
            .starts_with("\n# Night trams return\n\n*By Anna Berg*\n\nFirst.\n"));
  Article anonymous = a;
  anonymous.authors.clear();
  CHECK(body_of(write_records(Format::markdown, {anonymous}))
            .starts_with("\n# Night trams return\n\n*2026-03-04*\n\nFirst.\n"));
  Article bare = a;
  bare.title.clear();
  bare.authors.clear();
  bare.published.clear();
  CHECK(body_of(write_records(Format::markdown, {bare})) == "\nFirst.\n");
}

TEST_CASE("markdown: a body that repeats the title and byline keeps its own copies", "[markdown]") {
  Article a = record(R"({"title": "Same", "authors": ["Anna Berg"]})");
  a.body = {crbc::model::Heading{1, {"Same", {}}},
            paragraph("By Anna Berg", {{Mark::Kind::emphasis, 0, 12, {}}}), paragraph("Text.")};
  const std::string body = body_of(write_records(Format::markdown, {a}));
  CHECK(body == "\n# Same\n\n*By Anna Berg*\n\n# Same\n\n*By Anna Berg*\n\nText.\n");
  CHECK(through_markdown(a) == a);
}

TEST_CASE("Markdown: a leading heading or byline that differs from the front matter stays",
          "[markdown]") {
  const auto result = read_text(
      "---\ntitle: The Title\nauthors: [Anna Berg]\n---\n\n# Another Title\n\n*By Someone*\n\n"
      "Text.\n",
      Format::markdown);
  REQUIRE(result.documents.size() == 1);
  const Article& a = result.article(0);
  CHECK(a.title == "The Title");
  REQUIRE(a.body.size() == 3);
  CHECK(std::get<crbc::model::Heading>(a.body[0]).content.text == "Another Title");
  CHECK(std::get<crbc::model::Paragraph>(a.body[1]).content.text == "By Someone");

  const auto matching = read_text(
      "---\ntitle: The Title\nauthors: [Anna Berg]\n---\n\n# The Title\n\n*By Anna Berg*\n\n"
      "Text.\n",
      Format::markdown);
  REQUIRE(matching.documents.size() == 1);
  REQUIRE(matching.article(0).body.size() == 1);
  CHECK(std::get<crbc::model::Paragraph>(matching.article(0).body[0]).content.text == "Text.");
}

TEST_CASE("markdown: punctuation escaped only where CommonMark would read syntax", "[markdown]") {
  const Article a = with_body({
      paragraph("Wow! It costs $5 (or 4.50) - a snake_case name, 50% off & more #1."),
      paragraph("# not a heading"),
      paragraph("1. not a list"),
      paragraph("- not an item"),
      paragraph("> not a quote"),
      paragraph("2*3 is _six_ [sic] <b>, AT&T &amp; a \\ backslash"),
      paragraph("Wow!see", {{Mark::Kind::link, 4, 7, "https://x.example/"}}),
      crbc::model::Heading{2, {"News about C# and F #", {}}},
  });
  const std::string body = body_of(write_records(Format::markdown, {a}));
  INFO(body);
  CHECK(body.find("\nWow! It costs $5 (or 4.50) - a snake_case name, 50% off & more #1.\n") !=
        std::string::npos);
  CHECK(body.find("\n\\# not a heading\n") != std::string::npos);
  CHECK(body.find("\n1\\. not a list\n") != std::string::npos);
  CHECK(body.find("\n\\- not an item\n") != std::string::npos);
  CHECK(body.find("\n\\> not a quote\n") != std::string::npos);
  CHECK(body.find("\n2\\*3 is \\_six\\_ \\[sic\\] \\<b>, AT&T \\&amp; a \\\\ backslash\n") !=
        std::string::npos);
  CHECK(body.find("\nWow\\![see](https://x.example/)\n") != std::string::npos);
  CHECK(body.find("\n## News about C# and F \\#\n") != std::string::npos);
  CHECK(through_markdown(a) == a);
}

TEST_CASE("markdown: code spans take a fence longer than any backtick run inside", "[markdown]") {
  const auto code = [](std::string text) {
    const auto length = crbc::text::code_point_count(text);
    return paragraph(std::move(text), {{Mark::Kind::code, 0, length, {}}});
  };
  const Article a =
      with_body({code("a``b"), code("`tick`"), code(" padded "), code("x\ny"), code("*_[]<>#")});
  const std::string body = body_of(write_records(Format::markdown, {a}));
  INFO(body);
  CHECK(body.find("\n```a``b```\n") != std::string::npos);
  CHECK(body.find("\n`` `tick` ``\n") != std::string::npos);
  CHECK(body.find("\n`  padded  `\n") != std::string::npos);
  CHECK(body.find("\n<code>x\\\ny</code>\n") != std::string::npos);  // no newline in a span
  CHECK(body.find("\n`*_[]<>#`\n") != std::string::npos);
  CHECK(through_markdown(a) == a);
}

TEST_CASE("markdown: link destinations in angle brackets or escaped only when they must be",
          "[markdown]") {
  const auto link = [](std::string href) {
    return paragraph("link", {{Mark::Kind::link, 0, 4, std::move(href)}});
  };
  const Article a =
      with_body({link("https://en.wikipedia.org/wiki/Foo_(bar)"), link("https://x.example/a b"),
                 link("https://x.example/a(b"), link("https://x.example/?a=1&b=2&amp;"), link("")});
  const std::string body = body_of(write_records(Format::markdown, {a}));
  INFO(body);
  CHECK(body.find("\n[link](https://en.wikipedia.org/wiki/Foo_(bar))\n") != std::string::npos);
  CHECK(body.find("\n[link](<https://x.example/a b>)\n") != std::string::npos);
  CHECK(body.find("\n[link](https://x.example/a\\(b)\n") != std::string::npos);
  CHECK(body.find("\n[link](https://x.example/?a=1&b=2&#38;amp;)\n") != std::string::npos);
  CHECK(body.find("\n[link](<>)\n") != std::string::npos);
  CHECK(through_markdown(a) == a);

  crbc::model::Image image{"https://x.example/i.jpg", "A *tram*", "Smith & Jones \"quoted\""};
  const Article pictured = with_body({image});
  CHECK(body_of(write_records(Format::markdown, {pictured})) ==
        "\n![A \\*tram\\*](https://x.example/i.jpg \"Smith & Jones \\\"quoted\\\"\")\n");
  CHECK(through_markdown(pictured) == pictured);
}

TEST_CASE("markdown: a mark CommonMark would not delimit where it stands is inline HTML",
          "[markdown]") {
  const Article a = with_body({
      paragraph("Note: the rest", {{Mark::Kind::strong, 0, 6, {}}}),  // ends with a space
      paragraph("unbelievable", {{Mark::Kind::emphasis, 2, 8, {}}}),
      paragraph("ab", {{Mark::Kind::emphasis, 0, 1, {}}, {Mark::Kind::emphasis, 1, 2, {}}}),
      paragraph("x\"quoted\"y", {{Mark::Kind::emphasis, 1, 9, {}}}),
      paragraph("intraword", {{Mark::Kind::strong, 5, 9, {}}}),
  });
  const std::string body = body_of(write_records(Format::markdown, {a}));
  INFO(body);
  CHECK(body.find("\n<strong>Note: </strong>the rest\n") != std::string::npos);
  CHECK(body.find("\nun*believ*able\n") != std::string::npos);
  CHECK(body.find("\n*a*<em>b</em>\n") != std::string::npos);  // two "*" runs would merge
  CHECK(body.find("\nx<em>\"quoted\"</em>y\n") != std::string::npos);
  CHECK(body.find("\nintra**word**\n") != std::string::npos);
  CHECK(through_markdown(a) == a);
}

TEST_CASE("markdown: newlines are hard line breaks, continued in quotes and list items",
          "[markdown]") {
  crbc::model::List list{false, {{{"first\n# second", {}}, {}}}};
  const Article a =
      with_body({paragraph("one\n two\n"), crbc::model::Quote{{"said\nthis", {}}, "Her"}, list,
                 crbc::model::Heading{2, {"a\nb", {}}}});
  const std::string body = body_of(write_records(Format::markdown, {a}));
  CHECK(body ==
        "\none\\\n&#32;two&#10;\n\n> said\\\n> this\n>\n> \u2014 Her\n\n"
        "- first\\\n  \\# second\n\n## a&#10;b\n");
  CHECK(through_markdown(a) == a);
}

TEST_CASE("markdown: nasty text round-trips as readable Markdown", "[markdown]") {
  const std::vector<std::string> nasty = {
      "*not emphasis* and **not strong** or _not_ __either__ but snake_case_words",
      "`not code` and ``double`` and a lone ` tick",
      "[not a link](https://x.example) and ![not an image](i.png) and [ref]: /url",
      "1. looks like a list",
      "10) also like a list",
      "# looks like a heading",
      "###### six",
      "<tag> and </tag> and <!-- comment --> and <https://autolink.example>",
      "&copy; &#169; &#xA9; are references, & alone is not",
      "\\*escaped\\* and \\ alone",
      "---",
      "***",
      "___",
      "= = =",
      "~~~ fence",
      "``` fence",
      "    indented code",
      "> quote\n> more",
      "- item\n+ item\n* item",
      "trailing backslash \\",
      "line one  \nline two",
      "Wow! [x]",
      "<!-- crbc: next record -->",
  };
  std::vector<crbc::model::Block> blocks;
  for (const std::string& text : nasty) {
    const auto length = crbc::text::code_point_count(text);
    blocks.push_back(paragraph(text));
    blocks.push_back(paragraph(text, {{Mark::Kind::emphasis, 0, length, {}}}));
    blocks.push_back(paragraph(text, {{Mark::Kind::link, 0, length, "https://x.example/(a)"}}));
    blocks.push_back(crbc::model::Heading{3, {text, {}}});
    blocks.push_back(crbc::model::Quote{{text, {}}, text});
    blocks.push_back(crbc::model::List{true, {{{text, {}}, {}}}});
    blocks.push_back(crbc::model::Image{"https://x.example/a.png", text, text});
  }
  const Article a = with_body(blocks);
  const std::string md = write_records(Format::markdown, {a});
  INFO(md);
  CHECK(md.find("crbc-block") == std::string::npos);
  CHECK(through_markdown(a) == a);
}

TEST_CASE("markdown: every block Markdown can carry is written as Markdown, not a comment",
          "[markdown]") {
  // What only a crbc-block comment carries: U+0000 (cmark reads U+FFFD), CRs in code
  // or a record separator line, a list without items, an info string with spaces at
  // its ends.
  const auto carriable = [](const crbc::model::Block& block) {
    const std::string json = crbc::model::to_json(block).dump();
    if (json.find("\\u0000") != std::string::npos) return false;
    if (json.find("\"items\":[]") != std::string::npos) return false;
    if (const auto* pre = std::get_if<crbc::model::Preformatted>(&block)) {
      const auto edge = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
      return pre->text.find('\r') == std::string::npos &&
             pre->text.find("<!-- crbc: next record -->") == std::string::npos &&
             (pre->language.empty() ||
              (!edge(pre->language.front()) && !edge(pre->language.back())));
    }
    return true;
  };
  crbc::testing::RecordGenerator generator(11);
  std::size_t checked = 0;
  for (int i = 0; i < 300; ++i) {
    for (const crbc::model::Block& block : generator.article().body) {
      if (!carriable(block)) continue;
      ++checked;
      const Article a = with_body({block});
      const std::string md = write_records(Format::markdown, {a});
      INFO(crbc::model::to_json(block).dump() << "\nwritten:\n" << md);
      CHECK(md.find("crbc-block") == std::string::npos);
      CHECK(through_markdown(a) == a);
    }
  }
  CHECK(checked > 500);
}
