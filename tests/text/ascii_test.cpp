#include "text/ascii.hpp"

#include <catch2/catch.hpp>

#include "support/predicate.hpp"

using namespace crbc::text;
using crbc::testing::check_predicate;

TEST_CASE("ascii_lower folds A-Z only, leaving other bytes as they are") {
  CHECK(ascii_lower("Content-Type: TEXT/Html") == "content-type: text/html");
  CHECK(ascii_lower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");  // ÉTÉ: only the T folds
  CHECK(ascii_lower('[') == '[');
  CHECK(ascii_lower('@') == '@');
}

TEST_CASE("trim_ascii drops spaces and control characters at either end only") {
  CHECK(trim_ascii(" \t\r\n a b \f\x01") == "a b");
  CHECK(trim_ascii("\xC2\xA0x\xC2\xA0") == "\xC2\xA0x\xC2\xA0");  // no-break space is text
  CHECK(trim_ascii("   ").empty());
  CHECK(trim_ascii("").empty());
}

TEST_CASE("equals and contains ignoring case compare against a lower-case needle") {
  CHECK(equals_ignoring_case("LD+Json", "ld+json"));
  CHECK_FALSE(equals_ignoring_case("ld+json", "LD+JSON"));  // the needle must be lower case
  CHECK_FALSE(equals_ignoring_case("ld+jso", "ld+json"));
  CHECK(contains_ignoring_case("application/LD+JSON; charset=utf-8", "ld+json"));
  CHECK_FALSE(contains_ignoring_case("application/json", "ld+json"));
  CHECK_FALSE(contains_ignoring_case("ld", "ld+json"));
  CHECK(is_ascii_space('\f'));
  CHECK_FALSE(is_ascii_space('\v'));
}

TEST_CASE("has_token finds a whole token of a space-separated list") {
  CHECK(has_token("nofollow Author", "author"));
  CHECK(has_token("\tcanonical\n", "canonical"));
  CHECK_FALSE(has_token("authors", "author"));  // a token, not a prefix
  CHECK_FALSE(has_token("co-author", "author"));
  CHECK_FALSE(has_token("", "author"));
  CHECK_FALSE(has_token("   ", "author"));
}

TEST_CASE("is_ascii_digits wants one or more of 0-9 and nothing else") {
  check_predicate(is_ascii_digits, {"2026", "0"},
                  {"", "12a", " 12", "\xD9\xA1"});  // ARABIC-INDIC DIGIT ONE is not ASCII
}
