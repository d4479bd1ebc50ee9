# Every dependency is a Debian 12 package; setup.sh installs them.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ZLIB REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
pkg_check_modules(CURL REQUIRED libcurl)
pkg_check_modules(SQLITE3 REQUIRED sqlite3)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)

# libcurl, libcrypto and SQLite: headers only. crbc opens the libraries when a
# command first needs them (src/io/shared_library.hpp) rather than making every
# process pay for their loading.
add_library(crbc::curl_headers INTERFACE IMPORTED)
target_include_directories(crbc::curl_headers INTERFACE ${CURL_INCLUDE_DIRS})
add_library(crbc::crypto_headers INTERFACE IMPORTED)
target_include_directories(crbc::crypto_headers INTERFACE ${OPENSSL_INCLUDE_DIR})
add_library(crbc::sqlite_headers INTERFACE IMPORTED)
target_include_directories(crbc::sqlite_headers INTERFACE ${SQLITE3_INCLUDE_DIRS})

find_library(STEMMER_LIBRARY NAMES stemmer REQUIRED)
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
add_library(crbc::stemmer UNKNOWN IMPORTED)
set_target_properties(crbc::stemmer PROPERTIES IMPORTED_LOCATION "${STEMMER_LIBRARY}"
                                               INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")

find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
add_library(crbc::cld2 UNKNOWN IMPORTED)
set_target_properties(crbc::cld2 PROPERTIES IMPORTED_LOCATION "${CLD2_LIBRARY}"
                                            INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")

if(CRBC_TESTS)
  find_package(Catch2 2 REQUIRED)
  pkg_check_modules(HTTPLIB IMPORTED_TARGET cpp-httplib)
endif()
