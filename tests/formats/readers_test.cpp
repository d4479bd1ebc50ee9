// Readers: positions of errors, recovery, and hostile input.
#include <catch2/catch.hpp>
#include <initializer_list>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "formats/formats.hpp"
#include "test_support.hpp"

using crbc::formats::Format;
using crbc::formats::FormatError;
using crbc::formats::RawPage;
using crbc::testing::read_text;

namespace {

std::string thrown_message(const std::string& text, Format format) {
  try {
    const auto result = read_text(text, format);
    if (!result.errors.empty()) return result.errors.front().what();
  } catch (const FormatError& error) {
    return error.what();
  }
  return "";
}

// Input detected from its first bytes (`head`) and the name of its file.
struct DetectedFrom {
  const char* head;
  const char* file_name = "";
};

// Each input is detected as `format`.
void check_detected(Format format, std::initializer_list<DetectedFrom> inputs) {
  for (const DetectedFrom& input : inputs) {
    INFO("first bytes \"" << input.head << "\", file \"" << input.file_name << "\"");
    CHECK(crbc::formats::detect_format(input.head, input.file_name) == format);
  }
}

// Serves `fill` bytes without end, as /dev/zero does; throws past `most` bytes, so that
// a reader that would read it to its end fails instead of hanging.
class EndlessStreamBuf : public std::streambuf {
 public:
  EndlessStreamBuf(char fill, std::size_t most) : chunk_(4096, fill), most_(most) {}
  std::size_t served() const { return served_; }

 protected:
  int_type underflow() override {
    if (served_ >= most_) throw std::runtime_error("read past the bound of an endless input");
    served_ += chunk_.size();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
    return traits_type::to_int_type(chunk_.front());
  }

 private:
  std::string chunk_;
  std::size_t most_;
  std::size_t served_ = 0;
};

}  // namespace

TEST_CASE("JSON: a syntax error names its line and column", "[readers]") {
  const auto result = read_text("{\"title\": \"a\",\n  \"url\": }\n", Format::json);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].line() == 2);
  CHECK(result.errors[0].column() == 10);
  CHECK(std::string(result.errors[0].what()).find("last read") == std::string::npos);
}

TEST_CASE("JSON: an array of records and a concatenated sequence", "[readers]") {
  const auto array = read_text("[{\"title\": \"a\"},\n {\"title\": \"b\"}]", Format::json);
  REQUIRE(array.documents.size() == 2);
  CHECK(array.article(1).title == "b");
  CHECK(array.documents[1].line == 2);
  const auto sequence =
      read_text("{\"title\": \"a\"}\n{\n\"title\": \"b\"}{\"title\": \"c\"}", Format::json);
  REQUIRE(sequence.documents.size() == 3);
  CHECK(sequence.article(2).title == "c");
}

TEST_CASE("JSON: a bad record is reported and the next ones still read", "[readers]") {
  const auto result =
      read_text("[{\"title\": \"a\"}, {\"title\": 5}, 7, {\"title\": \"c\"}]", Format::json);
  CHECK(result.documents.size() == 2);
  REQUIRE(result.errors.size() == 2);
  CHECK(std::string(result.errors[0].what()).find("/title") != std::string::npos);
  CHECK(std::string(result.errors[1].what()).find("expected a record") != std::string::npos);
}

TEST_CASE("JSON: 100,000-deep nesting is refused quickly with its position", "[readers]") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string message = thrown_message(deep, Format::json);
  CHECK(message.find("nested deeper than") != std::string::npos);
  const auto ndjson =
      read_text("{\"title\": \"ok\"}\n" + deep + "\n{\"title\": \"after\"}\n", Format::ndjson);
  CHECK(ndjson.documents.size() == 2);
  REQUIRE(ndjson.errors.size() == 1);
  CHECK(ndjson.errors[0].line() == 2);
}

TEST_CASE("JSON: invalid UTF-8 is an error at its position", "[readers]") {
  const auto result =
      read_text("{\"title\": \"ok\"}\n{\"title\": \"bad \xFF here\"}\n", Format::json);
  CHECK(result.documents.size() == 1);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].line() == 2);
  CHECK(std::string(result.errors[0].what()).find("UTF-8") != std::string::npos);
}

