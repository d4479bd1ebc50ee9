// HTML character references ("&amp;", "&#8217;", "&#x2019;") in text that no HTML
// parser has decoded: JSON-LD strings, attribute values scanned from feeds.
#pragma once

#include <string>
#include <string_view>

namespace crbc::text {

// `text` with its character references decoded in one pass, so "&amp;lt;" becomes
// "&lt;", not "<". Numeric references and the named ones news pages use are known;
// unknown names and references without their ';' are left as written, and "&#0;"
// becomes U+FFFD.
std::string decode_html_references(std::string_view text);

}  // namespace crbc::text
