// SQLite, loaded when the first database is opened instead of linked: bound at
// start-up, its 1,600 symbol bindings cost every crbc process a few hundred
// microseconds, and only `related` indexes and fetch's state store use it. The
// table is the part of the C API that database.cpp calls, with the exact types
// of its declarations.
#pragma once

#include <sqlite3.h>

#include "io/shared_library.hpp"

namespace crbc::sqlite::detail {

// The functions, F(prefix, name) for each C function prefix##name (see
// io/shared_library.hpp).
#define CRBC_SQLITE_FUNCTIONS(F)     \
  F(sqlite3_, open_v2)               \
  F(sqlite3_, close_v2)              \
  F(sqlite3_, extended_result_codes) \
  F(sqlite3_, busy_timeout)          \
  F(sqlite3_, db_readonly)           \
  F(sqlite3_, last_insert_rowid)     \
  F(sqlite3_, errmsg)                \
  F(sqlite3_, errstr)                \
  F(sqlite3_, exec)                  \
  F(sqlite3_, free)                  \
  F(sqlite3_, prepare_v3)            \
  F(sqlite3_, finalize)              \
  F(sqlite3_, bind_int64)            \
  F(sqlite3_, bind_double)           \
  F(sqlite3_, bind_text)             \
  F(sqlite3_, bind_blob)             \
  F(sqlite3_, bind_null)             \
  F(sqlite3_, step)                  \
  F(sqlite3_, reset)                 \
  F(sqlite3_, clear_bindings)        \
  F(sqlite3_, column_int64)          \
  F(sqlite3_, column_double)         \
  F(sqlite3_, column_text)           \
  F(sqlite3_, column_blob)           \
  F(sqlite3_, column_bytes)          \
  F(sqlite3_, column_type)

struct Library {
  CRBC_LIBRARY_FUNCTIONS(CRBC_SQLITE_FUNCTIONS)
};

// The library, loaded on the first call, for the life of the process. Throws
// std::runtime_error saying what could not be loaded.
const Library& library();

}  // namespace crbc::sqlite::detail
