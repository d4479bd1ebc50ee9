#include "extract/related.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "extract/url.hpp"
#include "text/normalize.hpp"

namespace crbc::extract {
namespace {

// Labels of related-article lists, case-folded. A label may be followed by a few more
// words ("More on this story", "Related coverage").
constexpr std::string_view kRelatedLabels[] = {
    // English
    "related", "related articles", "related stories", "related posts", "related news",
    "related content", "related links", "related coverage", "related reading", "read more",
    "read also", "also read", "see also", "more on this", "more on this story",
    "more on this topic", "similar articles", "similar stories", "similar posts",
    "you may also like", "you might also like", "you may also be interested in", "recommended",
    "recommended for you", "recommended stories", "more stories", "further reading", "read next",
    "what to read next", "more like this", "related topics", "more news", "more from", "don't miss",
    "don’t miss", "see more", "must read", "also on", "keep reading",
    // German
    "mehr zum thema", "lesen sie auch", "ähnliche artikel", "das könnte sie auch interessieren",
    "weitere artikel", "auch interessant",
    // French
    "à lire aussi", "a lire aussi", "lire aussi", "articles similaires", "sur le même sujet",
    "voir aussi", "articles liés",
    // Spanish, Portuguese, Italian
    "lee también", "artículos relacionados", "noticias relacionadas", "te puede interesar",
    "leia também", "veja também", "artigos relacionados", "notícias relacionadas", "leggi anche",
    "articoli correlati", "potrebbe interessarti",
    // Russian, Ukrainian, Polish, Dutch, Turkish
    "читайте также", "похожие статьи", "по теме", "смотрите также", "еще по теме", "ещё по теме",
    "читайте також", "схожі статті", "czytaj też", "czytaj także", "zobacz też", "lees ook",
    "ilgili haberler",
    // Chinese, Japanese
    "相关文章", "相关新闻", "延伸阅读"};

std::string clean_label(std::string_view text) {
  std::string folded = text::fold_case(text);
  // Drop surrounding punctuation and spaces: "Related:", "» Read more", "Related »".
  auto is_trim = [](unsigned char c) { return c < 0x80 && !std::isalnum(c); };
  while (!folded.empty() && is_trim(static_cast<unsigned char>(folded.back()))) folded.pop_back();
  std::size_t start = 0;
  while (start < folded.size() && is_trim(static_cast<unsigned char>(folded[start]))) ++start;
  folded.erase(0, start);
  // Non-ASCII punctuation around the label (», …) is stripped the same way.
  for (const std::string_view mark : {"\xC2\xBB", "\xC2\xAB", "\xE2\x80\xA6", "\xE2\x86\x92"}) {
    while (folded.ends_with(mark)) folded.resize(folded.size() - mark.size());
    while (folded.starts_with(mark)) folded.erase(0, mark.size());
    while (!folded.empty() && is_trim(static_cast<unsigned char>(folded.back()))) folded.pop_back();
    while (!folded.empty() && is_trim(static_cast<unsigned char>(folded.front())))
      folded.erase(0, 1);
  }
  return folded;
}

bool is_heading_like(const Document& doc, const NodeStats& stats, NodeId n) {
  const std::string_view tag = doc.tag(n);
  static constexpr std::array<std::string_view, 16> kTags = {
      "h1",   "h2",     "h3", "h4",     "h5",     "h6",      "p",  "div",
      "span", "strong", "b",  "header", "legend", "summary", "dt", "figcaption"};
  if (std::find(kTags.begin(), kTags.end(), tag) == kTags.end()) return false;
  return stats.text[n] > 0 && stats.text[n] <= 60 && stats.link_text[n] == 0;
}

}  // namespace

bool is_article_link_text(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return text.size() >= 15 && (words >= 3 || text.size() >= 24);
}

bool is_related_heading(std::string_view text) {
  if (text.size() > 80) return false;
  const std::string label = clean_label(text);
  if (label.empty()) return false;
  // "More from Example", "More great Example stories", "More on climate".
  if (label.starts_with("more ") && label.size() <= 48) {
    for (const std::string_view tail :
         {" stories", " articles", " news", " reading", " coverage", " posts"}) {
      if (label.ends_with(tail)) return true;
    }
    for (const std::string_view head : {"more from ", "more on ", "more in ", "more about "}) {
      if (label.starts_with(head)) return true;
    }
  }
  for (const std::string_view known : kRelatedLabels) {
    if (label == known) return true;
    // "More on this story", "Related coverage from ...": the label and a few words.
    if (label.size() > known.size() && label.starts_with(known) && label[known.size()] == ' ' &&
        label.size() <= known.size() + 24 && known.size() >= 7) {
      return true;
    }
  }
  return false;
}

std::vector<model::RelatedArticle> find_related_links(const Document& doc, const NodeStats& stats,
                                                      std::string_view base_url,
                                                      std::string_view page_url,
                                                      std::size_t limit) {
  std::vector<model::RelatedArticle> found;
  std::unordered_set<std::string> seen;
  if (!page_url.empty()) seen.insert(resolve_url(page_url, ""));
  const NodeId root = doc.body() == kNoNode ? doc.document_node() : doc.body();
  const NodeId end = doc.subtree_end(root);
  for (NodeId n = root + 1; n < end && found.size() < limit; ++n) {
    if (!doc.is_element(n)) continue;
    if (doc.tag(n) == "script" || doc.tag(n) == "style") {
      n = doc.subtree_end(n) - 1;
      continue;
    }
    if (!is_heading_like(doc, stats, n)) continue;
    if (!is_related_heading(doc.normalized_text(n))) continue;
    // The list is after the label, inside the label's section: climb from the label
    // until an ancestor holds article links after it.
    NodeId section = n;
    std::vector<NodeId> links;
    for (int level = 0; level < 4 && links.empty(); ++level) {
      section = doc.parent(section);
      if (section == kNoNode || section == root || section == 0) break;
      for (NodeId d = doc.subtree_end(n); d < doc.subtree_end(section); ++d) {
        if (doc.is_element(d) && doc.tag(d) == "a") links.push_back(d);
        if (links.size() >= limit * 2) break;
      }
      if (stats.text[section] > 4000) links.clear();  // not a list any more: the whole page
    }
    for (const NodeId a : links) {
      const std::string_view href = doc.attr_or_empty(a, "href");
      if (href.empty() || href.starts_with('#')) continue;
      std::string title = doc.normalized_text(a);
      if (!is_article_link_text(title)) continue;
      std::string url = resolve_url(base_url, href);
      const std::string scheme = scheme_of(url);
      if (scheme != "http" && scheme != "https" && !scheme.empty()) continue;
      if (const std::size_t hash = url.find('#'); hash != std::string::npos) url.resize(hash);
      if (!seen.insert(url).second) continue;
      model::RelatedArticle related;
      related.title = std::move(title);
      related.url = std::move(url);
      related.source = "page";
      found.push_back(std::move(related));
      if (found.size() >= limit) break;
    }
    if (!links.empty()) n = doc.subtree_end(n) - 1;
  }
  return found;
}

}  // namespace crbc::extract
