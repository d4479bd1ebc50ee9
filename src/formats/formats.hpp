// Record formats: detection, streaming readers and writers. The values they take
// and give (RawPage, SourcedDocument, the options, DocumentSink) are in types.hpp.
//
// Every reader yields SourcedDocuments one at a time, so that a 1 GB NDJSON stream is
// processed in constant memory; every writer takes records one at a time.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/types.hpp"
#include "model/article.hpp"

namespace crbc::formats {

std::optional<Format> format_from_name(std::string_view name);
std::string_view format_name(Format format);
// Names accepted by --from / --to, for help texts and completions.
std::vector<std::string_view> input_format_names();
std::vector<std::string_view> output_format_names();
// Whether --from / --to take `name`: a name above or another spelling of one ("md",
// "YAML"), as format_from_name reads it.
bool is_input_format_name(std::string_view name);
bool is_output_format_name(std::string_view name);

// Guesses the format of an input from its first bytes (up to a few KiB) and,
// when those are ambiguous, the file name's extension.
Format detect_format(std::string_view head, std::string_view file_name);

// Reads every document of one input stream. Errors that end the whole input
// (unreadable, too large) are thrown as FormatError.
//
// What a stream holds, by format:
// - json: one value, an array of records, or values one after the other;
// - ndjson: one record a line; a bad or over-long line is reported, the next read;
// - yaml: documents separated by "---" lines;
// - markdown: YAML front matter and a CommonMark body; several records are separated
//   by a line "<!-- crbc: next record -->";
// - html: crbc's own pages (one after another, each from "<!DOCTYPE html>") give back
//   their embedded record; any other page is one RawPage;
// - a JSON object with "@context"/"@type" and no schema_version is schema.org JSON-LD
//   (mapped); one whose "body" is a string is a fetch record (a RawPage).
// Invalid UTF-8 is refused with the line and column of the first bad byte (JSON,
// NDJSON, YAML, Markdown) for that document only; raw HTML pages are bytes in any
// charset, for the extractor to decode. Nesting is bounded before any parser
// recurses (512 levels of JSON; an estimated 1000 of YAML; kMaxListDepth lists),
// and YAML aliases may expand to at most max_document_bytes.
void read_documents(std::istream& in, const std::string& source, const ReadOptions& options,
                    const DocumentSink& sink);

// Columns that csv/tsv --fields accepts: url, canonical_url, title, site_name, section,
// authors and tags (joined by "; "), published, modified, language, description, image
// (its src), word_count, blocks, related (counts), text (the body as plain text).
std::vector<std::string_view> table_field_names();
// The columns written when --fields is not given.
std::vector<std::string_view> default_table_fields();

// Writers never fail on a record's content (invalid UTF-8 is replaced by U+FFFD).
// Several records on one stream: json writes one record a line (NDJSON), or one
// indented document after another with `pretty`; yaml writes one document each, markdown separates
// them with "<!-- crbc: next record -->", html writes one complete page after another, jsonld one
// object a line, csv/tsv one row.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual void write(const model::Article& article) = 0;
  // Flushes what the format holds back.
  virtual void finish() = 0;
};

std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream& out,
                                          const WriteOptions& options = {});

// The usual file extension for a format, without the dot ("md", "ndjson").
std::string_view file_extension(Format format);

}  // namespace crbc::formats
