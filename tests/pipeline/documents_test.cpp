// Raw pages through the pipeline's parse step (src/pipeline/documents.hpp): what a
// fetch record carries with it reaches the extractor.
#include "pipeline/documents.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace crbc;

namespace {

const std::string kPage =
    "<html><head><title>Harbour plan approved</title></head><body>"
    "<h1>Harbour plan approved</h1><div class=\"meta\">By Jane Doe &middot; 2 hours ago</div>"
    "<p>The council met on Tuesday to discuss the budget for the coming year, and the members "
    "agreed on most of the proposals after a long debate.</p></body></html>";

model::Article parsed(nlohmann::json fetch) {
  formats::RawPage page;
  page.bytes = kPage;
  page.url = "https://news.example/harbour";
  if (fetch.is_object()) page.fetch = fetch.get<model::FetchInfo>();
  formats::SourcedDocument document{"<stdin>", 1, std::move(page)};
  pipeline::Notes notes;
  return pipeline::article_of(document, {}, notes);
}

}  // namespace

TEST_CASE("relative dates count back from the fetch record's Date header, else its fetch time") {
  CHECK(parsed({{"headers", {{"date", "Fri, 27 Nov 2026 10:30:00 GMT"}}},
                {"fetched_at", "2026-11-28T00:00:00Z"}})
            .published == "2026-11-27T08:30:00Z");
  CHECK(parsed({{"fetched_at", "2026-11-28T00:00:00Z"}}).published == "2026-11-27T22:00:00Z");
}

TEST_CASE("without a fetch time a relative date is not read") {
  CHECK(parsed(nullptr).published.empty());
  CHECK(parsed({{"headers", {{"date", "not a date"}}}}).published.empty());
}
