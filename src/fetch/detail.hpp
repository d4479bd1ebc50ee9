// Helpers shared by the fetch sources; not part of the public interface.
#pragma once

#include <string>
#include <string_view>

namespace crbc::fetch::detail {

// "/path?query" of an http(s) url ("/" when it has no path or does not parse).
std::string path_and_query(std::string_view url);

// Lower-case ASCII copy.
std::string ascii_lower(std::string_view text);

// `text` without the ASCII white space at either end.
std::string_view trim_space(std::string_view text);

// Whether a Content-Type names a page (HTML, XML or text; empty counts as one).
bool is_page_content_type(std::string_view content_type);

}  // namespace crbc::fetch::detail
