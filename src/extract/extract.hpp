// `crbc parse` core: raw HTML bytes of a news or blog page in, the article record out.
//
// extract_article() decodes the bytes to UTF-8 (charset.hpp), parses them into a
// read-only Document (document.hpp), finds the main text, emits it as typed blocks,
// collects the page's own related-article links and fills the metadata.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/charset.hpp"
#include "io/deadline.hpp"
#include "model/article.hpp"

namespace crbc::extract {

struct ExtractOptions {
  std::string url;           // page url: relative links resolve against it (and <base>)
  std::string content_type;  // HTTP Content-Type header, for its charset; may be empty
  // When the page was fetched (the HTTP Date header, else the fetch time), in a form
  // parse_date() reads: what relative dates ("2 hours ago") count back from. Empty when
  // unknown; relative dates are then not read.
  std::string reference_time;
  std::size_t max_depth = 512;        // deeper element nesting is flattened before parsing
  std::size_t max_errors = 100;       // parse errors the HTML parser records at most
  std::size_t max_elements = 50'000;  // start tags after this many are flattened (text kept)
  io::Deadline deadline;              // checked between stages
};

struct ExtractResult {
  model::Article article;
  std::vector<std::string> warnings;  // e.g. "no article body found"
};

// Never throws on hostile input; what went wrong is reported in `warnings`. Throws
// io::TimeLimitExceeded when the deadline passes.
ExtractResult extract_article(std::string_view raw_bytes, const ExtractOptions& options);

}  // namespace crbc::extract
