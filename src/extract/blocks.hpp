// Turning the chosen content elements into the record's typed blocks, leaving out
// the page furniture found inside them.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "extract/content.hpp"
#include "extract/document.hpp"
#include "model/article.hpp"

namespace crbc::extract {

// How much furniture the emitter takes out of the chosen elements: `full` also drops
// the subtrees named or shaped like furniture (share bars, link lists, short wrappers);
// `by_shape` those shaped like it only, whatever their names and inline styles say
// (text hidden by a style until a click or a subscription is kept); `minimal` only what
// is never shown as text (scripts, forms, hidden elements).
enum class Cleaning { full, by_shape, minimal };

// `base_url` resolves links and image sources (the page url, or its <base href>).
std::vector<model::Block> emit_blocks(const Document& doc, const NodeStats& stats,
                                      const ContentRoots& roots, std::string_view base_url,
                                      Cleaning cleaning = Cleaning::full);

}  // namespace crbc::extract
