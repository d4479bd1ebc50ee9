// --explore and --crawl (explore.hpp).
#include "fetch/explore.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "fetch/detail.hpp"
#include "io/media_type.hpp"

namespace crbc::fetch {
namespace {

// Sitemap problems said one by one; the rest are counted.
constexpr std::size_t kSitemapWarnings = 5;

bool disallowed(const Fetcher& fetcher, const std::string& url) {
  const RobotsRules* rules = fetcher.robots_rules(url);
  return rules != nullptr && !rules->allowed(detail::path_and_query(url));
}

bool is_page(const FetchResult& page) {
  return io::is_page_media_type(page.content_type);
}

// The links of a fetched page by url, in the order first found, each with the
// most interesting kind its links give it.
std::vector<std::pair<std::string, LinkKind>> classified_links(const FetchResult& page) {
  const std::string site = site_of(page.url);
  std::vector<std::pair<std::string, LinkKind>> found;
  std::unordered_map<std::string, std::size_t> index;
  for (Link& link : page_links(page.body, page.final_url, page.content_type)) {
    const LinkKind kind = classify_link(link, site);
    if (kind == LinkKind::ignored) continue;
    const auto [at, added] = index.emplace(link.url, found.size());
    if (added) {
      found.emplace_back(std::move(link.url), kind);
    } else {
      found[at->second].second = std::max(found[at->second].second, kind);
    }
  }
  return found;
}

// The start urls, normalised; the others said on events.error.
std::vector<std::string> start_pages(const std::vector<std::string>& start_urls,
                                     const SiteEvents& events) {
  std::vector<std::string> pages;
  for (const std::string& url : start_urls) {
    std::string normalized = normalize_url(url);
    if (normalized.empty()) {
      events.error(url, "not an absolute http or https url");
    } else if (std::find(pages.begin(), pages.end(), normalized) == pages.end()) {
      pages.push_back(std::move(normalized));
    }
  }
  return pages;
}

// The article urls --explore fetches, in order, without duplicates, without the
// pages delivered before or that robots.txt disallows.
class ArticleList {
 public:
  ArticleList(const Fetcher& fetcher, const SiteEvents& events)
      : fetcher_(fetcher), events_(events) {}

  void consider(const std::string& url) {
    if (!seen_.insert(url).second) return;
    if (disallowed(fetcher_, url) || events_.delivered(url)) return;
    requests_.emplace_back(url);
  }
  std::size_t size() const { return requests_.size(); }
  const std::vector<FetchRequest>& requests() const { return requests_; }

