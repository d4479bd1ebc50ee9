// The page's own "related articles" lists: a heading such as "Related", "Read more",
// "Similar Articles" (in several languages) followed by links to other articles.
#pragma once

#include <string_view>
#include <vector>

#include "extract/content.hpp"
#include "extract/document.hpp"
#include "model/article.hpp"

namespace crbc::extract {

// True when a link's text (white space collapsed) reads like a headline, not
// "Home" or "More".
bool is_article_link_text(std::string_view text);

// True when `text` (a heading or label) announces a list of related articles.
bool is_related_heading(std::string_view text);

// Links listed under related-article headings, titles and resolved urls, source
// "page"; at most `limit`, without duplicates or links back to `page_url`.
std::vector<model::RelatedArticle> find_related_links(const Document& doc, const NodeStats& stats,
                                                      std::string_view base_url,
                                                      std::string_view page_url,
                                                      std::size_t limit = 50);

}  // namespace crbc::extract
