// For the extraction tests that look only at the body text crbc extracts.
#pragma once

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

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

// The body text of `html`, a page at `url`, checked to hold every part of `kept` and
// none of `left_out`.
inline std::string checked_body_text(const std::string& html, const std::string& url,
                                     std::initializer_list<std::string_view> kept,
                                     std::initializer_list<std::string_view> left_out) {
  const std::string text = body_text_at(html, url);
  for (const std::string_view part : kept) {
    INFO("kept: " << part);
    CHECK(text.find(part) != std::string::npos);
  }
  for (const std::string_view part : left_out) {
    INFO("left out: " << part);
    CHECK(text.find(part) == std::string::npos);
  }
  return text;
}

}  // namespace crbc::testing
