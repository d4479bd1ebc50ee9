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

// What a record subcommand's options set: the shared ones, and its Command's own.
template <typename Command>
struct RecordCommandFlags {
  PipelineFlags pipeline;
  Command command;
};

// Adds the record subcommand `name`, whose --help ends with `example`, with the
// shared options; it writes JSON unless -t says otherwise.
CLI::App* add_record_subcommand(CLI::App& app, const std::string& name,
                                const std::string& description, const std::string& example,
                                PipelineFlags& flags);

// Converts the raw values, which their options validated; throws
// CLI::ValidationError (exit 2) for what no one option can check (--with-metadata
// without -t text).
pipeline::Options finish_pipeline_options(PipelineFlags& flags);

}  // namespace crbc::cli
