// Sites without a feed: the links of a page sorted into articles, listings and
// the rest, and the two ways `crbc fetch` finds a site's articles with them:
//
//   --explore  the article links of the pages given (home or section pages),
//              then of their sites' sitemaps when those are not enough;
//   --crawl    breadth first over the site's links from the pages given, up to
//              a depth, with a frontier that survives the run (frontier.hpp).
//
// Both keep to the site of the page given (site_of), honour robots.txt through
// the Fetcher, skip pages delivered by an earlier run without fetching them, and
// stop once max_pages articles were taken.
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/fetch.hpp"
#include "fetch/frontier.hpp"

namespace crbc::fetch {

// --- Links ---------------------------------------------------------------------

struct Link {
  enum class Place {
    content,     // in the page's content
    navigation,  // in <nav>, the page's <header> or <footer>, or a menu
    sitemap,     // listed in a sitemap
  };
  std::string url;   // absolute http(s), without fragment
  std::string text;  // the anchor's text, white space collapsed
  Place place = Place::content;
};

// The <a href> links of an HTML page (the body as fetched, decoded by its
// charset), in document order, resolved against the page url or its <base href>.
std::vector<Link> page_links(std::string_view body, std::string_view page_url,
                             std::string_view content_type = {});

// In increasing order of interest.
enum class LinkKind {
  ignored,  // never fetched: another site, media files, feeds, search, log-in, site furniture
  listing,  // a page that lists others (home, section, tag, author, pagination, navigation)
  article,  // reads as a link to an article
};

// What a link to `site` (site_of the page it was found on) leads to. An article
// link scores points from its url and text: a date in the path (/2026/03/04/slug),
// a slug of three words or more, a numeric id, an .html ending, a headline-like
// text, a sitemap listing it; a very short path costs some. Tag, category, topic,
// author and archive paths, pagination and navigation links are listings whatever
// they score. Generic words only (English, German, French, Spanish).
LinkKind classify_link(const Link& link, std::string_view site);

// --- Exploring and crawling ---------------------------------------------------

struct SiteOptions {
  std::size_t max_pages = std::numeric_limits<std::size_t>::max();  // articles taken
  int max_depth = 2;  // --crawl: links followed from a start page
  // --explore: the sitemaps read (a sitemap index counts one level).
  ExpandOptions sitemaps{.max_depth = 2, .max_documents = 20};
};

// How the command takes what exploring and crawling find.
struct SiteEvents {
  // True when a page of `url` was delivered by an earlier run: it is not fetched.
  std::function<bool(const std::string& url)> delivered;
  // An article page fetched (2xx, a page's content type); true when it was taken
  // (it counts toward max_pages).
  std::function<bool(FetchResult&& page)> article;
  // A start page that failed: the run fails.
  std::function<void(const std::string& url, const std::string& message)> error;
  // A page found on the way, or a sitemap, that failed: the run goes on.
  std::function<void(const std::string& url, const std::string& message)> warning;
};

// --explore: reads the start pages, then, when their article links are fewer than
// max_pages, the sitemaps their sites' robots.txt declare (else /sitemap.xml), and
// fetches the articles found, in that order, until max_pages were taken.
void explore_sites(Fetcher& fetcher, const std::vector<std::string>& start_urls,
                   const SiteOptions& options, const SiteEvents& events);

// --crawl: continues the frontier's pass, or starts one from the start pages, and
// fetches its pages breadth first until max_pages articles were taken or nothing
// is queued. The links of pages less than max_depth links deep are queued, only
// the article links at the last depth.
void crawl_sites(Fetcher& fetcher, CrawlFrontier& frontier,
                 const std::vector<std::string>& start_urls, const SiteOptions& options,
                 const SiteEvents& events);

// The frontier name of a crawl from `start_urls`: they, one a line.
std::string crawl_name(const std::vector<std::string>& start_urls);

}  // namespace crbc::fetch
