// A writer killed in the middle of `index add` must leave a consistent index that
// still holds every article it committed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "related/related.hpp"
#include "sqlite/database.hpp"
#include "support.hpp"

using namespace crbc::related;
using related_test::TempDir;

namespace {

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

    const crbc::sqlite::Database db(path.string(), crbc::sqlite::Database::Access::write, nullptr);
    CHECK(db.query_text("PRAGMA integrity_check") == "ok");
    const std::int64_t rows = db.query_int("SELECT count(*) FROM articles");
    const std::int64_t counted = db.query_int("SELECT value FROM meta WHERE key='articles'");
    const std::int64_t terms = db.query_int("SELECT count(*) FROM terms");
    // No half-applied add: the df of every term is the length of its posting list,
    // and no posting list belongs to a term that is gone.
    CHECK(db.query_int("SELECT count(*) FROM terms t WHERE df <> "
                       "(SELECT coalesce(sum(size), 0) FROM postings p WHERE p.term = t.id)") == 0);
    CHECK(db.query_int("SELECT count(*) FROM postings p "
                       "WHERE NOT EXISTS (SELECT 1 FROM terms t WHERE t.id = p.term)") == 0);
    CHECK(rows == counted);
    CHECK(rows >= committed);
    CHECK(terms > 0);

    auto index = open_index(path, OpenMode::write);
    CHECK(index->stats().articles == rows);
    CHECK(!index->query(related_test::topic_corpus()[0], {}).empty());
  }
}
