// Libraries that only some commands need are loaded by those commands alone:
// every other command starts without paying for them (src/io/shared_library.hpp).
#include <catch2/catch.hpp>
#include <string>

#include "run.hpp"

using namespace crbc::testing;

namespace {

// What the dynamic loader reports loading while `arguments` run.
std::string loaded_files(const std::string& arguments) {
  return run("LD_DEBUG=files " + binary() + " " + arguments + " 2>&1 >/dev/null").out;
}

}  // namespace

TEST_CASE("fetch loads libcurl, and an index SQLite, when they run") {
  CHECK_THAT(loaded_files("fetch 'not a url'"), Catch::Contains("libcurl.so.4"));
  ScratchDir dir;
  const std::string index = shell_quote((dir / "index.db").string());
  CHECK_THAT(loaded_files("related index add --index " + index + " " +
                          shell_quote(source_path("samples/crbc-belarus-pardons.html"))),
             Catch::Contains("libsqlite3.so.0"));
}

TEST_CASE("the other commands load neither libcurl, libcrypto nor SQLite") {
  const std::string page = shell_quote(source_path("samples/crbc-belarus-pardons.html"));
  ScratchDir dir;
  const std::string record = shell_quote((dir / "record.json").string());
  REQUIRE(run(binary() + " parse " + page + " -o " + record).status == 0);
  for (const std::string& arguments :
       {"parse " + page, "convert -t yaml " + record, "summarize " + record,
        "related --corpus " + record + " " + record}) {
    const std::string loaded = loaded_files(arguments);
    INFO(arguments);
    CHECK_THAT(loaded, Catch::Contains("libgumbo"));
    for (const char* library : {"libcurl", "libcrypto", "libsqlite3"}) {
      CHECK_THAT(loaded, !Catch::Contains(library));
    }
  }
}
