// Finding crbc's data folder: the environment, then the places an installed copy
// or the build tree keeps it (see data_dir.hpp).
#include "text/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace crbc::text {
namespace {

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

const std::string& data_directory() {
  static const std::string found = find_data_directory();
  return found;
}

}  // namespace crbc::text
