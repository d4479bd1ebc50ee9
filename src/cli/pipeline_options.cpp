#include "cli/pipeline_options.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "cli/help_formatter.hpp"
#include "cli/validators.hpp"

namespace crbc::cli {
namespace {

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::vector<std::string> split_fields(const std::string& list) {
  std::vector<std::string> fields;
  std::stringstream stream(list);
  std::string field;
  while (std::getline(stream, field, ',')) {
    if (!field.empty()) fields.push_back(field);
  }
  return fields;
}

// --fields: every name must be a known column, else a usage error naming the valid ones.
const CLI::Validator kTableFields(
    [](std::string& value) {
      const auto known = formats::table_field_names();
      for (const std::string& field : split_fields(value)) {
        if (std::find(known.begin(), known.end(), field) == known.end())
          return "unknown field \"" + field + "\" (known fields: " + joined(known) + ")";
      }
      return std::string();
    },
    "");

// A number of seconds, 0 or more (CLI11's own range check prints its bounds as
// 308-digit numbers).
const CLI::Validator kSeconds(
    [](std::string& value) {
      char* end = nullptr;
      const double seconds = std::strtod(value.c_str(), &end);
      const bool valid = !value.empty() && end == value.c_str() + value.size() && seconds >= 0;
      return valid ? std::string() : "\"" + value + "\" is not a number of seconds (0 or more)";
    },
    "");

}  // namespace

CLI::Option* add_progress_flag(CLI::App& command, bool& progress) {
  return command.add_flag("--progress", progress,
                          "Show progress on stderr even when it is not a terminal");
}

void add_pipeline_options(CLI::App& command, PipelineFlags& flags, std::string default_to) {
  flags.to = std::move(default_to);
  auto& o = flags.options;
  o.stage = command.get_name();
  command
      .add_option("inputs", o.inputs.paths,
                  "Input files (folders with -R); standard input when none or \"-\"")
      ->type_name("FILE");
  command
      .add_option("-i,--input-list", o.inputs.lists,
                  "Also read the inputs named in FILE, one a line (- for standard input)")
      ->type_name("FILE")
      ->allow_extra_args(false)  // -i takes one FILE; repeat it for more
      ->group(kInputGroup);
  command
      .add_flag("-R,--recursive", o.inputs.recursive,
                "Read the files in folders given as inputs, and in their subfolders")
      ->group(kInputGroup);
  command.add_option("-t,--to,--format", flags.to, "Output format")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->check(choice_of(formats::output_format_names(), "format", formats::is_output_format_name))
      ->group(kOutputGroup);
  command.add_option("-f,--from", flags.from, "Input format, instead of detecting it")
      ->type_name("FORMAT")
      ->check(choice_of(formats::input_format_names(), "format", formats::is_input_format_name))
      ->group(kInputGroup);
  command.add_option("-o,--output", o.output_file, "Write to FILE (atomically) instead of stdout")
      ->type_name("FILE")
      ->group(kOutputGroup);
  command
      .add_option("--output-dir", o.output_dir,
                  "Write one file per input into DIR (created if missing)")
      ->type_name("DIR")
      ->excludes("--output")
      ->group(kOutputGroup);
  command.add_option("--fields", flags.fields, "csv/tsv columns, comma-separated")
      ->type_name("LIST")
      ->check(kTableFields)
      ->group(kOutputGroup);
  auto* pretty = command
                     .add_flag_function(
                         "--pretty", [&o](std::int64_t) { o.pretty = true; },
                         "json, jsonld: indent each record (the default on a terminal)")
                     ->group(kOutputGroup);
  command
      .add_flag_function(
          "--compact", [&o](std::int64_t) { o.pretty = false; },
          "json, jsonld: one record a line (the default in a pipe or a file)")
      ->excludes(pretty)
      ->group(kOutputGroup);
  command
      .add_flag("--with-metadata", o.write.with_metadata,
                "text: begin each record with its title, byline, date, site and url")
      ->group(kOutputGroup);
  command
      .add_option("-j,--jobs", o.jobs,
                  "Process up to N documents in parallel; output keeps input order")
      ->type_name("N")
      ->check(CLI::Range(1U, 256U))
      ->group(kRunGroup);
  command.add_flag("--fail-fast", o.fail_fast, "Stop at the first input that fails")
      ->group(kRunGroup);
  command.add_flag("-q,--quiet", o.quiet, "No warnings and no progress; errors are still reported")
      ->group(kRunGroup);
  add_progress_flag(command, flags.progress)->group(kRunGroup);
  command.add_option("--max-input-size", o.max_input_bytes, "Largest document accepted, in bytes")
      ->type_name("BYTES")
      ->capture_default_str()
      ->group(kRunGroup);
  command
      .add_option("--document-time-limit", o.document_time_limit,
                  "Give up on a document after this many seconds (0: no limit)")
      ->type_name("SECONDS")
      ->capture_default_str()
      ->check(kSeconds)
      ->group(kRunGroup);
}

CLI::App* add_record_subcommand(CLI::App& app, const std::string& name,
                                const std::string& description, const std::string& example,
                                PipelineFlags& flags) {
  auto* command = app.add_subcommand(name, description);
  add_help_footer(*command, example);
  add_pipeline_options(*command, flags, "json");
  return command;
}

pipeline::Options finish_pipeline_options(PipelineFlags& flags) {
  pipeline::Options options = flags.options;
  options.to = *formats::format_from_name(flags.to);
  if (options.write.with_metadata && options.to != formats::Format::text) {
    throw CLI::ValidationError("--with-metadata",
                               "applies to -t text only (the other formats "
                               "carry the metadata already)");
  }
  if (!flags.from.empty()) options.from = formats::format_from_name(flags.from);
  options.write.fields = split_fields(flags.fields);
  if (options.quiet) {
    options.progress = pipeline::Progress::never;
  } else if (flags.progress) {
    options.progress = pipeline::Progress::always;
  }
  return options;
}

}  // namespace crbc::cli
