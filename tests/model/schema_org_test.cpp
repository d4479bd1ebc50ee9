#include "model/schema_org.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "support/predicate.hpp"

namespace so = crbc::model::schema_org;
using crbc::testing::check_predicate;
using nlohmann::json;

TEST_CASE("schema.org: the record fields' property names") {
  CHECK(std::string(so::kHeadline) == "headline");
  CHECK(std::string(so::kAuthor) == "author");
  CHECK(std::string(so::kDatePublished) == "datePublished");
  CHECK(std::string(so::kDateModified) == "dateModified");
  CHECK(std::string(so::kKeywords) == "keywords");
  CHECK(std::string(so::kArticleSection) == "articleSection");
  CHECK(std::string(so::kInLanguage) == "inLanguage");
  CHECK(std::string(so::kPublisher) == "publisher");
  CHECK(std::string(so::kMainEntityOfPage) == "mainEntityOfPage");
  CHECK(std::string(so::kArticleBody) == "articleBody");
  CHECK(std::string(so::kNewsArticle) == "NewsArticle");
}

TEST_CASE("schema.org: Article types by name, bare or as a url") {
  for (std::string_view type : so::kArticleTypes) CHECK(so::is_named_article_type(type));
  check_predicate(so::is_named_article_type,
                  {"https://schema.org/NewsArticle", "http://schema.org/BlogPosting"},
                  {"schema:NewsArticle", "ScholarlyArticle", "WebPage", ""});
}

TEST_CASE("schema.org: the Article family and web pages, for pages") {
  for (std::string_view type : so::kArticleTypes) CHECK(so::is_article_family(type));
  check_predicate(so::is_article_family,
                  {"ScholarlyArticle", "SocialMediaPosting", "Report", "Review"},
                  {"Person", "WebPage"});
  check_predicate(so::is_page_type, {"WebPage", "ItemWebPage"}, {"CollectionPage", "WebSite"});
}

TEST_CASE("schema.org: types without their prefix") {
  CHECK(so::bare_type("https://schema.org/NewsArticle") == "NewsArticle");
  CHECK(so::bare_type("http://schema.org/Person") == "Person");
  CHECK(so::bare_type("schema:WebPage") == "WebPage");
  CHECK(so::bare_type("NewsArticle") == "NewsArticle");
  CHECK(so::bare_type("https://example.org/NewsArticle") == "https://example.org/NewsArticle");
}

TEST_CASE("schema.org: one value or an array of them") {
  const auto items = [](const json& value) {
    std::vector<json> seen;
    so::for_each_item(value, [&](const json& item) { seen.push_back(item); });
    return seen;
  };
  CHECK(items(json("Ann")) == std::vector<json>{json("Ann")});
  CHECK(items(json{{"name", "Ann"}}) == std::vector<json>{json{{"name", "Ann"}}});
  CHECK(items(json::array({"Ann", json{{"name", "Bob"}}})) ==
        std::vector<json>{json("Ann"), json{{"name", "Bob"}}});
  CHECK(items(json::array()).empty());
}

TEST_CASE("schema.org: the first string member of an object") {
  const json person = {{"@type", "Person"}, {"name", "Ann"}, {"url", "https://example.org/ann"}};
  REQUIRE(so::first_string_member(person, {so::kName, so::kUrl}) != nullptr);
  CHECK(*so::first_string_member(person, {so::kName, so::kUrl}) == "Ann");
  CHECK(*so::first_string_member(person, {so::kValue, so::kUrl}) == "https://example.org/ann");
  const json image = {{"url", json::array({"a.jpg"})}, {"contentUrl", "b.jpg"}};
  CHECK(*so::first_string_member(image, {so::kUrl, so::kContentUrl}) == "b.jpg");
  CHECK(so::first_string_member(person, {so::kCaption}) == nullptr);
  CHECK(so::first_string_member(json("Ann"), {so::kName}) == nullptr);
  CHECK(so::first_string_member(json::array({person}), {so::kName}) == nullptr);
}

TEST_CASE("schema.org: keywords given as one comma-separated string") {
  using Parts = std::vector<std::string_view>;
  CHECK(so::comma_separated("a, b,,c") == Parts{"a", " b", "", "c"});
  CHECK(so::comma_separated("one") == Parts{"one"});
  CHECK(so::comma_separated("") == Parts{""});
  CHECK(so::comma_separated("x,") == Parts{"x", ""});
}
