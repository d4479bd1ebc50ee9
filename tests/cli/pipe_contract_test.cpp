// The pipe contract every record subcommand keeps (crbc(1)): inputs, outputs,
// ordering, exit statuses and diagnostics, checked on the real binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run.hpp"

using namespace crbc::testing;
using nlohmann::json;

namespace {

std::string record_line(const std::string& title) {
  return json{{"schema_version", 1}, {"title", title}, {"body", json::array()}}.dump() + "\n";
}

// A record every subcommand can work on: with a url and a paragraph to summarize.
std::string article_line(int number) {
  const std::string n = std::to_string(number);
  return json{{"schema_version", 1},
              {"title", "Harbour report " + n},
              {"url", "https://news.example/harbour/" + n},
              {"body",
               {{{"type", "paragraph"},
                 {"text", "The harbour authority counted " + n +
                              " ships this week. Officials said the new quay opens in May."}}}}}
             .dump() +
         "\n";
}

std::vector<json> ndjson_lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

// `command`, a shell command line, run in `folder`.
RunResult run_in(const ScratchDir& folder, const std::string& command) {
  return run("cd " + shell_quote(folder.path().string()) + " && " + command);
}

}  // namespace

TEST_CASE("records from stdin come out in input order, also with -j") {
  std::string input;
  for (int i = 0; i < 300; ++i) input += record_line("record " + std::to_string(i));
  for (const char* jobs : {"1", "4"}) {
    const RunResult result = run(binary() + " convert -t ndjson -j " + jobs, input);
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());
    const auto records = ndjson_lines(result.out);
    REQUIRE(records.size() == 300);
    for (int i = 0; i < 300; ++i) {
      CHECK(records[static_cast<std::size_t>(i)]["title"] == "record " + std::to_string(i));
    }
  }
}

TEST_CASE("JSON is one record a line in a pipe however many, indented on a terminal") {
  const auto lines = [](const std::string& text) { return std::ranges::count(text, '\n'); };
  const RunResult one = run(binary() + " convert -t json", record_line("only"));
  REQUIRE(one.status == 0);
  CHECK(lines(one.out) == 1);
  CHECK(json::parse(one.out)["title"] == "only");
  const RunResult two = run(binary() + " convert -t json", record_line("a") + record_line("b"));
  REQUIRE(two.status == 0);
  CHECK(lines(two.out) == 2);
  CHECK(ndjson_lines(two.out).size() == 2);

  const RunResult pretty = run(binary() + " convert -t json --pretty", record_line("only"));
  CHECK(pretty.out.starts_with("{\n  \""));
  CHECK(json::parse(pretty.out)["title"] == "only");
  const RunResult both = run(binary() + " convert --pretty --compact", record_line("a"));
  CHECK(both.status == 2);

  // script(1) runs the command with a terminal as its standard output (which
  // turns "\n" into "\r\n").
  const ScratchDir dir;
  write_file(dir / "a.ndjson", record_line("a"));
  const std::string input = shell_quote((dir / "a.ndjson").string());
  const auto on_terminal = [&](const std::string& options) {
    return run("script -qec " + shell_quote(binary() + " convert -q " + options + input) +
               " /dev/null")
        .out;
  };
  CHECK(on_terminal("").starts_with("{\r\n  \""));
  const std::string compact = on_terminal("--compact ");
  CHECK(lines(compact) == 1);
  CHECK(json::parse(compact)["title"] == "a");
}

TEST_CASE("a failing input is reported by name, the others are still processed, exit 1") {
  ScratchDir dir;
  write_file(dir / "good.json", record_line("good"));
  write_file(dir / "bad.json", "{\"title\": \"unterminated\n");
  const RunResult result =
      run(binary() + " convert -t ndjson " + shell_quote((dir / "bad.json").string()) + " " +
          shell_quote((dir / "missing.json").string()) + " " +
          shell_quote((dir / "good.json").string()));
  CHECK(result.status == 1);
  CHECK(ndjson_lines(result.out).size() == 1);
  CHECK_THAT(result.err, Catch::Contains("bad.json:"));
  CHECK_THAT(result.err, Catch::Contains("missing.json"));
}

