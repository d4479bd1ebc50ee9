// Tokens and sentence splitting on any text, valid UTF-8 or not.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/normalize.hpp"
#include "text/sentences.hpp"
#include "text/tokens.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text =
      crbc::text::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const char* language : {"en", "ru", "de"}) {
    for (const auto& sentence : crbc::text::split_sentences(text, language)) {
      if (sentence.end > text.size() || sentence.begin > sentence.end) std::abort();
    }
  }
  (void)crbc::text::tokenize(text);
  (void)crbc::text::fold_case(text);
  return 0;
}
