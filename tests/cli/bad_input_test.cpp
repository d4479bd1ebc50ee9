// The bad-input catalogue (tests/bad-input/cases.tsv): every hostile input is run
// through the real binary under a memory limit and a hang guard, and must end with
// its documented exit status and message, without a crash and without leaving a
// stray output file.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run.hpp"

using namespace crbc::testing;

namespace {

// Address space each case may use: 2 GiB. AddressSanitizer reserves terabytes of
// virtual memory for its shadow, so sanitized builds run without the limit (and say so).
constexpr long kMemoryLimitKiB = 2L * 1024 * 1024;
// A guard against hangs, far above what any case needs: not a timing threshold.
constexpr int kHangGuardSeconds = 600;

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CRBC_TEST_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CRBC_TEST_UNDER_ASAN 1
#endif

bool sanitized_build() {
#ifdef CRBC_TEST_UNDER_ASAN
  return true;
#else
  return std::getenv("CRBC_SANITIZED") != nullptr;
#endif
}

struct Case {
  int line = 0;  // in cases.tsv, for messages
  std::string id;
  std::string setup;       // shell run in the scratch directory first; "-" for none
  std::string stdin_from;  // "-" (empty), "gen:NAME [SIZE]" (tests/bad-input/gen.py)
  std::string args;        // after `crbc`; {files} is tests/bad-input/files
  int status = 0;
  std::string message;               // substring of stderr; "-" for none expected (stderr empty)
  std::set<std::string> files_left;  // what the scratch directory holds afterwards
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream stream(text);
  while (std::getline(stream, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::vector<Case> load_cases() {
  std::ifstream in(source_path("tests/bad-input/cases.tsv"));
  REQUIRE(in);
  std::vector<Case> cases;
  std::string row;
  int line = 0;
  while (std::getline(in, row)) {
    ++line;
    if (row.empty() || row[0] == '#') continue;
    const auto cells = split(row, '\t');
    INFO("cases.tsv line " << line << ": " << row);
    REQUIRE(cells.size() == 7);
    Case c;
    c.line = line;
    c.id = cells[0];
    c.setup = cells[1];
    c.stdin_from = cells[2];
    c.args = cells[3];
    c.status = std::stoi(cells[4]);
    c.message = cells[5];
    if (cells[6] != "-") {
      for (const auto& name : split(cells[6], ',')) c.files_left.insert(name);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::set<std::string> entries_of(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

std::string command_for(const Case& c, const ScratchDir& scratch) {
  const std::string files = shell_quote(source_path("tests/bad-input/files"));
  std::string command = "cd " + shell_quote(scratch.path().string()) + " || exit 99; ";
  if (c.setup != "-") command += "{ " + replace_all(c.setup, "{files}", files) + "; } || exit 98; ";
  if (!sanitized_build()) {
    command += "ulimit -v " + std::to_string(kMemoryLimitKiB) + " || exit 97; ";
  }
  if (c.stdin_from.rfind("gen:", 0) == 0) {
    command += "python3 " + shell_quote(source_path("tests/bad-input/gen.py")) + " " +
               c.stdin_from.substr(4) + " | ";
  }
  command += "timeout -k 10 " + std::to_string(kHangGuardSeconds) + " " + binary() + " " +
             replace_all(c.args, "{files}", files);
  return command;
}

void run_case(const Case& c) {
  ScratchDir scratch;
  const std::string command = command_for(c, scratch);
  const RunResult result = run(command);
  INFO("case " << c.id << " (cases.tsv line " << c.line << ")\n  " << command << "\n  status "
               << result.status << "\n  stderr: " << result.err.substr(0, 2000));
  CHECK(result.status != 124);  // the hang guard fired
  CHECK(result.status < 97);    // set-up failed, crashed, or killed (128 + signal)
  CHECK(result.status == c.status);
  if (c.message == "-") {
    CHECK(result.err.empty());
  } else {
    CHECK_THAT(result.err, Catch::Contains(c.message));
    // Every diagnostic, usage errors included, is a "crbc: " line, never a raw
    // dump of the input.
    for (const auto& line : split(result.err, '\n')) {
      if (!line.empty()) CHECK_THAT(line, Catch::StartsWith("crbc: "));
    }
  }
  CHECK(entries_of(scratch.path()) == c.files_left);
}

void run_cases(bool generated) {
  if (sanitized_build()) {
    WARN("sanitized build: cases run without the " << kMemoryLimitKiB << " KiB ulimit -v");
  }
  int count = 0;
  for (const Case& c : load_cases()) {
    if ((c.stdin_from.rfind("gen:", 0) == 0) != generated) continue;
    run_case(c);
    ++count;
  }
  CHECK(count > 0);
}

}  // namespace

TEST_CASE("the catalogue has at least 40 hostile inputs") {
  CHECK(load_cases().size() >= 40);
}

TEST_CASE("bad inputs from files: documented status and message, no crash, nothing left") {
  run_cases(false);
}

TEST_CASE("bad inputs generated at test time: huge, deep and many") {
  run_cases(true);
}

TEST_CASE("an unreadable file is reported by name and the others still run") {
  ScratchDir scratch;
  write_file(scratch / "locked.json", "{\"schema_version\": 1, \"title\": \"t\"}\n");
  std::filesystem::permissions(scratch / "locked.json", std::filesystem::perms::none);
  if (::geteuid() == 0) {
    // root reads files whatever their mode: the catalogue covers paths that cannot be
    // opened at all (missing, a directory, a path through a file) instead.
    WARN("running as root: mode 000 does not stop reading; unreadable-file case skipped");
    return;
  }
  const RunResult result =
      run(binary() + " convert -t ndjson " + shell_quote((scratch / "locked.json").string()) + " " +
          shell_quote(source_path("tests/bad-input/files/good.json")));
  CHECK(result.status == 1);
  CHECK_THAT(result.err, Catch::Contains("locked.json") && Catch::Contains("ermission denied"));
  CHECK_THAT(result.out, Catch::Contains("\"title\":\"T\""));
}
