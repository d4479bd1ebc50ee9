// Base64 (RFC 4648): fetch records carry bodies that are not valid UTF-8 this way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crbc::io {

std::string base64_encode(std::string_view bytes);
// The decoded bytes; nullopt when the text is not base64 (the url-safe alphabet
// and line breaks are accepted).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace crbc::io
