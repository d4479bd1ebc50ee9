// `crbc fetch`: the fetch library, with the WARC archive and the terminal and
// pipe checks that depend on how the process was started.
#pragma once

#include <ostream>
#include <string>

#include "fetch/command.hpp"

namespace crbc::commands {

struct FetchInvocation {
  fetch::FetchCommand fetch;
  std::string warc_path;  // --warc FILE, written atomically
};

// Fills what the process environment decides (is stdout a pipe, is there input
// on stdin), runs the fetch, and commits the WARC file. Returns the exit status.
int run_fetch(FetchInvocation invocation, std::ostream& out, std::ostream& err);

}  // namespace crbc::commands
