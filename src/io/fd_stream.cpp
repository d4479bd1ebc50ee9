#include "io/fd_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace crbc::io {
namespace {

constexpr std::size_t kBufferBytes = 1 << 16;

}  // namespace

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd), buffer_(std::make_unique<char[]>(kBufferBytes)) {
  setp(buffer_.get(), buffer_.get() + kBufferBytes);
}

bool FdStreamBuf::write_all(const char* data, std::size_t size) {
  while (size > 0 && error_ == 0) {
    const ssize_t written = ::write(fd_, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  return error_ == 0;
}

bool FdStreamBuf::flush_buffer() {
  const auto pending = static_cast<std::size_t>(pptr() - pbase());
  const bool ok = write_all(pbase(), pending);
  setp(buffer_.get(), buffer_.get() + kBufferBytes);
  return ok;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type ch) {
  if (!flush_buffer()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

std::streamsize FdStreamBuf::xsputn(const char* data, std::streamsize size) {
  const auto room = static_cast<std::streamsize>(epptr() - pptr());
  if (size <= room) {
    std::memcpy(pptr(), data, static_cast<std::size_t>(size));
    pbump(static_cast<int>(size));
    return size;
  }
  if (!flush_buffer() || !write_all(data, static_cast<std::size_t>(size))) return 0;
  return size;
}

int FdStreamBuf::sync() {
  return flush_buffer() ? 0 : -1;
}

StdoutStream::StdoutStream() : std::ostream(nullptr), buffer_(STDOUT_FILENO) {
  rdbuf(&buffer_);
}

StdoutStream::~StdoutStream() {
  flush();
}

int write_error(const std::ostream& stream) {
  if (const auto* buffer = dynamic_cast<const FdStreamBuf*>(stream.rdbuf())) {
    if (buffer->error() != 0) return buffer->error();
  }
  return errno;
}

bool is_closed_pipe(const std::ostream& stream) {
  return write_error(stream) == EPIPE;
}

}  // namespace crbc::io
