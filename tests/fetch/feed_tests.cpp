// Feeds, sitemaps and discovery: parsed alone, and expanded against a local server.
#include <catch2/catch.hpp>

#include "fetch/fetch.hpp"
#include "fetch/test_server.hpp"
#include "io/gzip.hpp"

using namespace crbc::fetch;
using namespace crbc::fetch::testing;

namespace {

const std::string kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <title>News</title><link>https://news.example/</link>
  <atom:link href="https://news.example/rss.xml" rel="self"/>
  <item><title>One</title><link>https://news.example/one</link><guid>https://news.example/?p=1</guid></item>
  <item><title>Two</title><link> /two?x=1&amp;y=2 </link></item>
  <item><title>Three</title><guid isPermaLink="true">https://news.example/three</guid></item>
  <item><title>Four</title><guid isPermaLink="false">tag:4</guid></item>
  <item><title>Bad</title><link>javascript:alert(1)</link></item>
</channel></rss>)";

const std::string kAtom = R"(<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
  <link href="https://blog.example/" rel="alternate"/>
  <entry><title>A</title><link rel="alternate" type="text/html" href="https://blog.example/a"/>
    <link rel="replies" href="https://blog.example/a/comments"/></entry>
  <entry><title>B</title><link href="b.html"/></entry>
</feed>)";

const std::string kSitemap = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>https://site.example/2026/a</loc><xhtml:link rel="alternate" hreflang="fr" href="https://site.example/fr/a"/></url>
  <url><loc>https://site.example/2026/b</loc>
    <news:news><news:publication><news:name>Site</news:name></news:publication><news:title>B</news:title></news:news></url>
</urlset>)";

}  // namespace

TEST_CASE("RSS items give their links, or permalink guids", "[fetch][feeds]") {
  const auto links = parse_feed(kRss, "https://news.example/rss.xml");
  CHECK(links.kind == FeedKind::rss);
  CHECK(links.error.empty());
  CHECK(links.pages == std::vector<std::string>{"https://news.example/one",
                                                "https://news.example/two?x=1&y=2",
                                                "https://news.example/three"});
}

TEST_CASE("Atom entries give their alternate links, resolved", "[fetch][feeds]") {
  const auto links = parse_feed(kAtom, "https://blog.example/feed/atom");
  CHECK(links.kind == FeedKind::atom);
  CHECK(links.pages ==
        std::vector<std::string>{"https://blog.example/a", "https://blog.example/feed/b.html"});
}

TEST_CASE("sitemaps, news sitemaps and gzip-compressed sitemaps give their locs",
          "[fetch][feeds]") {
  const auto links = parse_feed(kSitemap, "https://site.example/sitemap.xml");
  CHECK(links.kind == FeedKind::sitemap);
  CHECK(links.pages ==
        std::vector<std::string>{"https://site.example/2026/a", "https://site.example/2026/b"});
  const auto compressed =
      parse_feed(crbc::io::gzip_compress(kSitemap), "https://site.example/sitemap.xml.gz");
  CHECK(compressed.pages == links.pages);
}

TEST_CASE("malformed and hostile feeds are refused with a position", "[fetch][feeds]") {
  const auto truncated =
      parse_feed("<rss><channel><item><link>https://x.example/a</link>", "https://x.example/");
  CHECK_FALSE(truncated.error.empty());
  CHECK_THAT(truncated.error, Catch::Contains("line 1"));
  const auto laughs = parse_feed(R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><link>&b;</link></item></channel></rss>)",
                                 "https://x.example/");
  CHECK_THAT(laughs.error, Catch::Contains("entity"));
  CHECK(laughs.pages.empty());
  const auto not_feed = parse_feed("<svg><g/></svg>", "https://x.example/");
  CHECK_THAT(not_feed.error, Catch::Contains("not an RSS"));
  std::string deep;
  for (int i = 0; i < 100'000; ++i) deep += "<a>";
  CHECK_FALSE(parse_feed("<rss>" + deep, "https://x.example/").error.empty());
}

TEST_CASE("an HTML home page announces its feeds", "[fetch][feeds]") {
  const std::string html = R"(<!DOCTYPE html><html><head>
    <link rel="stylesheet" href="/style.css">
    <LINK REL="alternate" TYPE="application/rss+xml" title="RSS" href="/feed.xml">
    <link rel='alternate' type='application/atom+xml' href='https://other.example/atom?a=1&amp;b=2'>
    <link rel="alternate" type="application/rss+xml" href="/q?s=&amp;lt;b&amp;gt;">
    <link rel="alternate" hreflang="fr" href="/fr/">
    </head><body></body></html>)";
  CHECK(crbc::fetch::discover_feeds(html, "https://home.example/section/") ==
        std::vector<std::string>{"https://home.example/feed.xml",
                                 "https://other.example/atom?a=1&b=2",
                                 // decoded once: the page's "&amp;lt;" stands for "&lt;"
                                 "https://home.example/q?s=&lt;b&gt;"});
  const auto links = parse_feed(html, "https://home.example/", "text/html; charset=utf-8");
  CHECK(links.kind == FeedKind::html);
  CHECK(links.feeds.size() == 3);
}

