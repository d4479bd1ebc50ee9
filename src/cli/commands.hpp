// CLI11 wiring: one function per subcommand adds its options and its callback.
// No logic lives here; every callback hands parsed options to its run_<name>
// in src/commands/.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

namespace crbc::cli {

// Where the subcommand that runs writes, and the exit status it sets (see
// io/exit_status.hpp for the values).
struct RunState {
  std::ostream& out;
  std::ostream& err;
  int exit_status = 0;
};

void add_parse_command(CLI::App& app, RunState& state);
void add_convert_command(CLI::App& app, RunState& state);
void add_summarize_command(CLI::App& app, RunState& state);
void add_related_command(CLI::App& app, RunState& state);
void add_fetch_command(CLI::App& app, RunState& state);

}  // namespace crbc::cli
