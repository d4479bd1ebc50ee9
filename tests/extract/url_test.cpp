#include "extract/url.hpp"

#include <catch2/catch.hpp>

using crbc::extract::has_scheme;
using crbc::extract::resolve_url;

TEST_CASE("relative references resolve against the page url", "[url]") {
  const std::string base = "https://news.example.com/world/2024/story.html?x=1#top";
  CHECK(resolve_url(base, "other.html") == "https://news.example.com/world/2024/other.html");
  CHECK(resolve_url(base, "../index.html") == "https://news.example.com/world/index.html");
  CHECK(resolve_url(base, "../../../../up.html") == "https://news.example.com/up.html");
  CHECK(resolve_url(base, "./a/./b/../c") == "https://news.example.com/world/2024/a/c");
  CHECK(resolve_url(base, "/about") == "https://news.example.com/about");
  CHECK(resolve_url(base, "//cdn.example.net/i.jpg") == "https://cdn.example.net/i.jpg");
  CHECK(resolve_url(base, "?page=2") == "https://news.example.com/world/2024/story.html?page=2");
  CHECK(resolve_url(base, "#comments") ==
        "https://news.example.com/world/2024/story.html?x=1#comments");
  CHECK(resolve_url(base, "") == "https://news.example.com/world/2024/story.html?x=1");
  CHECK(resolve_url(base, "a b.html?q=1#f") ==
        "https://news.example.com/world/2024/a%20b.html?q=1#f");
}

TEST_CASE("absolute references are kept, cleaned", "[url]") {
  CHECK(resolve_url("https://a.example/", "  http://b.example/x \n") == "http://b.example/x");
  CHECK(resolve_url("https://a.example/", "mailto:desk@example.com") == "mailto:desk@example.com");
  CHECK(resolve_url("https://a.example/", "https:\\\\b.example\\x") == "https://b.example/x");
  CHECK(resolve_url("https://a.example/", "java\nscript:alert(1)") == "javascript:alert(1)");
}

TEST_CASE("hosts are case-insensitive, empty paths become /", "[url]") {
  CHECK(resolve_url("https://News.Example.COM", "a") == "https://news.example.com/a");
  CHECK(resolve_url("HTTPS://example.com", "") == "https://example.com/");
}

TEST_CASE("without a usable base the reference is returned as is", "[url]") {
  CHECK(resolve_url("", "/relative/path") == "/relative/path");
  CHECK(resolve_url("not a url", "x.html") == "x.html");
  CHECK(resolve_url("mailto:a@b.c", "x.html") == "x.html");
}

TEST_CASE("scheme detection", "[url]") {
  CHECK(has_scheme("http://x"));
  CHECK(has_scheme("tel:+123"));
  CHECK_FALSE(has_scheme("/path:with:colons"));
  CHECK_FALSE(has_scheme("1http://x"));
  CHECK_FALSE(has_scheme(""));
}

TEST_CASE("the reference resolution examples of RFC 3986, section 5.4", "[url]") {
  const std::string base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> examples[] = {
      // 5.4.1 normal examples
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
      // 5.4.2 abnormal examples
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // the strict parser's reading
  };
  for (const auto& [reference, expected] : examples) {
    INFO(reference);
    CHECK(resolve_url(base, reference) == expected);
  }
}

TEST_CASE("only the host is lower-cased, not the user name or password", "[url]") {
  CHECK(resolve_url("https://User:Pw@A.Example/x", "y") == "https://User:Pw@a.example/y");
}
