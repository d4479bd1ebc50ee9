// run_fetch(): what `crbc fetch` writes, for each way of calling it.
#include "commands/fetch_command.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fetch/state.hpp"
#include "fetch/test_server.hpp"
#include "formats/warc.hpp"
#include "support/temp_dir.hpp"

using crbc::commands::FetchCommand;
using crbc::commands::run_fetch;
using crbc::fetch::testing::TestServer;
using crbc::testing::TemporaryDirectory;

namespace {

const std::string kPage = "<html><body><p>hello</p></body></html>";

void routes(httplib::Server& server) {
  server.Get(R"(/article/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    response.set_content("<p>article " + std::string(request.matches[1]) + "</p>",
                         "text/html; charset=utf-8");
  });
  server.Get("/page", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(kPage, "text/html");
  });
  server.Get("/latin1", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("<p>caf\xE9</p>", "text/html; charset=iso-8859-1");
  });
  server.Get("/image", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("\x89PNG", "image/png");
  });
  server.Get("/missing",
             [](const httplib::Request&, httplib::Response& response) { response.status = 404; });
  server.Get("/feed.xml", [](const httplib::Request& request, httplib::Response& response) {
    const std::string base = "http://" + request.get_header_value("Host");
    response.set_content("<rss><channel><item><link>" + base +
                             "/article/1</link></item><item><link>" + base +
                             "/article/2</link></item></channel></rss>",
                         "application/rss+xml");
  });
}

FetchCommand command_for(std::vector<std::string> urls) {
  FetchCommand command;
  command.urls = std::move(urls);
  command.options = crbc::fetch::testing::local_options();
  command.stdout_is_pipe = false;  // as on a terminal, unless a case says otherwise
  return command;
}

// The response records of a WARC file.
std::size_t warc_pages(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::size_t pages = 0;
  crbc::formats::DocumentSink sink;
  sink.on_document = [&pages](crbc::formats::SourcedDocument&&) {
    ++pages;
    return true;
  };
  sink.on_error = [](const std::string&, const crbc::formats::FormatError&) { return true; };
  crbc::formats::read_warc(in, path.string(), {}, sink);
  return pages;
}

std::vector<nlohmann::json> records_of(const std::string& ndjson) {
  std::vector<nlohmann::json> records;
  std::istringstream in(ndjson);
  for (std::string line; std::getline(in, line);) records.push_back(nlohmann::json::parse(line));
  return records;
}

// The README's cron run: the feed, with a state file in `scratch`, new pages only.
FetchCommand cron_command_for(const TestServer& server, const TemporaryDirectory& scratch) {
  auto command = command_for({server.url("/feed.xml")});
  command.source = FetchCommand::Source::feeds;
  command.state_path = (scratch.path() / "state.db").string();
  command.new_only = true;
  return command;
}

}  // namespace

TEST_CASE("one url: raw HTML, or a fetch record into a pipe", "[fetch][command]") {
  TestServer server(routes);
  std::ostringstream out, err;
  CHECK(run_fetch(command_for({server.url("/page")}), out, err) == 0);
  CHECK(out.str() == kPage);
  CHECK(err.str().empty());

  auto command = command_for({server.url("/latin1")});
  command.stdout_is_pipe = true;
  std::ostringstream piped;
  CHECK(run_fetch(command, piped, err) == 0);
  const auto records = records_of(piped.str());
  REQUIRE(records.size() == 1);
  CHECK(records[0]["url"] == server.url("/latin1"));
  CHECK(records[0]["fetch"]["final_url"] == server.url("/latin1"));
  CHECK(records[0]["fetch"]["status"] == 200);
  CHECK(records[0]["fetch"]["charset"] == "iso-8859-1");
  CHECK(records[0]["fetch"]["headers"]["content-type"] == "text/html; charset=iso-8859-1");
  CHECK(crbc::fetch::base64_decode(records[0]["html_base64"].get<std::string>()) ==
        std::string("<p>caf\xE9</p>"));
}

TEST_CASE("several urls: records, failures said per url, exit 1", "[fetch][command]") {
  TestServer server(routes);
  std::ostringstream out, err;
  const int status = run_fetch(command_for({server.url("/article/1"), server.url("/missing"),
                                            "gopher://x", server.url("/image")}),
                               out, err);
  CHECK(status == 1);
  const auto records = records_of(out.str());
  REQUIRE(records.size() == 1);
  CHECK(records[0]["html"] == "<p>article 1</p>");
  CHECK_THAT(err.str(), Catch::Contains(server.url("/missing") + ": error: HTTP 404"));
  CHECK_THAT(err.str(), Catch::Contains("gopher://x: error: not an absolute http or https url"));
  CHECK_THAT(err.str(), Catch::Contains("not an HTML page (Content-Type: image/png)"));
}

