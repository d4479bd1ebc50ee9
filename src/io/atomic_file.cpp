#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace crbc::io {
namespace {

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
