// Downloading article pages: a batch fetcher over libcurl's multi interface,
// polite (per-host delay and concurrency, robots.txt) and defensive (size limits,
// only http/https, private addresses refused), with retries and conditional
// requests for cron runs.
//
//   crbc::fetch::Fetcher fetcher(options);
//   fetcher.run(requests, [](crbc::fetch::FetchResult&& page) { ... });
//
// Pages are handed to the callback in completion order, one at a time, on the
// calling thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/base64.hpp"
#include "model/fetch_info.hpp"

namespace crbc::fetch {

using Milliseconds = std::chrono::milliseconds;

std::string default_user_agent();  // "crbc/<version> (+https://...)"

struct FetchOptions {
  std::string user_agent = default_user_agent();
  std::size_t parallel = 8;        // transfers at once (-j)
  std::size_t per_host = 2;        // transfers at once to one host
  Milliseconds per_host_delay{0};  // between two request starts on one host (--delay)
  Milliseconds timeout{60'000};    // whole transfer, redirects included
  Milliseconds connect_timeout{10'000};
  // A transfer slower than low_speed_bytes per second for low_speed_time is aborted.
  long low_speed_bytes = 64;
  Milliseconds low_speed_time{30'000};
  int retries = 2;  // extra attempts after a network error, 429 or 5xx
  Milliseconds backoff_base{500};
  Milliseconds backoff_max{30'000};
  // Retry-After longer than this: the url fails instead of waiting.
  Milliseconds retry_after_max{120'000};
  std::size_t max_size = std::size_t{32} << 20;  // body bytes after decompression
  long max_redirects = 10;
  bool robots = true;             // honour robots.txt
  bool allow_private = false;     // connect to loopback, private and link-local addresses
  bool env_proxy = true;          // honour http_proxy and friends
  bool keep_raw_headers = false;  // fill FetchResult::request_head/response_head (WARC)
};

// One url to fetch, with what a previous run learned about it.
struct FetchRequest {
  FetchRequest() = default;
  // Implicit, so that a url alone is a request: fetcher.fetch_one({url}).
  FetchRequest(std::string url_, std::string etag_ = {}, std::string last_modified_ = {})
      : url(std::move(url_)), etag(std::move(etag_)), last_modified(std::move(last_modified_)) {}

  std::string url;
  std::string etag;           // sent as If-None-Match
  std::string last_modified;  // sent as If-Modified-Since
};

struct FetchResult {
  std::string url;            // as requested
  std::string final_url;      // after redirects
  long status = 0;            // HTTP status of the last response, 0 when none
  bool ok = false;            // a 2xx body within the limits, or a 304
  bool not_modified = false;  // 304 to a conditional request
  std::string error;          // why it failed, empty when ok
  int attempts = 0;
  std::string fetched_at;  // ISO 8601 UTC
  std::string content_type;
  std::string charset;  // from the Content-Type header, lower case; empty when absent
  // Selected response headers, names in lower case.
  std::map<std::string, std::string> headers;
  std::string body;
  // Exactly as sent and received (last hop), when keep_raw_headers is set.
  std::string request_head;
  std::string response_head;
  std::string http_version;  // "1.1", "2"
};

using PageCallback = std::function<void(FetchResult&&)>;

class RobotsRules;

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches every request (robots.txt first, per host, when enabled) and calls
  // on_page once per request. The robots.txt cache lives as long as the Fetcher.
  void run(const std::vector<FetchRequest>& requests, const PageCallback& on_page);

  FetchResult fetch_one(const FetchRequest& request);

  // The robots.txt rules of the url's host, as read so far by this Fetcher;
  // nullptr when they were not (no request to the host yet, or robots.txt not
  // honoured). Valid until the next run starts.
  const RobotsRules* robots_rules(std::string_view url) const;

  const FetchOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Fetches `requests` in order, a batch at a time, until `wanted` pages were taken
// (on_page returns whether it took the page); the requests after that are not
// fetched. With no bound, all of them go in one batch.
void fetch_until(Fetcher& fetcher, const std::vector<FetchRequest>& requests, std::size_t wanted,
                 const std::function<bool(FetchResult&&)>& on_page);

// --- Urls -------------------------------------------------------------------

// The url normalised by libcurl when it is an absolute http(s) url, else empty.
std::string normalize_url(std::string_view url);
// `reference` (a feed's <link>, an href) resolved against `base` by
// extract::resolve_url, then normalised; empty when it is blank or the result is
// not http(s).
std::string resolve_http_url(std::string_view base, std::string_view reference);
// "scheme://host:port" of an http(s) url, empty when it does not parse.
std::string origin_of(std::string_view url);
// The site an http(s) url belongs to, for --explore and --crawl: its host without
// a leading "www.", with its port when that is not the scheme's default
// ("example.org", "127.0.0.1:8080"); empty when it does not parse. The Public
// Suffix List is not used: news.example.org and example.org are two sites.
std::string site_of(std::string_view url);

// Loopback, private (RFC 1918, ULA), link-local, unspecified, CGNAT or multicast.
bool is_private_address(std::string_view numeric_address);

// --- Feeds and sitemaps -----------------------------------------------------

enum class FeedKind { unknown, rss, atom, sitemap, sitemap_index, html };

struct FeedLinks {
  FeedKind kind = FeedKind::unknown;
  std::vector<std::string> pages;  // article urls, absolute
  std::vector<std::string> feeds;  // nested sitemaps, or feeds a home page links to
  std::string error;               // malformed XML: what and where
};

// Reads an RSS 2.0/1.0, Atom, sitemap, sitemap index or news sitemap document
// (gzip-compressed sitemaps too), or an HTML page's <link rel="alternate"> feeds.
// Relative urls are resolved against base_url; only http(s) urls are kept.
FeedLinks parse_feed(std::string_view document, std::string_view base_url,
                     std::string_view content_type = {});

// Feed urls announced by an HTML page (<link rel="alternate" type="application/rss+xml">).
std::vector<std::string> discover_feeds(std::string_view html, std::string_view base_url);

struct ExpandOptions {
  int max_depth = 3;  // sitemap index -> sitemap -> ...; home page -> feed counts as one
  std::size_t max_documents = 200;  // feeds and sitemaps fetched in all
  std::size_t max_pages = 100'000;  // article urls returned
};

// Fetches each feed (or home page, or sitemap) and returns the article urls they
// list, in document order, without duplicates. Failures go to on_error (url, message).
std::vector<std::string> expand_feeds(
    Fetcher& fetcher, const std::vector<std::string>& feed_urls, const ExpandOptions& options,
    const std::function<void(const std::string&, const std::string&)>& on_error);

// --- robots.txt --------------------------------------------------------------

// The rules of one robots.txt for one user agent (RFC 9309): the most specific
// matching group (or "*"), longest match wins, Allow wins ties, `*` and `$` patterns.
class RobotsRules {
 public:
  static RobotsRules parse(std::string_view robots_txt, std::string_view user_agent);
  static RobotsRules allow_all();
  static RobotsRules disallow_all();

  // path_and_query: "/a/b?c=d".
  bool allowed(std::string_view path_and_query) const;
  std::optional<Milliseconds> crawl_delay() const { return crawl_delay_; }
  // The Sitemap: lines, as written (they belong to no group).
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  struct Rule {
    std::string pattern;
    bool allow = false;
  };

 private:
  std::vector<Rule> rules_;
  std::optional<Milliseconds> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

// The product token robots.txt groups are matched against ("crbc" for "crbc/0.1 (+...)").
std::string robots_token(std::string_view user_agent);

// --- Records -----------------------------------------------------------------

// The "fetch" object of an article record: url (as requested, the --state key),
// final_url, status, headers, fetched_at, charset, not_modified when true.
model::FetchInfo fetch_metadata(const FetchResult& page);
// One NDJSON fetch record: {"url", "fetch": {...}, "html" or "html_base64"}.
nlohmann::json fetch_record(const FetchResult& page);

using io::base64_decode;
using io::base64_encode;

// Hex SHA-256 of the body: the state store's content hash.
std::string content_hash(std::string_view bytes);

// A file name for a page in --output-dir: host and path made safe, plus a short
// hash of the url so two urls never share a name ("example.com_news_a1b2c3d4.html").
std::string output_file_name(std::string_view url);

// Writes to a temporary file in the same directory, then renames it over `path`
// (io::AtomicFile). Throws io::OutputError.
void write_file_atomically(const std::string& path, std::string_view bytes);

// ISO 8601 UTC time with seconds ("2026-11-27T22:15:03Z").
std::string utc_timestamp(std::chrono::system_clock::time_point when);

}  // namespace crbc::fetch
