// `crbc parse` and `crbc convert`: the same pipeline (pages are parsed, records
// pass through), told apart by their purpose and documentation.

#include "cli/commands.hpp"
#include "cli/download_options.hpp"
#include "cli/help_formatter.hpp"
#include "cli/pipeline_options.hpp"
#include "commands/delivery.hpp"
#include "commands/page_download.hpp"
#include "pipeline/documents.hpp"

namespace crbc::cli {
namespace {

enum class WebAddresses { downloaded, files };

void add_record_command(CLI::App& app, RunState& state, const std::string& name,
                        const std::string& description, const std::string& example,
                        WebAddresses web_addresses) {
  auto* command = app.add_subcommand(name, description);
  add_help_footer(*command, example);
  auto flags = std::make_shared<PipelineFlags>();
  auto page = std::make_shared<pipeline::PageOptions>();
  auto ack_state = std::make_shared<std::string>();
  auto download = std::make_shared<fetch::FetchOptions>();
  add_pipeline_options(*command, *flags, "json");
  if (web_addresses == WebAddresses::downloaded) {
    add_address_options(*command, *download);
  }
  command->add_option("--url", page->url, "Page url of HTML inputs, for relative links")
      ->type_name("URL");
  command
      ->add_option("--ack-state", *ack_state,
                   "Mark each page delivered in fetch's --state FILE once its record is written")
      ->type_name("FILE");
  command->callback([&state, flags, page, ack_state, download, web_addresses] {
    pipeline::Options options = finish_pipeline_options(*flags);
    if (web_addresses == WebAddresses::downloaded) {
      options.read_url = commands::download_pages(*download);
    }
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
      "Extract article records (metadata, body blocks, related links) from HTML pages",
      "crbc parse -j 2 -R --output-dir records/ pages/", WebAddresses::downloaded);
}

void add_convert_command(CLI::App& app, RunState& state) {
  add_record_command(
      app, state, "convert",
      "Convert records between JSON, NDJSON, YAML, Markdown, HTML, text, CSV, TSV and JSON-LD",
      "crbc convert -t yaml story.json > story.yaml", WebAddresses::files);
}

}  // namespace crbc::cli
