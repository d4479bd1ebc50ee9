// The cron state store: one SQLite file remembering every url fetched, so that
// later runs send conditional requests and can tell new pages from known ones.
//
// Safe for several processes at once (WAL journal, busy timeout, one short
// transaction per page or acknowledgement).
//
// Delivery: a page fetched is not yet a page kept. The stage that stores the
// result (fetch itself when it writes files, else the last stage of the pipeline,
// `--ack-state FILE`) marks each page delivered once its record is written for
// good. A later run skips only delivered pages; one emitted by a run that was
// interrupted before its record reached the end of the pipeline is sent again
// (at-least-once delivery).
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

// Opens (creating when needed) the SQLite file of --state, ready for several
// processes at once (WAL journal, busy timeout). Throws StateError.
sqlite::Database open_state_file(const std::string& path);

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
  std::string delivered_hash;  // content_hash of the version last delivered; empty: none
  std::string delivered_at;    // ISO 8601 UTC; empty: never delivered
};

// What recording a fetch learned, compared with the previous fetch of the url.
enum class Novelty { new_page, changed, unchanged };

// What the store knows of a url's delivery.
enum class Delivery {
  never,          // no version of the page reached the end of a pipeline
  older_version,  // an earlier version did; the current one did not
  current,        // the version last fetched did
};

class StateStore {
 public:
  // Opens (creating when needed) the store at `path`. Throws StateError.
  explicit StateStore(const std::string& path);

  std::optional<PageState> find(const std::string& url);

  // The request for `url`, with the validators a previous run stored when the
  // version they name was delivered (a 304 for an undelivered page would leave
  // nothing to send again).
  FetchRequest conditional_request(const std::string& url);

  // Commits what a successful fetch (2xx or 304) learned; returns whether the
  // page is new, changed or unchanged. Durable once it returns.
  Novelty record(const FetchResult& page);

  Delivery delivery(const std::string& url);

  // Marks the version last fetched of the page delivered. `url` is the url as
  // requested (the store's key) or, for records that lost it, the final url.
  // Unknown urls are ignored. Durable once it returns.
  void mark_delivered(const std::string& url);

 private:
  void create_or_migrate();

  sqlite::Database db_;
};

}  // namespace crbc::fetch
