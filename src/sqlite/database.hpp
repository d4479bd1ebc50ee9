// A thin RAII layer over SQLite, for the related-articles index and fetch's
// state store: a connection, prepared statements with typed binding, and a
// transaction guard that rolls back unless committed.
//
// SQLite itself is loaded when the first database is opened (library.hpp).
// Failures go to the connection's FailureHandler, so that each user throws its
// own error type with its own words.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace crbc::sqlite {

struct Failure {
  enum class Kind {
    not_a_database,  // not an SQLite file, or a damaged one
    read_only,       // a write to a database that cannot be written
    busy,            // another connection held a lock past the busy timeout
    other,
  };
  Kind kind = Kind::other;
  std::string message;  // what was being done, then SQLite's words
};

// Throws the caller's error for `failure`. Should it return, std::runtime_error
// with the failure's message is thrown instead.
using FailureHandler = void (*)(const Failure& failure);

class Statement {
 public:
  Statement(sqlite3* db, FailureHandler on_failure, std::string_view sql);
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
    void operator()(sqlite3_stmt* statement) const noexcept;
  };
  [[noreturn]] void fail(int code, std::string_view context) const;

  sqlite3* db_ = nullptr;
  FailureHandler on_failure_ = nullptr;
  std::unique_ptr<sqlite3_stmt, Finalizer> statement_;
};

class Database {
 public:
  enum class Access {
    read,   // the file must exist; nothing is written
    write,  // created when missing
  };

  // Opens `path` (":memory:" for a private in-memory database). One thread at a
  // time may use the connection.
  Database(const std::string& path, Access access, FailureHandler on_failure);

  Statement prepare(std::string_view sql) const { return {db_.get(), on_failure_, sql}; }
  // Runs one or more statements without results.
  void exec(const std::string& sql) const;
  std::int64_t query_int(const std::string& sql) const;
  std::string query_text(const std::string& sql) const;
  // Whether the file turned out not to be writable, whatever was asked.
  bool read_only() const noexcept;
  // How long to wait for another connection's lock before failing as busy.
  void set_busy_timeout(int milliseconds) const;
  // The rowid of the last row this connection inserted.
  std::int64_t last_insert_rowid() const noexcept;

 private:
  friend class Transaction;
  struct Closer {
    void operator()(sqlite3* db) const noexcept;
  };
  std::unique_ptr<sqlite3, Closer> db_;
  FailureHandler on_failure_ = nullptr;
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

}  // namespace crbc::sqlite