TEST_CASE("NDJSON: a malformed line is reported, the next lines are read", "[readers]") {
  const auto result =
      read_text("{\"title\": \"a\"}\n{\"title\": oops}\n\n{\"title\": \"c\"}\r\n", Format::ndjson);
  REQUIRE(result.documents.size() == 2);
  CHECK(result.documents[1].line == 4);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].line() == 2);
  CHECK(result.errors[0].column() == 11);
}

TEST_CASE("NDJSON: a line over the limit is skipped without being stored", "[readers]") {
  const std::string long_line = "{\"title\": \"" + std::string(5000, 'x') + "\"}";
  const auto result = read_text("{\"title\": \"a\"}\n" + long_line + "\n{\"title\": \"c\"}\n",
                                Format::ndjson, 1000);
  REQUIRE(result.documents.size() == 2);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].line() == 2);
  CHECK(std::string(result.errors[0].what()).find("longer than") != std::string::npos);
}

TEST_CASE("NDJSON: fetch records become raw pages, JSON-LD objects are mapped", "[readers]") {
  const auto result = read_text(
      R"({"url": "http://a.example/", "fetch": {"final_url": "https://a.example/", "status": 200, "headers": {"content-type": "text/html; charset=koi8-r"}}, "html": "<html></html>"})"
      "\n"
      R"({"url": "http://b.example/", "fetch": {"status": 200}, "html_base64": "PHA+aGk8L3A+"})"
      "\n"
      R"({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H", "author": [{"@type": "Person", "name": "A"}, "B"], "keywords": "x, y", "articleBody": "P1\n\nP2", "publisher": {"name": "Site"}})"
      "\n",
      Format::ndjson);
  REQUIRE(result.documents.size() == 3);
  const auto& page = std::get<RawPage>(result.documents[0].content);
  CHECK(page.url == "https://a.example/");
  CHECK(page.content_type == "text/html; charset=koi8-r");
  CHECK(page.bytes == "<html></html>");
  CHECK(page.fetch->status == 200);
  const auto& encoded = std::get<RawPage>(result.documents[1].content);
  CHECK(encoded.url == "http://b.example/");
  CHECK(encoded.bytes == "<p>hi</p>");
  const auto& article = result.article(2);
  CHECK(article.title == "H");
  CHECK(article.authors == std::vector<std::string>{"A", "B"});
  CHECK(article.tags == std::vector<std::string>{"x", "y"});
  CHECK(article.site_name == "Site");
  CHECK(article.body.size() == 2);
}

TEST_CASE("YAML: errors carry the line of the document in the stream", "[readers]") {
  const auto result =
      read_text("---\ntitle: a\n---\ntitle: [b\nurl: c\n---\ntitle: d\n", Format::yaml);
  CHECK(result.documents.size() == 2);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].line() >= 4);
  CHECK(result.errors[0].line() <= 6);
}

TEST_CASE("YAML: plain scalars are typed, quoted ones are strings", "[readers]") {
  const auto result = read_text(
      "title: \"yes\"\ntags: [yes, '1.0', \"null\"]\nx-count: 12\nx-ratio: 1.5\nx-none: ~\n",
      Format::yaml);
  REQUIRE(result.documents.size() == 1);
  const auto& a = result.article(0);
  CHECK(a.title == "yes");
  CHECK(a.extra["x-count"] == 12);
  CHECK(a.extra["x-ratio"] == 1.5);
  CHECK(a.extra["x-none"].is_null());
  // "yes" plain is a string under YAML 1.2; a list element must be a string.
  CHECK(a.tags == std::vector<std::string>{"yes", "1.0", "null"});
}

