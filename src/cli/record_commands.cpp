// `crbc parse` and `crbc convert`: the same pipeline (pages are parsed, records
// pass through), told apart by their purpose and documentation, and by parse's
// downloading of web addresses.

#include "commands/record_commands.hpp"

#include "cli/commands.hpp"
#include "cli/download_options.hpp"
#include "cli/pipeline_options.hpp"

namespace crbc::cli {
namespace {

enum class WebAddresses { downloaded, files };

void add_record_command(CLI::App& app, RunState& state, const std::string& name,
                        const std::string& description, const std::string& example,
                        WebAddresses web_addresses) {
  // convert leaves the download options unset
  auto flags = std::make_shared<RecordCommandFlags<commands::ParseCommand>>();
  auto& c = flags->command;
  auto* command = add_record_subcommand(app, name, description, example, flags->pipeline);
  if (web_addresses == WebAddresses::downloaded) add_address_options(*command, c.download);
  command->add_option("--url", c.page.url, "Page url of HTML inputs, for relative links")
      ->type_name("URL");
  command
      ->add_option("--ack-state", c.ack_state,
                   "Mark each page delivered in fetch's --state FILE once its record is written")
      ->type_name("FILE");
  command->callback([&state, flags, web_addresses] {
    flags->command.pipeline = finish_pipeline_options(flags->pipeline);
    state.exit_status = web_addresses == WebAddresses::downloaded
                            ? commands::run_parse(flags->command, state.out, state.err)
                            : commands::run_convert(flags->command, state.out, state.err);
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
