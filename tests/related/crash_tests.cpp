// A writer killed in the middle of `index add` must leave a consistent index that
// still holds every article it committed.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "related/related.hpp"
#include "support.hpp"

using namespace crbc::related;
using related_test::TempDir;

namespace {

std::string query_text(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(statement, 0);
    out = text != nullptr ? reinterpret_cast<const char*>(text) : "";
  }
  sqlite3_finalize(statement);
  return out;
}

// The child: adds batches forever, reporting each committed total on `pipe_fd`.
[[noreturn]] void add_forever(const std::filesystem::path& path, int pipe_fd) {
  try {
    auto index = open_index(path, OpenMode::write);
    const auto corpus = related_test::topic_corpus();
    for (std::uint32_t round = 0;; ++round) {
      std::vector<crbc::model::Article> batch;
      for (int i = 0; i < 5; ++i) {
        auto article = corpus[(round * 5 + i) % corpus.size()];
        article.url += "?r=" + std::to_string(round) + "-" + std::to_string(i);
        // Re-add an earlier one too: updates take the delete path under the kill.
        batch.push_back(std::move(article));
      }
      if (round > 2) {
        auto again = corpus[round % corpus.size()];
        again.url += "?r=" + std::to_string(round - 2) + "-0";
        again.title += " (updated)";
        batch.push_back(std::move(again));
      }
      index->add(batch);
      const std::int64_t committed = index->stats().articles;
      if (write(pipe_fd, &committed, sizeof committed) != sizeof committed) _exit(3);
    }
  } catch (...) {
    _exit(2);
  }
}

}  // namespace

TEST_CASE("Killing a writer during index add loses no committed article") {
  TempDir dir;
  const auto path = dir / "crash.db";
  for (int attempt = 0; attempt < 3; ++attempt) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(fds[0]);
      add_forever(path, fds[1]);
    }
    close(fds[1]);
    std::int64_t committed = 0;
    std::int64_t value = 0;
    // Let it commit a number of batches (more each attempt), then kill it mid-flight.
    for (int reads = 0; reads < 20 + attempt * 15; ++reads) {
      if (read(fds[0], &value, sizeof value) != sizeof value) break;
      committed = value;
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(fds[0]);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(committed > 0);

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    CHECK(query_text(db, "PRAGMA integrity_check") == "ok");
    const std::int64_t rows = std::stoll(query_text(db, "SELECT count(*) FROM articles"));
    const std::int64_t counted =
        std::stoll(query_text(db, "SELECT value FROM meta WHERE key='articles'"));
    const std::int64_t terms = std::stoll(query_text(db, "SELECT count(*) FROM terms"));
    // No half-applied add: the df of every term is the length of its posting list,
    // and no posting list belongs to a term that is gone.
    CHECK(query_text(db,
                     "SELECT count(*) FROM terms t WHERE df <> "
                     "(SELECT coalesce(sum(size), 0) FROM postings p WHERE p.term = t.id)") == "0");
    CHECK(query_text(db,
                     "SELECT count(*) FROM postings p "
                     "WHERE NOT EXISTS (SELECT 1 FROM terms t WHERE t.id = p.term)") == "0");
    sqlite3_close(db);
    CHECK(rows == counted);
    CHECK(rows >= committed);
    CHECK(terms > 0);

    auto index = open_index(path, OpenMode::write);
    CHECK(index->stats().articles == rows);
    CHECK(!index->query(related_test::topic_corpus()[0], {}).empty());
  }
}
