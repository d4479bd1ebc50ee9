// Bylines to author names (src/extract/byline.hpp), table-driven.
#include "extract/byline.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/predicate.hpp"

using crbc::extract::looks_like_organisation;
using crbc::extract::split_byline;
using crbc::testing::check_predicate;
using Names = std::vector<std::string>;

TEST_CASE("Bylines split into names") {
  struct Case {
    const char* byline;
    Names expected;
  };
  const Case cases[] = {
      {"By Jane Doe", {"Jane Doe"}},
      {"BY JANE DOE", {"JANE DOE"}},
      {"By Jane Doe and John Roe", {"Jane Doe", "John Roe"}},
      {"Jane Doe, John Roe & Ann Poe", {"Jane Doe", "John Roe", "Ann Poe"}},
      {"Jane Doe; John Roe | Ann Poe", {"Jane Doe", "John Roe", "Ann Poe"}},
      {"Written by Jane Doe, Staff Writer", {"Jane Doe"}},
      {"By Jane Doe, Editor-at-large", {"Jane Doe"}},
      {"By Jean-Luc Picard-Smith", {"Jean-Luc Picard-Smith"}},
      {"By Jane Doe, Senior Correspondent | Nov. 27, 2026", {"Jane Doe"}},
      {"By Jane Doe Updated 10:00 AM", {"Jane Doe"}},
      {"Von Hans Müller und Eva Schmidt", {"Hans Müller", "Eva Schmidt"}},
      {"Par Jean Dupont et Marie Curie", {"Jean Dupont", "Marie Curie"}},
      {"Por Ana García y Luis Pérez", {"Ana García", "Luis Pérez"}},
      {"Автор: Иван Петров и Мария Иванова", {"Иван Петров", "Мария Иванова"}},
      {"By Martin Luther King, Jr.", {"Martin Luther King, Jr."}},
      {"By John Q. Public", {"John Q. Public"}},
      {"Jane Doe is a reporter at the Daily Planet", {"Jane Doe"}},
      {"By Jane Doe jane@example.com", {}},
      {"By Jane Doe, jane@example.com", {"Jane Doe"}},
      {"https://example.com/author/jane-doe", {}},
      {"By Jane Doe and Jane Doe", {"Jane Doe"}},
      {"By Jane Doe. Edited by John Roe", {"Jane Doe"}},
      {"Jane Doe, John Roe; Photos by Ann Poe", {"Jane Doe", "John Roe"}},
      {"By Staff", {}},
      {"By Jane Doe &amp; John Roe", {"Jane Doe", "John Roe"}},
      {"", {}},
      {"By", {}},
  };
  for (const auto& c : cases) {
    INFO("byline: " << c.byline);
    CHECK(split_byline(c.byline) == c.expected);
  }
}

TEST_CASE("Strict bylines from the visible page drop labels and links") {
  CHECK(split_byline("By , Jane Doe , and , John Roe", true) == Names{"Jane Doe", "John Roe"});
  CHECK(split_byline("Jane Doe , news , Share", true) == Names{"Jane Doe"});
  CHECK(split_byline("Reuters", true) == Names{"Reuters"});  // alone: kept
  CHECK(split_byline("jane doe", true).empty());
  CHECK(split_byline("Sajid bin Mohammad", true) == Names{"Sajid bin Mohammad"});
}

TEST_CASE("Organisations are told from people") {
  check_predicate(looks_like_organisation,
                  {"The Associated Press", "USA TODAY Network", "CNN", "Chicago Tribune staff"},
                  {"Jane Doe", "Emily Post-Smith"});
}

TEST_CASE("Hostile bylines stay bounded") {
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "Jane Doe" + std::to_string(i % 10) + " and ";
  CHECK(split_byline(many).size() <= 50);
  std::string names;
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b = 'a'; b <= 'z'; ++b) names += std::string("Ann ") + a + b + "x, ";
  CHECK(split_byline(names).size() <= 50);
  CHECK(split_byline(std::string(1 << 20, 'x')).empty());
}
