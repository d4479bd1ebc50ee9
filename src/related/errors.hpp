// Errors of the related-articles library. Every failure is one of these, or an
// io::InputError for a record it cannot use (no url to identify it, no text to
// compare, an empty corpus, a malformed date option), with a message that names the
// file or record and says what is wrong.
#pragma once

#include <stdexcept>
#include <string>

#include "io/input.hpp"

namespace crbc::related {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Any problem with an index file. The subclasses say which.
class IndexError : public Error {
 public:
  using Error::Error;
};

// The file is not a crbc index: not SQLite at all, damaged, or another
// application's database.
class IndexFormatError : public IndexError {
 public:
  using IndexError::IndexError;
};

// The index was written by a newer crbc (higher schema version); it is left alone.
class IndexVersionError : public IndexError {
 public:
  using IndexError::IndexError;
};

// A change was asked of an index opened read-only or stored where it cannot be written.
class IndexReadOnlyError : public IndexError {
 public:
  using IndexError::IndexError;
};

// Another process held the index longer than the busy timeout.
class IndexBusyError : public IndexError {
 public:
  using IndexError::IndexError;
};

}  // namespace crbc::related
