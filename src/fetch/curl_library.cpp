#include "fetch/curl_library.hpp"

#include <stdexcept>

#include "io/shared_library.hpp"

namespace crbc::fetch::detail {
namespace {

CurlLibrary load() {
  // The soname of the ABI the headers describe (Debian's libcurl4).
  const io::SharedLibrary library("libcurl.so.4", "crbc fetch");
  const auto functions = library.functions<CurlLibrary>();

  decltype(&::curl_global_init) global_init = nullptr;
  library.bind("curl_global_init", global_init);
  if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    throw std::runtime_error("crbc fetch could not initialise libcurl");
  }
  return functions;
}

}  // namespace

const CurlLibrary& curl() {
  return io::load_once<load>();
}

}  // namespace crbc::fetch::detail
