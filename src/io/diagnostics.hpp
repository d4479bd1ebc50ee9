// Diagnostics on stderr: "crbc: FILE:LINE:COLUMN: message", safe from any thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace crbc::io {

// Where a message is about: an input name and, when known, a position in it.
struct Location {
  std::string source;      // file name or "<stdin>"; empty for the run as a whole
  std::size_t line = 0;    // 1-based; 0 when unknown
  std::size_t column = 0;  // 1-based; 0 when unknown
};

std::string format_location(const Location& where);

// "1 document", "3 documents": a count with its noun in the right number.
std::string counted(std::size_t count, std::string_view one, std::string_view many);

class Reporter {
 public:
  explicit Reporter(std::ostream& err, bool quiet = false) : err_(err), quiet_(quiet) {}

  void error(const Location& where, std::string_view message);
  // Warnings are dropped under --quiet; errors never are.
  void warning(const Location& where, std::string_view message);
  // Writes a raw line (progress, usage) under the same lock.
  void raw(std::string_view text);

  std::size_t errors() const noexcept { return errors_.load(); }

 private:
  void emit(const Location& where, std::string_view kind, std::string_view message);

  std::ostream& err_;
  bool quiet_;
  std::mutex mutex_;
  std::atomic<std::size_t> errors_{0};
};

}  // namespace crbc::io
