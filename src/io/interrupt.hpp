// Clean interruption: SIGINT/SIGTERM remove every temporary output file still
// being written and end the process with 128 + the signal number (130, 143).
//
// The registry of temporary paths is process-wide by necessity: a signal handler
// can reach nothing else. It is a fixed table of slots written with atomics, so the
// handler only reads it and calls the async-signal-safe unlink() and _exit().
#pragma once

#include <cstddef>
#include <string>

namespace crbc::io {

// Installs the handlers (once per process) and ignores SIGPIPE, so that a closed
// output pipe shows up as a write error that callers end quietly on.
void install_interrupt_handlers();

// A temporary path that the handlers delete if a signal arrives while it is held.
class TemporaryPathGuard {
 public:
  explicit TemporaryPathGuard(const std::string& path);
  ~TemporaryPathGuard();
  TemporaryPathGuard(const TemporaryPathGuard&) = delete;
  TemporaryPathGuard& operator=(const TemporaryPathGuard&) = delete;

 private:
  std::ptrdiff_t slot_ = -1;
};

}  // namespace crbc::io
