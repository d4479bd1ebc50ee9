// Opening inputs: a named file or standard input ("-").
#pragma once

#include <istream>
#include <memory>
#include <stdexcept>
#include <string>

namespace crbc::io {

// An input that cannot be used: a file missing or unreadable, or a record a
// library cannot work with (see related/errors.hpp).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OpenedInput {
  std::string name;                     // as shown in diagnostics: the path, or "<stdin>"
  std::unique_ptr<std::istream> owned;  // null for stdin
  std::istream* stream = nullptr;
};

// Opens `path` ("-" is standard input). Throws InputError with the reason for a
// missing or unreadable file or a directory.
OpenedInput open_input(const std::string& path);

}  // namespace crbc::io
