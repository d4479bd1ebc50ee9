// libcurl, loaded when `crbc fetch` first needs it instead of linked.
//
// libcurl brings about 28 shared libraries with it (TLS, Kerberos, LDAP, SSH,
// HTTP/2 …). Linked, their loading and initialisers cost every crbc process
// several milliseconds before main(), more than `crbc parse` takes to extract a
// median page; only fetch uses them. The table below is the part of libcurl's
// API that crbc calls, with the exact types of its declarations.
#pragma once

#include <curl/curl.h>

#include "io/shared_library.hpp"

namespace crbc::fetch::detail {

// The functions, F(prefix, name) for each C function prefix##name (see
// io/shared_library.hpp).
#define CRBC_CURL_FUNCTIONS(F)  \
  F(curl_, easy_init)           \
  F(curl_, easy_cleanup)        \
  F(curl_, easy_setopt)         \
  F(curl_, easy_getinfo)        \
  F(curl_, easy_strerror)       \
  F(curl_, multi_init)          \
  F(curl_, multi_cleanup)       \
  F(curl_, multi_setopt)        \
  F(curl_, multi_add_handle)    \
  F(curl_, multi_remove_handle) \
  F(curl_, multi_perform)       \
  F(curl_, multi_poll)          \
  F(curl_, multi_info_read)     \
  F(curl_, slist_append)        \
  F(curl_, slist_free_all)      \
  F(curl_, url)                 \
  F(curl_, url_cleanup)         \
  F(curl_, url_set)             \
  F(curl_, url_get)             \
  F(curl_, free)

struct CurlLibrary {
  CRBC_LIBRARY_FUNCTIONS(CRBC_CURL_FUNCTIONS)
};

// The library, loaded and globally initialised on the first call, for the life
// of the process. Throws std::runtime_error saying which library could not be
// loaded, or which function it lacks.
const CurlLibrary& curl();

}  // namespace crbc::fetch::detail
