#include "fetch/state.hpp"

#include <sqlite3.h>

#include <chrono>
#include <memory>

namespace crbc::fetch {
namespace {

constexpr int kBusyTimeoutMs = 30'000;

struct StatementDeleter {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

Statement prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    throw StateError(std::string("state store: ") + sqlite3_errmsg(db));
  }
  return Statement(raw);
}

void bind_text(sqlite3_stmt* statement, int index, const std::string& value) {
  if (value.empty()) {
    sqlite3_bind_text(statement, index, "", 0, SQLITE_STATIC);
    return;
  }
  sqlite3_bind_text(statement, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

std::string column(sqlite3_stmt* statement, int index) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, index));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, index)))
              : std::string{};
}

std::string header(const FetchResult& page, const std::string& name) {
  const auto found = page.headers.find(name);
  return found == page.headers.end() ? std::string{} : found->second;
}

}  // namespace

StateStore::StateStore(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StateError("cannot open state store " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    // WAL lets a second run read while the first writes; synchronous=NORMAL in WAL
    // mode survives a killed process (only a power loss can drop the last commits).
    execute("PRAGMA journal_mode=WAL");
    execute("PRAGMA synchronous=NORMAL");
    execute(
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
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

StateStore::~StateStore() {
  sqlite3_close(db_);
}

void StateStore::execute(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw StateError("state store: " + text);
  }
}

std::optional<PageState> StateStore::find(const std::string& url) {
  const Statement statement = prepare(db_,
                                      "SELECT url, final_url, status, etag, last_modified, "
                                      "content_hash, first_seen, last_seen, last_changed"
                                      " FROM pages WHERE url = ?1");
  bind_text(statement.get(), 1, url);
  const int step = sqlite3_step(statement.get());
  if (step == SQLITE_DONE) return std::nullopt;
  if (step != SQLITE_ROW) throw StateError(std::string("state store: ") + sqlite3_errmsg(db_));
  PageState state;
  state.url = column(statement.get(), 0);
  state.final_url = column(statement.get(), 1);
  state.status = sqlite3_column_int64(statement.get(), 2);
  state.etag = column(statement.get(), 3);
  state.last_modified = column(statement.get(), 4);
  state.content_hash = column(statement.get(), 5);
  state.first_seen = column(statement.get(), 6);
  state.last_seen = column(statement.get(), 7);
  state.last_changed = column(statement.get(), 8);
  return state;
}

FetchRequest StateStore::conditional_request(const std::string& url) {
  FetchRequest request;
  request.url = url;
  if (const auto known = find(url)) {
    request.etag = known->etag;
    request.last_modified = known->last_modified;
  }
  return request;
}

Novelty StateStore::record(const FetchResult& page) {
  const std::string now =
      page.fetched_at.empty() ? utc_timestamp(std::chrono::system_clock::now()) : page.fetched_at;
  // IMMEDIATE takes the write lock up front, so the read below and the write
  // that depends on it see the same row even with another run at work.
  execute("BEGIN IMMEDIATE");
  try {
    const std::optional<PageState> known = find(page.url);
    const std::string hash =
        page.not_modified && known ? known->content_hash : content_hash(page.body);
    Novelty novelty = Novelty::new_page;
    if (known)
      novelty =
          page.not_modified || known->content_hash == hash ? Novelty::unchanged : Novelty::changed;
    const Statement statement =
        prepare(db_,
                "INSERT INTO pages (url, final_url, status, etag, last_modified, content_hash, "
                "first_seen, last_seen,"
                " last_changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)"
                " ON CONFLICT(url) DO UPDATE SET final_url = ?2, status = ?3,"
                " etag = CASE WHEN ?8 AND ?4 = '' THEN etag ELSE ?4 END,"
                " last_modified = CASE WHEN ?8 AND ?5 = '' THEN last_modified ELSE ?5 END,"
                " content_hash = ?6, last_seen = ?7,"
                " last_changed = CASE WHEN ?9 THEN ?7 ELSE last_changed END");
    bind_text(statement.get(), 1, page.url);
    bind_text(statement.get(), 2, page.final_url);
    sqlite3_bind_int64(statement.get(), 3, page.status);
    bind_text(statement.get(), 4, header(page, "etag"));
    bind_text(statement.get(), 5, header(page, "last-modified"));
    bind_text(statement.get(), 6, hash);
    bind_text(statement.get(), 7, now);
    // A 304 may omit the validators: keep the ones we had.
    sqlite3_bind_int(statement.get(), 8, page.not_modified ? 1 : 0);
    sqlite3_bind_int(statement.get(), 9, novelty == Novelty::unchanged ? 0 : 1);
    if (sqlite3_step(statement.get()) != SQLITE_DONE) {
      throw StateError(std::string("state store: ") + sqlite3_errmsg(db_));
    }
    execute("COMMIT");
    return novelty;
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace crbc::fetch
