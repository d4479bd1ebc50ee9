// `crbc fetch --explore` and `--crawl`, the real binary against the small news
// site of fetch/news_site.hpp served by python3 http.server: which articles come
// out, which pages are never requested, and how --state carries a crawl over.
#include <signal.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "cli/local_site.hpp"
#include "cli/run.hpp"
#include "fetch/news_site.hpp"

using namespace crbc::testing;
using crbc::fetch::testing::news_article_path;
using crbc::fetch::testing::news_article_paths;
using crbc::fetch::testing::news_headline;
using crbc::fetch::testing::news_site;
using crbc::fetch::testing::news_site_traps;

namespace {

// The news site written into a folder and served; the off-site link points at the
// same server under another host name (localhost), which is another site.
class NewsSite {
 public:
  NewsSite() : server_(std::make_unique<LocalSite>(folder_.path())) {
    for (const auto& [path, content] :
         news_site(server_->base(), "http://localhost:" + server_->port())) {
      const auto file =
          folder_.path() / (path.substr(1) + (path.ends_with('/') ? "index.html" : ""));
      std::filesystem::create_directories(file.parent_path());
      write_file(file, content);
    }
    const auto offsite = folder_ / "offsite/2026/03/30/a-story-on-another-site";
    std::filesystem::create_directories(offsite);
    write_file(offsite / "index.html", "<html><body><p>another site</p></body></html>");
  }

  std::string home() const { return server_->base() + "/"; }
  std::string url(const std::string& path) const { return server_->base() + path; }
  std::vector<std::string> requested() const { return server_->requested_paths(); }
  std::size_t times_requested(const std::string& path) const {
    const auto paths = requested();
    return static_cast<std::size_t>(std::count(paths.begin(), paths.end(), path));
  }

  // The paths of the pages a run wrote (NDJSON fetch records), in order.
  std::vector<std::string> paths_in(const std::string& records) const {
    std::vector<std::string> paths;
    std::istringstream lines(records);
    for (std::string line; std::getline(lines, line);) {
      const auto record = nlohmann::json::parse(line);
      const std::string url = record.at("url");
      REQUIRE(url.starts_with(server_->base()));
      paths.push_back(url.substr(server_->base().size()));
      // The page itself comes with its url.
      CHECK_THAT(record.at("html").get<std::string>(), Catch::Contains("City news story"));
    }
    return paths;
  }

 private:
  ScratchDir folder_;
  std::unique_ptr<LocalSite> server_;
};

std::string fetch_command(const std::string& arguments) {
  return binary() + " fetch --allow-private " + arguments;
}

std::set<std::string> as_set(const std::vector<std::string>& paths) {
  return {paths.begin(), paths.end()};
}

std::vector<int> range(int first, int last) {
  std::vector<int> numbers;
  for (int n = first; n <= last; ++n) numbers.push_back(n);
  return numbers;
}

// No page the site hides from crawlers, or that is no article page, was requested.
void check_no_trap_requested(const NewsSite& site) {
  for (const std::string& path : site.requested()) {
    INFO(path);
    for (const std::string& trap : news_site_traps()) CHECK_FALSE(path.starts_with(trap));
  }
}

// The 15 articles a crawl from the home page finds two links deep.
std::set<std::string> articles_two_links_deep() {
  auto numbers = range(1, 14);
  numbers.push_back(20);
  return news_article_paths(numbers);
}

}  // namespace

TEST_CASE("fetch --explore writes the article links of the page and of its sitemaps, only them") {
  NewsSite site;
  const auto run_result = run(fetch_command("--explore " + shell_quote(site.home())));
  INFO(run_result.err);
  CHECK(run_result.status == 0);
  const auto paths = site.paths_in(run_result.out);
  CHECK(paths.size() == as_set(paths).size());
  // 1-4 from the home page, then 5, 17, 18 from the sitemaps; 19 is disallowed.
  CHECK(as_set(paths) == news_article_paths({1, 2, 3, 4, 5, 17, 18}));
  CHECK(site.times_requested("/robots.txt") == 1);
  CHECK(site.times_requested("/sitemap-news.xml") == 1);
  for (const std::string listing : {"/tag/city-council/", "/author/jane-doe/", "/page/2/",
                                    "/world/", "/2026/02/28/about-our-newsroom-and-values/"}) {
    CHECK(site.times_requested(listing) == 0);
  }
  check_no_trap_requested(site);
  CHECK_THAT(run_result.err, Catch::Contains("7 pages written"));
}

TEST_CASE(
    "fetch --explore stops at --max-pages, and reads sitemaps only when the page falls short") {
  NewsSite site;
  const auto run_result = run(fetch_command("--max-pages 3 --explore " + shell_quote(site.home())));
  INFO(run_result.err);
  CHECK(run_result.status == 0);
  // Pages come out in completion order, which load can change.
  CHECK(as_set(site.paths_in(run_result.out)) == news_article_paths({1, 2, 3}));
  CHECK(site.times_requested(news_article_path(4)) == 0);
  CHECK(site.times_requested("/sitemap_index.xml") == 0);
}

TEST_CASE("fetch --explore takes several start pages, a section among them") {
  NewsSite site;
  const auto run_result = run(fetch_command("--explore " + shell_quote(site.home()) +
                                            " --explore " + shell_quote(site.url("/world/"))));
  INFO(run_result.err);
  CHECK(run_result.status == 0);
  CHECK(as_set(site.paths_in(run_result.out)) == news_article_paths({1, 2, 3, 4, 5, 6, 7, 17, 18}));
  CHECK(site.times_requested(news_article_path(15)) == 0);  // behind /world/page/2/
}

