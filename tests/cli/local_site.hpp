// A local web site for the tests that download: python3 -m http.server on a free
// port of 127.0.0.1, serving a folder, with the requests it answered.
#pragma once

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "cli/run.hpp"

namespace crbc::testing {

// Serves `folder`; stopped (with its process group) on destruction.
class LocalSite {
 public:
  explicit LocalSite(const std::filesystem::path& folder) : log_(scratch_ / "server.log") {
    const std::string start = "cd " + shell_quote(folder.string()) +
                              " && { setsid python3 -u -m http.server 0 --bind 127.0.0.1 > " +
                              shell_quote(log_.string()) + " 2>&1 & echo $! > " +
                              shell_quote((scratch_ / "pid").string()) + "; }";
    REQUIRE(std::system(start.c_str()) == 0);
    const std::regex serving("port ([0-9]+)");
    for (int tries = 0; tries < 100 && port_.empty(); ++tries) {
      std::smatch match;
      const std::string log = read_file(log_);
      if (std::regex_search(log, match, serving)) {
        port_ = match[1];
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
    REQUIRE_FALSE(port_.empty());
  }
  ~LocalSite() {
    const std::string stop =
        "kill -- -$(cat " + shell_quote((scratch_ / "pid").string()) + ") 2>/dev/null";
    std::system(stop.c_str());
  }
  LocalSite(const LocalSite&) = delete;
  LocalSite& operator=(const LocalSite&) = delete;

  // "http://127.0.0.1:PORT"
  std::string base() const { return "http://127.0.0.1:" + port_; }
  std::string port() const { return port_; }
  // `path` has no leading slash.
  std::string url(const std::string& path) const { return base() + "/" + path; }

  // The paths (with their queries) of the GET requests answered so far, in order.
  std::vector<std::string> requested_paths() const {
    static const std::regex kRequest("\"GET ([^ ]+) HTTP/");
    const std::string log = read_file(log_);
    std::vector<std::string> paths;
    for (auto it = std::sregex_iterator(log.begin(), log.end(), kRequest);
         it != std::sregex_iterator(); ++it) {
      paths.push_back((*it)[1]);
    }
    return paths;
  }

 private:
  ScratchDir scratch_;
  std::filesystem::path log_;
  std::string port_;
};

}  // namespace crbc::testing
