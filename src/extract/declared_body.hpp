// The article text a page declares about itself (the JSON-LD articleBody), read into
// the record's blocks. Internal to src/extract/: the public API is extract.hpp.
#pragma once

#include <string_view>
#include <vector>

#include "extract/document.hpp"
#include "model/article.hpp"

namespace crbc::extract {

// `declared` read as the fragment of a page it is: written as HTML ("<p>One.</p>"), it
// gives its paragraphs, headings and lists; as plain text, one paragraph a line. The
// character references in it are decoded, and the WordPress shortcodes left in it
// ('[video mp4="…"]', '[/video]') dropped. `limits` bound the parse as the page's did;
// `base_url` resolves its links.
std::vector<model::Block> declared_blocks(std::string_view declared, const ParseOptions& limits,
                                          std::string_view base_url);

}  // namespace crbc::extract
