// `crbc CMD --help`: one line an option, the command's own options first, then the
// shared ones in groups (input, output, run), and an example with the manual's name
// at the end (set with footer_for).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace crbc::cli {

class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() { column_width(36); }

  // The value's name and default only: CLI11 would add the checks
  // ("N:UINT in [1 - 256]") and exclusions ("Excludes: --output") that the option's
  // help already says in words.
  std::string make_option_opts(const CLI::Option* option) const override;
  // The help text, then the choices of a choice_of() check ("Output format: json, yaml").
  std::string make_option_desc(const CLI::Option* option) const override;
};

// Option groups of the shared options, in the order --help lists them.
inline constexpr const char* kInputGroup = "Input";
inline constexpr const char* kOutputGroup = "Output";
inline constexpr const char* kRunGroup = "Run";

// "Example: EXAMPLE" and where the whole story is ("man crbc-parse").
void add_help_footer(CLI::App& command, const std::string& example);

}  // namespace crbc::cli
