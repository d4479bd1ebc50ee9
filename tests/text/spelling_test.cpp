#include "text/spelling.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using crbc::text::edit_distance;
using crbc::text::nearest_spelling;

TEST_CASE("edit distance counts insertions, deletions, substitutions and neighbour swaps") {
  struct Case {
    const char* from;
    const char* to;
    std::size_t distance;
  };
  const Case cases[] = {
      {"", "", 0},
      {"parse", "parse", 0},
      {"pars", "parse", 1},
      {"parsse", "parse", 1},
      {"porse", "parse", 1},
      {"prase", "parse", 1},
      {"", "fetch", 5},
      {"fetch", "", 5},
      {"kitten", "sitting", 3},
      {"ca", "abc", 3},  // a swap and an insertion may not overlap
  };
  for (const auto& c : cases) {
    INFO(c.from << " -> " << c.to);
    CHECK(edit_distance(c.from, c.to) == c.distance);
    CHECK(edit_distance(c.to, c.from) == c.distance);
  }
}

TEST_CASE("the nearest spelling is offered only for a likely typo") {
  const std::vector<std::string> commands = {"fetch", "parse", "convert", "summarize", "related"};
  CHECK(nearest_spelling("pars", commands) == "parse");
  CHECK(nearest_spelling("sumarize", commands) == "summarize");
  CHECK(nearest_spelling("relatd", commands) == "related");
  CHECK(nearest_spelling("convret", commands) == "convert");
  CHECK_FALSE(nearest_spelling("frobnicate", commands));
  CHECK_FALSE(nearest_spelling("x", commands));
  CHECK_FALSE(nearest_spelling("parse", std::vector<std::string>{}));
}
