// The JSON that crbc writes validates against schema/article.schema.json
// (checked by tests/validate-schema.py with Debian's python3-jsonschema).
#include <catch2/catch.hpp>

#include "formats/formats.hpp"
#include "formats/record_generator.hpp"
#include "model/record_json.hpp"
#include "run.hpp"

using crbc::testing::binary;
using crbc::testing::run;
using crbc::testing::ScratchDir;
using crbc::testing::shell_quote;
using crbc::testing::source_path;

namespace {

std::string validator() {
  return "python3 " + shell_quote(source_path("tests/validate-schema.py")) + " " +
         shell_quote(source_path("schema/article.schema.json"));
}

// Generated records as NDJSON. The fields later subcommands own get values of the
// shape the schema gives them (the generator puts random JSON there).
std::string generated_ndjson(std::uint64_t seed, int count) {
  crbc::testing::RecordGenerator generator(seed);
  std::string out;
  for (int i = 0; i < count; ++i) {
    crbc::model::Article article = generator.article();
    for (const char* key : {"summary", "keywords", "entities", "quotes", "stats", "fetch"}) {
      article.extra.erase(key);
    }
    out += crbc::model::to_json(article).dump(-1, ' ', false,
                                              nlohmann::json::error_handler_t::replace) +
           "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("schema: the validator rejects a record that breaks the schema", "[schema]") {
  const auto bad = run(
      validator(),
      R"({"schema_version": 1, "title": "t", "body": [{"type": "heading", "level": 9, "text": "x"}]})");
  CHECK(bad.status == 1);
  CHECK(bad.out.find("level") != std::string::npos);
}

TEST_CASE("schema: crbc convert output of generated records validates", "[schema]") {
  ScratchDir dir;
  crbc::testing::write_file(dir / "in.ndjson", generated_ndjson(42, 300));
  const std::string input = shell_quote((dir / "in.ndjson").string());
  for (const char* via : {"ndjson", "yaml", "markdown", "html"}) {
    INFO("through " << via);
    const auto result = run(binary() + " convert -t " + via + " " + input + " | " + binary() +
                            " convert --from " + via + " -t ndjson | " + validator());
    CHECK(result.status == 0);
    CHECK(result.out.empty());
  }
}

TEST_CASE("schema: a single record as pretty JSON validates", "[schema]") {
  const auto result = run(binary() + " convert -t json --pretty | " + validator(),
                          R"({"title": "t", "body": [{"type": "paragraph", "text": "x"}]})");
  CHECK(result.status == 0);
  CHECK(result.out.empty());
}

TEST_CASE("schema: records parsed from the bundled sample pages validate", "[schema]") {
  const auto result =
      run("ls " + shell_quote(source_path("samples")) + "/*.html | head -20 | xargs " + binary() +
          " convert -t ndjson | " + validator());
  CHECK(result.status == 0);
  CHECK(result.out.empty());
}
