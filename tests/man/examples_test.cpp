// The EXAMPLES of every man page run, the way jq runs its manual. Each literal
// display in the EXAMPLES section of man/*.1 is a shell command; it runs with the
// built crbc first on PATH, in a scratch directory holding every file the examples
// name, made from samples/ (story.html is a sample page, records/ its records, ...).
// It must exit with status 0 without reading the terminal and, where the page shows
// what it prints (a display after a line ending in "prints:"), print exactly that.
//
// Examples that download do it from a local HTTP server instead: their
// https://news.example.org becomes the server's address, and `crbc fetch` and
// `crbc parse` get --allow-private, which a loopback address needs. A crontab
// display runs the way cron runs it: the command after the schedule, with \% as %,
// from $HOME.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/run.hpp"
#include "fetch/test_server.hpp"

namespace fs = std::filesystem;
using crbc::fetch::testing::TestServer;
using namespace crbc::testing;

namespace {

constexpr const char* kExampleHost = "https://news.example.org";

struct Example {
  std::string command;
  std::string output;  // what the page shows it prints
  bool shows_output = false;
};

// A line of a literal display as the reader sees it: roff escapes made plain.
std::string unescape_roff(std::string_view line) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kEscapes{
      {"\\e", "\\"}, {"\\-", "-"}, {"\\&", ""}, {"\\(aq", "'"}};
  std::string plain;
  for (std::size_t at = 0; at < line.size();) {
    const auto escape = std::find_if(kEscapes.begin(), kEscapes.end(), [&](const auto& e) {
      return line.substr(at).starts_with(e.first);
    });
    if (escape == kEscapes.end()) {
      plain += line[at++];
    } else {
      plain += escape->second;
      at += escape->first.size();
    }
  }
  return plain;
}

// The examples of a man page source, in order.
std::vector<Example> examples_of(const fs::path& page) {
  std::ifstream in(page);
  std::vector<Example> examples;
  bool in_section = false;
  bool in_display = false;
  bool output_next = false;
  std::string display;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(".Sh ")) {
      in_section = line == ".Sh EXAMPLES";
    } else if (!in_section) {
      continue;
    } else if (line.starts_with(".Bd -literal")) {
      in_display = true;
      display.clear();
    } else if (line == ".Ed") {
      in_display = false;
      if (output_next && !examples.empty()) {
        examples.back().output = display;
        examples.back().shows_output = true;
      } else {
        examples.push_back({display});
      }
      output_next = false;
    } else if (in_display) {
      display += unescape_roff(line) + "\n";
    } else if (!line.starts_with(".")) {
      output_next = line.ends_with("prints:");
    }
  }
  return examples;
}

// A crontab runs as cron runs it: the command after the five schedule fields, with
// \% made %. Its variable lines are left out: the test sets PATH itself.
std::string as_shell_command(const std::string& display) {
  static const std::regex kSchedule(R"(^\s*(?:[-*/,0-9]+\s+){5}(.*)$)");
  static const std::regex kEscapedPercent(R"(\\%)");
  std::istringstream lines(display);
  std::string scheduled;
  for (std::string line; std::getline(lines, line);) {
    std::smatch schedule;
    if (std::regex_match(line, schedule, kSchedule)) {
      scheduled += std::regex_replace(schedule[1].str(), kEscapedPercent, "%") + "\n";
    }
  }
  return scheduled.empty() ? display : scheduled;
}

// The command with the example site replaced by the local server, which the
// subcommands that download reach only with --allow-private (it is a loopback address).
std::string against_server(std::string command, const std::string& server) {
  for (auto at = command.find(kExampleHost); at != std::string::npos;
       at = command.find(kExampleHost, at + server.size())) {
    command.replace(at, std::string(kExampleHost).size(), server);
  }
  for (const std::string downloads : {"crbc fetch", "crbc parse"}) {
    for (auto at = command.find(downloads); at != std::string::npos;
         at = command.find(downloads, at + downloads.size())) {
      command.insert(at + downloads.size(), " --allow-private");
    }
  }
  return command;
}

// Output as a reader sees it on the page: CRLF line ends (CSV's) as plain newlines.
std::string as_read(std::string output) {
  for (auto at = output.find("\r\n"); at != std::string::npos; at = output.find("\r\n", at)) {
    output.erase(at, 1);
  }
  return output;
}

std::vector<fs::path> sample_pages() {
  return files_with_extension(source_path("samples"), ".html");
}

// The urls of every sample under /articles/ of the server asked.
std::vector<std::string> article_urls(const httplib::Request& request) {
  std::vector<std::string> urls;
  for (const auto& page : sample_pages()) {
    urls.push_back("http://" + request.get_header_value("Host") + "/articles/" +
                   page.filename().string());
  }
  return urls;
}

