// Link classification, page links and their place, sites, robots.txt sitemaps,
// fetch_until, and --explore's sitemap fallback against a local server.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>

#include "fetch/explore.hpp"
#include "fetch/test_server.hpp"

using namespace crbc::fetch;
using namespace crbc::fetch::testing;

namespace {

constexpr const char* kSite = "news.example";
constexpr const char* kHeadline = "Council approves the budget after a long night";

struct LinkCase {
  std::string url;
  std::string text;
  Link::Place place = Link::Place::content;
  LinkKind kind;
};

std::string kind_name(LinkKind kind) {
  switch (kind) {
    case LinkKind::article:
      return "article";
    case LinkKind::listing:
      return "listing";
    case LinkKind::ignored:
      return "ignored";
  }
  return "?";
}

}  // namespace

TEST_CASE("links are told apart: articles, listings, and what is never fetched",
          "[fetch][explore]") {
  using enum LinkKind;
  const Link::Place nav = Link::Place::navigation;
  const Link::Place sitemap = Link::Place::sitemap;
  const std::vector<LinkCase> cases = {
      // Articles: dates, slugs, ids, .html, headline text, a sitemap listing.
      {.url = "https://news.example/2026/03/04/council-approves-budget/", .kind = article},
      {.url = "https://www.news.example/2026/03/04/council-approves-budget/", .kind = article},
      {.url = "https://news.example/politics/council-approves-the-budget", .kind = article},
      {.url = "https://news.example/news/world-europe-68512345",
       .text = kHeadline,
       .kind = article},
      {.url = "https://news.example/news/world-europe-68512345", .place = sitemap, .kind = article},
      {.url = "https://news.example/story/12345678", .text = kHeadline, .kind = article},
      {.url = "https://news.example/politik/haushalt-2026-03-04.html", .kind = article},
      {.url = "https://news.example/news/20260304/budget", .kind = article},
      {.url = "https://news.example/article?id=987654", .text = kHeadline, .kind = article},
      {.url = "https://news.example/2026/03/budget", .text = "Budget", .kind = article},
      // Listings: sections, archives, tags, authors, pagination, navigation.
      {.url = "https://news.example/", .text = "Home", .kind = listing},
      {.url = "https://news.example/world/", .text = "World", .kind = listing},
      {.url = "https://news.example/world/europe/",
       .text = "Latest news from Europe",
       .kind = listing},
      {.url = "https://news.example/2026/03/04/", .text = "March 4", .kind = listing},
      {.url = "https://news.example/2026/", .kind = listing},
      {.url = "https://news.example/tag/city-council-budget-vote/",
       .text = kHeadline,
       .kind = listing},
      {.url = "https://news.example/tags/budget", .kind = listing},
      {.url = "https://news.example/category/politics/local-news-today", .kind = listing},
      {.url = "https://news.example/topic/climate-change-and-energy", .kind = listing},
      {.url = "https://news.example/author/jane-doe-the-reporter/", .kind = listing},
      {.url = "https://news.example/thema/klima-und-energie-heute", .kind = listing},
      {.url = "https://news.example/autor/max-mustermann-schreibt", .kind = listing},
      {.url = "https://news.example/categorie/politique-locale-du-jour", .kind = listing},
      {.url = "https://news.example/etiqueta/presupuesto-municipal-nuevo", .kind = listing},
      {.url = "https://news.example/page/2/", .text = "Older posts", .kind = listing},
      {.url = "https://news.example/world/page/3", .kind = listing},
      {.url = "https://news.example/world/?page=2", .text = "Next", .kind = listing},
      {.url = "https://news.example/2026/03/04/council-approves-budget/",
       .text = kHeadline,
       .place = nav,
       .kind = listing},
      {.url = "https://news.example/world/", .place = sitemap, .kind = listing},
      // Never fetched: other sites, media, feeds, search, log-in, furniture.
      {.url = "https://other.example/2026/03/04/council-approves-budget/", .kind = ignored},
      {.url = "https://sub.news.example/2026/03/04/council-approves-budget/", .kind = ignored},
      {.url = "https://news.example:8443/2026/03/04/council-approves-budget/", .kind = ignored},
      {.url = "https://news.example/media/2026/03/04/council-budget-photo.jpg", .kind = ignored},
      {.url = "https://news.example/files/annual-budget-report-2026.pdf", .kind = ignored},
      {.url = "https://news.example/feed/", .text = "RSS", .kind = ignored},
      {.url = "https://news.example/rss", .kind = ignored},
      {.url = "https://news.example/2026/03/04/council-approves-budget/feed/", .kind = ignored},
      {.url = "https://news.example/search?q=budget", .text = kHeadline, .kind = ignored},
      {.url = "https://news.example/?s=budget", .kind = ignored},
      {.url = "https://news.example/suche/haushalt", .kind = ignored},
      {.url = "https://news.example/login", .text = "Log in", .kind = ignored},
      {.url = "https://news.example/connexion", .kind = ignored},
      {.url = "https://news.example/about-us/", .kind = ignored},
      {.url = "https://news.example/impressum", .kind = ignored},
      {.url = "https://news.example/terms-of-service", .text = "Terms of service", .kind = ignored},
  };
  for (const LinkCase& example : cases) {
    INFO(example.url << " \"" << example.text << "\"");
    CHECK(kind_name(classify_link({example.url, example.text, example.place}, kSite)) ==
          kind_name(example.kind));
  }
}

