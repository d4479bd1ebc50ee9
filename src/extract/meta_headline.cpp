// The title (the visible headline, confirmed by the declared titles) and the
// description. Internal to src/extract/ (meta_page.hpp).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/meta_page.hpp"
#include "extract/meta_text.hpp"
#include "extract/meta_title.hpp"
#include "text/ascii.hpp"

namespace crbc::extract::meta {
namespace {

constexpr std::size_t kMaxHeadlineBytes = 500;

// Declared titles, best first, cleaned of site labels.
std::vector<std::string> declared_titles(const Page& page, const std::vector<std::string>& labels) {
  std::vector<std::string> titles;
  for (const std::string& raw :
       {page.ld.headline, page.meta_value({"og:title"}), page.meta_value({"twitter:title"}),
        page.facts.title_tag, page.ld.name,
        page.meta_value({"title", "dc.title", "parsely-title"})}) {
    if (raw.empty()) continue;
    std::string cleaned = meta::strip_site_labels(raw, labels);
    if (!cleaned.empty()) titles.push_back(std::move(cleaned));
  }
  return titles;
}

// A headline element's text, without a section label set in it ("Opinion | …").
std::string headline_text(const Page& page, NodeId n) {
  std::string text = page.doc.normalized_text(n);
  if (text.size() > kMaxHeadlineBytes) return {};
  return meta::main_segment(text);
}

// Whether a headline element can be the article's own: not the logo or a section
// title (a link, a site label, one or two words), not in navigation or a footer.
bool plausible_headline(const Page& page, NodeId n, const std::string& text,
                        const std::vector<std::string>& labels) {
  if (meta::word_count(text) < 3) return false;
  for (std::string_view tag : {"a", "nav", "footer", "aside"}) {
    if (inside_tag(page.doc, n, tag)) return false;
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
bool names_title(const Page& page, NodeId n) {
  const std::string names = text::ascii_lower(std::string(page.doc.attr_or_empty(n, "class")) +
                                              " " + std::string(page.doc.attr_or_empty(n, "id")));
  return names.find("title") != std::string::npos || names.find("headline") != std::string::npos;
}

bool has_byline_or_date_after(const Page& page, NodeId n) {
  constexpr NodeId kUnderHeadline = 30;
  const NodeId start = page.doc.subtree_end(n);
  const NodeId end = std::min<NodeId>(static_cast<NodeId>(page.doc.size()), start + kUnderHeadline);
  for (NodeId b : page.facts.bylines)
    if (b >= start && b < end) return true;
  for (NodeId d = start; d < end; ++d)
    if (date_in_node(page, d)) return true;
  return false;
}

}  // namespace

void fill_title(Page& page, model::Article& article) {
  if (!article.title.empty()) return;
  const auto labels = site_labels(page, article);
  const auto declared = declared_titles(page, labels);
  // Declared titles and their first segments ("Headline - Guide - Site").
  std::vector<std::string> references = declared;
  for (const auto& title : declared) {
    std::string first = meta::first_segment(title);
    if (first != title && meta::word_count(first) >= 3) references.push_back(std::move(first));
  }
  // The visible headline, when a declared title confirms it: it is what the reader
  // sees, while declared titles are often reworded for search engines and sharing.
  double best_score = 0.0;
  for (NodeId n : page.facts.headlines) {
    std::string text = headline_text(page, n);
    if (text.empty()) continue;
    for (const auto& title : references) {
      const double score = meta::title_similarity(text, title);
      if (score > best_score + 1e-9) {
        best_score = score;
        if (score >= 0.6) {
          article.title = text;
          page.headline_node = n;
        }
      }
    }
  }
  if (!article.title.empty()) return;
  // No declared title confirms a headline: the first plausible one still is what the
  // page shows its readers (declared titles are then usually the SEO variant).
  for (NodeId n : page.facts.headlines) {
    std::string text = headline_text(page, n);
    if (!text.empty() && plausible_headline(page, n, text, labels)) {
      article.title = std::move(text);
      page.headline_node = n;
      return;
    }
  }
  // Pages without <h1> title their article with an <h2>: a titled one that a declared
  // title confirms or, when the declared titles name only the site, one with a byline
  // or date right under it.
  if (page.facts.headlines.empty()) {
    const bool declared_names_site =
        std::all_of(declared.begin(), declared.end(),
                    [&](const std::string& t) { return meta::matches_site_label(t, labels); });
    for (NodeId n : page.facts.h2s) {
      const bool titled = names_title(page, n);
      if (!titled && !declared_names_site) continue;
      std::string text = headline_text(page, n);
      if (text.empty() || !plausible_headline(page, n, text, labels)) continue;
      const bool confirmed =
          titled && std::any_of(references.begin(), references.end(),
                                [&](auto& t) { return meta::title_similarity(text, t) >= 0.6; });
      if (confirmed || (declared_names_site && has_byline_or_date_after(page, n))) {
        article.title = std::move(text);
        page.headline_node = n;
        return;
      }
    }
  }
  if (!declared.empty()) {
    article.title = declared.front();
    return;
  }
  // Nothing declared: any headline the page has.
  for (NodeId n : page.facts.headlines) {
    if (std::string text = headline_text(page, n); !text.empty()) {
      article.title = std::move(text);
      page.headline_node = n;
      return;
    }
  }
}

void fill_description(const Page& page, model::Article& article) {
  if (!article.description.empty()) return;
  article.description = page.meta_value({"og:description", "description", "twitter:description"});
  if (article.description.empty()) article.description = page.ld.description;
}

}  // namespace crbc::extract::meta
