// The documentation people look up agrees with the binary: every option that
// `crbc __options` reports is in the three completion files and in the man page of
// its subcommand, the generated parts are up to date, and `crbc help CMD` prints
// what `crbc CMD --help` prints.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "run.hpp"

using crbc::testing::binary;
using crbc::testing::run;
using crbc::testing::RunResult;
using crbc::testing::shell_quote;

namespace {

std::string crbc_command(const std::string& arguments) {
  return binary() + " " + arguments;
}

std::string read_repo_file(const std::string& relative) {
  std::ifstream in(std::string(CRBC_SOURCE_DIR) + "/" + relative, std::ios::binary);
  INFO(relative);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// `word` occurs in `text` as a whole: "--to" is not found in "--top" or "---to".
bool has_word(const std::string& text, const std::string& word) {
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || !is_name_char(text[at - 1]);
    const std::size_t after = at + word.size();
    const bool ends = after == text.size() || !is_name_char(text[after]);
    if (starts && ends) return true;
  }
  return false;
}

// Man page source with roff's escaped hyphens ("\-") made plain.
std::string plain_hyphens(std::string text) {
  for (auto at = text.find("\\-"); at != std::string::npos; at = text.find("\\-", at))
    text.erase(at, 1);
  return text;
}

struct CommandOption {
  std::string command;  // top-level subcommand whose man page documents it
  std::string path;     // "related index add" for nested subcommands
  std::string long_name;
};

// Every long option of every subcommand, nested ones included (walked without recursion).
std::vector<CommandOption> long_options(const nlohmann::json& definitions) {
  std::vector<CommandOption> found;
  std::vector<std::tuple<std::string, std::string, const nlohmann::json*>> pending;
  for (const auto& [name, body] : definitions.items()) pending.emplace_back(name, name, &body);
  while (!pending.empty()) {
    auto [command, path, body] = pending.back();
    pending.pop_back();
    for (const auto& option : body->value("options", nlohmann::json::array())) {
      for (const auto& name : option.at("names")) {
        const std::string text = name.get<std::string>();
        if (text.rfind("--", 0) == 0) found.push_back({command, path, text});
      }
    }
    if (body->contains("subcommands")) {
      for (const auto& [name, sub] : body->at("subcommands").items()) {
        pending.emplace_back(command, path + " " + name, &sub);
      }
    }
  }
  return found;
}

nlohmann::json option_definitions() {
  const RunResult described = run(crbc_command("__options"));
  REQUIRE(described.status == 0);
  const auto definitions = nlohmann::json::parse(described.out);
  REQUIRE(definitions.is_object());
  return definitions;
}

}  // namespace

TEST_CASE("completions and man pages are generated from the current options") {
  const std::string command = "python3 " +
                              shell_quote(std::string(CRBC_SOURCE_DIR) + "/tools/gen-docs.py") +
                              " --check --crbc " + shell_quote(CRBC_BINARY) + " 2>&1";
  const RunResult checked = run(command);
  INFO(checked.out);
  INFO("regenerate with: python3 tools/gen-docs.py --crbc build/crbc");
  CHECK(checked.status == 0);
}

TEST_CASE("every option is in every completion file and in its man page") {
  const nlohmann::json definitions = option_definitions();
  const std::vector<CommandOption> options = long_options(definitions);
  REQUIRE(definitions.contains("parse"));
  REQUIRE(definitions.contains("convert"));
  REQUIRE(options.size() >= 10);

  const std::string bash = read_repo_file("completions/crbc.bash");
  const std::string zsh = read_repo_file("completions/_crbc");
  const std::string fish = read_repo_file("completions/crbc.fish");
  for (const CommandOption& option : options) {
    INFO("crbc " << option.path << " " << option.long_name);
    CHECK(has_word(bash, option.long_name));
    CHECK(has_word(zsh, option.long_name));
    CHECK(has_word(fish, "-l " + option.long_name.substr(2)));
    if (option.command == "help") continue;  // documented in crbc(1)
    const std::string page = plain_hyphens(read_repo_file("man/crbc-" + option.command + ".1"));
    CHECK(has_word(page, "Fl " + option.long_name.substr(1)));
  }
  // Every subcommand is offered by each shell, not only its options.
  for (const auto& [name, body] : definitions.items()) {
    INFO("subcommand " << name);
    CHECK(has_word(bash, name));
    CHECK(has_word(zsh, name));
    CHECK(has_word(fish, "-a " + name));
  }
}

TEST_CASE("crbc help CMD prints the same text as crbc CMD --help") {
  const nlohmann::json definitions = option_definitions();
  for (const auto& [name, body] : definitions.items()) {
    if (name == "help") continue;
    INFO("subcommand " << name);
    const RunResult help = run(crbc_command("help " + name));
    const RunResult flag = run(crbc_command(name + " --help"));
    CHECK(help.status == 0);
    CHECK(flag.status == 0);
    CHECK(help.out == flag.out);
    CHECK(help.out.find("--help") != std::string::npos);
  }
}