TEST_CASE("page links are resolved, and those in navigation are marked so", "[fetch][explore]") {
  const std::string html = R"html(<!DOCTYPE html><html><head><base href="https://news.example/en/">
</head><body>
<header><a href="/">Logo</a></header>
<nav><a href="world/">World</a></nav>
<div class="site-menu"><a href="/sport/">Sport</a></div>
<ul role="navigation"><li><a href="/culture/">Culture</a></li></ul>
<main>
  <article><header><h2><a href="2026/03/04/budget-vote#comments">The
     budget   vote</a></h2></header><footer><a href="/author/jane/">Jane</a></footer></article>
  <a href="#top">Top</a> <a href="javascript:void(0)">Nothing</a> <a href="mailto:a@b.example">Mail</a>
  <a href="https://other.example/x">Other</a>
</main>
<footer><a href="/privacy">Privacy</a></footer>
</body></html>)html";
  const auto links = page_links(html, "https://news.example/en/index.html", "text/html");
  std::vector<std::tuple<std::string, std::string, bool>> found;
  for (const Link& link : links) {
    found.emplace_back(link.url, link.text, link.place == Link::Place::navigation);
  }
  CHECK(found == std::vector<std::tuple<std::string, std::string, bool>>{
                     {"https://news.example/", "Logo", true},
                     {"https://news.example/en/world/", "World", true},
                     {"https://news.example/sport/", "Sport", true},
                     {"https://news.example/culture/", "Culture", true},
                     {"https://news.example/en/2026/03/04/budget-vote", "The budget vote", false},
                     {"https://news.example/author/jane/", "Jane", false},
                     {"https://other.example/x", "Other", false},
                     {"https://news.example/privacy", "Privacy", true},
                 });
}

TEST_CASE("a site is a host without www. and a port other than the default", "[fetch][explore]") {
  using crbc::fetch::site_of;
  CHECK(site_of("https://www.News.example/a") == "news.example");
  CHECK(site_of("http://news.example:80/a") == "news.example");
  CHECK(site_of("https://news.example:443/a") == "news.example");
  CHECK(site_of("http://127.0.0.1:8080/") == "127.0.0.1:8080");
  CHECK(site_of("https://m.news.example/") == "m.news.example");
  CHECK(site_of("not a url").empty());
}

