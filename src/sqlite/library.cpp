#include "sqlite/library.hpp"

#include "io/shared_library.hpp"

namespace crbc::sqlite::detail {
namespace {

Library load() {
  return io::SharedLibrary("libsqlite3.so.0", "opening an SQLite database").functions<Library>();
}

}  // namespace

const Library& library() {
  return io::load_once<load>();
}

}  // namespace crbc::sqlite::detail
