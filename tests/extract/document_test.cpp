// The extractor's view of a parsed page, and the byte-level pass before the parser.
#include "extract/document.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "extract/prefilter.hpp"

using namespace crbc::extract;

TEST_CASE("nodes, attributes and text of a small page", "[document]") {
  const Document doc = Document::parse(
      "<html lang=fr><head><title>T &amp; U</title></head>"
      "<body><div id=main class='a  b'><p>One <b>two</b></p><p>three</p></div></body></html>");
  REQUIRE(doc.html() != kNoNode);
  CHECK(doc.attr_or_empty(doc.html(), "lang") == "fr");
  const auto titles = doc.elements_by_tag("title");
  REQUIRE(titles.size() == 1);
  CHECK(doc.text_content(titles[0]) == "T & U");
  const auto divs = doc.elements_by_tag("div");
  REQUIRE(divs.size() == 1);
  const NodeId div = divs[0];
  CHECK(doc.has_class(div, "a"));
  CHECK(doc.has_class(div, "b"));
  CHECK_FALSE(doc.has_class(div, "a b"));
  CHECK(doc.attr(div, "id") == std::optional<std::string_view>("main"));
  CHECK_FALSE(doc.attr(div, "title").has_value());
  std::vector<std::string> child_tags;
  for (const NodeId child : doc.children(div)) child_tags.emplace_back(doc.tag(child));
  CHECK(child_tags == std::vector<std::string>{"p", "p"});
  CHECK(doc.normalized_text(div) == "One twothree");
  const NodeId bold = doc.elements_by_tag("b")[0];
  CHECK(doc.ancestor_with_tag(bold, "div") == div);
  CHECK(doc.contains(div, bold));
  CHECK_FALSE(doc.contains(bold, div));
  CHECK(doc.parent(doc.parent(bold)) == div);
}

TEST_CASE("elements HTML does not define are told from those it does", "[document]") {
  const Document doc = Document::parse(
      "<body><Story><div><news-body><p>x</p></news-body>"
      "</div></Story></body>");
  const auto tag_of = [&](std::string_view tag) { return doc.elements_by_tag(tag).at(0); };
  CHECK(doc.is_custom_element(tag_of("story")));
  CHECK(doc.is_custom_element(tag_of("news-body")));
  CHECK_FALSE(doc.is_custom_element(tag_of("div")));
  CHECK_FALSE(doc.is_custom_element(tag_of("p")));
  CHECK_FALSE(doc.is_custom_element(doc.body()));
}

TEST_CASE("script and style bodies are cut, JSON-LD is kept", "[document]") {
  const Document doc = Document::parse(
      "<head><script>var x = '<p>not text</p>';</script><style>p{}</style>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
      "<body><p>visible</p><svg><text>icon</text></svg><noscript><p>fallback</p></noscript></"
      "body>");
  const auto scripts = doc.elements_by_tag("script");
  REQUIRE(scripts.size() == 2);
  CHECK(doc.text_content(scripts[0]).empty());
  CHECK(doc.attr_or_empty(scripts[1], "type") == "application/ld+json");
  CHECK(doc.text_content(scripts[1]) == "{\"@type\":\"NewsArticle\"}");
  CHECK(doc.normalized_text(doc.body()) == "visible");
  CHECK(doc.elements_by_tag("p").size() == 1);
}

TEST_CASE("prefilter keeps markup it does not cut and drops comments", "[document]") {
  CHECK(prefilter_html("<p title='a>b'>x</p><!-- c --><p>y</p>", 512) ==
        "<p title='a>b'>x</p><p>y</p>");
  CHECK(prefilter_html("<SCRIPT>a</script ><p>", 512) == "<SCRIPT></script ><p>");
  CHECK(prefilter_html("<script>never closed <p>lost", 512) == "<script>");
  CHECK(prefilter_html("a < b and c<1", 512) == "a < b and c<1");
}

TEST_CASE("a title never closed ends at the next tag, not at the end of the page", "[document]") {
  // A damaged page: the end tag of its title is cut, the whole body follows.
  const std::string page =
      "<html><head><title>Storm hits the coast</tit\n<meta charset=utf-8></head>"
      "<body><p>The storm reached the coast at dawn.</p></body></html>";
  CHECK(prefilter_html(page, 512).starts_with(
      "<html><head><title>Storm hits the coast</title></tit"));
  const Document doc = Document::parse(page);
  REQUIRE(doc.elements_by_tag("p").size() == 1);
  CHECK(doc.text_content(doc.elements_by_tag("p")[0]) == "The storm reached the coast at dawn.");
}

TEST_CASE("nesting deeper than the bound is flattened, text kept", "[document]") {
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "<div>";
  deep += "bottom";
  for (int i = 0; i < 2000; ++i) deep += "</div>";
  deep += "<p>after</p>";
  PrefilterStats stats;
  const std::string filtered = prefilter_html(deep, 100, &stats);
  CHECK(stats.tags_flattened == 1900);
  const Document doc = Document::parse(deep, {100, 100});
  std::uint32_t max_depth = 0;
  for (NodeId n = 0; n < doc.size(); ++n) max_depth = std::max(max_depth, doc.depth(n));
  CHECK(max_depth <= 110);
  CHECK(doc.normalized_text(doc.body()) == "bottom after");  // dropped tags leave a space
  // The <p> after the deep part is a sibling at the top, not buried.
  const NodeId p = doc.elements_by_tag("p").at(0);
  CHECK(doc.parent(p) == doc.body());
}

TEST_CASE("walking a subtree needs no recursion", "[document]") {
  const Document doc = Document::parse("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
  const NodeId list = doc.elements_by_tag("ul").at(0);
  std::string texts;
  for (NodeId n = list + 1; n < doc.subtree_end(list); ++n) {
    if (doc.is_text(n)) texts += doc.text(n);
  }
  CHECK(texts == "abc");
}

TEST_CASE("start tags beyond the element budget are flattened, open ones still close",
          "[document]") {
  PrefilterStats stats;
  const std::string filtered =
      prefilter_html("<div><b>a</b><i>b</i><u>c</u></div></p></p>", 512, &stats, 2);
  CHECK(filtered == "<div><b>a</b> b  c </div>  ");
  CHECK(stats.tags_flattened == 2);
}

TEST_CASE("a start tag keeps its first 256 attributes only", "[document]") {
  const auto tag_with = [](int attributes, std::string_view close) {
    std::string tag = "<img";
    for (int i = 0; i < attributes; ++i) tag += " a" + std::to_string(i) + "='x>y'";
    return tag + std::string(close);
  };
  CHECK(prefilter_html(tag_with(256, ">") + "text", 512) == tag_with(256, ">") + "text");
  CHECK(prefilter_html(tag_with(300, ">") + "text", 512) == tag_with(256, " >") + "text");
  CHECK(prefilter_html(tag_with(300, "/>"), 512) == tag_with(256, " />"));
  CHECK(prefilter_html(tag_with(100'000, ">"), 512) == tag_with(256, " >"));
}
