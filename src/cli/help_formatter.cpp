#include "cli/help_formatter.hpp"

#include "cli/validators.hpp"

namespace crbc::cli {

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (option->get_type_size() == 0) return {};
  std::string text;
  const std::string type = option->get_type_name();
  if (!type.empty()) text += " " + type.substr(0, type.find(':'));
  if (!option->get_default_str().empty()) text += "=" + option->get_default_str();
  if (option->get_positional() && option->get_expected_max() > 1) text += " ...";
  return text;
}

std::string HelpFormatter::make_option_desc(const CLI::Option* option) const {
  std::string text = option->get_description();
  const std::vector<std::string> choices = described_choices(option->get_type_name());
  for (std::size_t i = 0; i < choices.size(); ++i) text += (i == 0 ? ": " : ", ") + choices[i];
  return text;
}

void add_help_footer(CLI::App& command, const std::string& example) {
  // Nested subcommands (`related index add`) are described in their command's page.
  const CLI::App* top = &command;
  while (top->get_parent() != nullptr && top->get_parent()->get_parent() != nullptr) {
    top = top->get_parent();
  }
  command.footer("Example:\n  " + example + "\n\nSee man crbc-" + top->get_name() +
                 " for the whole story.");
}

}  // namespace crbc::cli
