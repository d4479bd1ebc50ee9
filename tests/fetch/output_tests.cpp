// What a fetch writes besides the pages: file names, base64.
#include <catch2/catch.hpp>
#include <string>

#include "fetch/fetch.hpp"

TEST_CASE("output file names are safe and distinct", "[fetch][output]") {
  const std::string a = crbc::fetch::output_file_name("https://news.example/2026/11/../a b?id=1");
  const std::string b = crbc::fetch::output_file_name("https://news.example/2026/11/../a b?id=2");
  CHECK(a != b);
  CHECK(a.starts_with("news.example_2026_11_.._a_b_"));
  CHECK(a.ends_with(".html"));
  CHECK(a.find('/') == std::string::npos);
  CHECK(crbc::fetch::output_file_name("https://x.example/" + std::string(5000, 'z')).size() < 160);
}

TEST_CASE("base64 round-trips any bytes and refuses garbage", "[fetch][output]") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t length : {0, 1, 2, 3, 4, 255, 256}) {
    const std::string part = bytes.substr(0, length);
    CHECK(crbc::fetch::base64_decode(crbc::fetch::base64_encode(part)) == part);
  }
  CHECK(crbc::fetch::base64_encode("ab") == "YWI=");
  CHECK_FALSE(crbc::fetch::base64_decode("YW*I").has_value());
}
