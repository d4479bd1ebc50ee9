#include "cli/validators.hpp"

#include <algorithm>

namespace crbc::cli {

CLI::Validator choice_of(const std::vector<std::string_view>& choices, std::string what,
                         std::function<bool(std::string_view)> other_spelling) {
  std::vector<std::string> names(choices.begin(), choices.end());
  std::string listed;
  std::string described;
  for (const std::string& name : names) {
    listed += (listed.empty() ? "" : ", ") + name;
    described += (described.empty() ? "" : ",") + name;
  }
  auto check = [names, listed, what = std::move(what),
                other_spelling = std::move(other_spelling)](std::string& value) {
    if (std::find(names.begin(), names.end(), value) != names.end()) return std::string();
    if (other_spelling && other_spelling(value)) return std::string();
    return "unknown " + what + " \"" + value + "\" (one of: " + listed + ")";
  };
  return {std::move(check), "{" + described + "}", "choices"};
}

std::vector<std::string> described_choices(std::string_view type_name) {
  const std::size_t open = type_name.find(":{");
  const std::size_t close = type_name.find('}', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return {};
  std::vector<std::string> choices;
  std::string_view list = type_name.substr(open + 2, close - open - 2);
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    choices.emplace_back(list.substr(0, comma));
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return choices;
}

}  // namespace crbc::cli
