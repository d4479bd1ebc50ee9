#include "cli/commands.hpp"

namespace crbc::cli {

void add_summarize_command(CLI::App&, RunState&) {}
void add_related_command(CLI::App&, RunState&) {}
void add_fetch_command(CLI::App&, RunState&) {}

}  // namespace crbc::cli
