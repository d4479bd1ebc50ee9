#include "extract/metadata.hpp"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <ranges>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/byline.hpp"
#include "extract/dates.hpp"
#include "extract/meta_jsonld.hpp"
#include "extract/meta_text.hpp"
#include "extract/meta_title.hpp"
#include "extract/url.hpp"
#include "text/ascii.hpp"
#include "text/entities.hpp"

namespace crbc::extract {
namespace {

constexpr std::size_t kMaxMetaTags = 4000;
constexpr std::size_t kMaxCandidates = 400;
constexpr std::size_t kMaxTags = 100;
constexpr std::size_t kMaxBylineBytes = 200;
constexpr std::size_t kMaxHeadlineBytes = 500;
constexpr std::size_t kLanguageSampleBytes = 16 * 1024;
// A paragraph longer than this is running text, not a line of page details.
constexpr std::size_t kRunningTextBytes = 120;
// How far (in document nodes) from the headline a byline or <time> may sit.
constexpr NodeId kNearHeadlineAfter = 400;
constexpr NodeId kNearHeadlineBefore = 60;

// What one pass over the document collects; every list is bounded.
struct PageFacts {
  std::unordered_map<std::string, std::vector<std::string>> meta;  // lower-cased key
  std::vector<std::string> json_ld;
  std::string title_tag;
  std::vector<NodeId> headlines;  // <h1> and itemprop=headline elements
  std::vector<NodeId> h2s;        // <h2>: the headline of pages without <h1>
  std::vector<NodeId> times;      // <time> elements
  std::vector<NodeId> bylines;    // rel=author, class/id byline/author, "By …" lines
  std::vector<std::pair<std::string, NodeId>> microdata;  // itemprop, element
  std::string canonical;
  std::string image_src;
  std::string html_lang;
  std::string home_link_name;         // text or logo alt of the first link to the site's root
  NodeId breadcrumb_trail = kNoNode;  // the first visible breadcrumb trail
};

// A link home labelled as navigation ("Home", "Go to Home Page »", "Back to the
// homepage") rather than with the site's name.
bool is_navigation_label(std::string_view label) {
  for (const std::string_view arrow :
       {"\u00BB", "\u00AB", "\u203A", "\u2039", "\u2192", "\u2190"}) {
    if (label.find(arrow) != std::string_view::npos) return true;
  }
  const std::string lower = text::ascii_lower(label);
  return text::has_token(lower, "home") || text::has_token(lower, "homepage") ||
         lower.starts_with("go to ") || lower.starts_with("back to ");
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

bool inside_tag(const Document& doc, NodeId n, std::string_view tag) {
  return doc.ancestor_with_tag(n, tag) != kNoNode;
}

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
  if (tag == "a" && facts.home_link_name.empty() && doc.attr_or_empty(n, "href") == "/") {
    std::string name = doc.normalized_text(n);
    for (NodeId img : doc.elements_by_tag("img", n)) {
      if (!name.empty()) break;
      name = meta::collapse_whitespace(doc.attr_or_empty(img, "alt"));
    }
    if (meta::word_count(name) >= 1 && meta::word_count(name) <= 5) facts.home_link_name = name;
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

class MetadataBuilder {
 public:
  MetadataBuilder(const Document& doc, std::string_view page_url, std::string_view reference_time)
      : doc_(doc),
        page_url_(page_url),
        reference_time_(parse_date(reference_time).value_or("")),
        facts_(collect_facts(doc)) {
    std::vector<std::string_view> blocks(facts_.json_ld.begin(), facts_.json_ld.end());
    ld_ = meta::read_json_ld(blocks);
  }

  // Called once, after fill(): the declared body moves out.
  std::string take_declared_body() { return std::move(ld_.article_body); }

  void fill(model::Article& article) {
    if (article.url.empty()) article.url = std::string(page_url_);
    fill_site(article);
    fill_canonical(article);
    if (article.url.empty()) article.url = article.canonical_url;
    fill_section(article);
    fill_title(article);
    fill_description(article);
    fill_authors(article);
    fill_dates(article);
    fill_tags(article);
    fill_image(article);
    fill_language(article);
  }

 private:
  // First non-empty value of the meta tags `keys`, cleaned, or empty.
  std::string meta_value(std::initializer_list<std::string_view> keys) const {
    for (auto key : keys) {
      const auto it = facts_.meta.find(std::string(key));
      if (it == facts_.meta.end()) continue;
      for (const auto& value : it->second) {
        std::string cleaned = meta::collapse_whitespace(text::decode_html_references(value));
        if (!cleaned.empty()) return cleaned;
      }
    }
    return {};
  }

  std::vector<std::string> meta_values(std::string_view key) const {
    const auto it = facts_.meta.find(std::string(key));
    return it == facts_.meta.end() ? std::vector<std::string>{} : it->second;
  }

  std::string base_url() const {
    return page_url_.empty() ? facts_.canonical : std::string(page_url_);
  }

  std::string absolute(std::string_view url) const {
    if (url.empty()) return {};
    const std::string base = base_url();
    std::string resolved = base.empty() ? std::string(url) : resolve_url(base, url);
    return resolved.empty() ? std::string(url) : resolved;
  }

  // The value an itemprop element carries (microdata rules: content, datetime, href…).
  std::string microdata_value(NodeId n) const {
    for (std::string_view attr : {"content", "datetime"}) {
      if (auto v = doc_.attr(n, attr)) return meta::collapse_whitespace(*v);
    }
    const std::string_view tag = doc_.tag(n);
    if (tag == "a" || tag == "link") return std::string(doc_.attr_or_empty(n, "href"));
    if (tag == "img") return std::string(doc_.attr_or_empty(n, "src"));
    return doc_.normalized_text(n);
  }

  std::string microdata_first(std::string_view prop) const {
    for (const auto& [itemprop, n] : facts_.microdata) {
      if (!text::has_token(itemprop, prop)) continue;
      if (auto value = microdata_value(n); !value.empty()) return value;
    }
    return {};
  }

  std::string host_label() const {
    std::string_view url = page_url_.empty() ? std::string_view(facts_.canonical) : page_url_;
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/:?#"));
    if (text::starts_with_ignoring_case(url, "www.")) url.remove_prefix(4);
    return std::string(url);
  }

  void fill_site(model::Article& article) {
    if (!article.site_name.empty()) return;
    article.site_name = meta_value({"og:site_name"});
    if (article.site_name.empty()) article.site_name = ld_.publisher;
    if (article.site_name.empty()) article.site_name = ld_.site_name;
    if (article.site_name.empty())
      article.site_name = meta_value({"application-name", "apple-mobile-web-app-title"});
    // The name on the link home ("Home" aside), usually the logo's.
    if (article.site_name.empty() && !is_navigation_label(facts_.home_link_name))
      article.site_name = facts_.home_link_name;
  }

  void fill_canonical(model::Article& article) {
    if (!article.canonical_url.empty()) return;
    std::string url = facts_.canonical;
    if (url.empty()) url = meta_value({"og:url"});
    if (url.empty()) url = ld_.url;
    article.canonical_url = absolute(url);
  }

  void fill_section(model::Article& article) {
    if (!article.section.empty()) return;
    article.section = ld_.section;
    if (article.section.empty()) article.section = meta_value({"article:section", "section"});
    if (article.section.empty()) article.section = microdata_first("articlesection");
    // Breadcrumbs: "Home › World › Europe › <this article>": the last level above it.
    if (article.section.empty() && ld_.breadcrumbs.size() >= 3)
      article.section = ld_.breadcrumbs[ld_.breadcrumbs.size() - 2];
    if (article.section.empty()) article.section = visible_breadcrumb_section(article);
  }

  struct Crumb {
    std::string text;
    std::string_view link;  // empty when the crumb links nowhere (usually the page itself)
  };

  // The crumbs of the page's breadcrumb trail, in order: its microdata items, else its
  // list items, else its links. A crumb linking where an earlier one does is a copy
  // (the trail drawn again for small screens) and is left out. Empty when the trail is
  // too long to be one.
  std::vector<Crumb> breadcrumbs() const {
    constexpr std::size_t kMaxCrumbs = 10;
    const NodeId trail = facts_.breadcrumb_trail;
    if (trail == kNoNode) return {};
    std::vector<NodeId> items;
    for (const auto& [itemprop, n] : facts_.microdata) {
      if (text::has_token(itemprop, "itemlistelement") && doc_.contains(trail, n))
        items.push_back(n);
    }
    if (items.empty()) {
      for (NodeId li : doc_.elements_by_tag("li", trail)) {
        const NodeId outer = doc_.ancestor_with_tag(li, "li");
        if (outer == kNoNode || !doc_.contains(trail, outer)) items.push_back(li);
      }
    }
    if (items.empty()) items = doc_.elements_by_tag("a", trail);
    if (items.size() > kMaxCrumbs) return {};
    std::vector<Crumb> crumbs;
    std::unordered_set<std::string_view> links;
    for (NodeId item : items) {
      const auto anchors = doc_.elements_by_tag("a", item);
      const NodeId anchor = doc_.tag(item) == "a" ? item : anchors.empty() ? kNoNode : anchors[0];
      const std::string_view link = anchor == kNoNode ? "" : doc_.attr_or_empty(anchor, "href");
      if (!link.empty() && !links.insert(link).second) continue;
      crumbs.push_back({crumb_text(doc_.normalized_text(item)), link});
    }
    return crumbs;
  }

  // A crumb's text without the separators drawn around it ("World ›", "/ Europe").
  static std::string crumb_text(std::string_view text) {
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

  static bool is_home_crumb(std::string_view crumb) {
    const std::string lower = meta::lowercase(crumb);
    for (std::string_view home : {"home", "homepage", "home page", "start", "startseite", "accueil",
                                  "inicio", "portada", "início", "главная"}) {
      if (lower == home) return true;
    }
    return false;
  }

  // What the article is called: its declared titles and its headlines.
  std::vector<std::string> article_titles() const {
    std::vector<std::string> titles = {facts_.title_tag, meta_value({"og:title"}), ld_.headline};
    for (NodeId n : facts_.headlines) titles.push_back(doc_.normalized_text(n));
    return titles;
  }

  // Whether a crumb is the article itself: its headline, whole or cut short ("…").
  static bool names_article(std::string_view crumb, const std::vector<std::string>& titles) {
    if (crumb.ends_with("…") || crumb.ends_with("...")) return true;
    return std::any_of(titles.begin(), titles.end(), [crumb](const std::string& title) {
      return !title.empty() && meta::title_similarity(crumb, title) >= 0.6;
    });
  }

  // The last crumb that is a section: not the article itself (its headline, or a last
  // crumb that links nowhere), not "Home", not the site.
  std::string visible_breadcrumb_section(const model::Article& article) const {
    constexpr std::size_t kMaxSectionWords = 6;
    auto crumbs = breadcrumbs();
    if (!crumbs.empty() && crumbs.back().link.empty()) crumbs.pop_back();
    const auto labels = site_labels(article);
    const auto titles = article_titles();
    for (const Crumb& crumb : std::views::reverse(crumbs)) {
      const std::string& text = crumb.text;
      if (text.empty() || meta::word_count(text) > kMaxSectionWords) continue;
      if (is_home_crumb(text) || meta::matches_site_label(text, labels)) continue;
      if (names_article(text, titles)) continue;
      return text;
    }
    return {};
  }

  std::vector<std::string> site_labels(const model::Article& article) const {
    std::vector<std::string> labels;
    for (const std::string& label :
         {article.site_name, ld_.publisher, ld_.site_name, meta_value({"application-name"}),
          meta_value({"og:site_name"}), host_label(), article.section}) {
      if (!label.empty()) labels.push_back(label);
    }
    return labels;
  }

  // Declared titles, best first, cleaned of site labels.
  std::vector<std::string> declared_titles(const std::vector<std::string>& labels) const {
    std::vector<std::string> titles;
    for (const std::string& raw :
         {ld_.headline, meta_value({"og:title"}), meta_value({"twitter:title"}), facts_.title_tag,
          ld_.name, meta_value({"title", "dc.title", "parsely-title"})}) {
      if (raw.empty()) continue;
      std::string cleaned = meta::strip_site_labels(raw, labels);
      if (!cleaned.empty()) titles.push_back(std::move(cleaned));
    }
    return titles;
  }

  // A headline element's text, without a section label set in it ("Opinion | …").
  std::string headline_text(NodeId n) const {
    std::string text = doc_.normalized_text(n);
    if (text.size() > kMaxHeadlineBytes) return {};
    return meta::main_segment(text);
  }

  // Whether a headline element can be the article's own: not the logo or a section
  // title (a link, a site label, one or two words), not in navigation or a footer.
  bool plausible_headline(NodeId n, const std::string& text,
                          const std::vector<std::string>& labels) const {
    if (meta::word_count(text) < 3) return false;
    for (std::string_view tag : {"a", "nav", "footer", "aside"}) {
      if (inside_tag(doc_, n, tag)) return false;
    }
    // The site's name, or its logo's caption ("Politico Logo").
    const std::string folded = meta::fold_alnum(text);
    const bool short_text = meta::word_count(text) <= 4;
    for (const auto& label : labels) {
      const std::string name = meta::fold_alnum(label);
      if (name.empty()) continue;
      if (name == folded || (short_text && folded.find(name) != std::string::npos)) return false;
    }
    return true;
  }

  // <h2 class="post-title">, <h2 id="headline">.
  bool names_title(NodeId n) const {
    const std::string names = text::ascii_lower(std::string(doc_.attr_or_empty(n, "class")) + " " +
                                                std::string(doc_.attr_or_empty(n, "id")));
    return names.find("title") != std::string::npos || names.find("headline") != std::string::npos;
  }

  bool has_byline_or_date_after(NodeId n) const {
    constexpr NodeId kUnderHeadline = 30;
    const NodeId start = doc_.subtree_end(n);
    const NodeId end = std::min<NodeId>(static_cast<NodeId>(doc_.size()), start + kUnderHeadline);
    for (NodeId b : facts_.bylines)
      if (b >= start && b < end) return true;
    for (NodeId d = start; d < end; ++d)
      if (date_in_node(d)) return true;
    return false;
  }

  void fill_title(model::Article& article) {
    if (!article.title.empty()) return;
    const auto labels = site_labels(article);
    const auto declared = declared_titles(labels);
    // Declared titles and their first segments ("Headline - Guide - Site").
    std::vector<std::string> references = declared;
    for (const auto& title : declared) {
      std::string first = meta::first_segment(title);
      if (first != title && meta::word_count(first) >= 3) references.push_back(std::move(first));
    }
    // The visible headline, when a declared title confirms it: it is what the reader
    // sees, while declared titles are often reworded for search engines and sharing.
    double best_score = 0.0;
    for (NodeId n : facts_.headlines) {
      std::string text = headline_text(n);
      if (text.empty()) continue;
      for (const auto& title : references) {
        const double score = meta::title_similarity(text, title);
        if (score > best_score + 1e-9) {
          best_score = score;
          if (score >= 0.6) {
            article.title = text;
            headline_node_ = n;
          }
        }
      }
    }
    if (!article.title.empty()) return;
    // No declared title confirms a headline: the first plausible one still is what the
    // page shows its readers (declared titles are then usually the SEO variant).
    for (NodeId n : facts_.headlines) {
      std::string text = headline_text(n);
      if (!text.empty() && plausible_headline(n, text, labels)) {
        article.title = std::move(text);
        headline_node_ = n;
        return;
      }
    }
    // Pages without <h1> title their article with an <h2>: a titled one that a declared
    // title confirms or, when the declared titles name only the site, one with a byline
    // or date right under it.
    if (facts_.headlines.empty()) {
      const bool declared_names_site =
          std::all_of(declared.begin(), declared.end(),
                      [&](const std::string& t) { return meta::matches_site_label(t, labels); });
      for (NodeId n : facts_.h2s) {
        const bool titled = names_title(n);
        if (!titled && !declared_names_site) continue;
        std::string text = headline_text(n);
        if (text.empty() || !plausible_headline(n, text, labels)) continue;
        const bool confirmed =
            titled && std::any_of(references.begin(), references.end(),
                                  [&](auto& t) { return meta::title_similarity(text, t) >= 0.6; });
        if (confirmed || (declared_names_site && has_byline_or_date_after(n))) {
          article.title = std::move(text);
          headline_node_ = n;
          return;
        }
      }
    }
    if (!declared.empty()) {
      article.title = declared.front();
      return;
    }
    // Nothing declared: any headline the page has.
    for (NodeId n : facts_.headlines) {
      if (std::string text = headline_text(n); !text.empty()) {
        article.title = std::move(text);
        headline_node_ = n;
        return;
      }
    }
  }

  void fill_description(model::Article& article) {
    if (!article.description.empty()) return;
    article.description = meta_value({"og:description", "description", "twitter:description"});
    if (article.description.empty()) article.description = ld_.description;
  }

  // Bylines in document order, nearest to the headline first: after it, then before.
  std::vector<NodeId> bylines_by_proximity() const {
    std::vector<NodeId> ordered = facts_.bylines;
    if (headline_node_ == kNoNode) return ordered;
    const NodeId h = headline_node_;
    const auto rank = [h](NodeId n) -> std::pair<int, NodeId> {
      if (n >= h && n - h <= kNearHeadlineAfter) return {0, n - h};
      if (n < h && h - n <= kNearHeadlineBefore) return {1, h - n};
      return {2, n};
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](NodeId a, NodeId b) { return rank(a) < rank(b); });
    return ordered;
  }

  // The text of a byline element with its parts kept apart: "<span>By</span><a>Jane
  // Doe</a><span>USA TODAY</span>" reads "By , Jane Doe , USA TODAY", so that names
  // and affiliations set in separate elements are split. Dates (<time>) are left out.
  std::string byline_text(NodeId root) const {
    std::string text;
    const NodeId end = doc_.subtree_end(root);
    for (NodeId n = root + 1; n < end; ++n) {
      if (doc_.is_element(n)) {
        const std::string_view tag = doc_.tag(n);
        if (tag == "time" || tag == "script" || tag == "style" || tag == "button") {
          n = doc_.subtree_end(n) - 1;
          continue;
        }
        static constexpr std::string_view kInline[] = {"b", "i", "em", "strong", "u", "abbr"};
        if (std::find(std::begin(kInline), std::end(kInline), tag) == std::end(kInline))
          text += " , ";
      } else if (doc_.is_text(n)) {
        text += doc_.text(n);
      }
      if (text.size() > 4 * kMaxBylineBytes) break;
    }
    return meta::collapse_whitespace(text);
  }

  struct Byline {
    std::vector<std::string> names;
    NodeId node = kNoNode;
  };

  Byline visible_byline() const {
    std::vector<NodeId> taken;
    for (NodeId n : bylines_by_proximity()) {
      // A byline inside one already read, or around it, says nothing new.
      const bool nested = std::any_of(taken.begin(), taken.end(), [&](NodeId t) {
        return doc_.contains(t, n) || doc_.contains(n, t);
      });
      if (nested) continue;
      if (inside_tag(doc_, n, "footer") || inside_tag(doc_, n, "nav")) continue;
      if (doc_.tag(n) == "meta" || doc_.tag(n) == "link") continue;
      if (doc_.normalized_text(n).size() > kMaxBylineBytes) continue;
      auto names = split_byline(byline_text(n), /*strict=*/true);
      if (!names.empty()) return {std::move(names), n};
      taken.push_back(n);
    }
    return {};
  }

  // The element holding the article's microdata: the itemscope around the headline.
  NodeId article_item_scope() const {
    if (headline_node_ == kNoNode) return kNoNode;
    for (NodeId n = doc_.parent(headline_node_); n != kNoNode; n = doc_.parent(n)) {
      if (doc_.is_element(n) && doc_.attr(n, "itemscope")) return n;
    }
    return kNoNode;
  }

  // Whether an element is the article's own (inside its item scope, or near its
  // headline when it has none), not a teaser's in a list of other stories.
  bool belongs_to_article(NodeId n, NodeId scope) const {
    if (inside_tag(doc_, n, "aside") || inside_tag(doc_, n, "footer") || inside_tag(doc_, n, "nav"))
      return false;
    if (scope != kNoNode) return doc_.contains(scope, n);
    if (headline_node_ == kNoNode) return true;
    const NodeId h = headline_node_;
    return (n >= h && n - h <= kNearHeadlineAfter) || (n < h && h - n <= kNearHeadlineBefore);
  }

  std::vector<std::string> microdata_authors() const {
    std::vector<std::string> names;
    const NodeId scope = article_item_scope();
    for (const auto& [itemprop, n] : facts_.microdata) {
      if (!text::has_token(itemprop, "author") && !text::has_token(itemprop, "creator")) continue;
      if (!belongs_to_article(n, scope)) continue;
      if (doc_.tag(n) == "meta" || doc_.tag(n) == "link") {
        for (auto& name : split_byline(doc_.attr_or_empty(n, "content")))
          add_unique_name(names, std::move(name));
        continue;
      }
      std::string text;
      if (doc_.attr(n, "itemscope")) {
        // A Person item: its name property.
        for (const auto& [inner_prop, inner] : facts_.microdata) {
          if (doc_.contains(n, inner) && text::has_token(inner_prop, "name")) {
            text = microdata_value(inner);
            break;
          }
        }
      }
      if (text.empty()) text = doc_.normalized_text(n);
      if (text.size() > kMaxBylineBytes) continue;
      for (auto& name : split_byline(text)) add_unique_name(names, std::move(name));
    }
    return names;
  }

  std::vector<std::string> meta_authors() const {
    std::vector<std::string> names;
    for (std::string_view key : {"author", "article:author", "parsely-author", "sailthru.author",
                                 "dc.creator", "dcterms.creator", "byl", "og:article:author"}) {
      for (const auto& value : meta_values(key)) {
        if (value.find("://") != std::string::npos) continue;  // a profile url
        for (auto& name : split_byline(value)) add_unique_name(names, std::move(name));
      }
      if (!names.empty()) break;
    }
    return names;
  }

  // `names` without organisations: the site itself, a domain ("cleveland.com"), an
  // outlet or agency ("The Associated Press"), kept only when nobody else is named.
  std::vector<std::string> people_only(const std::vector<std::string>& names,
                                       const std::vector<std::string>& labels) const {
    std::vector<std::string> people;
    for (const auto& name : names) {
      if (!meta::matches_site_label(name, labels) && !looks_like_organisation(name))
        people.push_back(name);
    }
    return people;
  }

  static bool includes_all(const std::vector<std::string>& longer,
                           const std::vector<std::string>& shorter) {
    return std::all_of(shorter.begin(), shorter.end(), [&](const std::string& name) {
      const std::string folded = meta::fold_alnum(name);
      return std::any_of(longer.begin(), longer.end(), [&](const std::string& other) {
        return meta::fold_alnum(other) == folded;
      });
    });
  }

  // Declared authors (JSON-LD, then microdata) win; the visible byline replaces them
  // when they only name the site, and completes them when it lists the same people and
  // more (JSON-LD often keeps only the first author). <meta name=author> comes last.
  // The site's own name is dropped from a list that also names people.
  void fill_authors(model::Article& article) {
    if (!article.authors.empty()) return;
    const auto labels = site_labels(article);
    std::vector<std::string> declared = ld_.authors;
    if (declared.empty()) declared = microdata_authors();
    // Without a headline to anchor it, a byline found somewhere on the page may be a
    // teaser's: <meta name=author> is then the safer source.
    std::vector<std::string> visible;
    if (headline_node_ != kNoNode || meta_authors().empty()) {
      Byline byline = visible_byline();
      visible = std::move(byline.names);
      byline_node_ = byline.node;
    }
    const auto declared_people = people_only(declared, labels);
    const auto visible_people = people_only(visible, labels);
    std::vector<std::string> chosen;
    if (!declared.empty()) {
      chosen = declared_people.empty() ? declared : declared_people;
      if (declared_people.empty() && !visible_people.empty()) chosen = visible_people;
      if (!declared_people.empty() && visible_people.size() > declared_people.size() &&
          includes_all(visible_people, declared_people))
        chosen = visible_people;
    } else if (!visible.empty()) {
      chosen = visible_people.empty() ? visible : visible_people;
    } else {
      const auto from_meta = meta_authors();
      const auto meta_people = people_only(from_meta, labels);
      chosen = meta_people.empty() ? from_meta : meta_people;
    }
    article.authors = std::move(chosen);
  }

  // Whether `n` sits in an <article> that is a small part of an enclosing <article> and
  // does not hold the headline: an embedded or featured story, or a comment, with dates
  // of its own. An <article> wrapping (nearly) all of its parent is the story itself.
  bool inside_embedded_article(NodeId n) const {
    const NodeId inner = doc_.ancestor_with_tag(n, "article");
    if (inner == kNoNode) return false;
    if (headline_node_ != kNoNode && doc_.contains(inner, headline_node_)) return false;
    NodeId outermost = inner;
    for (NodeId a = doc_.ancestor_with_tag(inner, "article"); a != kNoNode;
         a = doc_.ancestor_with_tag(a, "article"))
      outermost = a;
    const auto subtree_size = [this](NodeId a) { return doc_.subtree_end(a) - a; };
    return 2 * subtree_size(inner) < subtree_size(outermost);
  }

  // A <time>'s date: its datetime attribute, unless the text it shows names another
  // day ("Posted: Dec 22, 2023 | Last Updated: January 2" over the update's datetime).
  std::optional<std::string> time_element_date(NodeId n) const {
    std::optional<std::string> shown = parse_date(doc_.normalized_text(n));
    if (auto v = doc_.attr(n, "datetime"); v && !v->empty()) {
      if (auto date = parse_date(*v)) {
        if (!shown || shown->substr(0, 10) == date->substr(0, 10)) return date;
      }
    }
    return shown;
  }

  // A <time> that says it is the publication date, else the one nearest the headline.
  std::optional<std::string> time_elements_date() const {
    std::vector<NodeId> ordered;
    std::copy_if(facts_.times.begin(), facts_.times.end(), std::back_inserter(ordered),
                 [this](NodeId n) { return !inside_embedded_article(n); });
    for (NodeId n : ordered) {
      const std::string hint = text::ascii_lower(std::string(doc_.attr_or_empty(n, "itemprop")) +
                                                 " " + std::string(doc_.attr_or_empty(n, "class")));
      const bool published = hint.find("published") != std::string::npos ||
                             hint.find("publish") != std::string::npos ||
                             doc_.attr(n, "pubdate").has_value();
      if (published) {
        if (auto date = time_element_date(n)) return date;
      }
    }
    if (headline_node_ != kNoNode) {
      const NodeId h = headline_node_;
      std::stable_partition(ordered.begin(), ordered.end(),
                            [h](NodeId n) { return n >= h && n - h <= kNearHeadlineAfter; });
    }
    for (NodeId n : ordered) {
      if (auto date = time_element_date(n)) return date;
    }
    return std::nullopt;
  }

  std::optional<std::string> declared_published() const {
    if (auto date = parse_date(ld_.date_published)) return date;
    for (std::string_view key : {"article:published_time",
                                 "og:published_time",
                                 "article:published",
                                 "datepublished",
                                 "publishdate",
                                 "publish-date",
                                 "pubdate",
                                 "publication_date",
                                 "date",
                                 "dc.date.issued",
                                 "dcterms.issued",
                                 "dc.date",
                                 "dcterms.date",
                                 "dcterms.created",
                                 "sailthru.date",
                                 "parsely-pub-date",
                                 "citation_publication_date",
                                 "article.published",
                                 "displaydate",
                                 "og:article:published_time",
                                 "release_date",
                                 "dc.date.created"}) {
      for (const auto& value : meta_values(key)) {
        if (auto date = parse_date(value)) return date;
      }
    }
    if (auto date = parse_date(microdata_first("datepublished"))) return date;
    return std::nullopt;
  }

  // Whether `text` announces an update rather than the publication.
  static bool mentions_update(std::string_view text) {
    const std::string lower = meta::lowercase(text);
    for (std::string_view word : {"updat", "modif", "aktualisiert", "mis à jour", "actualiz",
                                  "обновл", "edited", "revised"}) {
      if (lower.find(word) != std::string::npos) return true;
    }
    return false;
  }

  // An <li> that links to a story ("Read next: …") rather than holding page details.
  bool is_story_link_item(NodeId li) const {
    for (NodeId a : doc_.elements_by_tag("a", li)) {
      if (meta::word_count(doc_.normalized_text(a)) >= 4) return true;
    }
    return false;
  }

  // The date a node shows, and whether it is announced as an update.
  struct ShownDate {
    std::string date;
    bool update = false;
  };

  // Dates as written ("March 3, 2026"), or counted back from when the page was fetched
  // ("2 hours ago"), which rank below every other date.
  enum class DateForm { absolute, relative };

  std::optional<std::string> read_date(std::string_view text, DateForm form) const {
    if (form == DateForm::relative) return parse_relative_date(text, reference_time_);
    if (text.size() < 6) return std::nullopt;
    return parse_date(text);
  }

  std::optional<ShownDate> date_in_node(NodeId n, DateForm form = DateForm::absolute) const {
    if (inside_embedded_article(n)) return std::nullopt;
    if (doc_.is_element(n)) {
      if (doc_.tag(n) != "time" || inside_tag(doc_, n, "footer")) return std::nullopt;
      auto date = form == DateForm::absolute ? time_element_date(n)
                                             : read_date(doc_.normalized_text(n), form);
      if (!date) return std::nullopt;
      return ShownDate{*date, mentions_update(doc_.normalized_text(n))};
    }
    const std::string_view raw = doc_.text(n);
    if (raw.size() > 160) return std::nullopt;
    const NodeId parent = doc_.parent(n);
    if (parent == kNoNode || doc_.tag(parent) == "script" || doc_.tag(parent) == "option")
      return std::nullopt;
    // A <time> is read as a whole (its datetime, its label), never piece by piece.
    if (doc_.tag(parent) == "time" || inside_tag(doc_, n, "time")) return std::nullopt;
    // Dates in links, captions, asides and story lists belong to other stories or to
    // pictures; dates in running text are events the article tells of.
    for (std::string_view tag : {"figcaption", "aside", "nav", "footer"}) {
      if (doc_.tag(parent) == tag || inside_tag(doc_, n, tag)) return std::nullopt;
    }
    // A link that is only a date points to the day's archive; other links are teasers.
    const NodeId link = doc_.tag(parent) == "a" ? parent : doc_.ancestor_with_tag(n, "a");
    if (link != kNoNode && doc_.normalized_text(link).size() > 40) return std::nullopt;
    for (std::string_view tag : {"p", "blockquote"}) {
      const NodeId block = doc_.tag(parent) == tag ? parent : doc_.ancestor_with_tag(n, tag);
      if (block != kNoNode && doc_.normalized_text(block).size() > kRunningTextBytes)
        return std::nullopt;
    }
    const NodeId li = doc_.tag(parent) == "li" ? parent : doc_.ancestor_with_tag(n, "li");
    if (li != kNoNode && is_story_link_item(li)) return std::nullopt;
    std::string text = meta::collapse_whitespace(raw);
    auto date = read_date(text, form);
    if (!date) return std::nullopt;
    // "Updated" often sits in its own element just before the date.
    const std::string context = doc_.normalized_text(parent);
    return ShownDate{*date,
                     mentions_update(text) || (context.size() <= 160 && mentions_update(context))};
  }

  // A paragraph of the article's text (a long caption or sidebar is not).
  bool is_running_text(NodeId n) const {
    return doc_.is_element(n) && doc_.tag(n) == "p" && !inside_tag(doc_, n, "figure") &&
           !inside_tag(doc_, n, "aside") && doc_.normalized_text(n).size() > kRunningTextBytes;
  }

  // The date shown next to the headline: what the reader takes for the article's date.
  // An "Updated …" date gives way to a publication date shown just after it.
  // `reach` bounds how far after the headline to look.
  std::optional<std::string> visible_date(NodeId reach, DateForm form = DateForm::absolute) const {
    if (headline_node_ == kNoNode) return std::nullopt;
    constexpr NodeId kPublishedAfterUpdate = 40;
    // The dateline sits above the body, which may open with a long standfirst; once
    // the body has begun, dates belong to what it tells of or cites.
    constexpr int kParagraphsBeforeBody = 2;
    const NodeId h = headline_node_;
    const NodeId end =
        std::min<NodeId>(static_cast<NodeId>(doc_.size()), doc_.subtree_end(h) + reach);
    std::optional<ShownDate> update;
    NodeId update_at = 0;
    int paragraphs_passed = 0;
    for (NodeId n = doc_.subtree_end(h); n < end; ++n) {
      if (update && n > update_at + kPublishedAfterUpdate) break;
      if (is_running_text(n) && ++paragraphs_passed == kParagraphsBeforeBody) break;
      auto shown = date_in_node(n, form);
      if (!shown) continue;
      if (!shown->update) return shown->date;
      if (!update) {
        update = std::move(shown);
        update_at = n;
      }
    }
    if (update) return update->date;
    const NodeId start = h > kNearHeadlineBefore ? h - kNearHeadlineBefore : 0;
    for (NodeId n = h; n-- > start;) {
      if (doc_.contains(n, h)) continue;
      if (auto shown = date_in_node(n, form)) return shown->date;
    }
    return std::nullopt;
  }

  // A date in the line the byline was read from ("By Jane Doe · March 3, 2026"): the
  // page's dateline when no headline anchors one.
  std::optional<std::string> date_in_byline(DateForm form = DateForm::absolute) const {
    if (byline_node_ == kNoNode) return std::nullopt;
    for (NodeId n = byline_node_; n < doc_.subtree_end(byline_node_); ++n) {
      if (auto shown = date_in_node(n, form)) return shown->date;
    }
    return std::nullopt;
  }

  // Declared dates first, but the date shown right under the headline wins when it
  // differs: a UTC timestamp falls on another day than the page's local one, and
  // evergreen pages keep their first datePublished while showing the day they were
  // last republished, which is the date their readers (and citers) take. Without a
  // declared date: the shown date, any <time>, the url, then a relative date shown
  // ("2 hours ago"), when the time the page was fetched is known.
  void fill_dates(model::Article& article) {
    if (article.published.empty()) {
      constexpr NodeId kShownDateReach = 150;
      std::optional<std::string> date = declared_published();
      if (date) {
        if (auto shown = visible_date(kShownDateReach);
            shown && shown->substr(0, 10) != date->substr(0, 10))
          date = shown;
      }
      if (!date) date = visible_date(kNearHeadlineAfter);
      if (!date) date = date_in_byline();
      if (!date) date = time_elements_date();
      if (!date) date = date_from_url(page_url_);
      if (!date && !article.canonical_url.empty()) date = date_from_url(article.canonical_url);
      if (!date && !reference_time_.empty()) {
        date = visible_date(kNearHeadlineAfter, DateForm::relative);
        if (!date) date = date_in_byline(DateForm::relative);
      }
      if (date) article.published = *date;
    }
    if (article.modified.empty()) {
      std::optional<std::string> date = parse_date(ld_.date_modified);
      for (std::string_view key : {"article:modified_time", "og:updated_time", "datemodified",
                                   "dcterms.modified", "last-modified", "lastmod"}) {
        for (const auto& value : meta_values(key)) {
          if (!date) date = parse_date(value);
        }
      }
      if (!date) date = parse_date(microdata_first("datemodified"));
      if (date) article.modified = *date;
    }
  }

  // Tags from the first source that has any, de-duplicated, at most kMaxTags.
  void fill_tags(model::Article& article) const {
    if (!article.tags.empty()) return;
    std::unordered_set<std::string> seen;
    const auto add = [&](std::string_view raw) {
      std::string tag = meta::collapse_whitespace(text::decode_html_references(raw));
      if (tag.empty() || article.tags.size() >= kMaxTags) return;
      if (seen.insert(meta::fold_alnum(tag)).second) article.tags.push_back(std::move(tag));
    };
    for (const auto& tag : meta_values("article:tag")) add(tag);
    if (article.tags.empty()) {
      for (const auto& keyword : ld_.keywords) add(keyword);
    }
    if (article.tags.empty()) {
      const std::string keywords = meta_value({"news_keywords", "keywords"});
      std::size_t start = 0;
      while (start < keywords.size() && article.tags.size() < kMaxTags) {
        std::size_t end = keywords.find(',', start);
        if (end == std::string::npos) end = keywords.size();
        add(std::string_view(keywords).substr(start, end - start));
        start = end + 1;
      }
    }
  }

  void fill_image(model::Article& article) {
    if (article.image) return;
    std::string src = meta_value(
        {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
    if (src.empty()) src = ld_.image;
    if (src.empty()) src = facts_.image_src;
    if (src.empty()) return;
    model::Image image;
    image.src = absolute(src);
    image.alt = meta_value({"og:image:alt", "twitter:image:alt"});
    article.image = std::move(image);
  }

  // "en_US" -> "en-US", "EN" -> "en"; empty when it does not look like a language tag.
  static std::string normalize_language(std::string_view tag) {
    std::string out;
    for (char c : tag.substr(0, 35)) {
      if (c == '_') c = '-';
      const bool ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) break;
      out += c;
    }
    const auto dash = out.find('-');
    const std::size_t primary = dash == std::string::npos ? out.size() : dash;
    if (primary < 2 || primary > 3) return {};
    for (std::size_t i = 0; i < out.size(); ++i) {
      char& c = out[i];
      if (i < primary && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      // Two-letter regions are upper case ("pt-BR").
      if (dash != std::string::npos && i > dash && out.size() - dash - 1 == 2 && c >= 'a' &&
          c <= 'z')
        c = static_cast<char>(c - 32);
    }
    return out;
  }

  std::string detected_language() const {
    std::string sample;
    for (NodeId p : doc_.elements_by_tag("p", doc_.body() == kNoNode ? 0 : doc_.body())) {
      if (sample.size() >= kLanguageSampleBytes) break;
      sample += doc_.normalized_text(p);
      sample += '\n';
    }
    if (sample.size() < 200 && doc_.body() != kNoNode)
      sample = doc_.normalized_text(doc_.body()).substr(0, kLanguageSampleBytes);
    if (sample.empty()) return {};
    bool reliable = false;
    const CLD2::Language language = CLD2::DetectLanguage(
        sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, &reliable);
    if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
    return CLD2::LanguageCode(language);
  }

  void fill_language(model::Article& article) {
    if (!article.language.empty()) return;
    for (const std::string& declared :
         {facts_.html_lang, meta_value({"content-language", "language", "dc.language"}),
          meta_value({"og:locale"}), ld_.language}) {
      article.language = normalize_language(declared);
      if (!article.language.empty()) return;
    }
    article.language = detected_language();
  }

  const Document& doc_;
  std::string_view page_url_;
  std::string reference_time_;  // when the page was fetched, normalised; may be empty
  PageFacts facts_;
  meta::JsonLdArticle ld_;
  NodeId headline_node_ = kNoNode;
  NodeId byline_node_ = kNoNode;  // the visible byline the authors were read from
};

}  // namespace

std::string extract_metadata(const Document& doc, std::string_view page_url,
                             model::Article& article, std::string_view reference_time) {
  MetadataBuilder builder(doc, page_url, reference_time);
  builder.fill(article);
  return builder.take_declared_body();
}

}  // namespace crbc::extract
