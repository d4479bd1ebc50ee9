#include "commands/record_commands.hpp"

#include <memory>

#include "commands/delivery.hpp"
#include "commands/page_download.hpp"
#include "io/diagnostics.hpp"
#include "io/exit_status.hpp"

namespace crbc::commands {
namespace {

// Runs the pipeline with `options`, which are the command's own with a way to
// read web addresses or not.
int run_records(const RecordCommand& command, pipeline::Options options, std::ostream& out,
                std::ostream& err) {
  if (!command.ack_state.empty()) {
    try {
      options.delivery = std::make_shared<StateAcknowledgement>(command.ack_state);
    } catch (const fetch::StateError& error) {
      io::Reporter(err).error({command.ack_state}, error.what());
      return io::kExitSomeFailed;
    }
  }
  return pipeline::run(
      options,
      [&page = command.page](formats::SourcedDocument& document, pipeline::Notes& notes) {
        return std::vector<model::Article>{pipeline::article_of(document, page, notes)};
      },
      out, err);
}

}  // namespace

int run_parse(const ParseCommand& command, std::ostream& out, std::ostream& err) {
  pipeline::Options options = command.pipeline;
  options.read_url = download_pages(command.download);
  return run_records(command, std::move(options), out, err);
}

int run_convert(const RecordCommand& command, std::ostream& out, std::ostream& err) {
  return run_records(command, command.pipeline, out, err);
}

}  // namespace crbc::commands
