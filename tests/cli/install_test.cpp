// crbc as `cmake --install` leaves it: manual pages where man(1) looks, and data files
// found beside the executable wherever the prefix is, with the source tree out of use.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run.hpp"

using namespace crbc::testing;
namespace fs = std::filesystem;

namespace {

// Installs this build under `prefix`.
void install_to(const fs::path& prefix) {
  const auto installed = run(shell_quote(CRBC_CMAKE) + " --install " + shell_quote(CRBC_BUILD_DIR) +
                             " --prefix " + shell_quote(prefix.string()));
  INFO(installed.err);
  REQUIRE(installed.status == 0);
}

// `man -w`: the file man(1) would show, found through the installed tree only.
RunResult where_man_finds(const fs::path& prefix, const std::string& page) {
  return run("man -M " + shell_quote((prefix / "share/man").string()) + " -w " + page);
}

std::vector<std::string> keywords_of(const std::string& summarize_output) {
  const auto record = nlohmann::json::parse(summarize_output);
  std::vector<std::string> phrases;
  for (const auto& keyword : record.at("keywords")) {
    phrases.push_back(keyword.at("phrase").get<std::string>());
  }
  return phrases;
}

const std::string kArticle = source_path("samples/crbc-belarus-pardons.expected.json");

}  // namespace

TEST_CASE("man finds every installed manual page in its section folder") {
  ScratchDir scratch;
  const auto prefix = scratch / "prefix";
  install_to(prefix);
  for (const auto& [page, file] :
       std::vector<std::pair<std::string, std::string>>{{"crbc", "man1/crbc.1"},
                                                        {"crbc-parse", "man1/crbc-parse.1"},
                                                        {"crbc-fetch", "man1/crbc-fetch.1"},
                                                        {"5 crbc-record", "man5/crbc-record.5"}}) {
    const auto found = where_man_finds(prefix, page);
    INFO("man -w " << page << "\n" << found.err);
    CHECK(found.status == 0);
    CHECK(found.out == (prefix / "share/man" / file).string() + "\n");
  }
}

TEST_CASE("an installed crbc finds its data beside itself after the prefix is moved") {
  ScratchDir scratch;
  install_to(scratch / "prefix");
  // Moved away from where it was installed (as a prefix copied to another machine
  // is): neither the configured prefix nor the source tree may be what it reads.
  fs::rename(scratch / "prefix", scratch / "moved");
  const std::string installed = shell_quote((scratch / "moved/bin/crbc").string());
  const std::string summarize = " summarize -q " + shell_quote(kArticle);

  const auto from_build = run(binary() + summarize);
  const auto from_install = run("env -u CRBC_DATA_DIR " + installed + summarize);
  INFO(from_install.err);
  REQUIRE(from_install.status == 0);
  CHECK(from_install.out == from_build.out);
  const auto keywords = keywords_of(from_install.out);
  REQUIRE_FALSE(keywords.empty());
  for (const std::string stop_word : {"the", "to", "of", "in", "and", "a"}) {
    CHECK(std::find(keywords.begin(), keywords.end(), stop_word) == keywords.end());
  }

  SECTION("without its data it stops and says where it looked") {
    fs::remove_all(scratch / "moved/share/crbc");
    if (fs::is_directory(fs::path(CRBC_DATA_INSTALL_DIR) / "stopwords")) {
      // This machine has crbc installed at the configured prefix: that copy is used.
      CHECK(run("env -u CRBC_DATA_DIR " + installed + summarize).out == from_build.out);
    } else {
      const auto missing = run("env -u CRBC_DATA_DIR " + installed + summarize);
      CHECK(missing.status == 1);
      CHECK(missing.out.empty());
      CHECK_THAT(missing.err, Catch::Contains("data files") &&
                                  Catch::Contains((scratch / "moved/share/crbc").string()) &&
                                  Catch::Contains("CRBC_DATA_DIR"));
    }
  }

  SECTION("CRBC_DATA_DIR names another data folder, and a wrong one is an error") {
    fs::rename(scratch / "moved/share/crbc", scratch / "data");
    const auto elsewhere = run("CRBC_DATA_DIR=" + shell_quote((scratch / "data").string()) + " " +
                               installed + summarize);
    CHECK(elsewhere.status == 0);
    CHECK(elsewhere.out == from_build.out);
    const auto wrong =
        run("CRBC_DATA_DIR=" + shell_quote(scratch.path().string()) + " " + installed + summarize);
    CHECK(wrong.status == 1);
    CHECK_THAT(wrong.err, Catch::Contains("CRBC_DATA_DIR"));
  }
}
