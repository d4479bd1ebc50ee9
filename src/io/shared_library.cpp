#include "io/shared_library.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <utility>

namespace crbc::io {

SharedLibrary::SharedLibrary(std::string soname, std::string needed_by)
    : soname_(std::move(soname)), needed_by_(std::move(needed_by)) {
  handle_ = ::dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* reason = ::dlerror();
    throw std::runtime_error(needed_by_ + " needs " + soname_ +
                             ", which could not be loaded: " + (reason ? reason : "unknown error"));
  }
}

void* SharedLibrary::symbol(const char* name) const {
  void* found = ::dlsym(handle_, name);
  if (found == nullptr) {
    throw std::runtime_error(needed_by_ + " needs the function " + name + " of " + soname_ +
                             ", which this version of it lacks");
  }
  return found;
}

}  // namespace crbc::io
