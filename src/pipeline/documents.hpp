// Turning any input document into an article record: records pass through,
// raw pages go through the extractor.
#pragma once

#include <string>

#include "formats/formats.hpp"
#include "pipeline/pipeline.hpp"

namespace crbc::pipeline {

struct PageOptions {
  std::string url;  // --url: the page url for bare HTML files
};

// The record of a document: an article as read, or a page parsed by the
// extractor (its warnings go to `notes`).
model::Article article_of(formats::Document& document, const PageOptions& options, Notes& notes);

}  // namespace crbc::pipeline
