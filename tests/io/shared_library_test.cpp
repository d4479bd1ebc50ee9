#include "io/shared_library.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "io/digest.hpp"

using crbc::io::SharedLibrary;

TEST_CASE("a library that cannot be loaded is an error naming it and what needs it") {
  try {
    SharedLibrary library("libcrbc-no-such-library.so.0", "the test command");
    FAIL("no error");
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    CHECK(message.find("the test command needs libcrbc-no-such-library.so.0") == 0);
    CHECK(message.find("could not be loaded") != std::string::npos);
  }
}

TEST_CASE("a function is bound with its declared type, and a missing one is an error") {
  const SharedLibrary libc("libc.so.6", "the test");
  decltype(&std::strlen) length = nullptr;
  libc.bind("strlen", length);
  REQUIRE(length != nullptr);
  CHECK(length("four") == 4);

  decltype(&std::strlen) missing = nullptr;
  CHECK_THROWS_WITH(libc.bind("crbc_no_such_function", missing),
                    Catch::Contains("crbc_no_such_function of libc.so.6"));
}

TEST_CASE("digests are the standard SHA-1 and SHA-256 of the bytes") {
  using crbc::io::digest;
  using crbc::io::DigestAlgorithm;
  using namespace std::literals;
  // The "abc" test vectors of FIPS 180-2.
  CHECK(digest(DigestAlgorithm::sha1, "abc") ==
        "\xa9\x99\x3e\x36\x47\x06\x81\x6a\xba\x3e\x25\x71\x78\x50\xc2\x6c\x9c\xd0\xd8\x9d"sv);
  CHECK(digest(DigestAlgorithm::sha256, "abc") ==
        "\xba\x78\x16\xbf\x8f\x01\xcf\xea\x41\x41\x40\xde\x5d\xae\x22\x23"
        "\xb0\x03\x61\xa3\x96\x17\x7a\x9c\xb4\x10\xff\x61\xf2\x00\x15\xad"sv);
  CHECK(digest(DigestAlgorithm::sha256, std::string(1 << 20, '\0')).size() == 32);
  CHECK(crbc::io::to_hex(digest(DigestAlgorithm::sha1, "abc")) ==
        "a9993e364706816aba3e25717850c26c9cd0d89d");
}
