// Where crbc's data files (stop words, gazetteers) are found, installed or in the
// source tree.
#pragma once

#include <stdexcept>
#include <string>

namespace crbc::text {

class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The folder of crbc's data files: $CRBC_DATA_DIR when set; else share/crbc beside
// the executable's folder (an installed copy, under whatever prefix); else, for the
// executables of the build tree only, the source tree's data/; else the configured
// install folder.
// Found once per process. Throws DataError, naming where it looked, when none of
// them holds the data: crbc never runs on silently without its word lists.
const std::string& data_directory();

}  // namespace crbc::text
