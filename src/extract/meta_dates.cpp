// The publication and modification dates: declared, shown under the headline, in
// the byline, <time> elements, the url, relative dates. Internal to src/extract/
// (meta_page.hpp).
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/dates.hpp"
#include "extract/meta_page.hpp"
#include "extract/meta_text.hpp"
#include "text/ascii.hpp"

namespace crbc::extract::meta {
namespace {

// A paragraph longer than this is running text, not a line of page details.
constexpr std::size_t kRunningTextBytes = 120;

// Whether `n` sits in an <article> that is a small part of an enclosing <article> and
// does not hold the headline: an embedded or featured story, or a comment, with dates
// of its own. An <article> wrapping (nearly) all of its parent is the story itself.
bool inside_embedded_article(const Page& page, NodeId n) {
  const NodeId inner = page.doc.ancestor_with_tag(n, "article");
  if (inner == kNoNode) return false;
  if (page.headline_node != kNoNode && page.doc.contains(inner, page.headline_node)) return false;
  NodeId outermost = inner;
  for (NodeId a = page.doc.ancestor_with_tag(inner, "article"); a != kNoNode;
       a = page.doc.ancestor_with_tag(a, "article"))
    outermost = a;
  const auto subtree_size = [&page](NodeId a) { return page.doc.subtree_end(a) - a; };
  return 2 * subtree_size(inner) < subtree_size(outermost);
}

// A <time>'s date: its datetime attribute, unless the text it shows names another
// day ("Posted: Dec 22, 2023 | Last Updated: January 2" over the update's datetime).
std::optional<std::string> time_element_date(const Page& page, NodeId n) {
  std::optional<std::string> shown = parse_date(page.doc.normalized_text(n));
  if (auto v = page.doc.attr(n, "datetime"); v && !v->empty()) {
    if (auto date = parse_date(*v)) {
      if (!shown || shown->substr(0, 10) == date->substr(0, 10)) return date;
    }
  }
  return shown;
}

// A <time> that says it is the publication date, else the one nearest the headline.
std::optional<std::string> time_elements_date(const Page& page) {
  std::vector<NodeId> ordered;
  std::copy_if(page.facts.times.begin(), page.facts.times.end(), std::back_inserter(ordered),
               [&page](NodeId n) { return !inside_embedded_article(page, n); });
  for (NodeId n : ordered) {
    const std::string hint =
        text::ascii_lower(std::string(page.doc.attr_or_empty(n, "itemprop")) + " " +
                          std::string(page.doc.attr_or_empty(n, "class")));
    const bool published = hint.find("published") != std::string::npos ||
                           hint.find("publish") != std::string::npos ||
                           page.doc.attr(n, "pubdate").has_value();
    if (published) {
      if (auto date = time_element_date(page, n)) return date;
    }
  }
  if (page.headline_node != kNoNode) {
    const NodeId h = page.headline_node;
    std::stable_partition(ordered.begin(), ordered.end(),
                          [h](NodeId n) { return n >= h && n - h <= kNearHeadlineAfter; });
  }
  for (NodeId n : ordered) {
    if (auto date = time_element_date(page, n)) return date;
  }
  return std::nullopt;
}

std::optional<std::string> declared_published(const Page& page) {
  if (auto date = parse_date(page.ld.date_published)) return date;
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
    for (const auto& value : page.meta_values(key)) {
      if (auto date = parse_date(value)) return date;
    }
  }
  if (auto date = parse_date(page.microdata_first("datepublished"))) return date;
  return std::nullopt;
}

// Whether `text` announces an update rather than the publication.
bool mentions_update(std::string_view text) {
  const std::string lower = meta::lowercase(text);
  for (std::string_view word : {"updat", "modif", "aktualisiert", "mis à jour", "actualiz",
                                "обновл", "edited", "revised"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// An <li> that links to a story ("Read next: …") rather than holding page details.
bool is_story_link_item(const Page& page, NodeId li) {
  for (NodeId a : page.doc.elements_by_tag("a", li)) {
    if (meta::word_count(page.doc.normalized_text(a)) >= 4) return true;
  }
  return false;
}

std::optional<std::string> read_date(const Page& page, std::string_view text, DateForm form) {
  if (form == DateForm::relative) return parse_relative_date(text, page.reference_time);
  if (text.size() < 6) return std::nullopt;
  return parse_date(text);
}

}  // namespace

std::optional<ShownDate> date_in_node(const Page& page, NodeId n, DateForm form) {
  if (inside_embedded_article(page, n)) return std::nullopt;
  if (page.doc.is_element(n)) {
    if (page.doc.tag(n) != "time" || inside_tag(page.doc, n, "footer")) return std::nullopt;
    auto date = form == DateForm::absolute ? time_element_date(page, n)
                                           : read_date(page, page.doc.normalized_text(n), form);
    if (!date) return std::nullopt;
    return ShownDate{*date, mentions_update(page.doc.normalized_text(n))};
  }
  const std::string_view raw = page.doc.text(n);
  if (raw.size() > 160) return std::nullopt;
  const NodeId parent = page.doc.parent(n);
  if (parent == kNoNode || page.doc.tag(parent) == "script" || page.doc.tag(parent) == "option")
    return std::nullopt;
  // A <time> is read as a whole (its datetime, its label), never piece by piece.
  if (page.doc.tag(parent) == "time" || inside_tag(page.doc, n, "time")) return std::nullopt;
  // Dates in links, captions, asides and story lists belong to other stories or to
  // pictures; dates in running text are events the article tells of.
  for (std::string_view tag : {"figcaption", "aside", "nav", "footer"}) {
    if (page.doc.tag(parent) == tag || inside_tag(page.doc, n, tag)) return std::nullopt;
  }
  // A link that is only a date points to the day's archive; other links are teasers.
  const NodeId link = page.doc.tag(parent) == "a" ? parent : page.doc.ancestor_with_tag(n, "a");
  if (link != kNoNode && page.doc.normalized_text(link).size() > 40) return std::nullopt;
  for (std::string_view tag : {"p", "blockquote"}) {
    const NodeId block = page.doc.tag(parent) == tag ? parent : page.doc.ancestor_with_tag(n, tag);
    if (block != kNoNode && page.doc.normalized_text(block).size() > kRunningTextBytes)
      return std::nullopt;
  }
  const NodeId li = page.doc.tag(parent) == "li" ? parent : page.doc.ancestor_with_tag(n, "li");
  if (li != kNoNode && is_story_link_item(page, li)) return std::nullopt;
  std::string text = meta::collapse_whitespace(raw);
  auto date = read_date(page, text, form);
  if (!date) return std::nullopt;
  // "Updated" often sits in its own element just before the date.
  const std::string context = page.doc.normalized_text(parent);
  return ShownDate{*date,
                   mentions_update(text) || (context.size() <= 160 && mentions_update(context))};
}

namespace {

// A paragraph of the article's text (a long caption or sidebar is not).
bool is_running_text(const Page& page, NodeId n) {
  return page.doc.is_element(n) && page.doc.tag(n) == "p" && !inside_tag(page.doc, n, "figure") &&
         !inside_tag(page.doc, n, "aside") &&
         page.doc.normalized_text(n).size() > kRunningTextBytes;
}

// The date shown next to the headline: what the reader takes for the article's date.
// An "Updated …" date gives way to a publication date shown just after it.
// `reach` bounds how far after the headline to look.
std::optional<std::string> visible_date(const Page& page, NodeId reach,
                                        DateForm form = DateForm::absolute) {
  if (page.headline_node == kNoNode) return std::nullopt;
  constexpr NodeId kPublishedAfterUpdate = 40;
  // The dateline sits above the body, which may open with a long standfirst; once
  // the body has begun, dates belong to what it tells of or cites.
  constexpr int kParagraphsBeforeBody = 2;
  const NodeId h = page.headline_node;
  const NodeId end =
      std::min<NodeId>(static_cast<NodeId>(page.doc.size()), page.doc.subtree_end(h) + reach);
  std::optional<ShownDate> update;
  NodeId update_at = 0;
  int paragraphs_passed = 0;
  for (NodeId n = page.doc.subtree_end(h); n < end; ++n) {
    if (update && n > update_at + kPublishedAfterUpdate) break;
    if (is_running_text(page, n) && ++paragraphs_passed == kParagraphsBeforeBody) break;
    auto shown = date_in_node(page, n, form);
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
    if (page.doc.contains(n, h)) continue;
    if (auto shown = date_in_node(page, n, form)) return shown->date;
  }
  return std::nullopt;
}

// A date in the line the byline was read from ("By Jane Doe · March 3, 2026"): the
// page's dateline when no headline anchors one.
std::optional<std::string> date_in_byline(const Page& page, DateForm form = DateForm::absolute) {
  if (page.byline_node == kNoNode) return std::nullopt;
  for (NodeId n = page.byline_node; n < page.doc.subtree_end(page.byline_node); ++n) {
    if (auto shown = date_in_node(page, n, form)) return shown->date;
  }
  return std::nullopt;
}

}  // namespace

// Declared dates first, but the date shown right under the headline wins when it
// differs: a UTC timestamp falls on another day than the page's local one, and
// evergreen pages keep their first datePublished while showing the day they were
// last republished, which is the date their readers (and citers) take. Without a
// declared date: the shown date, any <time>, the url, then a relative date shown
// ("2 hours ago"), when the time the page was fetched is known.
void fill_dates(const Page& page, model::Article& article) {
  if (article.published.empty()) {
    constexpr NodeId kShownDateReach = 150;
    std::optional<std::string> date = declared_published(page);
    if (date) {
      if (auto shown = visible_date(page, kShownDateReach);
          shown && shown->substr(0, 10) != date->substr(0, 10))
        date = shown;
    }
    if (!date) date = visible_date(page, kNearHeadlineAfter);
    if (!date) date = date_in_byline(page);
    if (!date) date = time_elements_date(page);
    if (!date) date = date_from_url(page.page_url);
    if (!date && !article.canonical_url.empty()) date = date_from_url(article.canonical_url);
    if (!date && !page.reference_time.empty()) {
      date = visible_date(page, kNearHeadlineAfter, DateForm::relative);
      if (!date) date = date_in_byline(page, DateForm::relative);
    }
    if (date) article.published = *date;
  }
  if (article.modified.empty()) {
    std::optional<std::string> date = parse_date(page.ld.date_modified);
    for (std::string_view key : {"article:modified_time", "og:updated_time", "datemodified",
                                 "dcterms.modified", "last-modified", "lastmod"}) {
      for (const auto& value : page.meta_values(key)) {
        if (!date) date = parse_date(value);
      }
    }
    if (!date) date = parse_date(page.microdata_first("datemodified"));
    if (date) article.modified = *date;
  }
}

}  // namespace crbc::extract::meta
