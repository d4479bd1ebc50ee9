// Pieces shared by the format readers and writers; not part of the public interface.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "formats/formats.hpp"

namespace crbc::formats::detail {

// Deepest JSON nesting a reader accepts. A record nests lists four JSON levels per
// list level (kMaxListDepth = 32), so real records stay far below it.
inline constexpr std::size_t kMaxJsonDepth = 512;

// UTF-8 byte order mark, dropped at the start of a text input.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Buffered input that can show the first bytes (for format detection) before
// anything is consumed, and read lines of bounded length. It is a streambuf, so a
// reader that wants a std::istream (WARC) can wrap it.
class InputBuffer : public std::streambuf {
 public:
  explicit InputBuffer(std::istream& in);

  // The first bytes of the input (up to one chunk), without consuming them.
  std::string_view head() const { return head_; }

  enum class Line { ok, too_long, end };
  // What read_line does with a line longer than its limit: reads past it to the next
  // line, or stops there (nothing after it is wanted: /dev/zero has no next line).
  enum class TooLong { skip, stop };
  // Reads the next line into `line` without its "\n" (nor a "\r" before it). A line
  // longer than `limit` bytes is not stored: too_long.
  // With keep_cr, a "\r" before the "\n" stays (bytes of a page must stay exact).
  Line read_line(std::string& line, std::size_t limit, bool keep_cr = false,
                 TooLong too_long = TooLong::skip);
  // Number of lines read_line() has returned so far.
  std::size_t lines_read() const { return lines_read_; }

 protected:
  int_type underflow() override;

 private:
  // Reads at least one byte and at most what the input has without waiting
  // (a pipe gives each record as it comes); 0 at the end.
  std::size_t read_some(char* into, std::size_t size);

