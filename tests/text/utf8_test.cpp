#include "text/utf8.hpp"

#include <catch2/catch.hpp>

using namespace crbc::text;

TEST_CASE("valid UTF-8 is recognised, invalid sequences are located") {
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("Grüße, Привет, 日本語, 🙂"));
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);        // overlong '/'
  CHECK(find_invalid_utf8("ab\xED\xA0\x80") == 2);    // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("ok\xE2\x82") == 2);        // truncated
  CHECK(find_invalid_utf8("\xFF") == 0);
}

TEST_CASE("repair replaces each maximal invalid subpart with U+FFFD and drops NUL") {
  CHECK(repair_utf8("a\xFF"
                    "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(repair_utf8("a\xE2\x82"
                    "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(repair_utf8(std::string("a\0b", 3)) == "ab");
  CHECK(is_valid_utf8(repair_utf8("\xC0\xAF\xED\xA0\x80\xF8\x88\x80\x80\x80")));
}

TEST_CASE("code point offsets convert to byte offsets") {
  const std::string text = "aПриb🙂c";
  CHECK(code_point_count(text) == 7);
  CHECK(byte_offset_of(text, 0) == 0);
  CHECK(byte_offset_of(text, 1) == 1);
  CHECK(byte_offset_of(text, 4) == 7);
  CHECK(byte_offset_of(text, 5) == 8);
  CHECK(byte_offset_of(text, 6) == 12);
  CHECK(byte_offset_of(text, 99) == text.size());
}

TEST_CASE("append_utf8 encodes scalar values and replaces the rest") {
  std::string out;
  append_utf8(out, U'A');
  append_utf8(out, U'Ж');
  append_utf8(out, U'€');
  append_utf8(out, U'🙂');
  append_utf8(out, 0xD800);
  CHECK(out == "AЖ€🙂\xEF\xBF\xBD");
}
