// A small news site without a feed, for --explore and --crawl: a home page with a
// <nav> menu, a page <header> and <footer>, section pages, tag and author pages,
// pagination (/page/2/, ?page=2), 20 articles with dated slugs, robots.txt with a
// Sitemap: line and a disallowed /private/, and a sitemap index listing a news
// sitemap and a plain one.
//
// Where each article is linked from, and so how deep a crawl from the home page
// finds it:
//   1-4    the home page (depth 1); 3 and 4 also from /page/2/
//   5-14   the sections /world/, /politics/, /sport/ (depth 2); 20 from article 1
//   15-16  /world/page/2/ only (depth 3)
//   17-18  the sitemaps only
//   19     the home page, under /private/, which robots.txt disallows
// The sitemaps list 1, 5, 17 and 18, besides section, tag and author pages.
// Article-like pages linked only from the menu or the footer are not articles.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace crbc::fetch::testing {

inline std::string news_article_path(int number) {
  const std::string day = (number < 10 ? "0" : "") + std::to_string(number);
  const std::string path = "/2026/03/" + day + "/city-news-story-" + std::to_string(number) + "/";
  return number == 19 ? "/private" + path : path;
}

inline std::string news_headline(int number) {
  return "City news story number " + std::to_string(number) + ", told in full";
}

// The article paths of `numbers`.
inline std::set<std::string> news_article_paths(const std::vector<int>& numbers) {
  std::set<std::string> paths;
  for (const int number : numbers) paths.insert(news_article_path(number));
  return paths;
}

// Every path of the site a crawler must never fetch or emit as an article.
inline const std::vector<std::string>& news_site_traps() {
  static const std::vector<std::string> kTraps = {"/private/", "/search",   "/login/",  "/feed/",
                                                  "/media/",   "/privacy/", "/offsite/"};
  return kTraps;
}

namespace news_site_detail {

inline std::string link(const std::string& href, const std::string& text) {
  return "<a href=\"" + href + "\">" + text + "</a>";
}

inline std::string article_link(int number) {
  return "<li><h2>" + link(news_article_path(number), news_headline(number)) + "</h2></li>";
}

// A page with the site's header, menu and footer around `content`.
inline std::string page(const std::string& title, const std::string& content) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body>"
         "<header>" +
         link("/", "Daily Example") + " " + link("/login/", "Log in to your account") +
         "</header>"
         "<nav><ul class=\"menu\"><li>" +
         link("/world/", "World") + "</li><li>" + link("/politics/", "Politics") + "</li><li>" +
         link("/sport/", "Sport") + "</li><li>" +
         link("/2026/02/28/about-our-newsroom-and-values/", "About our newsroom and its values") +
         "</li></ul></nav>"
         "<main><h1>" +
         title + "</h1>" + content +
         "</main>"
         "<footer>" +
         link("/privacy/", "Privacy") + " " +
         link("/2026/01/15/how-we-report-corrections/", "How we report our corrections") +
         "</footer></body></html>";
}

inline std::string listing(const std::string& title, const std::vector<int>& articles,
                           const std::string& more = "") {
  std::string content = "<ul>";
  for (const int number : articles) content += article_link(number);
  return page(title, content + "</ul>" + more);
}

inline std::string article(int number, const std::string& more = "") {
  return page(news_headline(number),
              "<article><header><p>By " + link("/author/jane-doe/", "Jane Doe") + " in " +
                  link("/tag/city-council/", "city council") + "</p></header><p>" +
                  news_headline(number) +
                  ": the council met on Tuesday and agreed to repair the old bridge.</p>" + more +
                  "</article>");
}

inline std::string sitemap_entry(const std::string& base, const std::string& path, bool news) {
  return "<url><loc>" + base + path + "</loc>" +
         (news ? "<news:news><news:publication><news:name>Daily Example</news:name>"
                 "</news:publication><news:title>Story</news:title></news:news>"
               : "") +
         "</url>";
}

}  // namespace news_site_detail

// Path -> content. A path ending in "/" is a folder's index.html. `base` is the
// site's own address ("http://127.0.0.1:8080"), `other_site` the address of
// another site (an off-site link must not be followed).
inline std::map<std::string, std::string> news_site(const std::string& base,
                                                    const std::string& other_site) {
  using namespace news_site_detail;
  std::map<std::string, std::string> site;
  const std::string home_extras =
      "<p>" + link("/tag/city-council/", "city council") + " " +
      link("/author/jane-doe/", "Jane Doe") + " " + link("/?page=2", "Next page") + " " +
      link("/page/2/", "Older stories from the newsroom archive") + " " +
      link("/search?q=bridge", "Search for more stories about the bridge") + " " +
      link("/feed/", "Subscribe to our feed") + " " +
      link("/media/bridge-photo-large.jpg", "Photo") + " " +
      link(other_site + "/offsite/2026/03/30/a-story-on-another-site/",
           "A story on another site, worth reading") +
      "</p>";
  site["/"] = listing("Daily Example", {1, 2, 3, 4, 19}, home_extras);
  site["/page/2/"] = listing("Older stories", {3, 4});
  site["/world/"] =
      listing("World", {5, 6, 7}, "<p>" + link("/world/page/2/", "Older stories") + "</p>");
  site["/world/page/2/"] = listing("World, older stories", {15, 16});
  site["/politics/"] = listing("Politics", {8, 9, 10});
  site["/sport/"] = listing("Sport", {11, 12, 13, 14});
  site["/tag/city-council/"] = listing("Tagged city council", {1, 5});
  site["/author/jane-doe/"] = listing("Stories by Jane Doe", {2, 8});
  site["/2026/02/28/about-our-newsroom-and-values/"] = page("About our newsroom", "<p>Values.</p>");
  site["/2026/01/15/how-we-report-corrections/"] = page("Corrections", "<p>Policy.</p>");
  for (int number = 1; number <= 20; ++number) {
    site[news_article_path(number)] = article(
        number, number == 1
                    ? "<p>Read next: " + link(news_article_path(20), news_headline(20)) + "</p>"
                    : "");
  }
  site["/robots.txt"] =
      "User-agent: *\nDisallow: /private/\n\nSitemap: " + base + "/sitemap_index.xml\n";
  site["/sitemap_index.xml"] =
      "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
      "<sitemap><loc>" +
      base + "/sitemap-news.xml</loc></sitemap><sitemap><loc>" + base +
      "/sitemap-pages.xml</loc></sitemap></sitemapindex>";
  site["/sitemap-news.xml"] =
      "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">" +
      sitemap_entry(base, news_article_path(1), true) +
      sitemap_entry(base, news_article_path(5), true) +
      sitemap_entry(base, news_article_path(17), true) + "</urlset>";
  site["/sitemap-pages.xml"] =
      "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
      sitemap_entry(base, "/world/", false) + sitemap_entry(base, "/tag/city-council/", false) +
      sitemap_entry(base, "/author/jane-doe/", false) +
      sitemap_entry(base, news_article_path(18), false) + "</urlset>";
  return site;
}

}  // namespace crbc::fetch::testing
