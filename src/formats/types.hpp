// The values that cross the formats interface (formats.hpp): the formats, a page
// still to be parsed, one document read with where it came from, read and write
// options, the sink readers deliver to, and the error that says where an input
// went wrong.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "model/article.hpp"
#include "model/fetch_info.hpp"

namespace crbc::formats {

// The record formats; formats.hpp names, detects, reads and writes them.
enum class Format { html, json, ndjson, yaml, markdown, text, csv, tsv, jsonld, warc };

// A page still to be parsed: raw bytes in an unknown charset, with what the
// transport said about it.
struct RawPage {
  std::string bytes;
  std::string url;           // page url when known (fetch record, WARC, --url)
  std::string content_type;  // HTTP Content-Type header, for its charset
  // How it was downloaded (fetch record, WARC), carried into the record.
  std::optional<model::FetchInfo> fetch;
};

// One document read from an input, with where it came from: a page still to be
// parsed, or a record.
struct SourcedDocument {
  std::string source;    // file name, or "<stdin>"
  std::size_t line = 0;  // 1-based line where the document starts; 0 when unknown
  std::variant<RawPage, model::Article> content;
};

// Where an input went wrong, for "file:line:column: message" diagnostics.
class FormatError : public std::runtime_error {
 public:
  FormatError(std::string message, std::size_t line = 0, std::size_t column = 0)
      : std::runtime_error(std::move(message)), line_(line), column_(column) {}
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::size_t line_;
  std::size_t column_;
};

struct ReadOptions {
  std::optional<Format> format;  // --from; detected when empty
  std::size_t max_document_bytes = std::size_t{256} << 20;
};

// Called for each document, or for each document that failed to read (a
// malformed NDJSON line does not stop the lines after it). Return false to stop.
struct DocumentSink {
  std::function<bool(SourcedDocument&&)> on_document;
  std::function<bool(const std::string& source, const FormatError&)> on_error;
};

struct WriteOptions {
  std::vector<std::string> fields;  // csv/tsv columns; empty: the default set
  bool pretty = false;              // json, jsonld: indent each record; else one a line
  bool with_metadata = false;       // text: a header (title, byline, date, site, url) first
};

}  // namespace crbc::formats
