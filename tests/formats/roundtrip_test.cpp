// Property tests: records survive json → FORMAT → json unchanged.
#include <catch2/catch.hpp>
#include <sstream>

#include "formats/formats.hpp"
#include "model/record_json.hpp"
#include "record_generator.hpp"
#include "test_support.hpp"

using crbc::formats::Format;
using crbc::formats::SourcedDocument;
using crbc::model::Article;
using crbc::testing::write_records;

namespace {

std::vector<Article> read_all(const std::string& text, Format format,
                              std::vector<std::string>& errors) {
  std::istringstream in(text);
  std::vector<Article> articles;
  crbc::formats::ReadOptions options;
  options.format = format;
  crbc::formats::read_documents(
      in, "<test>", options,
      {[&](SourcedDocument&& d) {
         if (auto* a = std::get_if<Article>(&d.content)) {
           articles.push_back(std::move(*a));
         } else {
           errors.push_back("line " + std::to_string(d.line) + ": a raw page, not a record");
         }
         return true;
       },
       [&](const std::string&, const crbc::formats::FormatError& e) {
         errors.push_back(std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " +
                          e.what());
         return true;
       }});
  return articles;
}

// Writes `count` generated records one at a time and in batches, reads them back,
// and compares each with the original.
void check_round_trip(Format format, std::uint64_t seed, int count, int batch) {
  crbc::testing::RecordGenerator generator(seed);
  for (int done = 0; done < count; done += batch) {
    std::vector<Article> originals;
    for (int i = 0; i < batch; ++i) originals.push_back(generator.article());
    const std::string written = write_records(format, originals);
    std::vector<std::string> errors;
    const std::vector<Article> back = read_all(written, format, errors);
    INFO("format " << crbc::formats::format_name(format) << ", seed " << seed << ", records "
                   << done << "..");
    if (!errors.empty()) {
      INFO("written:\n" << written.substr(0, 8000));
      FAIL("read errors: " << errors.front());
    }
    REQUIRE(back.size() == originals.size());
    for (std::size_t i = 0; i < back.size(); ++i) {
      if (!(back[i] == originals[i])) {
        std::ostringstream one;
        auto writer = crbc::formats::make_writer(format, one);
        writer->write(originals[i]);
        writer->finish();
        const nlohmann::json patch =
            nlohmann::json::diff(crbc::model::to_json(originals[i]), crbc::model::to_json(back[i]));
        INFO("record " << done + static_cast<int>(i) << "\nwritten:\n"
                       << one.str().substr(0, 3000) << "\ndifference (original -> read back):\n"
                       << patch.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              .substr(0, 3000));
        REQUIRE(back[i] == originals[i]);
      }
    }
  }
}

}  // namespace

TEST_CASE("json round trip: one record, then many", "[roundtrip]") {
  check_round_trip(Format::json, 1, 200, 1);
  check_round_trip(Format::json, 2, 1000, 50);
}

TEST_CASE("ndjson round trip", "[roundtrip]") {
  check_round_trip(Format::ndjson, 3, 1000, 100);
}

TEST_CASE("yaml round trip", "[roundtrip]") {
  check_round_trip(Format::yaml, 4, 300, 1);
  check_round_trip(Format::yaml, 5, 2000, 100);
}

TEST_CASE("markdown round trip", "[roundtrip]") {
  check_round_trip(Format::markdown, 6, 300, 1);
  check_round_trip(Format::markdown, 7, 2000, 100);
}

TEST_CASE("html round trip", "[roundtrip]") {
  check_round_trip(Format::html, 8, 300, 1);
  check_round_trip(Format::html, 9, 2000, 100);
}

TEST_CASE("detected formats round trip without --from", "[roundtrip]") {
  crbc::testing::RecordGenerator generator(10);
  for (const Format format :
       {Format::json, Format::ndjson, Format::yaml, Format::markdown, Format::html}) {
    for (const int count : {1, 3}) {
      std::vector<Article> originals;
      for (int i = 0; i < count; ++i) originals.push_back(generator.article());
      const std::string written = write_records(format, originals);
      std::istringstream in(written);
      std::vector<Article> back;
      crbc::formats::read_documents(
          in, std::string("<test>"), {},
          {[&](SourcedDocument&& d) {
             if (auto* a = std::get_if<Article>(&d.content)) back.push_back(std::move(*a));
             return true;
           },
           [](const std::string&, const crbc::formats::FormatError&) { return true; }});
      INFO(crbc::formats::format_name(format)
           << " x" << count << ": detected "
           << crbc::formats::format_name(
                  crbc::formats::detect_format(written.substr(0, 65536), "")));
      REQUIRE(back == originals);
    }
  }
}
