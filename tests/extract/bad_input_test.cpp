// Hostile input: the extractor returns a record or a warning, never crashes, never
// recurses on the input's depth, and stays linear on huge flat input.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "extract/extract.hpp"
#include "text/utf8.hpp"

using namespace crbc;

namespace {

extract::ExtractResult run(std::string_view bytes) {
  extract::ExtractOptions options;
  options.url = "https://example.com/a";
  return extract::extract_article(bytes, options);
}

bool all_text_valid(const model::Article& article) {
  if (!text::is_valid_utf8(article.title)) return false;
  for (const auto& block : article.body) {
    if (!text::is_valid_utf8(model::block_text(block))) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("empty input", "[bad-input]") {
  const auto result = run("");
  CHECK(result.article.body.empty());
  CHECK_FALSE(result.warnings.empty());
}

TEST_CASE("binary garbage", "[bad-input]") {
  std::mt19937 random(42);
  std::string garbage(1 << 20, '\0');
  for (char& c : garbage) c = static_cast<char>(random());
  const auto result = run(garbage);
  CHECK(all_text_valid(result.article));
}

TEST_CASE("truncated HTML, NUL bytes and invalid UTF-8", "[bad-input]") {
  const std::string paragraph =
      "<p>A sentence of the story, long enough to be the article, with commas, yes.";
  auto result = run("<html><body><article>" + paragraph + paragraph + "<p>cut in the mid");
  CHECK_FALSE(result.article.body.empty());
  result = run(
      std::string("<p>with\0nul\0bytes in the text of the article, long enough, really.</p>", 71));
  CHECK(all_text_valid(result.article));
  CHECK(model::body_text(result.article).find('\0') == std::string::npos);
  result =
      run("<meta charset=utf-8><p>bad \xC3\x28 bytes \xED\xA0\x80 in the paragraph of this "
          "article, long enough.</p>");
  CHECK(all_text_valid(result.article));
  result = run("<p attr='never closed");
  CHECK(all_text_valid(result.article));
}

TEST_CASE("100,000 nested elements", "[bad-input]") {
  std::string deep;
  deep.reserve(2'000'000);
  for (int i = 0; i < 100'000; ++i) deep += "<div>";
  deep += "<p>At the bottom of a very deep page, a sentence of text, with commas, to find.</p>";
  for (int i = 0; i < 100'000; ++i) deep += "</div>";
  const auto result = run(deep);
  CHECK(model::body_text(result.article).find("At the bottom") != std::string::npos);

  std::string unclosed;
  for (int i = 0; i < 100'000; ++i) unclosed += i % 2 ? "<span>" : "<b>";
  unclosed += "text";
  CHECK(all_text_valid(run(unclosed).article));
}

TEST_CASE("100,000 nested lists and blockquotes", "[bad-input]") {
  std::string lists;
  for (int i = 0; i < 100'000; ++i) lists += "<ul><li>item";
  CHECK(all_text_valid(run(lists).article));
  std::string quotes;
  for (int i = 0; i < 100'000; ++i) quotes += "<blockquote>q";
  CHECK(all_text_valid(run(quotes).article));
}

TEST_CASE("1,000,000 sibling elements", "[bad-input]") {
  std::string flat;
  flat.reserve(12'000'000);
  flat += "<div>";
  for (int i = 0; i < 1'000'000; ++i) flat += "<i>x</i>";
  flat += "</div>";
  const auto result = run(flat);
  CHECK(all_text_valid(result.article));
}

TEST_CASE("a flood of stray end tags that would each make an element", "[bad-input]") {
  std::string stray;
  for (int i = 0; i < 500'000; ++i) stray += "</p>";
  CHECK(all_text_valid(run(stray).article));
}
