// Tooltips and hover cards sit in the markup beside the words they explain and only
// show when pointed at: read inline, they cut into the sentence.
#include <catch2/catch.hpp>
#include <string>

#include "body_text.hpp"

using namespace crbc;
using crbc::testing::has;

namespace {

std::string text_of(const std::string& lede) {
  std::string html = "<html><body><article><h1>Harbour reopens</h1>" + lede;
  for (int i = 0; i < 4; ++i) {
    html +=
        "<p>The harbour authority opened the new ferry terminal on Monday, after three years of "
        "building work and a long argument about its cost, the mayor said at the ceremony.</p>";
  }
  html += "</article></body></html>";
  return testing::body_text_at(html, "https://news.example.org/2024/harbour.html");
}

}  // namespace

TEST_CASE("a hover card inside the lede is left out", "[body][tooltip]") {
  const std::string text = text_of(
      "<p>Mayor <a href=/people/ana-ruiz>Ana Ruiz<span class=\"profile-hovercard\">Ana Ruiz is "
      "the city's mayor since 2019. Follow her for updates.</span></a> cut the ribbon at "
      "noon.</p>");
  CHECK(has(text, "Mayor Ana Ruiz cut the ribbon at noon."));
  CHECK_FALSE(has(text, "Follow her"));
}

TEST_CASE("text marked role=tooltip is left out", "[body][tooltip]") {
  const std::string text = text_of(
      "<p>The terminal cost <span>40 million euros<span role=tooltip>About 43 million dollars "
      "at today's rate</span></span> in the end.</p>");
  CHECK(has(text, "cost 40 million euros in the end."));
  CHECK_FALSE(has(text, "dollars"));
}
