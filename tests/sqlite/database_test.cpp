#include "sqlite/database.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "cli/run.hpp"

using crbc::sqlite::Database;
using crbc::sqlite::Failure;
using crbc::sqlite::Statement;
using crbc::sqlite::Transaction;

namespace {

struct TestError : std::runtime_error {
  Failure::Kind kind;
  TestError(Failure::Kind failed, const std::string& message)
      : std::runtime_error(message), kind(failed) {}
};

void throw_test_error(const Failure& failure) {
  throw TestError(failure.kind, failure.message);
}

Failure::Kind kind_thrown(const auto& action) {
  try {
    action();
  } catch (const TestError& error) {
    return error.kind;
  }
  FAIL("nothing thrown");
  return Failure::Kind::other;
}

}  // namespace

TEST_CASE("values go in and come out with their types, empty text included") {
  const Database db(":memory:", Database::Access::write, throw_test_error);
  db.exec("CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n)");
  const std::uint8_t bytes[] = {0, 1, 255};
  db.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, std::int64_t{-5})
      .bind(2, 0.5)
      .bind(3, std::string_view())
      .bind_blob(4, bytes)
      .bind(5, std::optional<std::int64_t>())
      .run();
  CHECK(db.last_insert_rowid() == 1);
  Statement row = db.prepare("SELECT i, r, s, typeof(s), b, n FROM t");
  REQUIRE(row.step());
  CHECK(row.column_int(0) == -5);
  CHECK(row.column_double(1) == 0.5);
  CHECK(row.column_text(2).empty());
  CHECK(row.column_text(3) == "text");
  CHECK(row.column_blob(4).size() == 3);
  CHECK(row.column_blob(4)[2] == 255);
  CHECK(row.column_is_null(5));
  CHECK_FALSE(row.step());
}

TEST_CASE("a transaction not committed is rolled back") {
  const Database db(":memory:", Database::Access::write, throw_test_error);
  db.exec("CREATE TABLE t(x)");
  {
    Transaction transaction(db, Transaction::Kind::write);
    db.exec("INSERT INTO t VALUES (1)");
  }
  CHECK(db.query_int("SELECT count(*) FROM t") == 0);
  {
    Transaction transaction(db, Transaction::Kind::write);
    db.exec("INSERT INTO t VALUES (1)");
    transaction.commit();
  }
  CHECK(db.query_int("SELECT count(*) FROM t") == 1);
}

TEST_CASE("failures reach the handler with their kind and what was being done") {
  crbc::testing::ScratchDir dir;
  const std::string not_sqlite = (dir / "text.db").string();
  crbc::testing::write_file(not_sqlite, std::string(4096, 'x'));
  CHECK(kind_thrown([&] {
          const Database db(not_sqlite, Database::Access::read, throw_test_error);
          db.query_int("SELECT count(*) FROM sqlite_master");
        }) == Failure::Kind::not_a_database);

  const std::string file = (dir / "data.db").string();
  Database(file, Database::Access::write, throw_test_error).exec("CREATE TABLE t(x)");
  const Database reader(file, Database::Access::read, throw_test_error);
  CHECK(kind_thrown([&] { reader.exec("INSERT INTO t VALUES (1)"); }) == Failure::Kind::read_only);

  const Database writer(file, Database::Access::write, throw_test_error);
  const Database other(file, Database::Access::write, throw_test_error);
  Transaction holding(writer, Transaction::Kind::write);
  CHECK(kind_thrown([&] { Transaction waiting(other, Transaction::Kind::write); }) ==
        Failure::Kind::busy);

  try {
    const Database missing((dir / "no" / "such.db").string(), Database::Access::read,
                           throw_test_error);
    FAIL("opened");
  } catch (const TestError& error) {
    CHECK_THAT(error.what(), Catch::StartsWith("opening " + (dir / "no" / "such.db").string()));
  }
  CHECK_THROWS_WITH(reader.prepare("SELEC nothing"), Catch::Contains("preparing a statement"));
}

TEST_CASE("without a handler, failures are runtime errors") {
  const Database db(":memory:", Database::Access::write, nullptr);
  CHECK_THROWS_AS(db.exec("not sql"), std::runtime_error);
}

TEST_CASE("a path that is not a regular file is refused before SQLite writes beside it") {
  // A device or a named pipe given as a database would get a journal file beside it.
  const crbc::testing::ScratchDir dir;
  const auto pipe = dir / "pipe";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
  try {
    const Database db(pipe.string(), Database::Access::write, throw_test_error);
    FAIL("a named pipe was opened as a database");
  } catch (const TestError& error) {
    CHECK_THAT(error.what(),
               Catch::Contains(pipe.string()) && Catch::Contains("not a regular file"));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "pipe-journal"));
}
