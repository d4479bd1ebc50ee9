// The cron state store: conditional requests, novelty, concurrent and killed runs;
// the crawl frontier kept in the same file.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "fetch/fetch.hpp"
#include "fetch/frontier.hpp"
#include "fetch/state.hpp"
#include "fetch/test_server.hpp"
#include "support/temp_dir.hpp"

using namespace std::chrono_literals;
using namespace crbc::fetch;
using namespace crbc::fetch::testing;
using crbc::testing::TemporaryDirectory;

namespace {

// "ok" for a sound database file.
std::string integrity_of(const std::string& path) {
  const crbc::sqlite::Database db(path, crbc::sqlite::Database::Access::read, nullptr);
  return db.query_text("PRAGMA integrity_check");
}

}  // namespace

TEST_CASE("a conditional request gets a 304 and the page counts as unchanged", "[fetch][state]") {
  std::atomic<int> full_bodies{0};
  TestServer server([&](httplib::Server& s) {
    s.Get("/article", [&](const httplib::Request& request, httplib::Response& response) {
      if (request.get_header_value("If-None-Match") == "\"abc\"") {
        response.status = 304;
        return;
      }
      ++full_bodies;
      response.set_header("ETag", "\"abc\"");
      response.set_header("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT");
      response.set_content("<p>article</p>", "text/html");
    });
  });
  const TemporaryDirectory directory("crbc-fetch");
  StateStore state(directory.file("state.db"));
  Fetcher fetcher(local_options());
  const std::string url = server.url("/article");

  const FetchResult first = fetcher.fetch_one(state.conditional_request(url));
  REQUIRE(first.ok);
  CHECK(state.record(first) == Novelty::new_page);
  const auto known = state.find(url);
  REQUIRE(known);
  CHECK(known->etag == "\"abc\"");
  CHECK(known->last_modified == "Tue, 03 Nov 2026 10:00:00 GMT");

  CHECK(state.conditional_request(url).etag.empty());  // not delivered: fetched in full again
  state.mark_delivered(url);
  const auto request = state.conditional_request(url);
  CHECK(request.etag == "\"abc\"");
  const FetchResult second = fetcher.fetch_one(request);
  CHECK(second.ok);
  CHECK(second.status == 304);
  CHECK(second.not_modified);
  CHECK(state.record(second) == Novelty::unchanged);
  CHECK(full_bodies == 1);
  CHECK(state.find(url)->etag == "\"abc\"");  // a 304 without validators keeps the old ones
}

TEST_CASE("a changed page is told apart from an unchanged one by its content", "[fetch][state]") {
  std::atomic<int> version{1};
  TestServer server([&](httplib::Server& s) {
    s.Get("/news", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content("<p>version " + std::to_string(version.load()) + "</p>", "text/html");
    });
  });
  const TemporaryDirectory directory("crbc-fetch");
  StateStore state(directory.file("state.db"));
  Fetcher fetcher(local_options());
  CHECK(state.record(fetcher.fetch_one({server.url("/news")})) == Novelty::new_page);
  CHECK(state.record(fetcher.fetch_one({server.url("/news")})) == Novelty::unchanged);
  version = 2;
  CHECK(state.record(fetcher.fetch_one({server.url("/news")})) == Novelty::changed);
}

TEST_CASE("a page counts as delivered only once acknowledged, version by version",
          "[fetch][state][delivery]") {
  const TemporaryDirectory directory("crbc-fetch");
  StateStore state(directory.file("state.db"));
  FetchResult page;
  page.url = "https://example.org/a";
  page.final_url = "https://example.org/b";
  page.ok = true;
  page.status = 200;
  page.body = "version 1";
  state.record(page);
  CHECK(state.delivery(page.url) == Delivery::never);
  state.mark_delivered("https://example.org/b");  // a record that kept only the final url
  CHECK(state.delivery(page.url) == Delivery::current);
  page.body = "version 2";
  CHECK(state.record(page) == Novelty::changed);
  CHECK(state.delivery(page.url) == Delivery::older_version);
  state.mark_delivered(page.url);
  CHECK(state.delivery(page.url) == Delivery::current);
  state.mark_delivered("https://example.org/unknown");  // ignored
  CHECK_FALSE(state.find("https://example.org/unknown"));
}

