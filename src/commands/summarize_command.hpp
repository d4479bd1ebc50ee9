// `crbc summarize`: the pipeline with a summarizer on every record.
#pragma once

#include <ostream>

#include "pipeline/pipeline.hpp"
#include "summarize/summarize.hpp"

namespace crbc::commands {

struct SummarizeCommand {
  pipeline::Options pipeline;
  summarize::Options summarize;
  bool text_only = false;  // --text: print the summaries, one sentence a line
};

int run_summarize(const SummarizeCommand& command, std::ostream& out, std::ostream& err);

}  // namespace crbc::commands
