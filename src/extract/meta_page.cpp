// What one pass over the document collects (meta_page.hpp).
#include "extract/meta_page.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.hpp"
#include "extract/meta_text.hpp"
#include "extract/url.hpp"
#include "text/ascii.hpp"
#include "text/entities.hpp"

namespace crbc::extract::meta {
namespace {

constexpr std::size_t kMaxMetaTags = 4000;
constexpr std::size_t kMaxCandidates = 400;

// A network's sites link each other's roots: room for many of those, and for "/".
bool has_room_for_home_link(const PageFacts& facts, std::string_view href) {
  constexpr std::ptrdiff_t kMostSlashLinks = 8;
  constexpr std::ptrdiff_t kMostAbsoluteLinks = 64;
  const bool slash = href == "/";
  const auto alike =
      std::count_if(facts.home_links.begin(), facts.home_links.end(),
                    [&](const HomeLink& link) { return (link.href == "/") == slash; });
  return alike < (slash ? kMostSlashLinks : kMostAbsoluteLinks);
}

// "/" or an absolute address with nothing after the host ("https://blog.example.org/"):
// which host is the page's own is decided later, when the page's address is known.
bool is_root_link(std::string_view href) {
  if (href == "/") return true;
  const auto scheme = href.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return false;
  const std::string_view rest = href.substr(scheme + 3);
  const auto slash = rest.find('/');
  return !rest.empty() && (slash == std::string_view::npos || slash + 1 == rest.size());
}

// Whether link `a` to a root names the site: any link to "/"; an absolute one (blogs
// write them so) only as the page's title (<h1><a>) or logo (<a><img>), as a page's
// links to a root also switch editions and languages or go to a network's other sites.
bool names_site(const Document& doc, NodeId a, std::string_view href) {
  if (href == "/" || !doc.elements_by_tag("img", a).empty()) return true;
  constexpr int kHeadingLevels = 4;  // <h1><span><a>: the heading is near
  NodeId ancestor = doc.parent(a);
  for (int i = 0; i < kHeadingLevels && ancestor != kNoNode && doc.is_element(ancestor); ++i) {
    const std::string_view tag = doc.tag(ancestor);
    if (tag == "h1" || tag == "h2" || tag == "h3") return true;
    ancestor = doc.parent(ancestor);
  }
  return false;
}

// class or id naming a byline: "byline", "article-author", "author-name", "writer".
bool names_byline(std::string_view class_or_id) {
  const std::string lower = text::ascii_lower(class_or_id);
  for (std::string_view word : {"byline", "author", "writer", "contributor", "reporter"}) {
    if (lower.find(word) == std::string::npos) continue;
    // Boxes about the author (biography, photo, social links) are not the byline.
    for (std::string_view not_byline :
         {"avatar", "image", "img", "photo", "bio", "description", "social", "follow", "more",
          "about", "thumb", "pic", "icon", "twitter", "email", "title"}) {
      if (lower.find(not_byline) != std::string::npos) return false;
    }
    return true;
  }
  return false;
}

// <nav aria-label="Breadcrumb">, <ol class="breadcrumbs">, microdata BreadcrumbList.
bool is_breadcrumb_trail(const Document& doc, NodeId n) {
  if (doc.attr_or_empty(n, "itemtype").find("BreadcrumbList") != std::string_view::npos)
    return true;
  const std::string_view tag = doc.tag(n);
  if (tag != "nav" && tag != "ol" && tag != "ul" && tag != "div") return false;
  for (std::string_view attr : {"aria-label", "class", "id"}) {
    if (text::ascii_lower(doc.attr_or_empty(n, attr)).find("breadcrumb") != std::string::npos)
      return true;
  }
  return false;
}

}  // namespace

bool inside_tag(const Document& doc, NodeId n, std::string_view tag) {
  return doc.ancestor_with_tag(n, tag) != kNoNode;
}

namespace {

void collect_element(const Document& doc, NodeId n, PageFacts& facts) {
  const std::string_view tag = doc.tag(n);
  if (tag == "meta") {
    const auto content = doc.attr(n, "content");
    if (!content || facts.meta.size() >= kMaxMetaTags) return;
    for (std::string_view key_attr : {"name", "property", "itemprop", "http-equiv"}) {
      const auto key = doc.attr(n, key_attr);
      if (!key || key->empty()) continue;
      auto& values = facts.meta[text::ascii_lower(*key)];
      if (values.size() < 50) values.emplace_back(*content);
    }
    return;
  }
  if (tag == "link") {
    const std::string_view rel = doc.attr_or_empty(n, "rel");
    if (text::has_token(rel, "canonical") && facts.canonical.empty())
      facts.canonical = std::string(doc.attr_or_empty(n, "href"));
    if (text::has_token(rel, "image_src") && facts.image_src.empty())
      facts.image_src = std::string(doc.attr_or_empty(n, "href"));
    return;
  }
  if (tag == "script") {
    if (text::ascii_lower(doc.attr_or_empty(n, "type")).find("ld+json") != std::string::npos &&
        facts.json_ld.size() < 50)
      facts.json_ld.push_back(doc.text_content(n));
    return;
  }
  if (tag == "title") {
    if (facts.title_tag.empty() && !inside_tag(doc, n, "svg"))
      facts.title_tag = doc.normalized_text(n);
    return;
  }
  if (const std::string_view href = doc.attr_or_empty(n, "href");
      tag == "a" && is_root_link(href) && has_room_for_home_link(facts, href) &&
      names_site(doc, n, href)) {
    std::string name = meta::collapse_whitespace(doc.normalized_text(n));
    for (NodeId img : doc.elements_by_tag("img", n)) {
      if (!name.empty()) break;
      name = meta::collapse_whitespace(doc.attr_or_empty(img, "alt"));
    }
    if (meta::word_count(name) >= 1 && meta::word_count(name) <= 5)
      facts.home_links.push_back({std::string(href), std::move(name)});
  }
  if (tag == "html" && facts.html_lang.empty()) {
    facts.html_lang = std::string(doc.attr_or_empty(n, "lang"));
    if (facts.html_lang.empty()) facts.html_lang = std::string(doc.attr_or_empty(n, "xml:lang"));
  }
  const std::string itemprop = text::ascii_lower(doc.attr_or_empty(n, "itemprop"));
  if (!itemprop.empty() && facts.microdata.size() < kMaxCandidates)
    facts.microdata.emplace_back(itemprop, n);
  if ((tag == "h1" || text::has_token(itemprop, "headline")) &&
      facts.headlines.size() < kMaxCandidates)
    facts.headlines.push_back(n);
  if (tag == "h2" && facts.h2s.size() < kMaxCandidates) facts.h2s.push_back(n);
  if (tag == "time" && facts.times.size() < kMaxCandidates) facts.times.push_back(n);
  if (facts.breadcrumb_trail == kNoNode && is_breadcrumb_trail(doc, n)) facts.breadcrumb_trail = n;
  const bool byline = text::has_token(doc.attr_or_empty(n, "rel"), "author") ||
                      names_byline(doc.attr_or_empty(n, "class")) ||
                      names_byline(doc.attr_or_empty(n, "id"));
  if (byline && facts.bylines.size() < kMaxCandidates) facts.bylines.push_back(n);
}

// A short text node holding a byline: "By ", "By Jane Doe", "Von …", or a line of
// page details with one ("19.11.2026 | Автор: Ольга Серебрякова | 2 417 views").
bool starts_byline(std::string_view raw) {
  if (raw.size() > 400) return false;
  const std::string collapsed = meta::collapse_whitespace(raw);
  const std::string_view text = collapsed;
  if (text.size() > 200) return false;
  if (text::equals_ignoring_case(text, "by")) return true;
  const std::string lower = meta::lowercase(text);
  for (std::string_view lead : {"by ", "by:", "von ", "par ", "por ", "автор", "written by "}) {
    const auto pos = lower.find(lead);
    if (pos == std::string::npos) continue;
    if (pos == 0) return text.size() <= 120;
    // After a separator of page details: "|", "·", "•", "-".
    std::string_view before = std::string_view(lower).substr(0, pos);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view sep : {"|", "·", "•", "-", "/"}) {
      if (before.size() >= sep.size() && before.substr(before.size() - sep.size()) == sep)
        return true;
    }
  }
  return false;
}

PageFacts collect_facts(const Document& doc) {
  PageFacts facts;
  for (NodeId n = 0; n < doc.size(); ++n) {
    if (doc.is_element(n)) {
      collect_element(doc, n, facts);
    } else if (doc.is_text(n) && starts_byline(doc.text(n)) && doc.parent(n) != kNoNode &&
               facts.bylines.size() < kMaxCandidates) {
      const NodeId parent = doc.parent(n);
      if (doc.is_element(parent) && doc.tag(parent) != "script" && doc.tag(parent) != "title" &&
          (facts.bylines.empty() || facts.bylines.back() != parent))
        facts.bylines.push_back(parent);
    }
  }
  std::sort(facts.bylines.begin(), facts.bylines.end());
  facts.bylines.erase(std::unique(facts.bylines.begin(), facts.bylines.end()), facts.bylines.end());
  return facts;
}

}  // namespace

