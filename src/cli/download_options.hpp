// The options of every subcommand that downloads (fetch, and parse given a web
// address), defined once so that they read the same in both.
#pragma once

#include <CLI/CLI.hpp>

#include "fetch/fetch.hpp"

namespace crbc::cli {

// --no-robots and --allow-private, written into `options`.
inline void add_address_options(CLI::App& command, fetch::FetchOptions& options) {
  command.add_flag(
      "--no-robots", [&options](std::int64_t) { options.robots = false; }, "Ignore robots.txt");
  command.add_flag("--allow-private", options.allow_private,
                   "Allow loopback, private and link-local addresses");
}

}  // namespace crbc::cli
