// Url resolution: a base and a reference split at the first newline.
#include <cstdint>
#include <string_view>

#include "extract/url.hpp"
#include "fetch/fetch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view base = input.substr(0, newline);
  const std::string_view reference =
      newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
  (void)crbc::extract::resolve_url(base, reference);
  (void)crbc::fetch::resolve_http_url(base, reference);
  (void)crbc::fetch::normalize_url(input);
  return 0;
}