TEST_CASE("fail-fast mode stops at the first failure") {
  ScratchDir dir;
  write_file(dir / "bad.json", "not json at all");
  write_file(dir / "good.json", record_line("good"));
  const RunResult result =
      run(binary() + " convert --fail-fast -t ndjson " + shell_quote((dir / "bad.json").string()) +
          " " + shell_quote((dir / "good.json").string()));
  CHECK(result.status == 1);
  CHECK(result.out.empty());
}

TEST_CASE("a malformed NDJSON line names its line and does not stop the others") {
  const std::string input = record_line("one") + "{broken\n" + record_line("three");
  const RunResult result = run(binary() + " convert -t ndjson -f ndjson", input);
  CHECK(result.status == 1);
  CHECK(ndjson_lines(result.out).size() == 2);
  CHECK_THAT(result.err, Catch::Contains("<stdin>:2"));
}

TEST_CASE("usage errors exit 2 and print nothing on stdout") {
  for (const std::string args : {"convert --no-such-option", "convert -t klingon", "frobnicate", "",
                                 "fetch --new-only https://news.example/"}) {
    const RunResult result = run(binary() + " " + args);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    CHECK_FALSE(result.err.empty());
  }
}

TEST_CASE("the -o file is written and nothing is left when every input fails") {
  ScratchDir dir;
  const auto target = dir / "out.json";
  const RunResult ok =
      run(binary() + " convert -o " + shell_quote(target.string()), record_line("x"));
  REQUIRE(ok.status == 0);
  CHECK(ok.out.empty());
  CHECK(json::parse(read_file(target))["title"] == "x");
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename() == "out.json");  // no temporary left behind
  }
}

TEST_CASE("output to /dev/stdout or a named pipe is written through, as the shell set it up") {
  // The pipe first, required: were it replaced by a file, /dev/stdout would be too.
  ScratchDir dir;
  const RunResult piped =
      run("cd " + shell_quote(dir.path().string()) + " && mkfifo pipe && { timeout 10 cat pipe & " +
              binary() + " convert -t ndjson -o pipe; wait; } && test -p pipe",
          record_line("piped"));
  REQUIRE(piped.status == 0);
  const std::vector<json> through_pipe = ndjson_lines(piped.out);
  REQUIRE(through_pipe.size() == 1);
  CHECK(through_pipe[0]["title"] == "piped");

  const auto log = dir / "log.ndjson";
  const std::string to_stdout =
      binary() + " convert -t ndjson -o /dev/stdout >> " + shell_quote(log.string());
  REQUIRE(run(to_stdout, record_line("first")).status == 0);
  REQUIRE(run(to_stdout, record_line("second")).status == 0);
  const std::vector<json> appended = ndjson_lines(read_file(log));
  REQUIRE(appended.size() == 2);
  CHECK(appended[1]["title"] == "second");
}

TEST_CASE("an output directory gets one file per input named after it") {
  ScratchDir dir;
  write_file(dir / "first.json", record_line("first"));
  write_file(dir / "second.ndjson", record_line("second a") + record_line("second b"));
  std::filesystem::create_directories(dir / "out");
  const RunResult result =
      run(binary() + " convert -t yaml --output-dir " + shell_quote((dir / "out").string()) + " " +
          shell_quote((dir / "first.json").string()) + " " +
          shell_quote((dir / "second.ndjson").string()));
  REQUIRE(result.status == 0);
  CHECK(std::filesystem::exists(dir / "out" / "first.yaml"));
  CHECK(std::filesystem::exists(dir / "out" / "second.yaml"));
  CHECK_THAT(read_file(dir / "out" / "second.yaml"), Catch::Contains("second b"));
}

