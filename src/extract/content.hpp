// Finding the main text of a page: per-node text statistics, class/id hints, and the
// readability-style candidate scoring that picks the article's container(s).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/document.hpp"

namespace crbc::extract {

// Text statistics of every node's subtree, computed in one backward pass.
struct NodeStats {
  std::vector<std::uint32_t> text;         // bytes of text, white space runs counted once
  std::vector<std::uint32_t> link_text;    // of which inside <a>
  std::vector<std::uint32_t> commas;       // commas in the text (any script's comma)
  std::vector<std::uint32_t> paragraphs;   // <p> elements in the subtree
  std::vector<std::uint32_t> images;       // <img> elements
  std::vector<std::uint32_t> list_items;   // <li> elements
  std::vector<std::uint32_t> inputs;       // form controls
  std::vector<std::uint32_t> quotes;       // <blockquote> elements
  std::vector<std::uint32_t> figures;      // <figure> elements
  std::vector<std::uint32_t> direct_text;  // text of the node's own text children
  // Consent notices ("We use cookies ... [Accept]"): a few lines of prose beside the
  // article on most pages, and never part of it, whatever their class names.
  std::vector<bool> consent_notice;

  double link_density(NodeId n) const noexcept {
    return text[n] == 0 ? 0.0 : static_cast<double>(link_text[n]) / text[n];
  }
};

NodeStats compute_stats(const Document& doc);

// Elements that never hold article text (script, nav, form controls, ...).
bool is_non_content_tag(std::string_view tag) noexcept;
// A non-content element, except an <aside> that holds the page's headline (an <h1>
// whose text the <title> holds): some themes wrap the post itself in <aside>.
bool is_non_content_element(const Document& doc, NodeId n);
// Hidden by attribute or inline style, except the gated text of a paywalled article;
// without `styles_count`, by attribute only.
bool is_hidden(const Document& doc, NodeId n, bool styles_count = true);
// Class/id evidence: positive for article/body/content, negative for boilerplate.
int class_weight(const Document& doc, const NodeStats& stats, NodeId n);
// A subtree that is boilerplate by its class/id alone (share bar, comments, ...).
// With `unless_content_named`, names that also say "content" ("comment-body" aside)
// are not furniture.
// Layout names (sidebar, widget, ...) only count for subtrees with a minor share of
// the page's text.
bool is_boilerplate_by_name(const Document& doc, const NodeStats& stats, NodeId n,
                            bool unless_content_named = false);
// Readability's "clean conditionally" test for containers inside the chosen content;
// without `names_count`, names of furniture in the class or id say nothing.
bool is_conditionally_junk(const Document& doc, const NodeStats& stats, NodeId n,
                           bool names_count = true);

struct ContentRoots {
  std::vector<NodeId> nodes;  // the element(s) holding the article, in document order
  // True when the scoring ignored subtrees named as furniture (is_boilerplate_by_name
  // with unless_content_named), which the block emitter must then leave out too.
  bool furniture_ignored = false;
};

// A comment thread or a related-story rail, by its class/id: a region that sits
// beside an article and is never one.
bool is_region_beside_article(const Document& doc, const NodeStats& stats, NodeId n);

// Whether any of `roots` is, or sits inside, a comment thread or a related-story
// rail that does not also hold one of `article`: text beside the article.
bool in_region_beside(const Document& doc, const NodeStats& stats, const std::vector<NodeId>& roots,
                      const std::vector<NodeId>& article);

// Empty `nodes` when nothing scores. `ignore_furniture` first scores without the
// subtrees named as furniture (falling back to all when that leaves too little).
ContentRoots find_content_roots(const Document& doc, const NodeStats& stats,
                                bool ignore_furniture = true);

}  // namespace crbc::extract
