#include "fetch/curl_library.hpp"

#include <stdexcept>

#include "io/shared_library.hpp"

namespace crbc::fetch::detail {
namespace {

CurlLibrary load() {
  // The soname of the ABI the headers describe (Debian's libcurl4).
  const io::SharedLibrary library("libcurl.so.4", "crbc fetch");
  CurlLibrary curl{};
  library.bind("curl_easy_init", curl.easy_init);
  library.bind("curl_easy_cleanup", curl.easy_cleanup);
  library.bind("curl_easy_setopt", curl.easy_setopt);
  library.bind("curl_easy_getinfo", curl.easy_getinfo);
  library.bind("curl_easy_strerror", curl.easy_strerror);
  library.bind("curl_multi_init", curl.multi_init);
  library.bind("curl_multi_cleanup", curl.multi_cleanup);
  library.bind("curl_multi_setopt", curl.multi_setopt);
  library.bind("curl_multi_add_handle", curl.multi_add_handle);
  library.bind("curl_multi_remove_handle", curl.multi_remove_handle);
  library.bind("curl_multi_perform", curl.multi_perform);
  library.bind("curl_multi_poll", curl.multi_poll);
  library.bind("curl_multi_info_read", curl.multi_info_read);
  library.bind("curl_slist_append", curl.slist_append);
  library.bind("curl_slist_free_all", curl.slist_free_all);
  library.bind("curl_url", curl.url);
  library.bind("curl_url_cleanup", curl.url_cleanup);
  library.bind("curl_url_set", curl.url_set);
  library.bind("curl_url_get", curl.url_get);
  library.bind("curl_free", curl.free);

  decltype(&::curl_global_init) global_init = nullptr;
  library.bind("curl_global_init", global_init);
  if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    throw std::runtime_error("crbc fetch could not initialise libcurl");
  }
  return curl;
}

}  // namespace

const CurlLibrary& curl() {
  // A failed load throws out of the initialiser, so the next call tries again.
  static const CurlLibrary library = load();
  return library;
}

}  // namespace crbc::fetch::detail