TEST_CASE("inputs with the same base name do not overwrite each other's output") {
  ScratchDir dir;
  for (const char* sub : {"a", "b", "c"}) {
    std::filesystem::create_directories(dir / sub);
    write_file(dir / sub / "page.json", record_line(sub));
  }
  std::filesystem::create_directories(dir / "out");
  const RunResult result =
      run(binary() + " convert --output-dir " + shell_quote((dir / "out").string()) + " " +
          shell_quote((dir / "a" / "page.json").string()) + " " +
          shell_quote((dir / "b" / "page.json").string()) + " " +
          shell_quote((dir / "c" / "page.json").string()));
  REQUIRE(result.status == 0);
  CHECK(json::parse(read_file(dir / "out" / "page.json"))["title"] == "a");
  CHECK(json::parse(read_file(dir / "out" / "page-2.json"))["title"] == "b");
  CHECK(json::parse(read_file(dir / "out" / "page-3.json"))["title"] == "c");
}

TEST_CASE("a read-only output directory is a clear error and leaves no file") {
  ScratchDir dir;
  if (::geteuid() == 0) {
    // root writes anywhere; use a folder that cannot be made (under a file) instead.
    write_file(dir / "plain", "x");
    const auto folder = (dir / "plain" / "out").string();
    const RunResult result =
        run(binary() + " convert --output-dir " + shell_quote(folder), record_line("x"));
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::Contains(folder + ": cannot create the output folder"));
    return;
  }
  std::filesystem::permissions(
      dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  const RunResult result =
      run(binary() + " convert --output-dir " + shell_quote(dir.path().string()), record_line("x"));
  CHECK(result.status == 1);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
}

TEST_CASE("a missing output directory is created with its parents, in every subcommand") {
  ScratchDir dir;
  write_file(dir / "page.json", article_line(1));
  const auto page = shell_quote((dir / "page.json").string());
  for (const std::string command : {"convert", "parse", "summarize", "related"}) {
    const auto folder = dir / "new" / command / "out";
    const std::string corpus = command == "related" ? " --corpus " + page : "";
    const RunResult result = run(binary() + " " + command + " " + page + corpus + " --output-dir " +
                                 shell_quote(folder.string()));
    INFO(command << ": " << result.err);
    CHECK(result.status == 0);
    CHECK(std::filesystem::is_regular_file(folder / "page.json"));
  }
}

TEST_CASE("with -j, a failed output file is reported under its own input") {
  ScratchDir dir;
  std::string inputs;
  for (int i = 0; i < 12; ++i) {
    const std::string name = "page" + std::to_string(i);
    write_file(dir / (name + ".json"), record_line(name));
    inputs += " " + shell_quote((dir / (name + ".json")).string());
  }
  // A folder where page3.json and page7.json should go: those two writes fail.
  std::filesystem::create_directories(dir / "out" / "page3.json");
  std::filesystem::create_directories(dir / "out" / "page7.json");
  const RunResult result =
      run(binary() + " convert -j 2 --output-dir " + shell_quote((dir / "out").string()) + inputs);
  CHECK(result.status == 1);
  std::istringstream lines(result.err);
  std::vector<std::string> errors;
  for (std::string line; std::getline(lines, line);) errors.push_back(line);
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], Catch::Contains("page3.json: error:") && Catch::Contains("out/page3.json"));
  CHECK_THAT(errors[1], Catch::Contains("page7.json: error:") && Catch::Contains("out/page7.json"));
  CHECK(json::parse(read_file(dir / "out" / "page11.json"))["title"] == "page11");
}

