// The cron state store: one SQLite file remembering every url fetched, so that
// later runs send conditional requests and can tell new pages from known ones.
//
// Safe for two processes at once (WAL journal, busy timeout, one short
// transaction per page); a page is committed before the caller reports it, so a
// run killed at any moment never loses a page it already reported.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "fetch/fetch.hpp"
#include "sqlite/database.hpp"

namespace crbc::fetch {

class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PageState {
  std::string url;
  std::string final_url;
  long status = 0;
  std::string etag;
  std::string last_modified;
  std::string content_hash;
  std::string first_seen;  // ISO 8601 UTC
  std::string last_seen;
  std::string last_changed;
};

// What recording a fetch learned.
enum class Novelty { new_page, changed, unchanged };

class StateStore {
 public:
  // Opens (creating when needed) the store at `path`. Throws StateError.
  explicit StateStore(const std::string& path);

  std::optional<PageState> find(const std::string& url);

  // The request for `url` with the validators a previous run stored.
  FetchRequest conditional_request(const std::string& url);

  // Commits what a successful fetch (2xx or 304) learned; returns whether the
  // page is new, changed or unchanged. Durable once it returns.
  Novelty record(const FetchResult& page);

 private:
  sqlite::Database db_;
};

}  // namespace crbc::fetch
