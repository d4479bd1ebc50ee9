#include "related/sqlite.hpp"

#include <limits>

namespace crbc::related::sql {

void fail(sqlite3* db, int code, std::string_view context) {
  std::string message(context);
  if (!message.empty()) message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      throw IndexFormatError(message + " (not a crbc index, or a damaged one)");
    case SQLITE_READONLY:
      throw IndexReadOnlyError(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw IndexBusyError(message + " (another process holds the index)");
    default:
      throw IndexError(message);
  }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  sqlite3_stmt* raw = nullptr;
  const int code = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  statement_.reset(raw);
  if (code != SQLITE_OK) fail(db, code, "preparing a statement");
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (const int code = sqlite3_bind_int64(statement_.get(), index, value); code != SQLITE_OK)
    fail(db_, code, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (const int code = sqlite3_bind_double(statement_.get(), index, value); code != SQLITE_OK)
    fail(db_, code, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (value.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw IndexError("value too large for the index");
  if (const int code = sqlite3_bind_text(statement_.get(), index, value.data(),
                                         static_cast<int>(value.size()), SQLITE_TRANSIENT);
      code != SQLITE_OK)
    fail(db_, code, "binding a value");
  return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> value) {
  if (value.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw IndexError("value too large for the index");
  if (const int code = sqlite3_bind_blob(statement_.get(), index, value.data(),
                                         static_cast<int>(value.size()), SQLITE_TRANSIENT);
      code != SQLITE_OK)
    fail(db_, code, "binding a value");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (const int code = sqlite3_bind_null(statement_.get(), index); code != SQLITE_OK)
    fail(db_, code, "binding a value");
  return *this;
}

bool Statement::step() {
  const int code = sqlite3_step(statement_.get());
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  sqlite3_reset(statement_.get());
  fail(db_, code, "index statement");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
}

std::int64_t Statement::column_int(int column) const {
  return sqlite3_column_int64(statement_.get(), column);
}

double Statement::column_double(int column) const {
  return sqlite3_column_double(statement_.get(), column);
}

std::string_view Statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(statement_.get(), column);
  const int size = sqlite3_column_bytes(statement_.get(), column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

std::span<const std::uint8_t> Statement::column_blob(int column) const {
  const auto* data =
      static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_.get(), column));
  const int size = sqlite3_column_bytes(statement_.get(), column);
  if (data == nullptr) return {};
  return {data, static_cast<std::size_t>(size)};
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

Database::Database(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int code = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  db_.reset(raw);
  if (code != SQLITE_OK) fail(raw, code, "opening " + path);
  sqlite3_extended_result_codes(raw, 1);
}

void Database::exec(const std::string& sql) const {
  char* error = nullptr;
  const int code = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    sqlite3_free(error);  // the same text as sqlite3_errmsg(), which fail() reads
    fail(db_.get(), code, {});
  }
}

std::int64_t Database::query_int(const std::string& sql) const {
  Statement statement = prepare(sql);
  return statement.step() ? statement.column_int(0) : 0;
}

std::string Database::query_text(const std::string& sql) const {
  Statement statement = prepare(sql);
  return statement.step() ? std::string(statement.column_text(0)) : std::string();
}

Transaction::Transaction(const Database& db, Kind kind) : db_(db) {
  db_.exec(kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = true;
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace crbc::related::sql
