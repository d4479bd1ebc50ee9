// The inputs a run names, spelled out: files and "-" as given, folders (with -R) as
// the regular files under them, and the lines of input lists (-i).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crbc::pipeline {

// "http://…" or "https://…" (any case); "./https:…" is a file.
bool is_web_address(std::string_view input);

struct Input {
  std::string path;         // a file, or "-" for standard input
  std::string output_stem;  // its --output-dir name without extension: "page", "2024/story"
  std::optional<std::string> problem;  // why it cannot be read at all (a folder without -R)
};

struct InputSelection {
  std::vector<std::string> paths;  // files and folders; none (and no list): standard input
  std::vector<std::string> lists;  // files of paths, one a line ("-": standard input)
  bool recursive = false;          // read folders: their regular files, in name order
};

// In order: the paths (a folder spelled out where it stands), then each list's lines.
// Hidden files and folders (".git") under a folder are left out, and links to folders
// are not followed, so a walk ends. Blank lines and lines starting with '#' in a list
// are skipped.
std::vector<Input> spell_out(const InputSelection& selection);

}  // namespace crbc::pipeline
