// `crbc parse` and `crbc convert`: the pipeline, with pages parsed and records
// passed through; parse also downloads the inputs that are web addresses.
#pragma once

#include <ostream>
#include <string>

#include "fetch/fetch.hpp"
#include "pipeline/documents.hpp"
#include "pipeline/pipeline.hpp"

namespace crbc::commands {

struct RecordCommand {
  pipeline::Options pipeline;
  pipeline::PageOptions page;
  // --ack-state FILE: fetch's state, where each record written is marked delivered.
  std::string ack_state;
};

struct ParseCommand : RecordCommand {
  fetch::FetchOptions download;  // for the inputs that are web addresses
};

// Both return the exit status.
int run_parse(const ParseCommand& command, std::ostream& out, std::ostream& err);
int run_convert(const RecordCommand& command, std::ostream& out, std::ostream& err);

}  // namespace crbc::commands
