// Small text helpers shared by the metadata extractors (titles, bylines, dates).
// Internal to src/extract/: the public API is metadata.hpp.
#pragma once

#include <string>
#include <string_view>

namespace crbc::extract::meta {

// Whitespace (ASCII and the common Unicode spaces) collapsed to one space, trimmed.
std::string collapse_whitespace(std::string_view text);

// Lower case of valid UTF-8, code point by code point (no locale).
std::string lowercase(std::string_view text);

// Letters and digits only, lower-cased: "The Verge | News" -> "thevergenews". Used to
// compare titles and site names regardless of punctuation and spacing.
std::string fold_alnum(std::string_view text);

// Number of words (runs of letters or digits).
std::size_t word_count(std::string_view text);

}  // namespace crbc::extract::meta
