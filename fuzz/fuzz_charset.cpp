// Charset detection and decoding: the output must always be valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/charset.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks a declared charset, as an HTTP header would.
  static constexpr std::string_view kHeaders[] = {"",
                                                  "text/html; charset=utf-8",
                                                  "text/html; charset=windows-1251",
                                                  "text/html; charset=shift_jis",
                                                  "text/html; charset=utf-16",
                                                  "text/html; charset=x-bogus"};
  const std::string_view header = size > 0 ? kHeaders[data[0] % std::size(kHeaders)] : "";
  const std::string decoded = crbc::extract::decode_to_utf8(bytes, header);
  if (!crbc::text::is_valid_utf8(decoded)) std::abort();
  return 0;
}