// The site the examples download from: every sample under /articles/, a feed and
// a sitemap that list them, no robots.txt, and the first sample at any other path.
void serve_samples(httplib::Server& server) {
  server.Get("/robots.txt",
             [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
  server.Get("/rss.xml", [](const httplib::Request& request, httplib::Response& response) {
    std::string feed = "<rss version=\"2.0\"><channel><title>News</title>";
    for (const std::string& url : article_urls(request))
      feed += "<item><link>" + url + "</link></item>";
    response.set_content(feed + "</channel></rss>", "application/rss+xml");
  });
  server.Get("/sitemap.xml", [](const httplib::Request& request, httplib::Response& response) {
    std::string sitemap = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
    for (const std::string& url : article_urls(request))
      sitemap += "<url><loc>" + url + "</loc></url>";
    response.set_content(sitemap + "</urlset>", "application/xml");
  });
  server.Get(R"(/articles/([-a-z0-9]+\.html))",
             [](const httplib::Request& request, httplib::Response& response) {
               const fs::path page = source_path("samples/" + request.matches[1].str());
               if (!fs::exists(page)) {
                 response.status = 404;
                 return;
               }
               response.set_content(read_file(page), "text/html");
             });
  server.Get(".*", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(read_file(sample_pages().front()), "text/html");
  });
}

// Runs `command` in `dir` with the built crbc first on PATH and HOME one level up.
// Standard input is closed: an example names its input, and one that would wait on
// the terminal instead fails to read it.
RunResult run_in(const fs::path& dir, const fs::path& bin, const std::string& command) {
  return run(
      "cd " + shell_quote(dir.string()) + " && HOME=" + shell_quote(dir.parent_path().string()) +
      " PATH=" + shell_quote(bin.string()) + ":\"$PATH\" sh -c " + shell_quote(command) + " 0<&-");
}

// The files the examples name, made from the samples by crbc itself.
void make_fixture(const fs::path& dir, const fs::path& bin, const TestServer& server) {
  fs::create_directories(dir / "pages");
  for (const auto& page : sample_pages()) fs::copy_file(page, dir / "pages" / page.filename());
  fs::copy_file(sample_pages().front(), dir / "story.html");
  fs::copy_file(sample_pages().front(), dir / "page.html");
  std::string urls;
  for (const auto& page : sample_pages()) {
    urls += server.url("/articles/" + page.filename().string()) + "\n";
  }
  write_file(dir / "urls.txt", urls);
  for (const std::string step : {
           "crbc parse -q -o story.json story.html",
           "crbc parse -q --output-dir records/ pages/*.html",
           "crbc parse -q -t ndjson -o all.ndjson pages/*.html",
           "for name in records today month new crawl; do cp all.ndjson $name.ndjson; done",
           "crbc related index add -q --index news.db month.ndjson",
           "crbc fetch -q --allow-private --warc crawl.warc.gz -i urls.txt >/dev/null",
       }) {
    const RunResult made = run_in(dir, bin, step);
    INFO("fixture: " << step << "\n" << made.err);
    REQUIRE(made.status == 0);
  }
}

}  // namespace

TEST_CASE("the EXAMPLES of every man page run on the samples", "[man]") {
  const TestServer server(serve_samples);
  ScratchDir scratch;
  const fs::path bin = scratch / "bin";
  fs::create_directories(bin);
  fs::create_symlink(CRBC_BINARY, bin / "crbc");
  const fs::path fixture = scratch / "fixture";
  make_fixture(fixture, bin, server);

  std::size_t pages = 0;
  for (const auto& entry : fs::directory_iterator(source_path("man"))) {
    if (entry.path().extension() != ".1") continue;
    ++pages;
    const std::string page = entry.path().filename().string();
    const std::vector<Example> examples = examples_of(entry.path());
    INFO(page);
    CHECK(!examples.empty());
    // Each page starts from the fixture; its examples run in order, as a reader would.
    const fs::path dir = scratch / ("home-" + page) / "news";
    fs::create_directories(dir.parent_path());
    fs::copy(fixture, dir, fs::copy_options::recursive);
    for (const Example& example : examples) {
      const std::string command = against_server(as_shell_command(example.command), server.url(""));
      INFO("example:\n" << example.command << "run as:\n" << command);
      const RunResult result = run_in(dir, bin, command);
      INFO("stderr:\n" << result.err);
      CHECK(result.status == 0);
      if (example.shows_output) CHECK(as_read(result.out) == example.output);
    }
  }
  CHECK(pages > 0);
}