TEST_CASE("a closed pipe ends every subcommand quietly with status 0") {
  ScratchDir dir;
  std::string records;
  for (int i = 0; i < 3000; ++i) records += article_line(i);
  const auto file = shell_quote((dir / "records.ndjson").string());
  write_file(dir / "records.ndjson", records);
  const auto status = dir / "status";
  for (const std::string& args :
       {"convert -t csv " + file, "convert -t yaml -j 2 " + file, "parse < " + file,
        "parse -j 2 - < " + file, "convert -t json " + file + " " + file, "summarize " + file,
        "related " + file + " --corpus " + file}) {
    // The reader goes away after one byte; crbc's own status is kept aside.
    const RunResult result = run("{ " + binary() + " " + args + "; echo $? > " +
                                 shell_quote(status.string()) + "; } | head -c 1 > /dev/null");
    INFO(args);
    CHECK(read_file(status) == "0\n");
    CHECK(result.err.empty());
  }
}

TEST_CASE("a closed output pipe ends quietly") {
  std::string input;
  for (int i = 0; i < 20000; ++i) input += record_line("record " + std::to_string(i));
  const RunResult result = run(binary() + " convert -t ndjson | head -1", input);
  CHECK(result.status == 0);
  CHECK(ndjson_lines(result.out).size() == 1);
  CHECK(result.err.empty());
}

TEST_CASE("diagnostics go to stderr, never stdout") {
  const RunResult result = run(binary() + " convert -t ndjson", "{\"title\": 5}\n");
  CHECK(result.status == 1);
  CHECK(result.out.empty());
  CHECK_THAT(result.err, Catch::Contains("/title"));
}

