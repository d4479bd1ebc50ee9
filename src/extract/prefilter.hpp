// A cheap byte-level pass over the HTML before the parser sees it.
//
// It cuts the bodies of <script> (except JSON-LD), <style>, <svg>, <noscript> and
// <template>, and drops comments: they are most of a modern page's bytes, carry no
// article text, and the parser handles them one character at a time. It also bounds
// element nesting: gumbo is quadratic in nesting depth and frees its tree
// recursively, so start tags beyond `max_depth` open elements (and their matching end
// tags) are removed; their text stays. Likewise every start tag after the first
// `max_elements`, so that a flood of tags cannot make the parser's tree (about 200
// bytes a node) hundreds of times larger than the page. A start tag keeps only its
// first 256 attributes: the parser's duplicate check is quadratic in their number.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crbc::extract {

struct PrefilterStats {
  std::size_t scripts_cut = 0;
  std::size_t tags_flattened = 0;  // start tags dropped to bound the depth or the count
};

std::string prefilter_html(std::string_view html, std::size_t max_depth,
                           PrefilterStats* stats = nullptr, std::size_t max_elements = 50'000);

}  // namespace crbc::extract
