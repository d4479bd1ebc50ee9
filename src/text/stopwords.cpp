#include "text/stopwords.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include "text/data_dir.hpp"
#include "text/normalize.hpp"
#include "text/stem.hpp"

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

const StopWords& stop_words(std::string_view language) {
  static const auto lists = load_all_lists();
  static const StopWords none;
  const auto it = lists.find(primary_language(language));
  return it == lists.end() ? none : it->second;
}

}  // namespace crbc::text
