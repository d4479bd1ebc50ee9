// Helpers shared by the fetch sources; not part of the public interface.
#pragma once

#include <string>
#include <string_view>

namespace crbc::fetch::detail {

// "/path?query" of an http(s) url ("/" when it has no path or does not parse).
std::string path_and_query(std::string_view url);

}  // namespace crbc::fetch::detail
