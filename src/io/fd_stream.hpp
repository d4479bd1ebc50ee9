// Output streams over file descriptors that keep the errno of their first failed
// write, so that a closed pipe (EPIPE) is told apart from a full disk whatever
// ran since.
#pragma once

#include <memory>
#include <ostream>
#include <stdexcept>
#include <streambuf>

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

// Standard output through an FdStreamBuf; the CLI writes every record here.
class StdoutStream : public std::ostream {
 public:
  StdoutStream();
  ~StdoutStream() override;
  StdoutStream(const StdoutStream&) = delete;
  StdoutStream& operator=(const StdoutStream&) = delete;

 private:
  FdStreamBuf buffer_;
};

// The errno of the first failed write on `stream`: exact for streams over an
// FdStreamBuf, else the current errno (the best other streams offer).
int write_error(const std::ostream& stream);

// True when a failed `stream` failed because its reader went away.
bool is_closed_pipe(const std::ostream& stream);

}  // namespace crbc::io
