// The exit statuses every subcommand returns, documented in crbc(1), EXIT STATUS.
// (130 and 143, interrupted by SIGINT and SIGTERM, come from io/interrupt.hpp.)
#pragma once

namespace crbc::io {

inline constexpr int kExitOk = 0;
// Some inputs failed (the others were processed), or the output cannot be written.
inline constexpr int kExitSomeFailed = 1;
// The command line cannot be run: nothing was processed.
inline constexpr int kExitUsage = 2;

}  // namespace crbc::io