TEST_CASE("SIGTERM during a run exits 143 and leaves no temporary file") {
  ScratchDir dir;
  const auto target = dir / "out.ndjson";
  // An endless input keeps crbc busy until the signal arrives.
  const RunResult result =
      run("yes '" + record_line("x").substr(0, record_line("x").size() - 1) + "' | { " + binary() +
          " convert -t ndjson -o " + shell_quote(target.string()) +
          " <&3 & pid=$!; sleep 1; kill -TERM $pid; wait $pid; } 3<&0");
  CHECK(result.status == 143);
  CHECK_FALSE(std::filesystem::exists(target));
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("gzip-compressed pages and records are read like plain ones, whatever their name") {
  ScratchDir scratch;
  const std::string page = source_path("samples/crbc-belarus-pardons.html");
  const auto plain = run(binary() + " parse -t ndjson " + shell_quote(page));
  REQUIRE(plain.status == 0);
  for (const std::string name : {"page.html.gz", "page.gz", "page"}) {
    const auto compressed = (scratch / name).string();
    REQUIRE(run("gzip -c " + shell_quote(page) + " > " + shell_quote(compressed)).status == 0);
    const auto parsed = run(binary() + " parse -t ndjson " + shell_quote(compressed));
    INFO(name << "\n" << parsed.err);
    CHECK(parsed.status == 0);
    // The record names its source file, the rest is the same.
    auto record = json::parse(parsed.out);
    auto expected = json::parse(plain.out);
    CHECK(record.at("title") == expected.at("title"));
    CHECK(record.at("body") == expected.at("body"));
  }
  // Records, on standard input, and concatenated gzip members (`cat a.gz b.gz`).
  write_file(scratch / "one", record_line("One"));
  write_file(scratch / "two", record_line("Two"));
  const auto converted = run_in(scratch, "gzip -c one > both.gz && gzip -c two >> both.gz && " +
                                             binary() + " convert -t ndjson < both.gz");
  INFO(converted.err);
  CHECK(converted.status == 0);
  const auto records = ndjson_lines(converted.out);
  REQUIRE(records.size() == 2);
  CHECK(records[1].at("title") == "Two");
}

TEST_CASE("an input of the wrong kind fails alone, with one line that says what it is") {
  ScratchDir scratch;
  const std::string page = shell_quote(source_path("samples/crbc-belarus-pardons.html"));
  write_file(scratch / "report.pdf",
             "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
  write_file(scratch / "good.json", record_line("Kept"));
  struct Case {
    std::string command;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"convert --from json " + page, "looks like HTML, not json records"},
      {"convert --from ndjson " + page, "looks like HTML, not ndjson records"},
      {"parse report.pdf", "a PDF document"},
      {"parse -t csv " + page + " | " + binary() + " convert", "csv or tsv output"},
      {"parse -t tsv " + page + " | " + binary() + " convert", "csv or tsv output"},
  };
  for (const auto& c : cases) {
    const auto result = run_in(scratch, binary() + " " + c.command);
    INFO(c.command << "\n" << result.err);
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    CHECK_THAT(result.err, Catch::Contains(c.says));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  }
  // The other inputs of the run are still read.
  const auto mixed = run_in(scratch, binary() + " convert -t ndjson report.pdf good.json");
  CHECK(mixed.status == 1);
  REQUIRE(ndjson_lines(mixed.out).size() == 1);
  CHECK(ndjson_lines(mixed.out)[0].at("title") == "Kept");
}

TEST_CASE("folders with -R and input lists with -i, and --output-dir keeping the folder's layout") {
  ScratchDir scratch;
  std::filesystem::create_directories(scratch / "pages/b");
  std::filesystem::create_directories(scratch / "pages/.cache");
  write_file(scratch / "pages/a.json", record_line("A"));
  write_file(scratch / "pages/b/2.json", record_line("B2"));
  write_file(scratch / "pages/.cache/x.json", record_line("hidden"));
  write_file(scratch / "c.json", record_line("C"));
  REQUIRE(run_in(scratch, "gzip c.json && mv c.json.gz pages/").status == 0);
  const auto titles = [](const std::string& ndjson) {
    std::vector<std::string> out;
    for (const auto& record : ndjson_lines(ndjson)) out.push_back(record.at("title"));
    return out;
  };

  const auto without_flag = run_in(scratch, binary() + " convert -t ndjson pages");
  CHECK(without_flag.status == 1);
  CHECK_THAT(without_flag.err, Catch::Contains("pages: error: is a folder: give -R"));

  const auto walked = run_in(scratch, binary() + " convert -R -t ndjson pages");
  INFO(walked.err);
  CHECK(walked.status == 0);
  CHECK(titles(walked.out) == std::vector<std::string>{"A", "B2", "C"});

  const auto into_folder = run_in(scratch, binary() + " convert -R --output-dir out pages");
  CHECK(into_folder.status == 0);
  for (const std::string name : {"out/a.json", "out/b/2.json", "out/c.json"}) {
    INFO(name);
    CHECK(std::filesystem::is_regular_file(scratch / name));
  }
  CHECK_FALSE(std::filesystem::exists(scratch / "out/.cache"));

  write_file(scratch / "list.txt", "# wanted\npages/c.json.gz\n\npages/a.json\n");
  const auto listed = run_in(scratch, binary() + " convert -t ndjson -i list.txt pages/b/2.json");
  CHECK(listed.status == 0);
  CHECK(titles(listed.out) == std::vector<std::string>{"B2", "C", "A"});
  const auto from_stdin = run_in(
      scratch, "printf 'pages/a.json\\npages/b\\n' | " + binary() + " convert -t ndjson -R -i -");
  CHECK(from_stdin.status == 0);
  CHECK(titles(from_stdin.out) == std::vector<std::string>{"A", "B2"});
  const auto missing_list = run_in(scratch, binary() + " convert -i nowhere.txt");
  CHECK(missing_list.status == 1);
  CHECK_THAT(missing_list.err, Catch::Contains("nowhere.txt: error: cannot read the input list"));
}

TEST_CASE("related --corpus takes one file, the next argument is an input") {
  ScratchDir scratch;
  write_file(scratch / "month.ndjson", article_line(1) + article_line(2));
  write_file(scratch / "today.ndjson", article_line(3));
  const auto result = run_in(
      scratch, binary() + " related -t ndjson --corpus month.ndjson today.ndjson < /dev/null");
  INFO(result.err);
  CHECK(result.status == 0);
  const auto records = ndjson_lines(result.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0].at("title") == "Harbour report 3");
}
