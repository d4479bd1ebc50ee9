// SQLite, loaded when the first database is opened instead of linked: bound at
// start-up, its 1,600 symbol bindings cost every crbc process a few hundred
// microseconds, and only `related` indexes and fetch's state store use it. The
// table is the part of the C API that database.cpp calls, with the exact types
// of its declarations.
#pragma once

#include <sqlite3.h>

namespace crbc::sqlite::detail {

struct Library {
  decltype(&::sqlite3_open_v2) open_v2;
  decltype(&::sqlite3_close_v2) close_v2;
  decltype(&::sqlite3_extended_result_codes) extended_result_codes;
  decltype(&::sqlite3_busy_timeout) busy_timeout;
  decltype(&::sqlite3_db_readonly) db_readonly;
  decltype(&::sqlite3_last_insert_rowid) last_insert_rowid;
  decltype(&::sqlite3_errmsg) errmsg;
  decltype(&::sqlite3_errstr) errstr;
  decltype(&::sqlite3_exec) exec;
  decltype(&::sqlite3_free) free;
  decltype(&::sqlite3_prepare_v3) prepare_v3;
  decltype(&::sqlite3_finalize) finalize;
  decltype(&::sqlite3_bind_int64) bind_int64;
  decltype(&::sqlite3_bind_double) bind_double;
  decltype(&::sqlite3_bind_text) bind_text;
  decltype(&::sqlite3_bind_blob) bind_blob;
  decltype(&::sqlite3_bind_null) bind_null;
  decltype(&::sqlite3_step) step;
  decltype(&::sqlite3_reset) reset;
  decltype(&::sqlite3_clear_bindings) clear_bindings;
  decltype(&::sqlite3_column_int64) column_int64;
  decltype(&::sqlite3_column_double) column_double;
  decltype(&::sqlite3_column_text) column_text;
  decltype(&::sqlite3_column_blob) column_blob;
  decltype(&::sqlite3_column_bytes) column_bytes;
  decltype(&::sqlite3_column_type) column_type;
};

// The library, loaded on the first call, for the life of the process. Throws
// std::runtime_error saying what could not be loaded.
const Library& library();

}  // namespace crbc::sqlite::detail
