#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include "text/text.hpp"

namespace crbc::text {
namespace {

// Every list in data/stopwords, read once: a const table, so no locking is needed.
std::map<std::string, StopWords, std::less<>> load_all_lists() {
  std::map<std::string, StopWords, std::less<>> lists;
  std::error_code error;
  const std::filesystem::path dir = std::filesystem::path(data_directory()) / "stopwords";
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() != ".txt") continue;
    lists.emplace(entry.path().stem().string(), StopWords(read_word_list(entry.path())));
  }
  return lists;
}

bool holds_data(const std::filesystem::path& dir) {
  std::error_code error;
  return std::filesystem::is_directory(dir / "stopwords", error);
}

std::filesystem::path running_executable() {
  std::error_code error;
  auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : executable;
}

bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder) {
  std::error_code error;
  const auto relative =
      path.lexically_normal().lexically_relative(std::filesystem::weakly_canonical(folder, error));
  return !relative.empty() && *relative.begin() != "..";
}

// In order: share/crbc beside the executable's folder (bin/../share/crbc), so that a
// copy installed under any prefix, or moved with its tree, finds its own data; the
// source tree's data/, for the executables of the build tree only (an installed copy
// must not depend on a source tree that may be gone or changed); the configured
// install folder.
std::vector<std::filesystem::path> data_candidates() {
  std::vector<std::filesystem::path> candidates;
  const auto executable = running_executable();
  if (executable.empty()) return {CRBC_DATA_BUILD_DIR, CRBC_DATA_INSTALL_DIR};
  candidates.push_back(executable.parent_path().parent_path() / "share" / "crbc");
  if (is_inside(executable, CRBC_BUILD_TREE)) candidates.emplace_back(CRBC_DATA_BUILD_DIR);
  candidates.emplace_back(CRBC_DATA_INSTALL_DIR);
  return candidates;
}

std::string find_data_directory() {
  if (const char* env = std::getenv("CRBC_DATA_DIR"); env != nullptr && *env != '\0') {
    if (holds_data(env)) return env;
    throw DataError(std::string("CRBC_DATA_DIR is set to ") + env +
                    ", which holds no crbc data (no stopwords/ folder in it)");
  }
  std::string looked_in;
  for (const auto& dir : data_candidates()) {
    if (holds_data(dir)) return dir.lexically_normal().string();
    looked_in += (looked_in.empty() ? "" : ", ") + dir.lexically_normal().string();
  }
  throw DataError("crbc's data files (stop words, gazetteers) were not found in " + looked_in +
                  "; reinstall crbc or set CRBC_DATA_DIR to its data folder");
}

}  // namespace

std::vector<std::string> read_word_list(const std::filesystem::path& path) {
  std::vector<std::string> words;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.pop_back();
    }
    std::size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    if (start < line.size()) words.push_back(fold_case(std::string_view(line).substr(start)));
  }
  return words;
}

StopWords::StopWords(const std::vector<std::string>& words) : words_(words.begin(), words.end()) {}

bool StopWords::contains(std::string_view folded_word) const {
  return words_.find(folded_word) != words_.end();
}

const std::string& data_directory() {
  static const std::string found = find_data_directory();
  return found;
}

const StopWords& stop_words(std::string_view language) {
  static const auto lists = load_all_lists();
  static const StopWords none;
  const auto it = lists.find(primary_language(language));
  return it == lists.end() ? none : it->second;
}

}  // namespace crbc::text
