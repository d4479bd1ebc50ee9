// Output files that appear whole or not at all: written to a temporary file in
// the same directory, then fsync'd and renamed over the target on commit().
// Destroying an uncommitted AtomicFile (an error, an exception) removes the
// temporary; so does SIGINT/SIGTERM (see interrupt.hpp).
#pragma once

#include <memory>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>

#include "io/interrupt.hpp"

namespace crbc::io {

class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A streambuf over a file descriptor that remembers the first write error.
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd);
  int error() const noexcept { return error_; }  // errno of the first failed write, or 0

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;

 private:
  bool flush_buffer();
  bool write_all(const char* data, std::size_t size);

  int fd_;
  int error_ = 0;
  std::unique_ptr<char[]> buffer_;
};

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