  std::istream& in_;
  std::vector<char> chunk_;
  std::string head_;
  std::size_t lines_read_ = 0;
};

// 1-based line and column (in code points) of byte `offset` of `text`, whose first
// byte is at `first_line`, column 1.
struct TextPosition {
  std::size_t line = 0;
  std::size_t column = 0;
};
TextPosition position_of(std::string_view text, std::size_t offset, std::size_t first_line = 1,
                         std::size_t first_column = 1);

// What one document of a stream holds.
using DocumentContent = std::variant<RawPage, model::Article>;

// Hands the sink what `read` makes of the document that starts at `at`: the
// document, or the error it threw (FormatError, model::RecordError or a JSON
// error). Nothing when `read` finds nothing to read. False when the sink says stop.
bool deliver(const std::string& source, TextPosition at, const DocumentSink& sink,
             const std::function<std::optional<DocumentContent>()>& read);

// A line's part in splitting a stream into documents.
enum class LineRole {
  inside,           // belongs to the current document
  starts_document,  // ends the current document and is the first line of the next
  ends_document,    // ends the current document and belongs to neither
};

// How read_delimited_documents splits one format's stream and reads each document.
struct DocumentStream {
  std::string_view noun;     // "document", "page": names one in the too-large error
  bool exact_bytes = false;  // keeps a "\r" before "\n" and a byte order mark
  // The part `line` plays; called once per line, in order, so it may keep state.
  std::function<LineRole(std::string_view line)> role_of;
  // Whether another document may still start after the current one (null: always).
  // When not, a document over the limit ends the reading: the rest of an endless
  // input is not read in search of a next document.
  std::function<bool()> more_may_start;
  // The content of a document whose first line is `first_line`; nullopt when it
  // holds nothing to read. Throws what deliver() reports.
  std::function<std::optional<DocumentContent>(std::string&& text, std::size_t first_line)> read;
};

// Splits `in` into documents at the lines role_of marks and delivers each; one
// larger than options.max_document_bytes is reported, not read. Stops when the
// sink says stop, or after a document too large when no other may follow it.
void read_delimited_documents(InputBuffer& in, const std::string& source,
                              const ReadOptions& options, const DocumentSink& sink,
                              const DocumentStream& stream);

// Why an input whose first bytes are `head` cannot be read as `format` (chosen with
// --from when `forced`, else detected): a PDF, an image, HTML given as JSON, crbc's
// own csv output. nullopt when nothing speaks against it.
std::optional<std::string> content_mismatch(std::string_view head, Format format, bool forced);

// Runs `read` on the inflated bytes of a gzip-compressed input; a corrupt or truncated
// stream ends it with a FormatError.
void read_gunzipped(std::streambuf& compressed, const std::function<void(std::istream&)>& read);

// Throws FormatError at the first invalid UTF-8 sequence of `text`.
void require_utf8(std::string_view text, std::size_t first_line = 1);

// Parses one JSON text. Errors (syntax, invalid UTF-8, nesting deeper than
// kMaxJsonDepth) are FormatErrors positioned in the input.
nlohmann::json parse_json(std::string_view text, std::size_t first_line = 1,
                          std::size_t first_column = 1);

// Offset of the bracket that takes JSON text deeper than `limit`, or npos.
std::size_t find_too_deep(std::string_view text, std::size_t limit);

// What a JSON object read from any format stands for: a crbc record, a schema.org
// JSON-LD article, or a fetch record (a page to parse). Throws model::RecordError.
std::variant<RawPage, model::Article> content_from_json(nlohmann::json&& value);

// schema.org NewsArticle JSON-LD, both ways (lossy: JSON-LD has no typed blocks).
nlohmann::ordered_json jsonld_from_article(const model::Article& article);
// The same with the whole record under "crbcRecord", for crbc's own HTML pages:
// article_from_jsonld() reads the record back exactly.
nlohmann::ordered_json jsonld_with_record(const model::Article& article);
bool looks_like_jsonld(const nlohmann::json& value);
model::Article article_from_jsonld(const nlohmann::json& value);

// JSON text safe inside <script> and HTML comments: '<', '>' and '&' become \uXXXX.
std::string dump_for_html(const nlohmann::ordered_json& value);
// Compact or indented JSON text of `value`; never throws on invalid UTF-8 (replaced
// by U+FFFD).
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

// YAML, shared by the YAML format and Markdown front matter.
// Parses one YAML document (no "---" splitting) into JSON; `first_line` positions errors.
// Aliases may not expand the document much beyond its own size.
nlohmann::json yaml_to_json(std::string_view text, std::size_t first_line);
// Writes a JSON object as a YAML block mapping, its keys in the object's order, every
// string quoted where YAML would otherwise read it as something else.
void write_yaml_mapping(std::ostream& out, const nlohmann::ordered_json& object);

// Readers, one per format, all over an InputBuffer positioned at the start.
void read_json(InputBuffer& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink);
void read_ndjson(InputBuffer& in, const std::string& source, const ReadOptions& options,
                 const DocumentSink& sink);
void read_yaml(InputBuffer& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink);
void read_markdown(InputBuffer& in, const std::string& source, const ReadOptions& options,
                   const DocumentSink& sink);
void read_html(InputBuffer& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink);

// Parses one Markdown document (front matter and body) into a record.
model::Article article_from_markdown(std::string_view text, std::size_t first_line);

// Writers.
std::unique_ptr<RecordWriter> make_json_writer(std::ostream& out, const WriteOptions& options);
std::unique_ptr<RecordWriter> make_ndjson_writer(std::ostream& out);
std::unique_ptr<RecordWriter> make_jsonld_writer(std::ostream& out, const WriteOptions& options);
std::unique_ptr<RecordWriter> make_yaml_writer(std::ostream& out);
std::unique_ptr<RecordWriter> make_markdown_writer(std::ostream& out);
std::unique_ptr<RecordWriter> make_html_writer(std::ostream& out);
std::unique_ptr<RecordWriter> make_text_writer(std::ostream& out, bool with_metadata);
std::unique_ptr<RecordWriter> make_table_writer(std::ostream& out, char separator,
                                                const WriteOptions& options);

// The separator line between records in a Markdown stream (see markdown.cpp).
inline constexpr std::string_view kMarkdownRecordSeparator = "<!-- crbc: next record -->";
// Marks a page as crbc's own HTML, whose record the HTML reader takes back.
inline constexpr std::string_view kHtmlGeneratorMeta = "<meta name=\"generator\" content=\"crbc";

// Walks a RichText as runs of text between the opening and closing of its marks
// (normalised first, so they nest). `offset` is the run's byte offset in the text.
class MarkVisitor {
 public:
  virtual ~MarkVisitor() = default;
  virtual void text(std::string_view run, std::size_t offset) = 0;
  virtual void open(const model::Mark& mark) = 0;
  virtual void close(const model::Mark& mark) = 0;
};
void visit_marks(const model::RichText& rich, MarkVisitor& visitor);

// A table cell's text on one line: backslashes and line breaks escaped (\\, \n, \r),
// the column separator written as `separator_escape`.
std::string escape_cell(std::string_view value, char separator, std::string_view separator_escape);

// Is a url safe in href/src: http, https, mailto, or relative (no scheme)?
bool is_safe_url(std::string_view url);

}  // namespace crbc::formats::detail
