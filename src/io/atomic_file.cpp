#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace crbc::io {
namespace {

constexpr std::size_t kBufferBytes = 1 << 16;

std::string describe(const std::string& path, int error) {
  return path + ": " + std::strerror(error);
}

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

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

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  std::string name = directory_of(target_) + "/.crbc-XXXXXX.tmp";
  std::vector<char> pattern(name.begin(), name.end());
  pattern.push_back('\0');
  fd_ = ::mkstemps(pattern.data(), 4);
  if (fd_ < 0) throw OutputError(describe(target_, errno));
  temporary_.assign(pattern.data());
  guard_ = std::make_unique<TemporaryPathGuard>(temporary_);
  ::fchmod(
      fd_, 0644 & ~[] {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        return mask;
      }());
  buffer_ = std::make_unique<FdStreamBuf>(fd_);
  stream_.rdbuf(buffer_.get());
}

AtomicFile::~AtomicFile() {
  discard();
}

void AtomicFile::discard() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
  guard_.reset();
}

void AtomicFile::commit() {
  stream_.flush();
  if (buffer_->error() != 0) throw OutputError(describe(target_, buffer_->error()));
  if (::fsync(fd_) != 0) throw OutputError(describe(target_, errno));
  if (::close(fd_) != 0) {
    fd_ = -1;
    throw OutputError(describe(target_, errno));
  }
  fd_ = -1;
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    throw OutputError(describe(target_, errno));
  }
  committed_ = true;
  guard_.reset();
}

}  // namespace crbc::io
