// The site: its name, the page's canonical url, and the labels a site puts around
// its titles. Internal to src/extract/ (meta_page.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "extract/meta_page.hpp"
#include "text/ascii.hpp"

namespace crbc::extract::meta {
namespace {

// A link home labelled as navigation ("Home", "Go to Home Page »", "Back to the
// homepage") rather than with the site's name.
bool is_navigation_label(std::string_view label) {
  for (const std::string_view arrow :
       {"\u00BB", "\u00AB", "\u203A", "\u2039", "\u2192", "\u2190"}) {
    if (label.find(arrow) != std::string_view::npos) return true;
  }
  const std::string lower = text::ascii_lower(label);
  return lower == "logo" || text::has_token(lower, "home") || text::has_token(lower, "homepage") ||
         lower.starts_with("go to ") || lower.starts_with("back to ");
}

// The host of an absolute address, without "www.": "example.org".
std::string host_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/:?#"));
  if (text::starts_with_ignoring_case(url, "www.")) url.remove_prefix(4);
  return text::ascii_lower(url);
}

std::string host_label(const Page& page) {
  return host_of(page.page_url.empty() ? std::string_view(page.facts.canonical) : page.page_url);
}

}  // namespace

void fill_site(const Page& page, model::Article& article) {
  if (!article.site_name.empty()) return;
  article.site_name = page.meta_value({"og:site_name"});
  if (article.site_name.empty()) article.site_name = page.ld.publisher;
  if (article.site_name.empty()) article.site_name = page.ld.site_name;
  if (article.site_name.empty())
    article.site_name = page.meta_value({"application-name", "apple-mobile-web-app-title"});
  // The name on the first link to the page's own site root ("Home" aside), usually
  // the logo's.
  if (!article.site_name.empty()) return;
  const std::string host = host_label(page);
  for (const HomeLink& link : page.facts.home_links) {
    if (link.href != "/" && (host.empty() || host_of(link.href) != host)) continue;
    if (is_navigation_label(link.name)) continue;
    article.site_name = link.name;
    return;
  }
}

void fill_canonical(const Page& page, model::Article& article) {
  if (!article.canonical_url.empty()) return;
  std::string url = page.facts.canonical;
  if (url.empty()) url = page.meta_value({"og:url"});
  if (url.empty()) url = page.ld.url;
  article.canonical_url = page.absolute(url);
}

std::vector<std::string> site_labels(const Page& page, const model::Article& article) {
  std::vector<std::string> labels;
  for (const std::string& label :
       {article.site_name, page.ld.publisher, page.ld.site_name,
        page.meta_value({"application-name"}), page.meta_value({"og:site_name"}), host_label(page),
        article.section}) {
    if (!label.empty()) labels.push_back(label);
  }
  return labels;
}

}  // namespace crbc::extract::meta
