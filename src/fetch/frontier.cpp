#include "fetch/frontier.hpp"

#include <cstdint>

#include "fetch/state.hpp"

namespace crbc::fetch {

CrawlFrontier::CrawlFrontier(const std::string& state_path, std::string crawl)
    : db_(open_state_file(state_path.empty() ? ":memory:" : state_path)), crawl_(std::move(crawl)) {
  db_.exec(
      "CREATE TABLE IF NOT EXISTS crawl_frontier ("
      " crawl TEXT NOT NULL,"
      " url TEXT NOT NULL,"
      " depth INTEGER NOT NULL,"
      " article INTEGER NOT NULL DEFAULT 0,"
      " done INTEGER NOT NULL DEFAULT 0,"
      " PRIMARY KEY (crawl, url));"
      "CREATE INDEX IF NOT EXISTS crawl_frontier_queue ON crawl_frontier (crawl, done, depth)");
}

bool CrawlFrontier::begin(const std::vector<FrontierEntry>& seeds) {
  sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::write);
  if (queued() > 0) return true;
  db_.prepare("DELETE FROM crawl_frontier WHERE crawl = ?1")
      .bind(1, std::string_view(crawl_))
      .run();
  insert(seeds);
  transaction.commit();
  return false;
}

std::vector<FrontierEntry> CrawlFrontier::next(std::size_t count, std::size_t articles) const {
  sqlite::Statement statement = db_.prepare(
      "SELECT url, depth, article FROM crawl_frontier WHERE crawl = ?1 AND done = 0"
      " ORDER BY depth, rowid");
  statement.bind(1, std::string_view(crawl_));
  std::vector<FrontierEntry> entries;
  while (entries.size() < count && statement.step()) {
    FrontierEntry entry{std::string(statement.column_text(0)),
                        static_cast<int>(statement.column_int(1)), statement.column_int(2) != 0};
    if (entry.article) {
      if (articles == 0) continue;
      --articles;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

void CrawlFrontier::add(const std::vector<FrontierEntry>& entries) {
  sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::write);
  insert(entries);
  transaction.commit();
}

void CrawlFrontier::insert(const std::vector<FrontierEntry>& entries) {
  sqlite::Statement statement = db_.prepare(
      "INSERT INTO crawl_frontier (crawl, url, depth, article) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT(crawl, url) DO UPDATE SET article = 1 WHERE ?4 AND done = 0");
  for (const FrontierEntry& entry : entries) {
    statement.bind(1, std::string_view(crawl_))
        .bind(2, std::string_view(entry.url))
        .bind(3, std::int64_t{entry.depth})
        .bind(4, std::int64_t{entry.article ? 1 : 0})
        .run();
  }
}

void CrawlFrontier::done(const std::string& url) {
  db_.prepare("UPDATE crawl_frontier SET done = 1 WHERE crawl = ?1 AND url = ?2")
      .bind(1, std::string_view(crawl_))
      .bind(2, std::string_view(url))
      .run();
}

std::size_t CrawlFrontier::queued() const {
  sqlite::Statement statement =
      db_.prepare("SELECT count(*) FROM crawl_frontier WHERE crawl = ?1 AND done = 0");
  statement.bind(1, std::string_view(crawl_));
  statement.step();
  return static_cast<std::size_t>(statement.column_int(0));
}

}  // namespace crbc::fetch
