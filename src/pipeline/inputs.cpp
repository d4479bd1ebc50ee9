#include "pipeline/inputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "text/ascii.hpp"

namespace crbc::pipeline {
namespace {

namespace fs = std::filesystem;

// "page.html" and "page.html.gz" both give "page".
std::string without_extensions(std::string name) {
  if (name.ends_with(".gz")) name.resize(name.size() - 3);
  const auto dot = name.rfind('.');
  const auto slash = name.rfind('/');
  if (dot != std::string::npos && dot > 0 && (slash == std::string::npos || dot > slash + 1)) {
    name.resize(dot);
  }
  return name;
}

std::string stem_of_file(const std::string& path) {
  if (path == "-") return "stdin";
  const std::string base = fs::path(path).filename().string();
  const std::string stem = without_extensions(base);
  return stem.empty() || stem == "." || stem == ".." ? "output" : stem;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name.front() == '.';
}

// The regular files under `folder`, sorted by their path relative to it.
void add_folder(const std::string& folder, std::vector<Input>& inputs) {
  std::error_code error;
  std::vector<fs::path> files;
  fs::recursive_directory_iterator walk(folder, fs::directory_options::skip_permission_denied,
                                        error);
  for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
    const fs::directory_entry& entry = *walk;
    if (is_hidden(entry.path())) {
      if (entry.is_directory(error)) walk.disable_recursion_pending();
      continue;
    }
    if (entry.is_regular_file(error)) files.push_back(entry.path().lexically_relative(folder));
  }
  if (error) {
    inputs.push_back({folder, "", "cannot read the folder: " + error.message()});
    return;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    inputs.push_back({(fs::path(folder) / file).string(), without_extensions(file.string()), {}});
  }
}

void add_path(const std::string& path, bool recursive, std::vector<Input>& inputs) {
  std::error_code error;
  if (path != "-" && !is_web_address(path) && fs::is_directory(path, error)) {
    if (recursive) {
      add_folder(path, inputs);
    } else {
      inputs.push_back({path, "", "is a folder: give -R to read the files in it"});
    }
    return;
  }
  inputs.push_back({path, stem_of_file(path), {}});
}

void add_list(const std::string& list, bool recursive, std::vector<Input>& inputs) {
  std::ifstream file;
  if (list != "-") {
    file.open(list);
    if (!file) {
      inputs.push_back(
          {list, "", std::string("cannot read the input list: ") + std::strerror(errno)});
      return;
    }
  }
  std::istream& lines = list == "-" ? std::cin : file;
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    add_path(line, recursive, inputs);
  }
}

}  // namespace

bool is_web_address(std::string_view input) {
  return text::starts_with_ignoring_case(input, "http://") ||
         text::starts_with_ignoring_case(input, "https://");
}

std::vector<Input> spell_out(const InputSelection& selection) {
  std::vector<Input> inputs;
  for (const std::string& path : selection.paths) add_path(path, selection.recursive, inputs);
  for (const std::string& list : selection.lists) add_list(list, selection.recursive, inputs);
  if (selection.paths.empty() && selection.lists.empty()) inputs.push_back({"-", "stdin", {}});
  return inputs;
}

}  // namespace crbc::pipeline