TEST_CASE("feeds, sitemaps, sitemap indexes and home pages expand to article urls",
          "[fetch][feeds]") {
  std::string base;
  TestServer server([&](httplib::Server& s) {
    s.Get("/", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content(
          R"(<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>)",
          "text/html");
    });
    s.Get("/rss.xml", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content("<rss><channel><item><link>" + base +
                               "/a</link></item><item><link>/b</link></item></channel></rss>",
                           "application/rss+xml");
    });
    s.Get("/atom.xml", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content(
          R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/c"/></entry></feed>)",
          "application/atom+xml");
    });
    s.Get("/sitemap-index.xml", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content("<sitemapindex><sitemap><loc>" + base +
                               "/sitemap.xml</loc></sitemap><sitemap><loc>" + base +
                               "/news.xml.gz</loc></sitemap><sitemap><loc>" + base +
                               "/sitemap-index.xml</loc></sitemap></sitemapindex>",
                           "application/xml");
    });
    s.Get("/sitemap.xml", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content("<urlset><url><loc>" + base + "/d</loc></url><url><loc>" + base +
                               "/a</loc></url></urlset>",
                           "application/xml");
    });
    s.Get("/news.xml.gz", [&](const httplib::Request&, httplib::Response& response) {
      response.set_content(
          crbc::io::gzip_compress("<urlset><url><loc>" + base + "/e</loc></url></urlset>"),
          "application/x-gzip");
    });
    s.Get("/broken.xml", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("<rss><channel><item>", "application/xml");
    });
  });
  base = server.url("");
  Fetcher fetcher(local_options());
  std::vector<std::string> errors;
  auto on_error = [&](const std::string& url, const std::string& message) {
    errors.push_back(url + ": " + message);
  };
  using Urls = std::vector<std::string>;

  CHECK(expand_feeds(fetcher, {server.url("/")}, {}, on_error) == Urls{base + "/a", base + "/b"});
  CHECK(expand_feeds(fetcher, {server.url("/atom.xml")}, {}, on_error) == Urls{base + "/c"});
  CHECK(errors.empty());
  auto pages = expand_feeds(fetcher, {server.url("/sitemap-index.xml")}, {}, on_error);
  std::sort(pages.begin(), pages.end());
  CHECK(pages == Urls{base + "/a", base + "/d", base + "/e"});
  CHECK(errors.empty());  // the index listing itself is not fetched twice

  const auto none =
      expand_feeds(fetcher, {server.url("/broken.xml"), server.url("/nothing")}, {}, on_error);
  CHECK(none.empty());
  REQUIRE(errors.size() == 2);

  errors.clear();
  crbc::fetch::ExpandOptions shallow;
  shallow.max_depth = 0;
  CHECK(expand_feeds(fetcher, {server.url("/sitemap-index.xml")}, shallow, on_error).empty());
  CHECK(errors.size() == 2);  // both nested sitemaps skipped, each said so
}

TEST_CASE("robots.txt rules: groups, longest match, wildcards", "[fetch][robots]") {
  const std::string robots = R"(# comment
User-agent: otherbot
Disallow: /

User-agent: CRBC
User-agent: somebot
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search*q=
Crawl-delay: 2

User-agent: *
Disallow: /everything-for-others
)";
  const auto rules = crbc::fetch::RobotsRules::parse(robots, "crbc/0.1 (+https://example.org)");
  CHECK(rules.allowed("/"));
  CHECK(rules.allowed("/everything-for-others"));  // our own group replaces "*"
  CHECK_FALSE(rules.allowed("/private/x"));
  CHECK(rules.allowed("/private/open/x"));
  CHECK_FALSE(rules.allowed("/files/a.pdf"));
  CHECK(rules.allowed("/files/a.pdf?download=1"));
  CHECK_FALSE(rules.allowed("/search/results?q=x"));
  CHECK(rules.allowed("/robots.txt"));
  CHECK(rules.crawl_delay() == std::chrono::milliseconds(2000));

  const auto others = crbc::fetch::RobotsRules::parse(robots, "mybot/2");
  CHECK_FALSE(others.allowed("/everything-for-others/x"));
  CHECK(others.allowed("/private/x"));
  const auto empty_group = crbc::fetch::RobotsRules::parse(
      "User-agent: crbc\nDisallow:\n\nUser-agent: *\nDisallow: /\n", "crbc");
  CHECK(empty_group.allowed("/anything"));

  std::string pathological = "User-agent: *\nDisallow: /";
  for (int i = 0; i < 1000; ++i) pathological += "*a";
  pathological += "b\n";
  CHECK(
      crbc::fetch::RobotsRules::parse(pathological, "crbc").allowed("/" + std::string(5000, 'a')));
}

TEST_CASE("urls are resolved, then normalised by libcurl - private addresses recognised",
          "[fetch]") {
  CHECK(crbc::fetch::normalize_url("HTTP://Example.COM/a#frag") == "http://example.com/a");
  CHECK(crbc::fetch::normalize_url("ftp://example.com/").empty());
  CHECK(crbc::fetch::normalize_url("/relative").empty());
  CHECK(crbc::fetch::resolve_http_url("https://a.example/x/y", "../z?q=1") ==
        "https://a.example/z?q=1");
  CHECK(crbc::fetch::resolve_http_url("https://a.example/", "mailto:me@a.example").empty());
  // Resolved as extract::resolve_url does (RFC 3986), then normalised by libcurl.
  CHECK(crbc::fetch::resolve_http_url("https://a.example/x?q#top", "#s") ==
        "https://a.example/x?q");
  CHECK(crbc::fetch::resolve_http_url("https://a.example/x/", "\\y\\z") == "https://a.example/y/z");
  CHECK(crbc::fetch::resolve_http_url("https://a.example/x/", "b\tc?q=a b") ==
        "https://a.example/x/bc?q=a%20b");
  CHECK(crbc::fetch::resolve_http_url("https://a.example/x", " \n").empty());
  CHECK(crbc::fetch::origin_of("https://a.example/x") == "https://a.example:443");
  for (const char* address :
       {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1",
        "fe80::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1"}) {
    CHECK(crbc::fetch::is_private_address(address));
  }
  for (const char* address : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:2800:220:1::248"}) {
    CHECK_FALSE(crbc::fetch::is_private_address(address));
  }
}
