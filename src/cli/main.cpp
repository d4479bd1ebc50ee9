// crbc: command-line toolkit for news articles. Dispatch only: each subcommand
// is wired in its own file and runs its command (src/commands/).
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/help_formatter.hpp"
#include "io/exit_status.hpp"
#include "io/fd_stream.hpp"
#include "io/interrupt.hpp"
#include "text/spelling.hpp"

namespace {

// Every subcommand's options as JSON: the single definition that the man pages
// and shell completions are checked against (tests/cli/docs_test.cpp). Nested
// subcommands (`related index add`) are listed under "subcommands"; the tree is
// ours and three levels deep, so recursion is bounded.
nlohmann::json describe_options(const CLI::App& app) {
  nlohmann::json commands = nlohmann::json::object();
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name().rfind("__", 0) == 0) continue;
    nlohmann::json options = nlohmann::json::array();
    for (const CLI::Option* option : sub->get_options()) {
      if (option->get_positional()) continue;
      nlohmann::json names = nlohmann::json::array();
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      options.push_back({{"names", names},
                         {"value", option->get_type_name()},
                         {"takes_value", option->get_expected_max() != 0},
                         {"help", option->get_description()},
                         {"default", option->get_default_str()}});
    }
    nlohmann::json command = {{"description", sub->get_description()}, {"options", options}};
    nlohmann::json nested = describe_options(*sub);
    if (!nested.empty()) command["subcommands"] = std::move(nested);
    commands[sub->get_name()] = std::move(command);
  }
  return commands;
}

std::string with_suggestion(std::string message, std::string_view typed,
                            const std::vector<std::string>& known) {
  if (const auto nearest = crbc::text::nearest_spelling(typed, known)) {
    message += "; did you mean '" + *nearest + "'?";
  }
  return message;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub :
       app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::vector<std::string> long_option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

// `crbc help [SUBCOMMAND]`: the same text as `--help`.
void add_help_command(CLI::App& app) {
  auto* help = app.add_subcommand("help", "Show help for crbc or one of its subcommands");
  auto topic = std::make_shared<std::string>();
  help->add_option("subcommand", *topic, "Subcommand to describe")->type_name("SUBCOMMAND");
  help->callback([&app, topic] {
    // help() would describe the selected subcommand, `help` itself: ask the formatter.
    if (topic->empty()) {
      std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
      return;
    }
    CLI::App* sub = nullptr;
    try {
      sub = app.get_subcommand(*topic);
    } catch (const CLI::OptionNotFound&) {
      throw CLI::ValidationError("help", with_suggestion("unknown subcommand '" + *topic + "'",
                                                         *topic, subcommand_names(app)));
    }
    std::cout << sub->help(app.get_name());  // "crbc parse", as `crbc parse --help` says
  });
}

// "crbc related index", for the subcommand `index` of `related`.
std::string command_path(const CLI::App& command) {
  const CLI::App* parent = command.get_parent();
  return parent == nullptr ? command.get_name() : command_path(*parent) + " " + command.get_name();
}

// The first unknown --option left over in a command that was given, or in its own
// subcommands, with the command's name ("crbc related index").
std::optional<std::pair<std::string, const CLI::App*>> unknown_option(const CLI::App& command) {
  for (const auto& argument : command.remaining()) {
    if (argument.starts_with("--"))
      return std::pair{argument.substr(0, argument.find('=')), &command};
  }
  for (const CLI::App* sub : command.get_subcommands()) {
    if (auto found = unknown_option(*sub)) return found;
  }
  return std::nullopt;
}

// CLI11 says "A subcommand is required" for `crbc frobnicate` and lists what was
// not expected for `crbc parse --too json`: name the unknown word, and the known
// one it most likely meant.
std::string usage_error(const CLI::App& app, const CLI::Error& error) {
  const auto rest = app.remaining();
  if (app.get_subcommands().empty() && !rest.empty() && !rest.front().starts_with('-')) {
    return with_suggestion("unknown subcommand '" + rest.front() + "'", rest.front(),
                           subcommand_names(app));
  }
  for (const CLI::App* command : app.get_subcommands()) {
    if (const auto found = unknown_option(*command)) {
      const auto& [option, owner] = *found;
      return with_suggestion("unknown option '" + option + "' for '" + command_path(*owner) + "'",
                             option, long_option_names(*owner));
    }
  }
  return error.what();
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  crbc::io::install_interrupt_handlers();

  CLI::App app{"crbc: fetch, parse, convert, summarize and relate news articles"};
  app.name("crbc");
  app.set_version_flag("-V,--version", "crbc " CRBC_VERSION);
  app.formatter(std::make_shared<crbc::cli::HelpFormatter>());  // before the subcommands
  app.require_subcommand(1);
  app.fallthrough(false);
  app.failure_message([](const CLI::App* root, const CLI::Error& error) {
    return "crbc: error: " + usage_error(*root, error) +
           "\ncrbc: run 'crbc --help' or 'crbc help SUBCOMMAND' for usage\n";
  });

  crbc::io::StdoutStream out;
  crbc::cli::RunState state{out, std::cerr};
  crbc::cli::add_fetch_command(app, state);
  crbc::cli::add_parse_command(app, state);
  crbc::cli::add_convert_command(app, state);
  crbc::cli::add_summarize_command(app, state);
  crbc::cli::add_related_command(app, state);
  add_help_command(app);
  auto* describe = app.add_subcommand("__options", "");
  describe->group("");  // hidden
  describe->callback([&app] { std::cout << describe_options(app).dump(2) << '\n'; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return crbc::io::kExitUsage;
  } catch (const std::exception& e) {
    // What a command did not handle itself is still an error message and status 1,
    // never an abort.
    std::cerr << "crbc: error: " << e.what() << '\n';
    return crbc::io::kExitSomeFailed;
  }
  return state.exit_status;
}
