// Reading and writing helpers shared by the format tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "formats/formats.hpp"
#include "model/record_json.hpp"

namespace crbc::testing {

struct ReadResult {
  std::vector<formats::SourcedDocument> documents;
  std::vector<formats::FormatError> errors;

  const model::Article& article(std::size_t i) const {
    return std::get<model::Article>(documents.at(i).content);
  }
};

inline ReadResult read_text(const std::string& text, std::optional<formats::Format> format,
                            std::size_t max_bytes = std::size_t{256} << 20,
                            const std::string& name = "<test>") {
  std::istringstream in(text);
  ReadResult result;
  formats::ReadOptions options;
  options.format = format;
  options.max_document_bytes = max_bytes;
  formats::read_documents(in, name, options,
                          {[&](formats::SourcedDocument&& d) {
                             result.documents.push_back(std::move(d));
                             return true;
                           },
                           [&](const std::string&, const formats::FormatError& e) {
                             result.errors.push_back(e);
                             return true;
                           }});
  return result;
}

inline std::string write_records(formats::Format format,
                                 const std::vector<model::Article>& articles,
                                 const formats::WriteOptions& options = {}) {
  std::ostringstream out;
  auto writer = formats::make_writer(format, out, options);
  for (const model::Article& a : articles) writer->write(a);
  writer->finish();
  return out.str();
}

inline model::Article sample_article() {
  return model::article_from_json(nlohmann::json::parse(R"json({
    "url": "https://news.example/a?x=1&y=2",
    "title": "Belarus frees <b>prisoners</b>, \"yes\"",
    "site_name": "Example News",
    "section": "Politics",
    "authors": ["Jane Doe", "John, Jr."],
    "published": "2024-03-05T10:20:30Z",
    "language": "en",
    "tags": ["yes", "1.0", "null"],
    "description": "A standfirst, with a comma",
    "body": [
      {"type": "paragraph", "text": "Hello world, read more.",
       "marks": [{"type": "link", "start": 0, "end": 5, "href": "javascript:alert(1)"},
                 {"type": "strong", "start": 6, "end": 11}]},
      {"type": "heading", "level": 2, "text": "Sub"},
      {"type": "list", "ordered": false, "items": [{"text": "one"}, {"text": "two",
        "lists": [{"ordered": true, "items": [{"text": "two.a"}]}]}]},
      {"type": "table", "header": true, "rows": [["a", "b"], ["1", "2"]]},
      {"type": "quote", "text": "We will see.", "attribution": "A Minister"},
      {"type": "image", "src": "data:text/html,<script>alert(1)</script>", "alt": "x"}
    ]
  })json"));
}

}  // namespace crbc::testing