TEST_CASE("YAML: 100,000-deep nesting is a clear error, not a stack overflow", "[readers]") {
  CHECK(thrown_message(std::string(100'000, '[') + std::string(100'000, ']'), Format::yaml)
            .find("nested deeper") != std::string::npos);
  std::string dashes;
  for (int i = 0; i < 100'000; ++i) dashes += "- ";
  CHECK(thrown_message(dashes + "x\n", Format::yaml).find("nested deeper") != std::string::npos);
  std::string indented;
  for (int i = 0; i < 3000; ++i) indented += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  CHECK(thrown_message(indented, Format::yaml).find("nested deeper") != std::string::npos);
}

TEST_CASE("YAML: an alias bomb is refused", "[readers]") {
  std::string bomb =
      "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
  for (int i = 1; i < 12; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) bomb += (j > 0 ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  CHECK(thrown_message(bomb, Format::yaml).find("alias") != std::string::npos);
}

TEST_CASE("YAML: aliases may repeat a little, not multiply the document", "[readers]") {
  const std::string long_text(10'000, 'x');
  const auto document_using = [&](int repeats) {
    std::string yaml = "title: ok\nbase: &t \"" + long_text + "\"\ncopies: [";
    for (int i = 0; i < repeats; ++i) yaml += i > 0 ? ", *t" : "*t";
    return yaml + "]\n";
  };
  const auto few = read_text(document_using(3), Format::yaml);
  REQUIRE(few.errors.empty());
  REQUIRE(few.documents.size() == 1);
  CHECK(few.article(0).extra["copies"].size() == 3);
  CHECK(thrown_message(document_using(40), Format::yaml).find("size limit") != std::string::npos);

  std::string keys = "title: ok\nbase: &m\n  ? \"" + long_text + "\"\n  : 1\ncopies: [";
  for (int i = 0; i < 40; ++i) keys += i > 0 ? ", *m" : "*m";
  CHECK(thrown_message(keys + "]\n", Format::yaml).find("size limit") != std::string::npos);
}

TEST_CASE("YAML and Markdown: invalid UTF-8 is an error at its position", "[readers]") {
  const auto yaml = read_text("title: ok\nurl: \"b\xC3\x28\"\n", Format::yaml);
  REQUIRE(yaml.errors.size() == 1);
  CHECK(yaml.errors[0].line() == 2);
  CHECK(yaml.errors[0].column() == 8);
  const auto markdown =
      read_text("---\ntitle: x\n---\n\nfine\n\nbad \xE2\x82 here\n", Format::markdown);
  REQUIRE(markdown.errors.size() == 1);
  CHECK(markdown.errors[0].line() == 7);
  CHECK(markdown.errors[0].column() == 5);
}

TEST_CASE("Markdown: front matter, blocks and marks from hand-written text", "[readers]") {
  const auto result = read_text(
      "---\ntitle: Hello\nauthors: Jane Doe\n---\n\nSome *emphasis*, **strong**, `code` and "
      "[a link](https://x.example/).\nSoft break.\n\n## Heading\n\n> A quote\n>\n> \u2014 "
      "Someone\n\n"
      "- one\n- two\n  1. inner\n\n```cpp\nint x;\n```\n\n![alt](img.png \"Caption\")\n",
      std::nullopt, std::size_t{1} << 20, "a.md");
  REQUIRE(result.errors.empty());
  REQUIRE(result.documents.size() == 1);
  const auto& a = result.article(0);
  CHECK(a.title == "Hello");
  CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
  REQUIRE(a.body.size() == 6);
  const auto& p = std::get<crbc::model::Paragraph>(a.body[0]);
  CHECK(p.content.text == "Some emphasis, strong, code and a link. Soft break.");
  CHECK(p.content.marks.size() == 4);
  CHECK(std::get<crbc::model::Heading>(a.body[1]).level == 2);
  CHECK(std::get<crbc::model::Quote>(a.body[2]).attribution == "Someone");
  const auto& list = std::get<crbc::model::List>(a.body[3]);
  REQUIRE(list.items.size() == 2);
  CHECK(list.items[1].children.at(0).ordered);
  CHECK(std::get<crbc::model::Preformatted>(a.body[4]).language == "cpp");
  CHECK(std::get<crbc::model::Image>(a.body[5]).caption == "Caption");
}

TEST_CASE("Markdown: without front matter, a leading H1 is the title", "[readers]") {
  const auto result = read_text("# The Title\n\nBody text.\n", Format::markdown);
  REQUIRE(result.documents.size() == 1);
  CHECK(result.article(0).title == "The Title");
  CHECK(result.article(0).body.size() == 1);
}

TEST_CASE("Markdown: bad front matter and unclosed front matter name their line", "[readers]") {
  const auto unclosed = read_text("---\ntitle: x\n\nbody\n", Format::markdown);
  REQUIRE(unclosed.errors.size() == 1);
  CHECK(unclosed.errors[0].line() == 1);
  const auto bad = read_text("---\ntitle: x\nurl: [\n---\nbody\n", Format::markdown);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].line() >= 3);
}

TEST_CASE("Markdown: lists deeper than the model allows are refused - deep quotes are not a crash",
          "[readers]") {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
  const auto lists = read_text(deep, Format::markdown);
  REQUIRE(lists.errors.size() == 1);
  CHECK(std::string(lists.errors[0].what()).find("nested deeper") != std::string::npos);
  const auto quotes = read_text(std::string(100'000, '>') + " deep\n", Format::markdown);
  CHECK(quotes.documents.size() + quotes.errors.size() == 1);
}

TEST_CASE("HTML: crbc's own pages are read back, other pages are raw pages", "[readers]") {
  const auto article = crbc::testing::sample_article();
  const std::string html = crbc::testing::write_records(Format::html, {article, article});
  const auto ours = read_text(html, std::nullopt, std::size_t{1} << 20, "page.html");
  REQUIRE(ours.documents.size() == 2);
  CHECK(ours.article(1) == article);
  const auto theirs = read_text("<!doctype html>\n<title>x</title><p>Hi\n", std::nullopt);
  REQUIRE(theirs.documents.size() == 1);
  CHECK(std::get<RawPage>(theirs.documents[0].content).bytes.find("<p>Hi") != std::string::npos);
}

TEST_CASE("Format detection from the first bytes and the extension", "[readers]") {
  check_detected(Format::ndjson, {{"{\"a\": 1}\n{\"a\": 2}\n"}, {"[{\"a\": 1}]", "x.ndjson"}});
  check_detected(Format::json, {{"{\n  \"a\": 1\n}\n"}});
  check_detected(
      Format::yaml,
      {{"---\ntitle: a\n---\ntitle: b\n"}, {"title: a\nurl: b\n"}, {"anything", "a.yml"}});
  check_detected(Format::markdown,
                 {{"---\ntitle: a\n---\n\nA paragraph of text.\n"}, {"# Heading\n\ntext"}, {""}});
  check_detected(Format::html, {{"<!DOCTYPE html><html>"}, {"\xEF\xBB\xBF<html>"}});
  check_detected(Format::warc, {{"WARC/1.1\r\n"}});
  CHECK(crbc::formats::format_from_name("md") == Format::markdown);
  CHECK_FALSE(crbc::formats::format_from_name("docx"));
}

TEST_CASE("Binary data is refused by its first byte, a NUL in a record is an error there",
          "[readers]") {
  CHECK(thrown_message(std::string("\0\0\0\0", 4), Format::yaml).find("binary data") !=
        std::string::npos);
  const auto later =
      read_text(std::string("{\"title\": \"a\"}\n\0\n{\"title\": \"c\"}\n", 32), Format::ndjson);
  CHECK(later.documents.size() == 2);
  REQUIRE(later.errors.size() == 1);
  CHECK(later.errors[0].line() == 2);
}

TEST_CASE("An endless page is read up to the limit, not to its end", "[readers]") {
  // A page is one document unless crbc wrote it: past the limit, no later line can
  // start another, so nothing more is read (crbc parse --from html /dev/zero).
  constexpr std::size_t kLimit = 100'000;
  EndlessStreamBuf endless('x', std::size_t{64} << 20);
  std::istream in(&endless);
  std::vector<FormatError> errors;
  crbc::formats::ReadOptions options;
  options.format = Format::html;
  options.max_document_bytes = kLimit;
  crbc::formats::read_documents(in, "<endless>", options,
                                {[](crbc::formats::SourcedDocument&&) { return true; },
                                 [&](const std::string&, const FormatError& error) {
                                   errors.push_back(error);
                                   return true;
                                 }});
  REQUIRE(errors.size() == 1);
  CHECK(std::string(errors[0].what()).find("larger than the limit") != std::string::npos);
  CHECK(endless.served() < 4 * kLimit);
}
