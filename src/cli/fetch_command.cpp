#include "cli/commands.hpp"

namespace crbc::cli {

void add_fetch_command(CLI::App&, RunState&) {}

}  // namespace crbc::cli