TEST_CASE("urls from a file, pages into --output-dir, -o written atomically", "[fetch][command]") {
  TestServer server(routes);
  const TemporaryDirectory scratch("crbc-fetch-cmd");
  const auto list = scratch.path() / "urls.txt";
  std::ofstream(list) << "# today\n"
                      << server.url("/article/1") << "\n\n  " << server.url("/article/2") << "  \n";
  auto command = command_for({});
  command.url_files = {list.string()};
  command.output_dir = scratch.path().string();
  std::ostringstream out, err;
  CHECK(run_fetch(command, out, err) == 0);
  CHECK(out.str().empty());
  std::size_t html_files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scratch.path())) {
    if (entry.path().extension() == ".html") ++html_files;
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  }
  CHECK(html_files == 2);

  auto single = command_for({server.url("/page")});
  single.output_file = (scratch.path() / "page.html").string();
  single.stdout_is_pipe = true;  // -o wins: the file gets the HTML
  CHECK(run_fetch(single, out, err) == 0);
  std::ifstream written(scratch.path() / "page.html");
  CHECK(std::string(std::istreambuf_iterator<char>(written), {}) == kPage);
}

TEST_CASE("cron mode: --feed with --state --new-only emits each article once", "[fetch][command]") {
  TestServer server(routes);
  const TemporaryDirectory scratch("crbc-fetch-cmd");
  auto command = cron_command_for(server, scratch);
  command.warc_path = (scratch.path() / "first.warc.gz").string();
  std::ostringstream first, err;
  CHECK(run_fetch(command, first, err) == 0);
  CHECK(records_of(first.str()).size() == 2);
  std::size_t archived = warc_pages(command.warc_path);
  CHECK(archived == 2);
  command.warc_path = (scratch.path() / "second.warc.gz").string();
  std::ostringstream second;
  CHECK(run_fetch(command, second, err) == 0);
  CHECK(second.str().empty());
  archived += warc_pages(command.warc_path);
  CHECK(archived == 2);
}

TEST_CASE("into a pipe, --new-only sends again what no stage acknowledged", "[fetch][delivery]") {
  TestServer server(routes);
  const TemporaryDirectory scratch("crbc-fetch-cmd");
  auto command = cron_command_for(server, scratch);
  command.stdout_is_pipe = true;
  std::ostringstream first, second, third, err;
  CHECK(run_fetch(command, first, err) == 0);
  const auto records = records_of(first.str());
  REQUIRE(records.size() == 2);
  // The record names its page by the url requested: the key --ack-state marks.
  CHECK(records[0]["fetch"]["url"] == records[0]["url"]);
  CHECK_THAT(err.str(), !Catch::Contains("warning"));
  CHECK(run_fetch(command, second, err) == 0);
  CHECK(records_of(second.str()).size() == 2);
  CHECK_THAT(err.str(), Catch::Contains("warning: 2 pages fetched by an earlier run never reached "
                                        "the end of its pipeline and came again"));
  crbc::fetch::StateStore(command.state_path)
      .mark_delivered(records[0]["fetch"]["url"].get<std::string>());
  CHECK(run_fetch(command, third, err) == 0);
  const auto rest = records_of(third.str());
  REQUIRE(rest.size() == 1);
  CHECK(rest[0]["url"] == records[1]["url"]);
}

TEST_CASE("a missing output directory is created with its parents", "[fetch][command]") {
  TestServer server(routes);
  const TemporaryDirectory scratch("crbc-fetch-cmd");
  auto command = command_for({server.url("/article/1")});
  const auto dir = scratch.path() / "new" / "pages";
  command.output_dir = dir.string();
  std::ostringstream out, err;
  CHECK(run_fetch(command, out, err) == 0);
  CHECK(err.str().empty());
  REQUIRE(std::filesystem::is_directory(dir));
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);

  std::ofstream(scratch.path() / "file") << "x";
  command.output_dir = (scratch.path() / "file" / "pages").string();
  CHECK(run_fetch(command, out, err) == 1);  // an output error, as in every subcommand
  CHECK_THAT(err.str(), Catch::Contains("--output-dir " + command.output_dir + ": "));
}

TEST_CASE("an unreachable host gets one hint, its own", "[fetch][command]") {
  TestServer server(routes);
  auto command = command_for({server.url("/page")});
  command.options.robots = true;
  command.options.allow_private = false;
  std::ostringstream out, private_err;
  CHECK(run_fetch(command, out, private_err) == 1);
  CHECK_THAT(private_err.str(), Catch::Contains("(use --allow-private"));
  CHECK_THAT(private_err.str(), !Catch::Contains("--no-robots"));

  auto closed = command_for({"http://127.0.0.1:1/page"});
  closed.options.robots = true;
  closed.options.retries = 0;
  std::ostringstream closed_err;
  CHECK(run_fetch(closed, out, closed_err) == 1);
  CHECK_THAT(closed_err.str(), Catch::Contains("Couldn't connect"));
  CHECK_THAT(closed_err.str(), !Catch::Contains("--no-robots"));
}

TEST_CASE("the summary counts pages in the singular and the plural", "[fetch][command]") {
  TestServer server(routes);
  std::ostringstream out, one, two;
  CHECK(run_fetch(command_for({server.url("/article/1"), server.url("/missing")}), out, one) == 1);
  CHECK_THAT(one.str(), Catch::Contains("crbc: fetch: 1 page written,"));
  CHECK(run_fetch(command_for({server.url("/article/1"), server.url("/article/2")}), out, two) ==
        0);
  CHECK_THAT(two.str(), Catch::Contains("crbc: fetch: 2 pages written,"));
}
