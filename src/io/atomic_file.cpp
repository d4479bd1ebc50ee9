#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>
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

// The process's file mode mask, read once: umask() can only be read by setting it, and
// two threads reading it at once could leave it at 0.
mode_t process_umask() {
  static const mode_t mask = [] {
    const mode_t current = ::umask(0);
    ::umask(current);
    return current;
  }();
  return mask;
}

// The descriptor a name of this process's open streams stands for (/dev/stdout,
// /dev/fd/3, /proc/self/fd/1), -1 for other names. Such a name is written through that
// descriptor, so that "-o /dev/stdout >> log" appends as the shell set it up to.
int descriptor_named(std::string_view path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view number = path.substr(prefix.size());
    int fd = -1;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), fd);
    if (error == std::errc() && end == number.data() + number.size()) return fd;
  }
  return -1;
}

// What a symbolic link whose target does not exist names in the end, followed link by
// link as the kernel would (relative targets from the link's directory). A shell's
// redirection creates that file, and so does crbc, instead of replacing the link.
std::string end_of_dangling_link(const std::string& link) {
  constexpr int kMostLinks = 40;  // the kernel's limit (ELOOP)
  std::filesystem::path at = link;
  for (int followed = 0; followed < kMostLinks; ++followed) {
    std::error_code error;
    if (!std::filesystem::is_symlink(at, error)) return at.string();
    const std::filesystem::path next = std::filesystem::read_symlink(at, error);
    if (error) throw OutputError(link + ": " + error.message());
    at = next.is_absolute() ? next : at.parent_path() / next;
  }
  throw OutputError(describe(link, ELOOP));
}

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  struct stat info {};
  // stat() follows symbolic links: `info` is about what the target names in the end.
  if (descriptor_named(target_) >= 0) {
    open_as_is();
  } else if (::stat(target_.c_str(), &info) != 0) {
    open_temporary(end_of_dangling_link(target_), 0666 & ~process_umask());
  } else if (S_ISDIR(info.st_mode)) {
    throw OutputError(describe(target_, EISDIR));
  } else if (!S_ISREG(info.st_mode)) {
    open_as_is();
  } else if (std::error_code error; std::filesystem::is_symlink(target_, error)) {
    const std::filesystem::path linked = std::filesystem::canonical(target_, error);
    if (error) throw OutputError(target_ + ": " + error.message());
    open_temporary(linked.string(), info.st_mode & 07777);
  } else {
    open_temporary(target_, info.st_mode & 07777);
  }
}

void AtomicFile::open_temporary(const std::string& replaced, mode_t mode) {
  std::string name = directory_of(replaced) + "/.crbc-XXXXXX.tmp";
  std::vector<char> pattern(name.begin(), name.end());
  pattern.push_back('\0');
  fd_ = ::mkstemps(pattern.data(), 4);
  if (fd_ < 0) throw OutputError(describe(target_, errno));
  temporary_.assign(pattern.data());
  replaced_ = replaced;
  guard_ = std::make_unique<TemporaryPathGuard>(temporary_);
  ::fchmod(fd_, mode);
  buffer_ = std::make_unique<FdStreamBuf>(fd_);
  stream_.rdbuf(buffer_.get());
}

void AtomicFile::open_as_is() {
  const int named = descriptor_named(target_);
  fd_ = named >= 0 ? ::fcntl(named, F_DUPFD_CLOEXEC, 0)
                   : ::open(target_.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd_ < 0) throw OutputError(describe(target_, errno));
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
  const bool streamed = temporary_.empty();
  if (!streamed && ::fsync(fd_) != 0) throw OutputError(describe(target_, errno));
  if (::close(fd_) != 0) {
    fd_ = -1;
    throw OutputError(describe(target_, errno));
  }
  fd_ = -1;
  if (!streamed && ::rename(temporary_.c_str(), replaced_.c_str()) != 0) {
    throw OutputError(describe(target_, errno));
  }
  committed_ = true;
  guard_.reset();
}

}  // namespace crbc::io
