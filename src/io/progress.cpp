#include "io/progress.hpp"

#include <unistd.h>

namespace crbc::io {

bool progress_wanted(bool asked, bool quiet) {
  return !quiet && (asked || ::isatty(STDERR_FILENO) == 1);
}

ProgressLine::ProgressLine(bool enabled, const std::string& stage, std::string one,
                           std::string many, Reporter& reporter)
    : enabled_(enabled),
      prefix_("\rcrbc: " + (stage.empty() ? std::string() : stage + ": ")),
      one_(std::move(one)),
      many_(std::move(many)),
      reporter_(reporter) {}

void ProgressLine::update(std::size_t done, std::size_t failed) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  show(done, failed);
}

void ProgressLine::finish(std::size_t done, std::size_t failed) {
  if (!enabled_) return;
  show(done, failed);
  reporter_.raw("\n");
}

void ProgressLine::show(std::size_t done, std::size_t failed) {
  reporter_.raw(prefix_ + counted(done, one_, many_) + ", " + std::to_string(failed) + " failed");
}

}  // namespace crbc::io
