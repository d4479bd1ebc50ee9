// A shared library opened when first needed instead of linked.
//
// For the dependencies only one command uses (libcurl for fetch, libcrypto for
// its digests): linked, each costs every crbc process its loading, symbol
// binding and initialisers before main(), whether it is used or not.
#pragma once

#include <string>

namespace crbc::io {

class SharedLibrary {
 public:
  // Opens `soname` (e.g. "libcurl.so.4"). `needed_by` names what needs it, for
  // the error. Throws std::runtime_error saying why it could not be loaded.
  SharedLibrary(std::string soname, std::string needed_by);

  // Sets `function` to the library's function `name`, whose declaration must be
  // of type Function. Throws std::runtime_error when the library lacks it.
  template <typename Function>
  void bind(const char* name, Function& function) const {
    function = reinterpret_cast<Function>(symbol(name));
  }

 private:
  void* symbol(const char* name) const;

  std::string soname_;
  std::string needed_by_;
  // Not owned, never closed: a library may leave exit handlers behind (TLS back
  // ends do), and unloading it before they run is not safe.
  void* handle_ = nullptr;
};

}  // namespace crbc::io
