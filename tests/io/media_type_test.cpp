#include "io/media_type.hpp"

#include <catch2/catch.hpp>

using crbc::io::charset_parameter;
using crbc::io::is_page_media_type;

TEST_CASE("a page is HTML, XML or text, or has no declared type") {
  struct Case {
    const char* media_type;
    bool page;
  };
  const Case cases[] = {
      {"text/html; charset=utf-8", true},
      {"Application/XHTML+XML", true},
      {"text/plain", true},
      {"", true},
      {"image/jpeg", false},
      {"application/pdf", false},
  };
  for (const auto& c : cases) {
    INFO("media type: \"" << c.media_type << "\"");
    CHECK(is_page_media_type(c.media_type) == c.page);
  }
}

TEST_CASE("the charset parameter comes out in lower case, unquoted, trimmed") {
  CHECK(charset_parameter("text/html; charset=UTF-8") == "utf-8");
  CHECK(charset_parameter("text/html;Charset=\"Shift_JIS\" ; q=1") == "shift_jis");
  CHECK(charset_parameter("text/html; charset= 'iso-8859-1' ") == "iso-8859-1");
  CHECK(charset_parameter("text/html").empty());
}
