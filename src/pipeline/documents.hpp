// Turning any input document into an article record: records pass through,
// raw pages go through the extractor.
#pragma once

#include <string>

#include "formats/types.hpp"
#include "pipeline/pipeline.hpp"

namespace crbc::pipeline {

struct PageOptions {
  std::string url;  // --url: the page url for bare HTML files
};

// The record of a document: an article as read, or a page parsed by the
// extractor (its warnings go to `notes`).
model::Article article_of(formats::SourcedDocument& document, const PageOptions& options,
                          Notes& notes);

// Reads every record of `paths` (pages are parsed) into memory, for commands that
// need a whole corpus first (--corpus, index add). Inputs and records that fail
// are reported on `reporter` and skipped; the count of failures is returned in
// `failures`.
std::vector<model::Article> read_all_records(const std::vector<std::string>& paths,
                                             const formats::ReadOptions& read_options,
                                             io::Reporter& reporter, std::size_t& failures);

}  // namespace crbc::pipeline
