// Character-set detection and decoding of raw page bytes to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace crbc::extract {

// Decodes `raw` to valid UTF-8. The encoding is chosen as the HTML standard does:
// byte-order mark, then the charset of the HTTP `content_type` header, then a prescan
// of the first bytes for <meta charset> / http-equiv, else detection (uchardet).
// The name of the encoding used is stored in `charset_out` when given.
std::string decode_to_utf8(std::string_view raw, std::string_view content_type,
                           std::string* charset_out = nullptr);

// The charset a <meta> prescan of the start of `raw` declares, lower-cased, or empty.
std::string prescan_meta_charset(std::string_view raw);

}  // namespace crbc::extract