TEST_CASE("a state file of the previous version is migrated: its pages count as delivered",
          "[fetch][state][delivery]") {
  const TemporaryDirectory directory("crbc-fetch");
  const std::string path = directory.file("old.db");
  {
    const crbc::sqlite::Database old(path, crbc::sqlite::Database::Access::write, nullptr);
    old.exec(
        "CREATE TABLE pages (url TEXT PRIMARY KEY, final_url TEXT NOT NULL DEFAULT '',"
        " status INTEGER NOT NULL DEFAULT 0, etag TEXT NOT NULL DEFAULT '',"
        " last_modified TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL DEFAULT '',"
        " first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, last_changed TEXT NOT NULL);"
        "INSERT INTO pages VALUES ('https://example.org/a', 'https://example.org/a', 200,"
        " '\"e1\"', '', 'hash', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z',"
        " '2026-11-01T00:00:00Z')");
  }
  StateStore state(path);
  CHECK(state.delivery("https://example.org/a") == Delivery::current);
  CHECK(state.conditional_request("https://example.org/a").etag == "\"e1\"");
  CHECK(state.find("https://example.org/a")->delivered_at == "2026-11-02T00:00:00Z");
  StateStore reopened(path);  // a migrated file opens again as it is
  CHECK(reopened.delivery("https://example.org/a") == Delivery::current);
  CHECK(integrity_of(path) == "ok");
}

TEST_CASE("two runs writing the same state at once do not corrupt it", "[fetch][state]") {
  const TemporaryDirectory directory("crbc-fetch");
  const std::string path = directory.file("state.db");
  { StateStore create(path); }
  auto writer = [&](int run) {
    StateStore state(path);
    for (int i = 0; i < 100; ++i) {
      FetchResult page;
      page.url = "https://example.org/" + std::to_string(i % 60) +
                 "?run=" + std::to_string(run % 2 == 0 ? 0 : i);
      page.ok = true;
      page.status = 200;
      page.body = "body " + std::to_string(i);
      state.record(page);
    }
  };
  std::thread first(writer, 1);
  std::thread second(writer, 2);
  first.join();
  second.join();
  CHECK(integrity_of(path) == "ok");
}

