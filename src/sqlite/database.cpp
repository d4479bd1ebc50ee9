#include "sqlite/database.hpp"

#include <sys/stat.h>

#include <limits>
#include <stdexcept>

#include "sqlite/library.hpp"

namespace crbc::sqlite {
namespace {

using detail::library;

Failure::Kind kind_of(int code) {
  switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      return Failure::Kind::not_a_database;
    case SQLITE_READONLY:
      return Failure::Kind::read_only;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Failure::Kind::busy;
    default:
      return Failure::Kind::other;
  }
}

[[noreturn]] void report(FailureHandler on_failure, const Failure& failure) {
  if (on_failure != nullptr) on_failure(failure);
  throw std::runtime_error(failure.message);
}

[[noreturn]] void fail(sqlite3* db, FailureHandler on_failure, int code, std::string_view context) {
  std::string message(context);
  if (!message.empty()) message += ": ";
  message += db != nullptr ? library().errmsg(db) : library().errstr(code);
  report(on_failure, {kind_of(code), std::move(message)});
}

// The library, loaded before a first connection; a failure to load it is the
// connection's failure, so that its user reports it like any other.
void load_library(FailureHandler on_failure) {
  try {
    library();
  } catch (const std::runtime_error& error) {
    report(on_failure, {Failure::Kind::other, error.what()});
  }
}

// SQLite takes sizes as int.
int checked_size(std::size_t size, FailureHandler on_failure) {
  if (size > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    report(on_failure, {Failure::Kind::other, "value too large for the database"});
  return static_cast<int>(size);
}

}  // namespace

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const noexcept {
  library().finalize(statement);
}

Statement::Statement(sqlite3* db, FailureHandler on_failure, std::string_view sql)
    : db_(db), on_failure_(on_failure) {
  sqlite3_stmt* raw = nullptr;
  const int code = library().prepare_v3(db, sql.data(), checked_size(sql.size(), on_failure),
                                        SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  statement_.reset(raw);
  if (code != SQLITE_OK) fail(code, "preparing a statement");
}

void Statement::fail(int code, std::string_view context) const {
  sqlite::fail(db_, on_failure_, code, context);
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (const int code = library().bind_int64(statement_.get(), index, value); code != SQLITE_OK)
    fail(code, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (const int code = library().bind_double(statement_.get(), index, value); code != SQLITE_OK)
    fail(code, "binding a value");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  // Never a null pointer: SQLite binds that as NULL, not as an empty string.
  const char* text = value.empty() ? "" : value.data();
  if (const int code = library().bind_text(
          statement_.get(), index, text, checked_size(value.size(), on_failure_), SQLITE_TRANSIENT);
      code != SQLITE_OK)
    fail(code, "binding a value");
  return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> value) {
  if (const int code =
          library().bind_blob(statement_.get(), index, value.data(),
                              checked_size(value.size(), on_failure_), SQLITE_TRANSIENT);
      code != SQLITE_OK)
    fail(code, "binding a value");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (const int code = library().bind_null(statement_.get(), index); code != SQLITE_OK)
    fail(code, "binding a value");
  return *this;
}

bool Statement::step() {
  const int code = library().step(statement_.get());
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  library().reset(statement_.get());
  fail(code, "running a statement");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  library().reset(statement_.get());
  library().clear_bindings(statement_.get());
}

std::int64_t Statement::column_int(int column) const {
  return library().column_int64(statement_.get(), column);
}

double Statement::column_double(int column) const {
  return library().column_double(statement_.get(), column);
}

std::string_view Statement::column_text(int column) const {
  const auto* text = library().column_text(statement_.get(), column);
  const int size = library().column_bytes(statement_.get(), column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

std::span<const std::uint8_t> Statement::column_blob(int column) const {
  const auto* data =
      static_cast<const std::uint8_t*>(library().column_blob(statement_.get(), column));
  const int size = library().column_bytes(statement_.get(), column);
  if (data == nullptr) return {};
  return {data, static_cast<std::size_t>(size)};
}

bool Statement::column_is_null(int column) const {
  return library().column_type(statement_.get(), column) == SQLITE_NULL;
}

void Database::Closer::operator()(sqlite3* db) const noexcept {
  library().close_v2(db);
}

Database::Database(const std::string& path, Access access, FailureHandler on_failure)
    : on_failure_(on_failure) {
  // SQLite would write its journal beside a device (/dev/null-journal) and fail later.
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode))
    report(on_failure_, {Failure::Kind::other, "opening " + path + ": not a regular file"});
  load_library(on_failure_);
  const int flags =
      (access == Access::read ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  sqlite3* raw = nullptr;
  const int code = library().open_v2(path.c_str(), &raw, flags, nullptr);
  db_.reset(raw);
  if (code != SQLITE_OK) sqlite::fail(raw, on_failure_, code, "opening " + path);
  library().extended_result_codes(raw, 1);
}

void Database::exec(const std::string& sql) const {
  char* error = nullptr;
  const int code = library().exec(db_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    library().free(error);  // the same text as sqlite3_errmsg(), which fail() reads
    sqlite::fail(db_.get(), on_failure_, code, {});
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

bool Database::read_only() const noexcept {
  return library().db_readonly(db_.get(), "main") == 1;
}

void Database::set_busy_timeout(int milliseconds) const {
  library().busy_timeout(db_.get(), milliseconds);
}

std::int64_t Database::last_insert_rowid() const noexcept {
  return library().last_insert_rowid(db_.get());
}

Transaction::Transaction(const Database& db, Kind kind) : db_(db) {
  db_.exec(kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = true;
}

Transaction::~Transaction() {
  if (open_) library().exec(db_.db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace crbc::sqlite
