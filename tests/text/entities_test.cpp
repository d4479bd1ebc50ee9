#include "text/entities.hpp"

#include <catch2/catch.hpp>
#include <string>

using crbc::text::decode_html_references;

TEST_CASE("decode_html_references decodes named and numeric references in one pass") {
  struct Case {
    std::string input, expected;
  };
  const Case cases[] = {
      {"Tom &amp; Jerry", "Tom & Jerry"},
      {"&amp;lt;b&amp;gt;", "&lt;b&gt;"},  // decoded once, not twice
      {"&lt;p&gt; &quot;q&quot; &apos;a&#39;", "<p> \"q\" 'a'"},
      {"caf&eacute; &#233; &#xE9; &#XE9;", "caf\xC3\xA9 \xC3\xA9 \xC3\xA9 \xC3\xA9"},
      {"&#8217;s &hellip;", "\xE2\x80\x99s \xE2\x80\xA6"},
      {"a&#0;b",
       "a\xEF\xBF\xBD"
       "b"},  // NUL is not text
      {"&#xD800; &#x110000;",
       "\xEF\xBF\xBD \xEF\xBF\xBD"},                 // no surrogates, no code point past U+10FFFF
      {"&unknownname; &amp", "&unknownname; &amp"},  // left as written
      {"AT&T &; &#; &#x;", "AT&T &; &#; &#x;"},
      {"?a=1&b=2", "?a=1&b=2"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(decode_html_references(c.input) == c.expected);
  }
}
