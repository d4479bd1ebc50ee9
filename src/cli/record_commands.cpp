// `crbc parse` and `crbc convert`: the same pipeline (pages are parsed, records
// pass through), told apart by their purpose and documentation, and by parse's
// downloading of web addresses.

#include "commands/record_commands.hpp"

#include "cli/commands.hpp"
#include "cli/download_options.hpp"
#include "cli/help_formatter.hpp"
#include "cli/pipeline_options.hpp"

namespace crbc::cli {
namespace {

// --url and --ack-state, the options of both besides the pipeline's.
void add_record_options(CLI::App& sub, commands::RecordCommand& command) {
  sub.add_option("--url", command.page.url, "Page url of HTML inputs, for relative links")
      ->type_name("URL");
  sub.add_option("--ack-state", command.ack_state,
                 "Mark each page delivered in fetch's --state FILE once its record is written")
      ->type_name("FILE");
}

}  // namespace

void add_parse_command(CLI::App& app, RunState& state) {
  auto* sub = app.add_subcommand(
      "parse", "Extract article records (metadata, body blocks, related links) from HTML pages");
  add_help_footer(*sub, "crbc parse -j 2 -R --output-dir records/ pages/");
  struct Flags {
    PipelineFlags pipeline;
    commands::ParseCommand command;
  };
  auto flags = std::make_shared<Flags>();
  add_pipeline_options(*sub, flags->pipeline, "json");
  add_address_options(*sub, flags->command.download);
  add_record_options(*sub, flags->command);
  sub->callback([&state, flags] {
    flags->command.pipeline = finish_pipeline_options(flags->pipeline);
    state.exit_status = commands::run_parse(flags->command, state.out, state.err);
  });
}

void add_convert_command(CLI::App& app, RunState& state) {
  auto* sub = app.add_subcommand(
      "convert",
      "Convert records between JSON, NDJSON, YAML, Markdown, HTML, text, CSV, TSV and JSON-LD");
  add_help_footer(*sub, "crbc convert -t yaml story.json > story.yaml");
  struct Flags {
    PipelineFlags pipeline;
    commands::RecordCommand command;
  };
  auto flags = std::make_shared<Flags>();
  add_pipeline_options(*sub, flags->pipeline, "json");
  add_record_options(*sub, flags->command);
  sub->callback([&state, flags] {
    flags->command.pipeline = finish_pipeline_options(flags->pipeline);
    state.exit_status = commands::run_convert(flags->command, state.out, state.err);
  });
}

}  // namespace crbc::cli
