// Writers: safety of HTML, quoting of YAML/CSV/TSV, the json layouts.
#include <catch2/catch.hpp>
#include <regex>

#include "formats/formats.hpp"
#include "test_support.hpp"

using crbc::formats::Format;
using crbc::testing::sample_article;
using crbc::testing::write_records;

TEST_CASE("json and jsonld: one record a line however many, each indented when pretty",
          "[writers]") {
  const auto a = sample_article();
  for (const Format format : {Format::json, Format::jsonld}) {
    INFO(crbc::formats::format_name(format));
    const std::string one = write_records(format, {a});
    CHECK(std::count(one.begin(), one.end(), '\n') == 1);
    const std::string two = write_records(format, {a, a});
    CHECK(two == one + one);
    const std::string pretty = write_records(format, {a, a}, {.pretty = true});
    CHECK(pretty.starts_with("{\n  \""));
    CHECK(pretty.find("\n}\n{\n  \"") != std::string::npos);
  }
  CHECK(nlohmann::json::parse(write_records(Format::json, {a})) == crbc::model::to_json(a));
}

TEST_CASE("json and yaml: fields in reading order, the others after them alphabetically",
          "[writers]") {
  auto a = sample_article();
  a.extra["zebra"] = 1;
  a.extra["aardvark"] = 2;
  for (const Format format : {Format::json, Format::ndjson, Format::yaml}) {
    const std::string text = write_records(format, {a});
    INFO(text);
    std::size_t previous = 0;
    for (const char* key :
         {"schema_version", "title", "url", "authors", "published", "body", "aardvark", "zebra"}) {
      const std::size_t at = text.find(std::string(key) + (format == Format::yaml ? ":" : "\":"));
      REQUIRE(at != std::string::npos);
      CHECK(at > previous);
      previous = at;
    }
    // Inside a block, its type comes first.
    const std::string paragraph = format == Format::yaml ? "- type: paragraph\n    text:"
                                                         : "{\"type\":\"paragraph\",\"text\":";
    CHECK(text.find(paragraph) != std::string::npos);
  }
}

TEST_CASE("html: a complete page, text escaped, no unsafe urls or event handlers", "[writers]") {
  auto a = sample_article();
  a.title = "<script>alert(1)</script> \" onload=\"x";
  a.description = "</script><!-- <img src=x onerror=alert(1)>";
  a.canonical_url = "javascript:alert(2)";
  a.related.push_back({"r", "vbscript:msgbox", std::nullopt, "page", {}, nlohmann::json::object()});
  const std::string html = write_records(Format::html, {a});
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(html.find("</html>") != std::string::npos);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("href=\"javascript:") == std::string::npos);
  CHECK(html.find("src=\"data:") == std::string::npos);
  CHECK(html.find("href=\"vbscript:") == std::string::npos);
  // No tag has an on* attribute (attribute values themselves may say anything).
  const std::regex tag("<[a-zA-Z][^>]*>");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator();
       ++it) {
    const std::string attributes = std::regex_replace(it->str(), std::regex("\"[^\"]*\""), "\"\"");
    CHECK_FALSE(std::regex_search(attributes, std::regex("\\son[a-z]*=", std::regex::icase)));
  }
  // Inside the JSON-LD script, nothing can close the script or open a comment.
  const auto start = html.find("<script type=\"application/ld+json\">");
  REQUIRE(start != std::string::npos);
  const auto end = html.find("</script>", start);
  const std::string script = html.substr(start + 35, end - start - 35);
  CHECK(script.find('<') == std::string::npos);
  CHECK(nlohmann::json::parse(script)["crbcRecord"] == crbc::model::to_json(a));
}

TEST_CASE("html: safe urls are kept", "[writers]") {
  auto a = sample_article();
  a.body = {crbc::model::Paragraph{
      {"see", {{crbc::model::Mark::Kind::link, 0, 3, "https://x.example/?a=1&b=2"}}}}};
  const std::string html = write_records(Format::html, {a});
  CHECK(html.find("<a href=\"https://x.example/?a=1&amp;b=2\">see</a>") != std::string::npos);
}

TEST_CASE("yaml: strings YAML could re-type are quoted", "[writers]") {
  const std::string yaml = write_records(Format::yaml, {sample_article()});
  CHECK(yaml.starts_with("---\n"));
  CHECK(yaml.find("- \"yes\"") != std::string::npos);
  CHECK(yaml.find("- \"1.0\"") != std::string::npos);
  CHECK(yaml.find("- \"null\"") != std::string::npos);
}

