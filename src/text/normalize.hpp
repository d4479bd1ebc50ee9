// Unicode normalisation and case folding (utf8proc), the form words are compared
// and looked up in. Takes valid UTF-8 (see utf8.hpp: repair_utf8) and never throws
// on odd input.
#pragma once

#include <string>
#include <string_view>

namespace crbc::text {

// Case-folded NFKC form (utf8proc: compose, compat, casefold, strip default-ignorables).
// Also maps typographic apostrophes to '\''. Returns "" for invalid UTF-8.
std::string fold_case(std::string_view utf8);
// NFC only, case kept.
std::string normalize_nfc(std::string_view utf8);

}  // namespace crbc::text
