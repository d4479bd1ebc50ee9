#include "model/record_json.hpp"

#include <catch2/catch.hpp>

using namespace crbc::model;
using nlohmann::json;

namespace {

Mark mark(Mark::Kind kind, std::size_t start, std::size_t end, std::string href = {}) {
  return Mark{kind, start, end, std::move(href)};
}

std::string error_pointer(const json& record) {
  try {
    (void)article_from_json(record);
  } catch (const RecordError& error) {
    return error.pointer();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("every block type survives JSON both ways") {
  Article article;
  article.url = "https://example.org/a";
  article.title = "Title";
  article.authors = {"Ann Author", "Bob Writer"};
  article.image = Image{"https://example.org/i.jpg", "alt", "caption"};
  List inner{true, {ListItem{{"inner", {}}, {}}}};
  article.body = {
      Paragraph{{"Hello world", {mark(Mark::Kind::link, 6, 11, "https://example.org/w")}}},
      Heading{3, {"Heading", {}}},
      Quote{{"Quoted", {mark(Mark::Kind::emphasis, 0, 6)}}, "Speaker"},
      List{false, {ListItem{{"outer", {}}, {inner}}}},
      Image{"https://example.org/j.png", "", "A caption"},
      Preformatted{"  code\n  more", "cpp"},
      Table{true, {{"h1", "h2"}, {"a", "b"}}, "Caption"},
  };
  article.related = {
      RelatedArticle{"Other", "https://example.org/o", 0.5, "corpus", {"term"}, json::object()}};
  article.extra = {{"summary", {{"sentences", json::array({"x"})}}}, {"future_field", 42}};
  const Article back = article_from_json(to_json(article));
  CHECK(back == article);
}

TEST_CASE("unknown fields are carried through unchanged") {
  const json record = {{"title", "t"}, {"body", json::array()}, {"x_new", {{"deep", {1, 2, 3}}}}};
  const json written = to_json(article_from_json(record));
  CHECK(written["x_new"] == record["x_new"]);
}

TEST_CASE("a newer record version is refused with a clear message") {
  const json record = {{"schema_version", kSchemaVersion + 1}, {"title", "t"}};
  CHECK(error_pointer(record) == "/schema_version");
  CHECK_THROWS_WITH(article_from_json(record), Catch::Contains("newer"));
}

TEST_CASE("errors point at the offending value") {
  CHECK(error_pointer(json::array()) == "");
  CHECK(error_pointer({{"title", 3}}) == "/title");
  CHECK(error_pointer({{"authors", {"a", 1}}}) == "/authors/1");
  CHECK(error_pointer({{"body", {{{"type", "heading"}, {"level", 9}}}}}) == "/body/0/level");
  CHECK(error_pointer({{"body", {{{"type", "hologram"}}}}}) == "/body/0/type");
  CHECK(error_pointer({{"body",
                        {{{"type", "paragraph"},
                          {"text", "x"},
                          {"marks", {{{"type", "link"}, {"start", -1}, {"end", 1}}}}}}}}) ==
        "/body/0/marks/0/start");
}

TEST_CASE("lists nested deeper than the limit are refused, not recursed into") {
  json list = {{"type", "list"}, {"items", {{{"text", "leaf"}}}}};
  for (int depth = 0; depth < kMaxListDepth + 5; ++depth) {
    list = {{"type", "list"}, {"items", {{{"text", "x"}, {"lists", {list}}}}}};
  }
  CHECK_THROWS_AS(article_from_json({{"body", {list}}}), RecordError);
}

TEST_CASE("marks are clamped, sorted, and made to nest") {
  RichText rich{"abcdefghij",
                {mark(Mark::Kind::strong, 5, 8), mark(Mark::Kind::emphasis, 2, 6),
                 mark(Mark::Kind::code, 9, 99), mark(Mark::Kind::emphasis, 3, 3)}};
  normalize_marks(rich);
  const std::vector<Mark> expected{mark(Mark::Kind::emphasis, 2, 6), mark(Mark::Kind::strong, 5, 6),
                                   mark(Mark::Kind::strong, 6, 8), mark(Mark::Kind::code, 9, 10)};
  CHECK(rich.marks == expected);
}

TEST_CASE("marks count code points, not bytes") {
  RichText rich{"Привет мир", {mark(Mark::Kind::emphasis, 7, 50)}};
  normalize_marks(rich);
  REQUIRE(rich.marks.size() == 1);
  CHECK(rich.marks[0].end == 10);
}

TEST_CASE("marks that HTML and Markdown cannot hold are dropped") {
  RichText rich{
      "link text here",
      {mark(Mark::Kind::link, 0, 14, "https://a"), mark(Mark::Kind::link, 5, 9, "https://b"),
       mark(Mark::Kind::code, 0, 4), mark(Mark::Kind::emphasis, 1, 3)}};
  normalize_marks(rich);
  const std::vector<Mark> expected{mark(Mark::Kind::link, 0, 14, "https://a"),
                                   mark(Mark::Kind::code, 0, 4)};
  CHECK(rich.marks == expected);
}

TEST_CASE("body text joins blocks with blank lines") {
  Article article;
  article.body = {Paragraph{{"One", {}}}, Heading{2, {"Two", {}}},
                  List{false, {ListItem{{"a", {}}, {}}, ListItem{{"b", {}}, {}}}}};
  CHECK(body_text(article) == "One\n\nTwo\n\na\nb");
}
