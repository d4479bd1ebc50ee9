// The HTTP Content-Type of a response, as fetch and WARC archives both read it.
#pragma once

#include <string>
#include <string_view>

namespace crbc::io {

// Whether a response of this Content-Type can be an article page: HTML, XML or
// other text, or no type at all (servers that omit it mostly send HTML).
bool is_page_media_type(std::string_view content_type);

// The charset parameter of a Content-Type, in lower case without quotes
// ("" when there is none): `text/html; Charset="UTF-8"` gives "utf-8".
std::string charset_parameter(std::string_view content_type);

}  // namespace crbc::io
