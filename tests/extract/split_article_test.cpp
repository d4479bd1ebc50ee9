// Articles whose parts sit in sibling wrappers of their own: each wrapper is a weak
// candidate by itself, but holds paragraphs as strong as the best one.
#include <catch2/catch.hpp>
#include <string>

#include "body_text.hpp"

using namespace crbc;
using crbc::testing::has;

namespace {

std::string paragraph(const std::string& topic) {
  return "<p>The committee looked at " + topic +
         " in detail, heard witnesses from the industry, the unions and the regulator, and "
         "concluded, after a long and careful debate, that the rules must change soon.</p>";
}

std::string text_of(const std::string& html) {
  return testing::body_text_at(html, "https://guide.example.org/finishing.html");
}

}  // namespace

TEST_CASE("an article split across sibling layout tables is kept whole", "[body][siblings]") {
  // An old table layout: one table per section, each section's text three levels down;
  // the first section is the longest.
  auto section = [](const std::string& topic, int paragraphs) {
    std::string cell = "<h3>" + topic + "</h3>";
    for (int i = 0; i < paragraphs; ++i) cell += paragraph(i == 0 ? topic : "its history");
    return "<table><tr><td>" + cell + "</td></tr></table>";
  };
  const std::string html =
      "<html><body><div id=page><table><tr><td><a href=/>Home</a> <a href=/about>About</a>"
      "</td></tr></table><div id=column>" +
      section("abrasive media", 4) + section("drying", 1) + section("polishing compounds", 1) +
      "</div></div><div id=foot><a href=/contact>Contact us</a></div></body></html>";
  const std::string text = text_of(html);
  CHECK(has(text, "looked at abrasive media"));
  CHECK(has(text, "looked at drying"));
  CHECK(has(text, "looked at polishing compounds"));
  CHECK_FALSE(has(text, "Contact us"));
}

TEST_CASE("a link list beside the split article stays out", "[body][siblings]") {
  auto part = [](const std::string& topic) {
    return "<div class=block><div class=inner>" + paragraph(topic) + paragraph(topic + " costs") +
           "</div></div>";
  };
  std::string links;
  for (int i = 0; i < 8; ++i)
    links += "<p><a href=/story" + std::to_string(i) +
             ">Another story from the committee that readers liked this week</a></p>";
  const std::string html = "<html><body><div id=main>" + part("ferries") + part("harbours") +
                           part("fares") + "<div class=block><div class=inner>" + links +
                           "</div></div></div></body></html>";
  const std::string text = text_of(html);
  CHECK(has(text, "looked at ferries"));
  CHECK(has(text, "looked at fares costs"));
  CHECK_FALSE(has(text, "readers liked"));
}
