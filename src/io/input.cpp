#include "io/input.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

namespace crbc::io {

OpenedInput open_input(const std::string& path) {
  if (path == "-") return {"<stdin>", nullptr, &std::cin};
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw InputError(std::strerror(errno));
  if (S_ISDIR(info.st_mode)) throw InputError("is a directory");
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) throw InputError(std::strerror(errno != 0 ? errno : EACCES));
  OpenedInput opened{path, std::move(file), nullptr};
  opened.stream = opened.owned.get();
  return opened;
}

}  // namespace crbc::io
