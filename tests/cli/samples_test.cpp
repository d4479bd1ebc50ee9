// Every bundled sample page parses to its expected record, checked by hand when
// it was written (samples/NAME.expected.json beside samples/NAME.html).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run.hpp"

using namespace crbc::testing;

TEST_CASE("sample pages parse to their expected records") {
  std::size_t pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("samples"))) {
    const auto page = entry.path();
    if (page.extension() != ".html") continue;
    ++pages;
    auto expected_path = page;
    expected_path.replace_extension(".expected.json");
    INFO(page.filename().string() << ": expected record " << expected_path.filename().string()
                                  << " (write it with crbc parse, then read it)");
    REQUIRE(std::filesystem::exists(expected_path));
    const RunResult result = run(binary() + " parse " + shell_quote(page.string()));
    REQUIRE(result.status == 0);
    const auto actual = nlohmann::json::parse(result.out);
    const auto expected = nlohmann::json::parse(read_file(expected_path));
    CHECK(actual.dump(2) == expected.dump(2));
  }
  CHECK(pages > 0);
}

TEST_CASE("the CRBC page's text and related links survive a trip through every format") {
  const std::string page = shell_quote(source_path("samples/crbc-belarus-pardons.html"));
  const RunResult direct = run(binary() + " parse " + page);
  REQUIRE(direct.status == 0);
  for (const char* format : {"yaml", "markdown", "html", "ndjson"}) {
    INFO(format);
    const RunResult trip =
        run(binary() + " parse -t " + format + " " + page + " | " + binary() + " convert -t json");
    REQUIRE(trip.status == 0);
    CHECK(nlohmann::json::parse(trip.out) == nlohmann::json::parse(direct.out));
  }
}
