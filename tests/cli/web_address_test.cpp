// `crbc parse https://…`: web addresses are downloaded with fetch's rules and parsed
// like files; "./https:…" stays a file. A local python3 http.server plays the site.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/local_site.hpp"
#include "cli/run.hpp"

using namespace crbc::testing;
using nlohmann::json;

TEST_CASE("parse downloads a web address given as an input, with fetch's rules") {
  ScratchDir site;
  const std::string page = "crbc-belarus-pardons.html";
  std::filesystem::copy_file(source_path("samples/" + page), site / page);
  LocalSite server(site.path());

  const auto from_file = run(binary() + " parse -t ndjson " + shell_quote((site / page).string()));
  REQUIRE(from_file.status == 0);
  const auto downloaded =
      run(binary() + " parse --allow-private -t ndjson " + shell_quote(server.url(page)));
  INFO(downloaded.err);
  REQUIRE(downloaded.status == 0);
  const auto record = json::parse(downloaded.out);
  const auto expected = json::parse(from_file.out);
  CHECK(record.at("title") == expected.at("title"));
  CHECK(record.at("body") == expected.at("body"));
  CHECK(record.at("fetch").at("status") == 200);
  CHECK(record.at("fetch").at("url") == server.url(page));

  SECTION("a private address is refused without --allow-private, as fetch refuses it") {
    const auto refused = run(binary() + " parse " + shell_quote(server.url(page)));
    CHECK(refused.status == 1);
    CHECK(refused.out.empty());
    CHECK_THAT(refused.err, Catch::Contains("--allow-private"));
  }
  SECTION("a missing page fails alone, named by its address") {
    const auto missing =
        run(binary() + " parse --allow-private -t ndjson " + shell_quote(server.url("gone.html")) +
            " " + shell_quote(server.url(page)));
    CHECK(missing.status == 1);
    CHECK_THAT(missing.err, Catch::Contains(server.url("gone.html") + ": error: HTTP 404"));
    CHECK(json::parse(missing.out).at("title") == expected.at("title"));
  }
  SECTION("./https:… is a file, and convert reads addresses as files") {
    const auto as_file = run("cd " + shell_quote(site.path().string()) + " && " + binary() +
                             " parse ./https:example.org");
    CHECK(as_file.status == 1);
    CHECK_THAT(as_file.err,
               Catch::Contains("./https:example.org: error: ") && Catch::Contains("No such file"));
    const auto converted = run(binary() + " convert " + shell_quote(server.url(page)));
    CHECK(converted.status == 1);
    CHECK_THAT(converted.err, Catch::Contains("No such file"));
  }
}

TEST_CASE("fetch shows progress with --progress, and none on a stderr that is not a terminal") {
  ScratchDir site;
  for (const std::string name : {"a.html", "b.html"}) {
    std::filesystem::copy_file(source_path("samples/crbc-belarus-pardons.html"), site / name);
  }
  LocalSite server(site.path());
  const std::string fetch = binary() + " fetch --allow-private --records " +
                            shell_quote(server.url("a.html")) + " " +
                            shell_quote(server.url("b.html"));
  const auto with_progress = run(fetch + " --progress");
  INFO(with_progress.err);
  CHECK(with_progress.status == 0);
  CHECK_THAT(with_progress.err, Catch::Contains("\rcrbc: fetch: 2 pages, 0 failed\n"));
  const auto without = run(fetch);
  CHECK(without.err.find('\r') == std::string::npos);
  CHECK(run(fetch + " --progress -q").err.find('\r') == std::string::npos);
}
