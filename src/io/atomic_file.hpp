// Output files that appear whole or not at all: written to a temporary file in
// the same directory, then fsync'd and renamed over the target on commit().
// Destroying an uncommitted AtomicFile (an error, an exception) removes the
// temporary; so does SIGINT/SIGTERM (see interrupt.hpp).
//
// A target that is a symbolic link stays one: the file it points to is replaced. A
// file replaced keeps its permissions. A target that is not a regular file (/dev/null,
// a named pipe) or names one of the process's open streams (/dev/stdout, /dev/fd/3) is
// written as it is, with no temporary: a stream cannot appear whole, and renaming over
// a device would replace it with a file.
#pragma once

#include <sys/stat.h>

#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

#include "io/fd_stream.hpp"
#include "io/interrupt.hpp"

namespace crbc::io {

class AtomicFile {
 public:
  // Creates the temporary next to `target` (or opens `target`, when it is not a
  // regular file); throws OutputError (with the reason) when the directory is missing
  // or not writable, or `target` is a directory.
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
  void open_temporary(const std::string& replaced, mode_t mode);
  void open_as_is();
  void discard() noexcept;

  std::string target_;
  std::string replaced_;   // the file the temporary is renamed to: the target, or its link's
  std::string temporary_;  // empty when the target is written as it is
  int fd_ = -1;
  std::unique_ptr<TemporaryPathGuard> guard_;
  std::unique_ptr<FdStreamBuf> buffer_;
  std::ostream stream_{nullptr};
  bool committed_ = false;
};

}  // namespace crbc::io
