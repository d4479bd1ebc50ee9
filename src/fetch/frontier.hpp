// The queue of `crbc fetch --crawl`: the pages found and not yet fetched, kept
// in the --state file (table crawl_frontier) so that a run killed, or stopped by
// --max-pages, continues where it stopped. Without --state it lives in memory.
//
//   crawl_frontier(crawl TEXT, url TEXT, depth INTEGER, article INTEGER,
//                  done INTEGER, PRIMARY KEY (crawl, url))
//
// A crawl is named by its start urls, one a line: several crawls share a file.
// A pass ends when nothing of it is queued any more; the next run of the same
// crawl then starts a new pass from the start urls.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sqlite/database.hpp"

namespace crbc::fetch {

struct FrontierEntry {
  std::string url;
  int depth = 0;         // links followed from a start url to reach it
  bool article = false;  // a link to it read as an article link

  bool operator==(const FrontierEntry&) const = default;
};

class CrawlFrontier {
 public:
  // `state_path`: the --state file; empty for a frontier in memory. Throws StateError.
  CrawlFrontier(const std::string& state_path, std::string crawl);

  // Continues the unfinished pass of the crawl, or starts a new one from `seeds`.
  // Returns true when it continues one.
  bool begin(const std::vector<FrontierEntry>& seeds);

  // Up to `count` queued entries, the shallowest first and each depth in the order
  // found, of which at most `articles` are articles (the others wait their turn).
  std::vector<FrontierEntry> next(std::size_t count, std::size_t articles) const;

  // Queues the entries not yet known in this pass, in one transaction; an entry
  // still queued becomes an article when one of `entries` says it is.
  void add(const std::vector<FrontierEntry>& entries);

  // The page was fetched, or given up: it is not handed out again in this pass.
  void done(const std::string& url);

  std::size_t queued() const;

 private:
  void insert(const std::vector<FrontierEntry>& entries);  // inside the caller's transaction

  sqlite::Database db_;
  std::string crawl_;
};

}  // namespace crbc::fetch
