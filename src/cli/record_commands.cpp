// `crbc parse` and `crbc convert`: the same pipeline (pages are parsed, records
// pass through), told apart by their purpose and documentation.

#include "cli/commands.hpp"
#include "cli/pipeline_options.hpp"
#include "commands/delivery.hpp"
#include "pipeline/documents.hpp"

namespace crbc::cli {
namespace {

void add_record_command(CLI::App& app, RunState& state, const std::string& name,
                        const std::string& description) {
  auto* command = app.add_subcommand(name, description);
  auto flags = std::make_shared<PipelineFlags>();
  auto page = std::make_shared<pipeline::PageOptions>();
  auto ack_state = std::make_shared<std::string>();
  add_pipeline_options(*command, *flags, "json");
  command->add_option("--url", page->url, "Page url of HTML inputs, for relative links")
      ->type_name("URL");
  command
      ->add_option("--ack-state", *ack_state,
                   "Mark each page delivered in fetch's --state FILE once its record is written")
      ->type_name("FILE");
  command->callback([&state, flags, page, ack_state] {
    pipeline::Options options = finish_pipeline_options(*flags);
    if (!ack_state->empty()) {
      try {
        options.delivery = std::make_shared<commands::StateAcknowledgement>(*ack_state);
      } catch (const fetch::StateError& error) {
        io::Reporter(state.err).error({*ack_state}, error.what());
        state.exit_status = pipeline::kExitSomeFailed;
        return;
      }
    }
    state.exit_status = pipeline::run(
        options,
        [page](formats::Document& document, pipeline::Notes& notes) {
          return std::vector<model::Article>{pipeline::article_of(document, *page, notes)};
        },
        state.out, state.err);
  });
}

}  // namespace

void add_parse_command(CLI::App& app, RunState& state) {
  add_record_command(
      app, state, "parse",
      "Extract article records (metadata, body blocks, related links) from HTML pages");
}

void add_convert_command(CLI::App& app, RunState& state) {
  add_record_command(
      app, state, "convert",
      "Convert records between JSON, NDJSON, YAML, Markdown, HTML, text, CSV, TSV and JSON-LD");
}

}  // namespace crbc::cli
