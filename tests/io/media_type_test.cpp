#include "io/media_type.hpp"

#include <catch2/catch.hpp>

#include "support/predicate.hpp"

using crbc::io::charset_parameter;
using crbc::io::is_page_media_type;
using crbc::testing::check_predicate;

TEST_CASE("a page is HTML, XML or text, or has no declared type") {
  check_predicate(is_page_media_type,
                  {"text/html; charset=utf-8", "Application/XHTML+XML", "text/plain", ""},
                  {"image/jpeg", "application/pdf"});
}

TEST_CASE("the charset parameter comes out in lower case, unquoted, trimmed") {
  CHECK(charset_parameter("text/html; charset=UTF-8") == "utf-8");
  CHECK(charset_parameter("text/html;Charset=\"Shift_JIS\" ; q=1") == "shift_jis");
  CHECK(charset_parameter("text/html; charset= 'iso-8859-1' ") == "iso-8859-1");
  CHECK(charset_parameter("text/html").empty());
}
