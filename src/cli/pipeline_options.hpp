// The options every record subcommand shares (inputs, formats, outputs, -j, …),
// defined once here so that their names and help read the same everywhere.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "pipeline/pipeline.hpp"

namespace crbc::cli {

// Raw option values, turned into pipeline::Options after parsing.
struct PipelineFlags {
  pipeline::Options options;
  std::string from;
  std::string to;
  std::string fields;
  bool progress = false;
};

// --progress, as every subcommand has it (a terminal gets progress without it).
CLI::Option* add_progress_flag(CLI::App& command, bool& progress);

// `default_to` is the output format when -t is not given.
void add_pipeline_options(CLI::App& command, PipelineFlags& flags, std::string default_to);

// Converts the raw values, which their options validated; throws
// CLI::ValidationError (exit 2) for what no one option can check (--with-metadata
// without -t text).
pipeline::Options finish_pipeline_options(PipelineFlags& flags);

}  // namespace crbc::cli
