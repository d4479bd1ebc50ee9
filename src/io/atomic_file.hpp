// Output files that appear whole or not at all: written to a temporary file in
// the same directory, then fsync'd and renamed over the target on commit().
// Destroying an uncommitted AtomicFile (an error, an exception) removes the
// temporary; so does SIGINT/SIGTERM (see interrupt.hpp).
#pragma once

#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "io/fd_stream.hpp"
#include "io/interrupt.hpp"

namespace crbc::io {

class AtomicFile {
 public:
  // Creates the temporary next to `target`; throws OutputError (with the reason)
  // when the directory is missing or not writable.
  explicit AtomicFile(std::string target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return stream_; }
  const std::string& target() const noexcept { return target_; }

  // Flushes, syncs and renames; throws OutputError (disk full, I/O error) and
  // leaves the target untouched in that case.
  void commit();

 private:
  void discard() noexcept;

  std::string target_;
  std::string temporary_;
  int fd_ = -1;
  std::unique_ptr<TemporaryPathGuard> guard_;
  std::unique_ptr<FdStreamBuf> buffer_;
  std::ostream stream_{nullptr};
  bool committed_ = false;
};

}  // namespace crbc::io
