// Runs the real crbc binary through the shell and captures what it printed.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace crbc::testing {

struct RunResult {
  int status = -1;  // exit status, or 128 + signal
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// A fresh, empty directory under the system temporary directory, removed on destruction.
using ScratchDir = TemporaryDirectory;

// The files of `folder` (not its subfolders) whose extension is `extension`, sorted.
inline std::vector<std::filesystem::path> files_with_extension(const std::string& folder,
                                                               const std::string& extension) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

inline std::string binary() {
  return shell_quote(CRBC_BINARY);
}
inline std::string source_path(const std::string& relative) {
  return std::string(CRBC_SOURCE_DIR) + "/" + relative;
}

// Runs `command` with /bin/sh; `crbc` in it should be written as binary().
inline RunResult run(const std::string& command, const std::string& stdin_text = "") {
  ScratchDir scratch;
  const auto in = scratch / "stdin";
  const auto out = scratch / "stdout";
  const auto err = scratch / "stderr";
  write_file(in, stdin_text);
  const std::string full = "(" + command + ") <" + shell_quote(in.string()) + " >" +
                           shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  const int raw = std::system(full.c_str());
  RunResult result;
  if (WIFEXITED(raw)) {
    result.status = WEXITSTATUS(raw);
  } else if (WIFSIGNALED(raw)) {
    result.status = 128 + WTERMSIG(raw);
  }
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

}  // namespace crbc::testing
