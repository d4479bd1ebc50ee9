// The progress line of a long run on standard error: "crbc: parse: 1,204 documents,
// 3 failed", redrawn in place at most five times a second, ended by finish().
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "io/diagnostics.hpp"

namespace crbc::io {

// Whether to show progress: asked for (--progress), or standard error is a terminal;
// never when `quiet`.
bool progress_wanted(bool asked, bool quiet);

class ProgressLine {
 public:
  // `stage` names the subcommand, `one`/`many` what is counted ("page", "pages").
  ProgressLine(bool enabled, const std::string& stage, std::string one, std::string many,
               Reporter& reporter);

  void update(std::size_t done, std::size_t failed);
  void finish(std::size_t done, std::size_t failed);

 private:
  void show(std::size_t done, std::size_t failed);

  bool enabled_;
  std::string prefix_;
  std::string one_;
  std::string many_;
  Reporter& reporter_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace crbc::io
