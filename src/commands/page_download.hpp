// `crbc parse https://…`: an input that is a web address is downloaded with fetch's
// library (same politeness, limits and private-address refusal) and parsed like a
// page read from a file.
#pragma once

#include "fetch/fetch.hpp"
#include "pipeline/pipeline.hpp"

namespace crbc::commands {

// A reader of web addresses for pipeline::Options::read_url. libcurl is loaded on the
// first address, so a run over files never loads it.
pipeline::UrlReader download_pages(fetch::FetchOptions options);

}  // namespace crbc::commands
