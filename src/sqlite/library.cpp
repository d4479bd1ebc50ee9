#include "sqlite/library.hpp"

#include "io/shared_library.hpp"

namespace crbc::sqlite::detail {
namespace {

Library load() {
  const io::SharedLibrary sqlite("libsqlite3.so.0", "opening an SQLite database");
  Library api{};
  sqlite.bind("sqlite3_open_v2", api.open_v2);
  sqlite.bind("sqlite3_close_v2", api.close_v2);
  sqlite.bind("sqlite3_extended_result_codes", api.extended_result_codes);
  sqlite.bind("sqlite3_busy_timeout", api.busy_timeout);
  sqlite.bind("sqlite3_db_readonly", api.db_readonly);
  sqlite.bind("sqlite3_last_insert_rowid", api.last_insert_rowid);
  sqlite.bind("sqlite3_errmsg", api.errmsg);
  sqlite.bind("sqlite3_errstr", api.errstr);
  sqlite.bind("sqlite3_exec", api.exec);
  sqlite.bind("sqlite3_free", api.free);
  sqlite.bind("sqlite3_prepare_v3", api.prepare_v3);
  sqlite.bind("sqlite3_finalize", api.finalize);
  sqlite.bind("sqlite3_bind_int64", api.bind_int64);
  sqlite.bind("sqlite3_bind_double", api.bind_double);
  sqlite.bind("sqlite3_bind_text", api.bind_text);
  sqlite.bind("sqlite3_bind_blob", api.bind_blob);
  sqlite.bind("sqlite3_bind_null", api.bind_null);
  sqlite.bind("sqlite3_step", api.step);
  sqlite.bind("sqlite3_reset", api.reset);
  sqlite.bind("sqlite3_clear_bindings", api.clear_bindings);
  sqlite.bind("sqlite3_column_int64", api.column_int64);
  sqlite.bind("sqlite3_column_double", api.column_double);
  sqlite.bind("sqlite3_column_text", api.column_text);
  sqlite.bind("sqlite3_column_blob", api.column_blob);
  sqlite.bind("sqlite3_column_bytes", api.column_bytes);
  sqlite.bind("sqlite3_column_type", api.column_type);
  return api;
}

}  // namespace

const Library& library() {
  // A failed load throws out of the initialiser, so the next call tries again.
  static const Library loaded = load();
  return loaded;
}

}  // namespace crbc::sqlite::detail
