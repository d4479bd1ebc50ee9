// The section: declared (JSON-LD, <meta>, microdata, JSON-LD breadcrumbs) or read
// from the page's visible breadcrumb trail. Internal to src/extract/ (meta_page.hpp).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/meta_page.hpp"
#include "extract/meta_text.hpp"
#include "extract/meta_title.hpp"
#include "text/ascii.hpp"

namespace crbc::extract::meta {
namespace {

struct Crumb {
  std::string text;
  std::string_view link;  // empty when the crumb links nowhere (usually the page itself)
};

// A crumb's text without the separators drawn around it ("World ›", "/ Europe").
std::string crumb_text(std::string_view text) {
  using namespace std::string_view_literals;
  static constexpr std::array kSeparators = {" "sv, ">"sv, "/"sv, "|"sv, "\\"sv, ":"sv,
                                             "›"sv, "»"sv, "→"sv, "•"sv, "·"sv,  "\u00a0"sv};
  const auto strip_one = [&text] {
    for (std::string_view separator : kSeparators) {
      if (text.starts_with(separator)) {
        text.remove_prefix(separator.size());
        return true;
      }
      if (text.ends_with(separator)) {
        text.remove_suffix(separator.size());
        return true;
      }
    }
    return false;
  };
  while (strip_one()) {
  }
  return std::string(text);
}

// The crumbs of the page's breadcrumb trail, in order: its microdata items, else its
// list items, else its links. A crumb linking where an earlier one does is a copy
// (the trail drawn again for small screens) and is left out. Empty when the trail is
// too long to be one.
std::vector<Crumb> breadcrumbs(const Page& page) {
  constexpr std::size_t kMaxCrumbs = 10;
  const NodeId trail = page.facts.breadcrumb_trail;
  if (trail == kNoNode) return {};
  std::vector<NodeId> items;
  for (const auto& [itemprop, n] : page.facts.microdata) {
    if (text::has_token(itemprop, "itemlistelement") && page.doc.contains(trail, n))
      items.push_back(n);
  }
  if (items.empty()) {
    for (NodeId li : page.doc.elements_by_tag("li", trail)) {
      const NodeId outer = page.doc.ancestor_with_tag(li, "li");
      if (outer == kNoNode || !page.doc.contains(trail, outer)) items.push_back(li);
    }
  }
  if (items.empty()) items = page.doc.elements_by_tag("a", trail);
  if (items.size() > kMaxCrumbs) return {};
  std::vector<Crumb> crumbs;
  std::unordered_set<std::string_view> links;
  for (NodeId item : items) {
    const auto anchors = page.doc.elements_by_tag("a", item);
    const NodeId anchor = page.doc.tag(item) == "a" ? item : anchors.empty() ? kNoNode : anchors[0];
    const std::string_view link = anchor == kNoNode ? "" : page.doc.attr_or_empty(anchor, "href");
    if (!link.empty() && !links.insert(link).second) continue;
    crumbs.push_back({crumb_text(page.doc.normalized_text(item)), link});
  }
  return crumbs;
}

bool is_home_crumb(std::string_view crumb) {
  const std::string lower = meta::lowercase(crumb);
  for (std::string_view home : {"home", "homepage", "home page", "start", "startseite", "accueil",
                                "inicio", "portada", "início", "главная"}) {
    if (lower == home) return true;
  }
  return false;
}

// What the article is called: its declared titles and its headlines.
std::vector<std::string> article_titles(const Page& page) {
  std::vector<std::string> titles = {page.facts.title_tag, page.meta_value({"og:title"}),
                                     page.ld.headline};
  for (NodeId n : page.facts.headlines) titles.push_back(page.doc.normalized_text(n));
  return titles;
}

// Whether a crumb is the article itself: its headline, whole or cut short ("…").
bool names_article(std::string_view crumb, const std::vector<std::string>& titles) {
  if (crumb.ends_with("…") || crumb.ends_with("...")) return true;
  return std::any_of(titles.begin(), titles.end(), [crumb](const std::string& title) {
    return !title.empty() && meta::title_similarity(crumb, title) >= 0.6;
  });
}

// The last crumb that is a section: not the article itself (its headline, or a last
// crumb that links nowhere), not "Home", not the site.
std::string visible_breadcrumb_section(const Page& page, const model::Article& article) {
  constexpr std::size_t kMaxSectionWords = 6;
  auto crumbs = breadcrumbs(page);
  if (!crumbs.empty() && crumbs.back().link.empty()) crumbs.pop_back();
  const auto labels = site_labels(page, article);
  const auto titles = article_titles(page);
  // Reverse iterators, not std::views::reverse: clang 14 (the fuzzing build) cannot
  // compile libstdc++ 12's views.
  for (auto crumb = crumbs.rbegin(); crumb != crumbs.rend(); ++crumb) {
    const std::string& text = crumb->text;
    if (text.empty() || meta::word_count(text) > kMaxSectionWords) continue;
    if (is_home_crumb(text) || meta::matches_site_label(text, labels)) continue;
    if (names_article(text, titles)) continue;
    return text;
  }
  return {};
}

}  // namespace

void fill_section(const Page& page, model::Article& article) {
  if (!article.section.empty()) return;
  article.section = page.ld.section;
  if (article.section.empty()) article.section = page.meta_value({"article:section", "section"});
  if (article.section.empty()) article.section = page.microdata_first("articlesection");
  // Breadcrumbs: "Home › World › Europe › <this article>": the last level above it.
  if (article.section.empty() && page.ld.breadcrumbs.size() >= 3)
    article.section = page.ld.breadcrumbs[page.ld.breadcrumbs.size() - 2];
  if (article.section.empty()) article.section = visible_breadcrumb_section(page, article);
}

}  // namespace crbc::extract::meta
