// The article text a page declares in its JSON-LD ("articleBody"), used as a fallback
// when the markup yields no body (pages that render their text with scripts).
#pragma once

#include <string>
#include <string_view>

#include "extract/document.hpp"

namespace crbc::extract {

// The longest "articleBody" string of the page's JSON-LD scripts, unescaped; empty
// when there is none. Reads the string value directly, without parsing the JSON
// structure, so hostile nesting costs nothing.
std::string json_ld_article_body(const Document& doc);

// The value of the JSON string starting at `text[0]` (a '"'), unescaped; sets `end`
// one past its closing quote (npos when unterminated).
std::string read_json_string(std::string_view text, std::size_t& end);

}  // namespace crbc::extract
