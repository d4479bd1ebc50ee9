#include "io/gzip.hpp"

#include <catch2/catch.hpp>
#include <string>

using crbc::io::DeflateHeader;
using crbc::io::gzip_compress;
using crbc::io::inflate_bounded;

namespace {

const std::string kText =
    "A paragraph of an article, said twice. A paragraph of an article, said twice.";

// The deflate stream inside a gzip member that has no optional header fields, as
// zlib writes it: a 10-byte header before it, an 8-byte trailer after (RFC 1952).
std::string raw_deflate(const std::string& plain) {
  const std::string member = gzip_compress(plain);
  return member.substr(10, member.size() - 18);
}

}  // namespace

TEST_CASE("gzip_compress writes a gzip member that inflates back", "[gzip]") {
  const std::string compressed = gzip_compress(kText);
  REQUIRE(compressed.size() > 2);
  CHECK(static_cast<unsigned char>(compressed[0]) == 0x1F);
  CHECK(static_cast<unsigned char>(compressed[1]) == 0x8B);
  CHECK(inflate_bounded(compressed, kText.size()) == kText);
  CHECK(inflate_bounded(gzip_compress(""), 0) == "");
}

TEST_CASE("inflate_bounded refuses more output than its bound", "[gzip]") {
  const std::string bomb = gzip_compress(std::string(std::size_t{4} << 20, '\0'));
  CHECK(bomb.size() < 100'000);
  CHECK_FALSE(inflate_bounded(bomb, std::size_t{1} << 20).has_value());
  CHECK(inflate_bounded(bomb, std::size_t{4} << 20).has_value());
}

TEST_CASE("inflate_bounded refuses corrupt and truncated input", "[gzip]") {
  const std::string compressed = gzip_compress(kText);
  CHECK_FALSE(inflate_bounded(compressed.substr(0, compressed.size() / 2), 1 << 20).has_value());
  CHECK_FALSE(inflate_bounded("not compressed at all", 1 << 20).has_value());
  CHECK_FALSE(inflate_bounded("", 1 << 20).has_value());
}

TEST_CASE("inflate_bounded reads a raw deflate stream only when told to", "[gzip]") {
  const std::string raw = raw_deflate(kText);
  CHECK(inflate_bounded(raw, 1 << 20, DeflateHeader::none) == kText);
  CHECK_FALSE(inflate_bounded(raw, 1 << 20).has_value());
}