TEST_CASE("robots.txt Sitemap: lines are kept, whatever group they sit in", "[fetch][robots]") {
  const auto rules = crbc::fetch::RobotsRules::parse(
      "Sitemap: https://news.example/sitemap_index.xml\n"
      "User-agent: *\nDisallow: /private/\n"
      "sitemap:https://news.example/news-sitemap.xml\n",
      "crbc");
  CHECK(rules.sitemaps() == std::vector<std::string>{"https://news.example/sitemap_index.xml",
                                                     "https://news.example/news-sitemap.xml"});
  CHECK_FALSE(rules.allowed("/private/x"));
}

TEST_CASE("fetch_until stops fetching once enough pages were taken", "[fetch][explore]") {
  std::atomic<int> served{0};
  TestServer server([&](httplib::Server& s) {
    s.Get(R"(/(\d+))", [&](const httplib::Request& request, httplib::Response& response) {
      ++served;
      response.status = std::stoi(request.matches[1]) % 2 == 0 ? 200 : 404;
      response.set_content("<p>page</p>", "text/html");
    });
  });
  std::vector<crbc::fetch::FetchRequest> requests;
  for (int i = 1; i <= 20; ++i) requests.emplace_back(server.url("/" + std::to_string(i)));
  crbc::fetch::Fetcher fetcher(local_options());
  std::vector<std::string> taken;
  crbc::fetch::fetch_until(fetcher, requests, 3, [&](crbc::fetch::FetchResult&& page) {
    if (!page.ok) return false;
    taken.push_back(page.url);
    return true;
  });
  CHECK(taken.size() == 3);  // 2, 4 and 6: the odd pages are not taken
  CHECK(served == 6);
}

TEST_CASE("explore reads /sitemap.xml when robots.txt declares no sitemap", "[fetch][explore]") {
  std::mutex mutex;
  std::vector<std::string> requested;
  TestServer server([&](httplib::Server& s) {
    s.set_logger([&](const httplib::Request& request, const httplib::Response&) {
      const std::lock_guard lock(mutex);
      requested.push_back(request.path);
    });
    s.Get("/robots.txt", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    });
    s.Get("/", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(
          "<html><body><nav><a href='/world/'>World</a></nav>"
          "<a href='/2026/03/04/first-story-of-the-day/'>The first story of the day</a>"
          "<a href='/private/2026/03/04/hidden-story-of-the-day/'>A hidden story</a></body></html>",
          "text/html");
    });
    s.Get("/sitemap.xml", [](const httplib::Request& request, httplib::Response& response) {
      const std::string base = "http://" + request.get_header_value("Host");
      response.set_content(
          "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>" + base +
              "/2026/03/05/second-story-of-the-day/</loc></url><url><loc>" + base +
              "/world/</loc></url></urlset>",
          "application/xml");
    });
    s.Get(R"(/2026/.*)", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("<p>a story</p>", "text/html");
    });
  });
  auto options = local_options();
  options.robots = true;
  crbc::fetch::Fetcher fetcher(options);
  std::vector<std::string> articles, problems;
  const crbc::fetch::SiteEvents events{
      .delivered = [](const std::string&) { return false; },
      .article =
          [&](crbc::fetch::FetchResult&& page) {
            articles.push_back(page.url);
            return true;
          },
      .error = [&](const std::string& url, const std::string&) { problems.push_back(url); },
      .warning = [&](const std::string& url, const std::string&) { problems.push_back(url); }};
  crbc::fetch::explore_sites(fetcher, {server.url("/")}, {}, events);
  std::sort(articles.begin(), articles.end());  // they come in the order fetched
  CHECK(articles == std::vector<std::string>{server.url("/2026/03/04/first-story-of-the-day/"),
                                             server.url("/2026/03/05/second-story-of-the-day/")});
  CHECK(problems.empty());
  const std::lock_guard lock(mutex);
  CHECK(std::count(requested.begin(), requested.end(), "/sitemap.xml") == 1);
  for (const std::string& path : requested) CHECK_FALSE(path.starts_with("/private/"));
  CHECK(std::count(requested.begin(), requested.end(), "/world/") == 0);
}
