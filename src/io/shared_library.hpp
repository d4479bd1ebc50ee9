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

  // A Table of this library's functions (see CRBC_LIBRARY_FUNCTIONS), every one bound.
  template <typename Table>
  Table functions() const {
    Table table{};
    table.bind(*this);
    return table;
  }

 private:
  void* symbol(const char* name) const;

  std::string soname_;
  std::string needed_by_;
  // Not owned, never closed: a library may leave exit handlers behind (TLS back
  // ends do), and unloading it before they run is not safe.
  void* handle_ = nullptr;
};

// What `load()` returns, loaded on the first call for the life of the process. A
// failed load throws out of the initialiser, so the next call tries again.
template <auto load>
const auto& load_once() {
  static const auto loaded = load();
  return loaded;
}

}  // namespace crbc::io

// A table of a library's functions names each function once, in a list macro that
// calls F(prefix, name) for the C function prefix##name (see fetch/curl_library.hpp).
// CRBC_LIBRARY_FUNCTIONS(LIST) in the table's struct declares a member `name` of that
// function's exact type for each, and bind(library), which binds them all.
#define CRBC_LIBRARY_FUNCTIONS(LIST)                    \
  LIST(CRBC_LIBRARY_FUNCTION_MEMBER)                    \
  void bind(const ::crbc::io::SharedLibrary& library) { \
    LIST(CRBC_LIBRARY_FUNCTION_BIND)                    \
  }
// NOLINTNEXTLINE(bugprone-macro-parentheses): `name` is the member declared, not an expression
#define CRBC_LIBRARY_FUNCTION_MEMBER(prefix, name) decltype(&::prefix##name) name;
#define CRBC_LIBRARY_FUNCTION_BIND(prefix, name) library.bind(#prefix #name, name);
