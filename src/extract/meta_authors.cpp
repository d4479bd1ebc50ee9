// The authors: JSON-LD, microdata, the visible byline near the headline, then
// <meta name=author>. Internal to src/extract/ (meta_page.hpp).
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/byline.hpp"
#include "extract/meta_page.hpp"
#include "extract/meta_text.hpp"
#include "extract/meta_title.hpp"
#include "text/ascii.hpp"

namespace crbc::extract::meta {
namespace {

constexpr std::size_t kMaxBylineBytes = 200;

// Bylines in document order, nearest to the headline first: after it, then before.
std::vector<NodeId> bylines_by_proximity(const Page& page) {
  std::vector<NodeId> ordered = page.facts.bylines;
  if (page.headline_node == kNoNode) return ordered;
  const NodeId h = page.headline_node;
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
std::string byline_text(const Page& page, NodeId root) {
  std::string text;
  const NodeId end = page.doc.subtree_end(root);
  for (NodeId n = root + 1; n < end; ++n) {
    if (page.doc.is_element(n)) {
      const std::string_view tag = page.doc.tag(n);
      if (tag == "time" || tag == "script" || tag == "style" || tag == "button") {
        n = page.doc.subtree_end(n) - 1;
        continue;
      }
      static constexpr std::string_view kInline[] = {"b", "i", "em", "strong", "u", "abbr"};
      if (std::find(std::begin(kInline), std::end(kInline), tag) == std::end(kInline))
        text += " , ";
    } else if (page.doc.is_text(n)) {
      text += page.doc.text(n);
    }
    if (text.size() > 4 * kMaxBylineBytes) break;
  }
  return meta::collapse_whitespace(text);
}

struct Byline {
  std::vector<std::string> names;
  NodeId node = kNoNode;
};

Byline visible_byline(const Page& page) {
  std::vector<NodeId> taken;
  for (NodeId n : bylines_by_proximity(page)) {
    // A byline inside one already read, or around it, says nothing new.
    const bool nested = std::any_of(taken.begin(), taken.end(), [&](NodeId t) {
      return page.doc.contains(t, n) || page.doc.contains(n, t);
    });
    if (nested) continue;
    if (inside_tag(page.doc, n, "footer") || inside_tag(page.doc, n, "nav")) continue;
    if (page.doc.tag(n) == "meta" || page.doc.tag(n) == "link") continue;
    if (page.doc.normalized_text(n).size() > kMaxBylineBytes) continue;
    auto names = split_byline(byline_text(page, n), /*strict=*/true);
    if (!names.empty()) return {std::move(names), n};
    taken.push_back(n);
  }
  return {};
}

// The element holding the article's microdata: the itemscope around the headline.
NodeId article_item_scope(const Page& page) {
  if (page.headline_node == kNoNode) return kNoNode;
  for (NodeId n = page.doc.parent(page.headline_node); n != kNoNode; n = page.doc.parent(n)) {
    if (page.doc.is_element(n) && page.doc.attr(n, "itemscope")) return n;
  }
  return kNoNode;
}

// Whether an element is the article's own (inside its item scope, or near its
// headline when it has none), not a teaser's in a list of other stories.
bool belongs_to_article(const Page& page, NodeId n, NodeId scope) {
  if (inside_tag(page.doc, n, "aside") || inside_tag(page.doc, n, "footer") ||
      inside_tag(page.doc, n, "nav"))
    return false;
  if (scope != kNoNode) return page.doc.contains(scope, n);
  if (page.headline_node == kNoNode) return true;
  const NodeId h = page.headline_node;
  return (n >= h && n - h <= kNearHeadlineAfter) || (n < h && h - n <= kNearHeadlineBefore);
}

std::vector<std::string> microdata_authors(const Page& page) {
  std::vector<std::string> names;
  const NodeId scope = article_item_scope(page);
  for (const auto& [itemprop, n] : page.facts.microdata) {
    if (!text::has_token(itemprop, "author") && !text::has_token(itemprop, "creator")) continue;
    if (!belongs_to_article(page, n, scope)) continue;
    if (page.doc.tag(n) == "meta" || page.doc.tag(n) == "link") {
      for (auto& name : split_byline(page.doc.attr_or_empty(n, "content")))
        add_unique_name(names, std::move(name));
      continue;
    }
    std::string text;
    if (page.doc.attr(n, "itemscope")) {
      // A Person item: its name property.
      for (const auto& [inner_prop, inner] : page.facts.microdata) {
        if (page.doc.contains(n, inner) && text::has_token(inner_prop, "name")) {
          text = page.microdata_value(inner);
          break;
        }
      }
    }
    if (text.empty()) text = page.doc.normalized_text(n);
    if (text.size() > kMaxBylineBytes) continue;
    for (auto& name : split_byline(text)) add_unique_name(names, std::move(name));
  }
  return names;
}

std::vector<std::string> meta_authors(const Page& page) {
  std::vector<std::string> names;
  for (std::string_view key : {"author", "article:author", "parsely-author", "sailthru.author",
                               "dc.creator", "dcterms.creator", "byl", "og:article:author"}) {
    for (const auto& value : page.meta_values(key)) {
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
                                     const std::vector<std::string>& labels) {
  std::vector<std::string> people;
  for (const auto& name : names) {
    if (!meta::matches_site_label(name, labels) && !looks_like_organisation(name))
      people.push_back(name);
  }
  return people;
}

bool includes_all(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  return std::all_of(shorter.begin(), shorter.end(), [&](const std::string& name) {
    const std::string folded = meta::fold_alnum(name);
    return std::any_of(longer.begin(), longer.end(),
                       [&](const std::string& other) { return meta::fold_alnum(other) == folded; });
  });
}

}  // namespace

// Declared authors (JSON-LD, then microdata) win; the visible byline replaces them
// when they only name the site, and completes them when it lists the same people and
// more (JSON-LD often keeps only the first author). <meta name=author> comes last.
// The site's own name is dropped from a list that also names people.
void fill_authors(Page& page, model::Article& article) {
  if (!article.authors.empty()) return;
  const auto labels = site_labels(page, article);
  std::vector<std::string> declared = page.ld.authors;
  if (declared.empty()) declared = microdata_authors(page);
  // Without a headline to anchor it, a byline found somewhere on the page may be a
  // teaser's: <meta name=author> is then the safer source.
  std::vector<std::string> visible;
  if (page.headline_node != kNoNode || meta_authors(page).empty()) {
    Byline byline = visible_byline(page);
    visible = std::move(byline.names);
    page.byline_node = byline.node;
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
    const auto from_meta = meta_authors(page);
    const auto meta_people = people_only(from_meta, labels);
    chosen = meta_people.empty() ? from_meta : meta_people;
  }
  article.authors = std::move(chosen);
}

}  // namespace crbc::extract::meta
