// RSS, Atom, sitemaps and feed discovery on any bytes.
#include <cstdint>
#include <string_view>

#include "fetch/fetch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  (void)crbc::fetch::parse_feed(document, "https://example.org/feed.xml");
  (void)crbc::fetch::discover_feeds(document, "https://example.org/");
  return 0;
}
