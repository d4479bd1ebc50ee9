// For the extraction tests that look only at the body text crbc extracts.
#pragma once

#include <string>

#include "extract/extract.hpp"

namespace crbc::testing {

// The body text extracted from `html`, a page at `url`.
inline std::string body_text_at(const std::string& html, const std::string& url) {
  extract::ExtractOptions options;
  options.url = url;
  return model::body_text(extract::extract_article(html, options).article);
}

inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace crbc::testing
