// Helpers shared by the fetch sources; not part of the public interface.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crbc::fetch::detail {

// "/path?query" of an http(s) url ("/" when it has no path or does not parse).
std::string path_and_query(std::string_view url);

// Inflates a gzip or zlib stream into `output`, refusing more than max_output
// bytes. False when the input is corrupt or inflates too large.
bool gunzip_bounded(std::string_view compressed, std::size_t max_output, std::string& output);

// Lower-case ASCII copy.
std::string ascii_lower(std::string_view text);

}  // namespace crbc::fetch::detail
