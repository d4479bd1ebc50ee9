// `crbc convert -t html` of hostile records (tests/safe-html/records) must give
// pages with no executable content. Checked twice: statically, by parsing the page
// (tests/safe-html/check.py), and dynamically, by loading it in headless Chromium
// and looking for what the payloads do when they run: every payload sets the
// title to "XSS"+"RAN" and appends an <xssran> element, strings that never appear
// literally in the records.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "run.hpp"

using namespace crbc::testing;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> hostile_records() {
  return files_with_extension(source_path("tests/safe-html/records"), ".json");
}

std::string checker() {
  return "python3 " + shell_quote(source_path("tests/safe-html/check.py"));
}

fs::path render(const fs::path& record, const ScratchDir& dir) {
  const fs::path page = dir / (record.stem().string() + ".html");
  const RunResult result = run(binary() + " convert -t html -o " + shell_quote(page.string()) +
                               " " + shell_quote(record.string()));
  INFO(record << ": " << result.err);
  REQUIRE(result.status == 0);
  return page;
}

bool ran_a_payload(const std::string& dom) {
  std::string lower = dom;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("xssran") != std::string::npos;
}

std::string chromium_binary() {
  for (const char* candidate : {"chromium", "chromium-browser", "google-chrome"}) {
    if (run(std::string("command -v ") + candidate).status == 0) return candidate;
  }
  return {};
}

// The page's DOM after load, as Chromium serialises it; a fresh profile each time.
RunResult dump_dom(const std::string& chromium, const fs::path& page) {
  ScratchDir profile;
  return run("HOME=" + shell_quote(profile.path().string()) + " timeout -k 10 300 " + chromium +
             " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
             " --disable-background-networking --disable-component-update --disable-sync"
             " --disable-dev-shm-usage --user-data-dir=" +
             shell_quote((profile / "user-data").string()) + " --dump-dom " +
             shell_quote("file://" + page.string()));
}

}  // namespace

TEST_CASE("the safe-HTML checker itself catches executable content") {
  ScratchDir dir;
  const std::vector<std::string> unsafe = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "<a href=\"  JaVa&#x09;Script:alert(1)\">x</a>",
      "<a href=\"data:text/html,hi\">x</a>",
      "<iframe srcdoc=x></iframe>",
      "<script type=\"application/ld+json\">{\"a\": \"</b>\"}</script>",
      "<p style=\"color:red\">x</p>",
  };
  for (const std::string& body : unsafe) {
    write_file(dir / "page.html",
               "<!DOCTYPE html><html><head><script type=\"application/ld+json\">{}</script>"
               "</head><body>" +
                   body + "</body></html>");
    INFO(body);
    CHECK(run(checker() + " " + shell_quote((dir / "page.html").string())).status == 1);
  }
  write_file(dir / "page.html",
             "<!DOCTYPE html><html><head><script type=\"application/ld+json\">{}</script>"
             "</head><body><a href=\"https://example.com/\">ok</a></body></html>");
  CHECK(run(checker() + " " + shell_quote((dir / "page.html").string())).status == 0);
}

TEST_CASE("html pages of hostile records hold no script, handler or dangerous url") {
  ScratchDir dir;
  const auto records = hostile_records();
  REQUIRE(records.size() >= 5);
  for (const fs::path& record : records) {
    const fs::path page = render(record, dir);
    const RunResult check =
        run(checker() + " " + shell_quote(page.string()) + " " + shell_quote(record.string()));
    INFO(record.filename() << "\n" << check.out << check.err);
    CHECK(check.status == 0);
    // And crbc reads its own page back to the same record.
    const RunResult back = run(binary() + " convert -t json " + shell_quote(page.string()));
    const RunResult direct = run(binary() + " convert -t json " + shell_quote(record.string()));
    CHECK(back.status == 0);
    CHECK(back.out == direct.out);
  }
}

TEST_CASE("no hostile payload runs when Chromium loads the html pages") {
  const std::string chromium = chromium_binary();
  INFO("chromium is not installed: setup.sh installs it (apt-get install chromium)");
  REQUIRE(!chromium.empty());
  ScratchDir dir;
  // The harness must see a payload that does run, or its silence means nothing.
  const std::string payload =
      "document.title='XSS'+'RAN';"
      "document.documentElement.appendChild(document.createElement('xss'+'ran'))";
  write_file(dir / "control.html",
             "<!DOCTYPE html><html><head><title>control</title></head><body>"
             "<p>control</p><script>" +
                 payload + "</script></body></html>");
  const RunResult control = dump_dom(chromium, dir / "control.html");
  INFO("chromium on the control page: status " << control.status << "\n" << control.err);
  REQUIRE(control.status == 0);
  REQUIRE(ran_a_payload(control.out));

  for (const fs::path& record : hostile_records()) {
    const fs::path page = render(record, dir);
    const RunResult loaded = dump_dom(chromium, page);
    INFO(record.filename() << ": status " << loaded.status << "\n" << loaded.err.substr(0, 2000));
    REQUIRE(loaded.status == 0);
    CHECK_THAT(loaded.out, Catch::Contains("<h1>"));  // the page did render
    CHECK_FALSE(ran_a_payload(loaded.out));
  }
}