 private:
  const Fetcher& fetcher_;
  const SiteEvents& events_;
  std::unordered_set<std::string> seen_;
  std::vector<FetchRequest> requests_;
};

// The sitemaps the robots.txt of the site of `page` declares, as a run read it.
std::vector<std::string> declared_sitemaps(const Fetcher& fetcher, const std::string& page) {
  std::vector<std::string> sitemaps;
  if (const RobotsRules* rules = fetcher.robots_rules(page)) {
    for (const std::string& sitemap : rules->sitemaps()) {
      if (std::string url = normalize_url(sitemap); !url.empty()) sitemaps.push_back(url);
    }
  }
  return sitemaps;
}

// Adds the article urls of the sitemaps of the start pages' sites to `articles`.
void read_sitemaps(Fetcher& fetcher, const std::vector<std::string>& pages,
                   const SiteOptions& options, const SiteEvents& events, ArticleList& articles) {
  std::unordered_set<std::string> sites_read;
  std::size_t problems = 0;
  for (const std::string& page : pages) {
    const std::string site = site_of(page);
    if (!sites_read.insert(site).second) continue;
    std::vector<std::string> sitemaps = declared_sitemaps(fetcher, page);
    // A guessed /sitemap.xml may well not exist: its failure is no news.
    const std::string guessed = sitemaps.empty() ? resolve_http_url(page, "/sitemap.xml") : "";
    if (!guessed.empty()) sitemaps.push_back(guessed);
    const auto listed = expand_feeds(fetcher, sitemaps, options.sitemaps,
                                     [&](const std::string& url, const std::string& why) {
                                       if (url == guessed) return;
                                       if (++problems <= kSitemapWarnings) events.warning(url, why);
                                     });
    for (const std::string& url : listed) {
      if (classify_link({url, {}, Link::Place::sitemap}, site) == LinkKind::article) {
        articles.consider(url);
      }
    }
  }
  if (problems > kSitemapWarnings) {
    events.warning({}, std::to_string(problems - kSitemapWarnings) +
                           " more sitemaps could not be read or were skipped");
  }
}

// The frontier entries of the links of `page`, `depth` links deep. At the last
// depth only articles: a listing there would be read for links never followed.
std::vector<FrontierEntry> linked_entries(const FetchResult& page, int depth, int max_depth) {
  std::vector<FrontierEntry> entries;
  for (auto& [url, kind] : classified_links(page)) {
    const bool article = kind == LinkKind::article;
    if (article || depth < max_depth) entries.push_back({std::move(url), depth, article});
  }
  return entries;
}

}  // namespace

void explore_sites(Fetcher& fetcher, const std::vector<std::string>& start_urls,
                   const SiteOptions& options, const SiteEvents& events) {
  const std::vector<std::string> pages = start_pages(start_urls, events);
  ArticleList articles(fetcher, events);
  std::vector<FetchRequest> requests(pages.begin(), pages.end());
  fetcher.run(requests, [&](FetchResult&& page) {
    if (!page.ok) return events.error(page.url, page.error);
    if (!is_page(page)) {
      return events.error(page.url, "not an HTML page (Content-Type: " + page.content_type + ")");
    }
    for (const auto& [url, kind] : classified_links(page)) {
      if (kind == LinkKind::article) articles.consider(url);
    }
  });
  if (articles.size() < options.max_pages) read_sitemaps(fetcher, pages, options, events, articles);
  fetch_until(fetcher, articles.requests(), options.max_pages, [&](FetchResult&& page) {
    if (!page.ok) {
      if (!disallowed(fetcher, page.url)) events.warning(page.url, page.error);
      return false;
    }
    return is_page(page) && events.article(std::move(page));
  });
}

void crawl_sites(Fetcher& fetcher, CrawlFrontier& frontier,
                 const std::vector<std::string>& start_urls, const SiteOptions& options,
                 const SiteEvents& events) {
  std::vector<FrontierEntry> seeds;
  for (const std::string& page : start_pages(start_urls, events)) {
    seeds.push_back(
        {page, 0,
         classify_link({page, {}, Link::Place::content}, site_of(page)) == LinkKind::article});
  }
  if (seeds.empty()) return;
  frontier.begin(seeds);
  const std::size_t batch = std::max<std::size_t>(fetcher.options().parallel, 1);
  std::size_t taken = 0;
  while (taken < options.max_pages) {
    const std::vector<FrontierEntry> entries = frontier.next(batch, options.max_pages - taken);
    if (entries.empty()) break;
    std::unordered_map<std::string, FrontierEntry> fetching;
    std::vector<FetchRequest> requests;
    for (const FrontierEntry& entry : entries) {
      if (disallowed(fetcher, entry.url) || (entry.article && events.delivered(entry.url))) {
        frontier.done(entry.url);
      } else {
        fetching.emplace(entry.url, entry);
        requests.emplace_back(entry.url);
      }
    }
    fetcher.run(requests, [&](FetchResult&& page) {
      const auto found = fetching.find(page.url);
      if (found == fetching.end()) return;
      const FrontierEntry& entry = found->second;
      if (!page.ok) {
        if (entry.depth == 0) {
          events.error(page.url, page.error);
        } else if (!disallowed(fetcher, page.url)) {
          events.warning(page.url, page.error);
        }
      } else if (is_page(page)) {
        // Links are queued before the page is taken, and the page is done after:
        // a run killed in between fetches it again, or skips it once delivered.
        if (entry.depth < options.max_depth) {
          frontier.add(linked_entries(page, entry.depth + 1, options.max_depth));
        }
        if (entry.article && events.article(std::move(page))) ++taken;
      } else if (entry.depth == 0) {
        events.error(page.url, "not an HTML page (Content-Type: " + page.content_type + ")");
      }
      frontier.done(entry.url);
    });
  }
}

std::string crawl_name(const std::vector<std::string>& start_urls) {
  std::string name;
  for (const std::string& url : start_urls) {
    const std::string normalized = normalize_url(url);
    name += (normalized.empty() ? url : normalized) + "\n";
  }
  return name;
}

}  // namespace crbc::fetch