Page::Page(const Document& document, std::string_view url, std::string_view fetched_at)
    : doc(document),
      page_url(url),
      reference_time(parse_date(fetched_at).value_or("")),
      facts(collect_facts(document)) {
  std::vector<std::string_view> blocks(facts.json_ld.begin(), facts.json_ld.end());
  ld = read_json_ld(blocks);
}

// First non-empty value of the meta tags `keys`, cleaned, or empty.
std::string Page::meta_value(std::initializer_list<std::string_view> keys) const {
  for (auto key : keys) {
    const auto it = facts.meta.find(std::string(key));
    if (it == facts.meta.end()) continue;
    for (const auto& value : it->second) {
      std::string cleaned = meta::collapse_whitespace(text::decode_html_references(value));
      if (!cleaned.empty()) return cleaned;
    }
  }
  return {};
}

std::vector<std::string> Page::meta_values(std::string_view key) const {
  const auto it = facts.meta.find(std::string(key));
  return it == facts.meta.end() ? std::vector<std::string>{} : it->second;
}

std::string Page::base_url() const {
  return page_url.empty() ? facts.canonical : std::string(page_url);
}

std::string Page::absolute(std::string_view url) const {
  if (url.empty()) return {};
  const std::string base = base_url();
  std::string resolved = base.empty() ? std::string(url) : resolve_url(base, url);
  return resolved.empty() ? std::string(url) : resolved;
}

// The value an itemprop element carries (microdata rules: content, datetime, href…).
std::string Page::microdata_value(NodeId n) const {
  for (std::string_view attr : {"content", "datetime"}) {
    if (auto v = doc.attr(n, attr)) return meta::collapse_whitespace(*v);
  }
  const std::string_view tag = doc.tag(n);
  if (tag == "a" || tag == "link") return std::string(doc.attr_or_empty(n, "href"));
  if (tag == "img") return std::string(doc.attr_or_empty(n, "src"));
  return doc.normalized_text(n);
}

std::string Page::microdata_first(std::string_view prop) const {
  for (const auto& [itemprop, n] : facts.microdata) {
    if (!text::has_token(itemprop, prop)) continue;
    if (auto value = microdata_value(n); !value.empty()) return value;
  }
  return {};
}

}  // namespace crbc::extract::meta