TEST_CASE("fetch --explore with --state skips the articles an earlier run delivered") {
  NewsSite site;
  ScratchDir scratch;
  const std::string explore =
      fetch_command("--state " + shell_quote((scratch / "fetch.db").string()) + " --explore " +
                    shell_quote(site.home()));
  const auto first = run(explore + " --max-pages 3");
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(as_set(site.paths_in(first.out)) == news_article_paths({1, 2, 3}));
  const auto second = run(explore);
  INFO(second.err);
  CHECK(second.status == 0);
  CHECK(as_set(site.paths_in(second.out)) == news_article_paths({4, 5, 17, 18}));
  CHECK(site.times_requested(news_article_path(1)) == 1);  // not fetched again
  const auto third = run(explore);
  CHECK(third.status == 0);
  CHECK(third.out.empty());
  CHECK_THAT(third.err, Catch::Contains("0 pages written, 7 unchanged or seen before skipped"));
}

TEST_CASE("fetch --crawl finds articles two links deep, not deeper than --max-depth") {
  NewsSite site;
  const auto two = run(fetch_command("--crawl " + shell_quote(site.home())));
  INFO(two.err);
  CHECK(two.status == 0);
  const auto paths = site.paths_in(two.out);
  CHECK(paths.size() == as_set(paths).size());
  CHECK(as_set(paths) == articles_two_links_deep());
  // Listing pages were read, not written; one two links deep, whose links would
  // lead deeper, and what lies three links deep were not fetched.
  CHECK(site.times_requested("/world/") == 1);
  CHECK(site.times_requested("/world/page/2/") == 0);
  CHECK(site.times_requested(news_article_path(15)) == 0);
  CHECK(site.times_requested(news_article_path(17)) == 0);
  check_no_trap_requested(site);

  const auto one = run(fetch_command("--max-depth 1 --crawl " + shell_quote(site.home())));
  CHECK(as_set(site.paths_in(one.out)) == news_article_paths({1, 2, 3, 4}));

  const auto three = run(fetch_command("--max-depth 3 --crawl " + shell_quote(site.home())));
  auto deeper = articles_two_links_deep();
  deeper.merge(news_article_paths({15, 16}));
  CHECK(as_set(site.paths_in(three.out)) == deeper);
  check_no_trap_requested(site);
}

TEST_CASE("fetch --crawl stopped by --max-pages continues from its frontier with --state") {
  NewsSite site;
  ScratchDir scratch;
  const std::string crawl =
      fetch_command("--state " + shell_quote((scratch / "fetch.db").string()) + " --crawl " +
                    shell_quote(site.home()));
  const auto first = run(crawl + " --max-pages 5");
  INFO(first.err);
  REQUIRE(first.status == 0);
  const auto first_paths = site.paths_in(first.out);
  CHECK(first_paths.size() == 5);
  const auto home_fetches = site.times_requested("/");

  const auto second = run(crawl);
  INFO(second.err);
  CHECK(second.status == 0);
  const auto second_paths = site.paths_in(second.out);
  CHECK(second_paths.size() == 10);
  auto all = as_set(first_paths);
  all.merge(as_set(second_paths));
  CHECK(all == articles_two_links_deep());           // the rest, and nothing twice
  CHECK(site.times_requested("/") == home_fetches);  // resumed, not started again

  // The pass is over: the next run starts a new one, and finds nothing new.
  const auto third = run(crawl);
  CHECK(third.status == 0);
  CHECK(third.out.empty());
  CHECK(site.times_requested("/") == home_fetches + 1);
  CHECK(site.times_requested(news_article_path(1)) == 1);
}

TEST_CASE(
    "fetch --crawl killed mid-way resumes with --state without losing or repeating articles") {
  NewsSite site;
  ScratchDir scratch;
  const auto output = scratch / "articles.ndjson";
  const std::string crawl =
      fetch_command("--delay 0.1 --state " + shell_quote((scratch / "fetch.db").string()) +
                    " --crawl " + shell_quote(site.home()));
  REQUIRE(run(crawl + " >" + shell_quote(output.string()) + " 2>/dev/null & echo $! >" +
              shell_quote((scratch / "pid").string()))
              .status == 0);
  const auto lines_written = [&] {
    const std::string text = read_file(output);
    return std::count(text.begin(), text.end(), '\n');
  };
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (lines_written() < 3 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const std::string pid = read_file(scratch / "pid");
  REQUIRE(run("kill -TERM " + pid).status == 0);
  while (run("kill -0 " + pid).status == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto before = site.paths_in(read_file(output));
  REQUIRE(before.size() >= 3);
  REQUIRE(before.size() < articles_two_links_deep().size());

  const auto resumed = run(crawl);
  INFO(resumed.err);
  CHECK(resumed.status == 0);
  const auto after = site.paths_in(resumed.out);
  auto all = as_set(before);
  all.merge(as_set(after));
  CHECK(all == articles_two_links_deep());
  // At least once: only the article between its writing and its acknowledgement
  // when the signal came can come twice.
  CHECK(before.size() + after.size() <= articles_two_links_deep().size() + 1);
}

TEST_CASE(
    "fetch rejects --explore with --feed, --crawl with --explore, --max-depth without --crawl") {
  for (const std::string arguments :
       {"--explore --feed", "--crawl --explore", "--max-depth 2", "--explore --max-pages 0"}) {
    INFO(arguments);
    const auto rejected = run(fetch_command(arguments + " http://127.0.0.1:9/"));
    CHECK(rejected.status == 2);
    CHECK(rejected.out.empty());
    CHECK_FALSE(rejected.err.empty());
  }
}
