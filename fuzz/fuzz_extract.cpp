// HTML extraction: charset detection, parsing, metadata and body on any bytes.
#include <cstdint>
#include <string_view>

#include "extract/extract.hpp"
#include "model/record_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  crbc::extract::ExtractOptions options;
  options.url = "https://example.org/news/2024/05/01/story.html";
  const auto result = crbc::extract::extract_article(bytes, options);
  (void)crbc::model::to_json(result.article).dump();
  return 0;
}
