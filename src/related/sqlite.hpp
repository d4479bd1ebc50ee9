// A thin RAII layer over the SQLite C API, private to the related index: a
// connection, prepared statements with typed binding, and a transaction guard that
// rolls back unless committed. Errors become IndexError with SQLite's message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "related/errors.hpp"

namespace crbc::related::sql {

class Database;

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_blob(int index, std::span<const std::uint8_t> value);
  Statement& bind_null(int index);
  Statement& bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Advances to the next row; false when done. Throws on errors.
  bool step();
  // Runs to completion (for statements without rows) and resets.
  void run();
  void reset();

  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string_view column_text(int column) const;
  std::span<const std::uint8_t> column_blob(int column) const;
  bool column_is_null(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
  };
  sqlite3* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

class Database {
 public:
  // Opens `path` (":memory:" for a private in-memory database) with the given
  // sqlite3_open_v2 flags.
  Database(const std::string& path, int flags);

  sqlite3* handle() const noexcept { return db_.get(); }
  Statement prepare(std::string_view sql) const { return Statement(db_.get(), sql); }
  // Runs one or more statements without results.
  void exec(const std::string& sql) const;
  std::int64_t query_int(const std::string& sql) const;
  std::string query_text(const std::string& sql) const;
  bool read_only() const noexcept { return sqlite3_db_readonly(db_.get(), "main") == 1; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
};

// BEGIN (IMMEDIATE for writers, so that two writers wait instead of deadlocking on
// the upgrade) ... COMMIT; rolled back by the destructor unless committed.
class Transaction {
 public:
  enum class Kind { read, write };
  Transaction(const Database& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  const Database& db_;
  bool open_ = false;
};

// Throws the IndexError matching an SQLite result code.
[[noreturn]] void fail(sqlite3* db, int code, std::string_view context);

}  // namespace crbc::related::sql