TEST_CASE("help text: a command's own options first, shared ones grouped, then an example") {
  const nlohmann::json definitions = option_definitions();
  for (const auto& [name, body] : definitions.items()) {
    if (name == "help") continue;
    INFO("subcommand " << name);
    const std::string help = run(crbc_command(name + " --help")).out;
    // One line an option: no checks or exclusions spelled out by CLI11.
    CHECK(help.find("Excludes:") == std::string::npos);
    CHECK(help.find(":UINT") == std::string::npos);
    CHECK(help.find(":FLOAT") == std::string::npos);
    const auto own = help.find("\nOptions:\n");
    const auto input = help.find("\nInput:\n");
    const auto output = help.find("\nOutput:\n");
    const auto run_group = help.find("\nRun:\n");
    if (input != std::string::npos) {  // the commands over the shared pipeline
      CHECK(own < input);
      CHECK(input < output);
      CHECK(output < run_group);
    }
    const auto example = help.find("\nExample:\n  crbc ");
    CHECK(example != std::string::npos);
    CHECK(help.ends_with("See man crbc-" + name + " for the whole story.\n"));
  }
}

TEST_CASE("crbc help names an unknown subcommand as a usage error") {
  const RunResult unknown = run(crbc_command("help no-such-command 2>&1"));
  CHECK(unknown.status == 2);
  CHECK(unknown.out.find("no-such-command") != std::string::npos);
}

TEST_CASE("completion scripts are valid shell code") {
  // Each shell checks its own script; setup.sh installs all three, so a missing shell
  // fails the test rather than skipping the check.
  const std::string dir = std::string(CRBC_SOURCE_DIR) + "/completions/";
  for (const auto& [shell, script] : {std::pair{"bash", "crbc.bash"}, std::pair{"zsh", "_crbc"},
                                      std::pair{"fish", "crbc.fish"}}) {
    INFO(shell << " -n " << script << " (a missing shell is installed by setup.sh)");
    const RunResult checked =
        run(std::string(shell) + " -n " + shell_quote(dir + script) + " 2>&1");
    INFO(checked.out);
    CHECK(checked.status == 0);
  }
}

TEST_CASE("an option's choices and default come from its definition, wherever they are shown") {
  const nlohmann::json definitions = option_definitions();
  const std::string man = plain_hyphens(read_repo_file("man/crbc-summarize.1"));
  const std::string help = run(crbc_command("summarize --help")).out;
  std::size_t with_choices = 0;
  for (const nlohmann::json& option : definitions.at("summarize").at("options")) {
    const std::string value = option.at("value");
    const auto open = value.find(":{");
    if (open == std::string::npos) continue;
    ++with_choices;
    // "FORMAT:{json,yaml}" is listed as "json, yaml" in --help and in the man page.
    std::string listed = value.substr(open + 2, value.find('}', open) - open - 2);
    for (std::size_t comma = listed.find(','); comma != std::string::npos;
         comma = listed.find(',', comma + 2)) {
      listed.replace(comma, 1, ", ");
    }
    INFO(option.at("names").dump() << " choices " << listed);
    CHECK(help.find(": " + listed + "\n") != std::string::npos);
    CHECK(man.find("One of: " + listed + ".") != std::string::npos);
    const std::string default_value = option.at("default");
    if (!default_value.empty())
      CHECK(man.find("Default: " + default_value + ".") != std::string::npos);
  }
  CHECK(with_choices == 3);  // --to, --from, --method

  const RunResult wrong = run(crbc_command("summarize --method sideways </dev/null"));
  CHECK(wrong.status == 2);
  CHECK(wrong.err.find("unknown method \"sideways\" (one of: default, lead,") != std::string::npos);
  const RunResult input_only = run(crbc_command("convert -t warc </dev/null"));
  CHECK(input_only.status == 2);
  CHECK(input_only.err.find("unknown format \"warc\"") != std::string::npos);
}

TEST_CASE("the other spellings of the formats that crbc-convert(1) lists are taken") {
  // "Format names are case-insensitive; md, yml, ... are accepted as other names".
  const std::string man = read_repo_file("man/crbc-convert.1");
  const auto start = man.find("Format names are case-insensitive;");
  const auto end = man.find("are accepted as other names", start);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::vector<std::string> spellings;
  const std::string listed = man.substr(start, end - start);
  for (auto at = listed.find(".Cm "); at != std::string::npos; at = listed.find(".Cm ", at + 1)) {
    const auto name_end = listed.find_first_of(" \n", at + 4);
    spellings.push_back(listed.substr(at + 4, name_end - at - 4));
  }
  CHECK(spellings.size() >= 5);
  for (const std::string& spelling : spellings) {
    INFO("--to " << spelling);
    CHECK(run(crbc_command("convert -t " + spelling + " </dev/null")).status == 0);
  }
  CHECK(run(crbc_command("convert -t MARKDOWN </dev/null")).status == 0);
  CHECK(run(crbc_command("convert -f yml </dev/null")).status == 0);
  // An input-only format stays refused as output, however it is spelled.
  CHECK(run(crbc_command("convert -t warc.gz </dev/null")).status == 2);
  CHECK(run(crbc_command("convert -f txt </dev/null")).status == 2);
}
