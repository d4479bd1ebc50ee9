#include "fetch/state.hpp"

#include <chrono>
#include <cstdint>

namespace crbc::fetch {
namespace {

constexpr int kBusyTimeoutMs = 30'000;

void throw_state_error(const sqlite::Failure& failure) {
  throw StateError("state store: " + failure.message);
}

std::string header(const FetchResult& page, const std::string& name) {
  const auto found = page.headers.find(name);
  return found == page.headers.end() ? std::string{} : found->second;
}

}  // namespace

sqlite::Database open_state_file(const std::string& path) {
  sqlite::Database db(path, sqlite::Database::Access::write, throw_state_error);
  db.set_busy_timeout(kBusyTimeoutMs);
  // WAL lets a second run read while the first writes; synchronous=NORMAL in WAL
  // mode survives a killed process (only a power loss can drop the last commits).
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  return db;
}

StateStore::StateStore(const std::string& path) : db_(open_state_file(path)) {
  create_or_migrate();
}

// Version 1 added the delivery columns. Rows of a version 0 file were reported
// under the old rule (emitted meant kept): they count as delivered.
void StateStore::create_or_migrate() {
  sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::write);
  db_.exec(
      "CREATE TABLE IF NOT EXISTS pages ("
      " url TEXT PRIMARY KEY,"
      " final_url TEXT NOT NULL DEFAULT '',"
      " status INTEGER NOT NULL DEFAULT 0,"
      " etag TEXT NOT NULL DEFAULT '',"
      " last_modified TEXT NOT NULL DEFAULT '',"
      " content_hash TEXT NOT NULL DEFAULT '',"
      " first_seen TEXT NOT NULL,"
      " last_seen TEXT NOT NULL,"
      " last_changed TEXT NOT NULL)");
  if (db_.query_int(
          "SELECT count(*) FROM pragma_table_info('pages') WHERE name = 'delivered_hash'") == 0) {
    db_.exec(
        "ALTER TABLE pages ADD COLUMN delivered_hash TEXT NOT NULL DEFAULT '';"
        "ALTER TABLE pages ADD COLUMN delivered_at TEXT NOT NULL DEFAULT '';"
        "UPDATE pages SET delivered_hash = content_hash, delivered_at = last_seen;"
        "PRAGMA user_version = 1");
  }
  transaction.commit();
}

std::optional<PageState> StateStore::find(const std::string& url) {
  sqlite::Statement statement = db_.prepare(
      "SELECT url, final_url, status, etag, last_modified, content_hash, first_seen, last_seen,"
      " last_changed, delivered_hash, delivered_at FROM pages WHERE url = ?1");
  statement.bind(1, std::string_view(url));
  if (!statement.step()) return std::nullopt;
  const auto text = [&statement](int column) { return std::string(statement.column_text(column)); };
  PageState state;
  state.url = text(0);
  state.final_url = text(1);
  state.status = static_cast<long>(statement.column_int(2));
  state.etag = text(3);
  state.last_modified = text(4);
  state.content_hash = text(5);
  state.first_seen = text(6);
  state.last_seen = text(7);
  state.last_changed = text(8);
  state.delivered_hash = text(9);
  state.delivered_at = text(10);
  return state;
}

FetchRequest StateStore::conditional_request(const std::string& url) {
  FetchRequest request;
  request.url = url;
  if (const auto known = find(url); known && known->delivered_hash == known->content_hash) {
    request.etag = known->etag;
    request.last_modified = known->last_modified;
  }
  return request;
}

Novelty StateStore::record(const FetchResult& page) {
  const std::string now =
      page.fetched_at.empty() ? utc_timestamp(std::chrono::system_clock::now()) : page.fetched_at;
  // A write transaction takes the lock up front, so the read below and the write
  // that depends on it see the same row even with another run at work.
  sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::write);
  const std::optional<PageState> known = find(page.url);
  const std::string hash =
      page.not_modified && known ? known->content_hash : content_hash(page.body);
  Novelty novelty = Novelty::new_page;
  if (known)
    novelty =
        page.not_modified || known->content_hash == hash ? Novelty::unchanged : Novelty::changed;
  sqlite::Statement statement = db_.prepare(
      "INSERT INTO pages (url, final_url, status, etag, last_modified, content_hash, first_seen,"
      " last_seen, last_changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)"
      " ON CONFLICT(url) DO UPDATE SET final_url = ?2, status = ?3,"
      " etag = CASE WHEN ?8 AND ?4 = '' THEN etag ELSE ?4 END,"
      " last_modified = CASE WHEN ?8 AND ?5 = '' THEN last_modified ELSE ?5 END,"
      " content_hash = ?6, last_seen = ?7,"
      " last_changed = CASE WHEN ?9 THEN ?7 ELSE last_changed END");
  statement.bind(1, std::string_view(page.url))
      .bind(2, std::string_view(page.final_url))
      .bind(3, std::int64_t{page.status})
      .bind(4, std::string_view(header(page, "etag")))
      .bind(5, std::string_view(header(page, "last-modified")))
      .bind(6, std::string_view(hash))
      .bind(7, std::string_view(now))
      // A 304 may omit the validators: keep the ones we had.
      .bind(8, std::int64_t{page.not_modified ? 1 : 0})
      .bind(9, std::int64_t{novelty == Novelty::unchanged ? 0 : 1})
      .run();
  transaction.commit();
  return novelty;
}

Delivery StateStore::delivery(const std::string& url) {
  const std::optional<PageState> known = find(url);
  if (!known || known->delivered_hash.empty()) return Delivery::never;
  return known->delivered_hash == known->content_hash ? Delivery::current : Delivery::older_version;
}

void StateStore::mark_delivered(const std::string& url) {
  db_.prepare(
         "UPDATE pages SET delivered_hash = content_hash, delivered_at = ?2"
         " WHERE url = ?1 OR (final_url = ?1 AND NOT EXISTS (SELECT 1 FROM pages WHERE url = ?1))")
      .bind(1, std::string_view(url))
      .bind(2, std::string_view(utc_timestamp(std::chrono::system_clock::now())))
      .run();
}

}  // namespace crbc::fetch