TEST_CASE("a run killed mid-way loses no reported page and resumes", "[fetch][state]") {
  // The child is forked from a process whose test-server threads are running.
  // glibc's malloc makes that safe; AddressSanitizer's allocator does not (a lock
  // held by a server thread at fork() stays held in the child, which hangs), so
  // the sanitized run leaves this test to the plain one.
  if (std::getenv("CRBC_SANITIZED") != nullptr) return;
  constexpr int kPages = 12;
  TestServer server([](httplib::Server& s) {
    s.Get(R"(/slow/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
      std::this_thread::sleep_for(100ms);
      response.set_content("<p>page " + std::string(request.matches[1]) + "</p>", "text/html");
    });
  });
  const TemporaryDirectory directory("crbc-fetch");
  const std::string path = directory.file("state.db");
  std::vector<crbc::fetch::FetchRequest> requests;
  for (int i = 0; i < kPages; ++i) requests.push_back({server.url("/slow/" + std::to_string(i))});

  int report[2];
  REQUIRE(::pipe(report) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(report[0]);
    StateStore state(path);
    auto options = local_options();
    options.parallel = 2;
    Fetcher fetcher(options);
    fetcher.run(requests, [&](FetchResult&& page) {
      if (!page.ok) return;
      state.record(page);  // committed first, reported after
      const std::string line = page.url + "\n";
      [[maybe_unused]] const auto written = ::write(report[1], line.data(), line.size());
    });
    ::_exit(0);
  }
  ::close(report[1]);
  std::set<std::string> reported;
  std::string pending;
  while (reported.size() < 4) {
    pollfd readable{report[0], POLLIN, 0};
    if (::poll(&readable, 1, 10'000) <= 0) break;
    char buffer[512];
    const ssize_t n = ::read(report[0], buffer, sizeof buffer);
    if (n <= 0) break;
    pending.append(buffer, static_cast<std::size_t>(n));
    for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
      reported.insert(pending.substr(0, end));
      pending.erase(0, end + 1);
    }
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(report[0]);
  REQUIRE(reported.size() >= 4);
  REQUIRE(reported.size() < kPages);
  CHECK(integrity_of(path) == "ok");

  // The resumed run: every reported page is known; --new-only emits exactly the rest.
  StateStore state(path);
  std::set<std::string> known_before;
  for (const auto& request : requests) {
    if (state.find(request.url)) known_before.insert(request.url);
  }
  for (const auto& url : reported) CHECK(known_before.count(url) == 1);
  std::vector<crbc::fetch::FetchRequest> resumed;
  for (const auto& request : requests) resumed.push_back(state.conditional_request(request.url));
  std::set<std::string> new_pages;
  Fetcher(local_options()).run(resumed, [&](FetchResult&& page) {
    REQUIRE(page.ok);
    if (state.record(page) == Novelty::new_page) new_pages.insert(page.url);
  });
  CHECK(new_pages.size() == kPages - known_before.size());
  CHECK(new_pages.size() >= 1);
  for (const auto& url : new_pages) CHECK(reported.count(url) == 0);
  CHECK(integrity_of(path) == "ok");
}

TEST_CASE("the crawl frontier hands out the shallowest pages first, each once a pass",
          "[fetch][frontier]") {
  CrawlFrontier frontier("", "https://a.example/\n");  // in memory
  CHECK_FALSE(frontier.begin({{"https://a.example/", 0, false}}));
  CHECK(frontier.next(10, 10) == std::vector<FrontierEntry>{{"https://a.example/", 0, false}});
  frontier.add({{"https://a.example/world/", 1, false},
                {"https://a.example/2026/03/04/one/", 1, true},
                {"https://a.example/", 1, false}});  // known: stays at depth 0
  frontier.done("https://a.example/");
  frontier.add({{"https://a.example/2026/03/04/two/", 2, true},
                {"https://a.example/world/", 2, true}});  // queued: now an article, still depth 1
  CHECK(frontier.queued() == 3);
  CHECK(frontier.next(10, 10) ==
        std::vector<FrontierEntry>{{"https://a.example/world/", 1, true},
                                   {"https://a.example/2026/03/04/one/", 1, true},
                                   {"https://a.example/2026/03/04/two/", 2, true}});
  // At most one article: the others wait their turn, listings do not.
  frontier.add({{"https://a.example/sport/", 2, false}});
  CHECK(frontier.next(10, 1) == std::vector<FrontierEntry>{{"https://a.example/world/", 1, true},
                                                           {"https://a.example/sport/", 2, false}});
  CHECK(frontier.next(1, 10).size() == 1);
  frontier.done("https://a.example/2026/03/04/one/");
  frontier.add({{"https://a.example/2026/03/04/one/", 2, true}});  // done: not queued again
  CHECK(frontier.queued() == 3);
}

TEST_CASE("the crawl frontier survives in the state file, and a finished pass starts again",
          "[fetch][frontier]") {
  const TemporaryDirectory directory("crbc-fetch");
  const std::string path = directory.file("state.db");
  const std::vector<FrontierEntry> seeds = {{"https://a.example/", 0, false}};
  {
    StateStore state(path);  // the same file holds the pages and the frontier
    CrawlFrontier frontier(path, "a");
    CHECK_FALSE(frontier.begin(seeds));
    frontier.add({{"https://a.example/world/", 1, false}});
    frontier.done("https://a.example/");
    CrawlFrontier other(path, "b");  // another crawl in the same file
    CHECK_FALSE(other.begin({{"https://b.example/", 0, false}}));
  }
  CrawlFrontier frontier(path, "a");
  CHECK(frontier.begin(seeds));  // continues: the seeds are not queued again
  CHECK(frontier.next(10, 10) ==
        std::vector<FrontierEntry>{{"https://a.example/world/", 1, false}});
  frontier.done("https://a.example/world/");
  CHECK_FALSE(frontier.begin(seeds));  // the pass was over: a new one
  CHECK(frontier.next(10, 10) == seeds);
  CHECK(CrawlFrontier(path, "b").begin({}));
  CHECK(integrity_of(path) == "ok");
}
