// libcurl, loaded when `crbc fetch` first needs it instead of linked.
//
// libcurl brings about 28 shared libraries with it (TLS, Kerberos, LDAP, SSH,
// HTTP/2 …). Linked, their loading and initialisers cost every crbc process
// several milliseconds before main(), more than `crbc parse` takes to extract a
// median page; only fetch uses them. The table below is the part of libcurl's
// API that crbc calls, with the exact types of its declarations.
#pragma once

#include <curl/curl.h>

namespace crbc::fetch::detail {

struct CurlLibrary {
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_cleanup) multi_cleanup;
  decltype(&::curl_multi_setopt) multi_setopt;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_url) url;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_free) free;
};

// The library, loaded and globally initialised on the first call, for the life
// of the process. Throws std::runtime_error saying which library could not be
// loaded, or which function it lacks.
const CurlLibrary& curl();

}  // namespace crbc::fetch::detail