TEST_CASE("markdown: metadata in front matter, escaped body", "[writers]") {
  auto a = sample_article();
  a.body = {crbc::model::Paragraph{{"---", {}}}, crbc::model::Paragraph{{"  # not *em* <b>", {}}}};
  const std::string md = write_records(Format::markdown, {a});
  CHECK(md.starts_with("---\n"));
  CHECK(md.find("\n\\---\n") != std::string::npos);
  CHECK(md.find("&#32; # not \\*em\\* \\<b>") != std::string::npos);
}

TEST_CASE("csv: RFC 4180 quoting, chosen fields, a header row", "[writers]") {
  crbc::formats::WriteOptions options;
  options.fields = {"title", "authors", "word_count"};
  const std::string csv = write_records(Format::csv, {sample_article()}, options);
  CHECK(csv ==
        "title,authors,word_count\r\n"
        "\"Belarus frees <b>prisoners</b>, \"\"yes\"\"\",\"Jane Doe; John, Jr.\",15\r\n");
  options.fields = {"nope"};
  CHECK_THROWS_AS(write_records(Format::csv, {sample_article()}, options),
                  crbc::formats::FormatError);
}

TEST_CASE("tsv: tabs and newlines escaped", "[writers]") {
  auto a = sample_article();
  a.title = "a\tb\nc\\d";
  crbc::formats::WriteOptions options;
  options.fields = {"title", "language"};
  CHECK(write_records(Format::tsv, {a}, options) == "title\tlanguage\na\\tb\\nc\\\\d\ten\n");
}

TEST_CASE("text: the article's text only, readable and terminal-safe", "[writers]") {
  auto a = sample_article();
  a.body.insert(a.body.begin(), crbc::model::Paragraph{{"Lead \x1B[31mred", {}}});
  std::get<crbc::model::Image>(a.body.back()).caption = "The caption.";
  const std::string text = write_records(Format::text, {a});
  CHECK(text.starts_with("Lead "));
  CHECK(text.find('\x1B') == std::string::npos);
  CHECK(text.find("\n\nHello world, read more.\n\nSub\n---\n") != std::string::npos);
  CHECK(text.find("\u2022 one") != std::string::npos);
  CHECK(text.find("  1. two.a") != std::string::npos);
  CHECK(text.find("a\tb\n1\t2") != std::string::npos);
  CHECK(text.ends_with("\n\nThe caption.\n"));
  for (const char* metadata :
       {"Belarus", "Jane Doe", "2024", "Example News", "standfirst", "news.example", "data:"}) {
    CHECK(text.find(metadata) == std::string::npos);
  }
  CHECK(write_records(Format::text, {a, a}) == text + "\n" + std::string(72, '=') + "\n\n" + text);
}

TEST_CASE("text --with-metadata: a header with what the record has, then the text", "[writers]") {
  auto a = sample_article();
  crbc::formats::WriteOptions options;
  options.with_metadata = true;
  const std::string body = write_records(Format::text, {a});
  a.authors = {"Jane Doe", "Omar Li", "Anna \x1B[2JBerg"};
  const std::string text = write_records(Format::text, {a}, options);
  const std::string title_line =
      a.title + "\n" +
      std::string(std::min<std::size_t>(72, std::max<std::size_t>(3, a.title.size())), '=');
  CHECK(text.starts_with(title_line + "\n"));
  CHECK(text.find("Jane Doe, Omar Li and Anna ") != std::string::npos);
  CHECK(text.find('\x1B') == std::string::npos);
  CHECK(text.find(" | " + a.published + " | " + a.site_name + "\n") != std::string::npos);
  CHECK(text.find((a.canonical_url.empty() ? a.url : a.canonical_url) + "\n\n") !=
        std::string::npos);
  CHECK(text.ends_with(body));

  // Only the parts a record has; none at all gives the body alone.
  crbc::model::Article bare;
  bare.body = a.body;
  CHECK(write_records(Format::text, {bare}, options) == write_records(Format::text, {bare}));
  bare.published = "2024-05-01";
  CHECK(write_records(Format::text, {bare}, options).starts_with("2024-05-01\n\n"));
}

TEST_CASE("jsonld: schema.org NewsArticle, read back as a record", "[writers]") {
  const auto a = sample_article();
  const std::string ld = write_records(Format::jsonld, {a});
  const auto value = nlohmann::json::parse(ld);
  CHECK(value["@type"] == "NewsArticle");
  CHECK(value["headline"] == a.title);
  CHECK(value["author"][1]["name"] == "John, Jr.");
  const auto back = crbc::testing::read_text(ld, std::nullopt);
  REQUIRE(back.documents.size() == 1);
  CHECK(back.article(0).title == a.title);
  CHECK(back.article(0).authors == a.authors);
  CHECK(back.article(0).published == a.published);
}
