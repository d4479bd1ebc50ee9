// JSON and NDJSON: readers (streaming, bounded memory) and writers.
//
// The JSON reader accepts one value, an array of records, or a concatenated
// sequence of values. It never holds more than one record: a small scanner finds
// where each value ends (tracking strings and brackets, which also bounds the
// nesting before nlohmann sees the text), then each value is parsed on its own.
// Invalid UTF-8 inside a value is a parse error with its line and column.
#include <nlohmann/json.hpp>

#include "formats/internal.hpp"
#include "model/record_json.hpp"
#include "text/json_strings.hpp"

namespace crbc::formats::detail {

using nlohmann::json;

namespace {

// "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error
// while parsing value - invalid literal; last read: 'x'" -> "syntax error while
// parsing value - invalid literal". The last-read bytes may be invalid UTF-8.
std::string clean_parse_message(const std::string& what) {
  std::string message = what;
  const auto column = message.find(", column ");
  if (column != std::string::npos) {
    const auto colon = message.find(": ", column);
    if (colon != std::string::npos) message = message.substr(colon + 2);
  }
  const auto last_read = message.find("; last read");
  if (last_read != std::string::npos) message.resize(last_read);
  return message;
}

bool is_json_whitespace(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Reads JSON values one by one from the input, tracking line and column.
class JsonScanner {
 public:
  JsonScanner(InputBuffer& in, std::size_t max_bytes) : in_(in), max_bytes_(max_bytes) {}

  int peek() { return in_.sgetc(); }
  int get() {
    const int c = in_.sbumpc();
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if (c != std::char_traits<char>::eof() && (c & 0xC0) != 0x80) {
      ++column_;
    }
    return c;
  }
  bool at_end() { return peek() == std::char_traits<char>::eof(); }
  void skip_whitespace() {
    while (is_json_whitespace(peek())) get();
  }
  TextPosition position() const { return {line_, column_}; }

  // Reads the text of the next value into `text`; false when it was larger than the
  // limit (then `text` is empty and the value was skipped).
  bool read_value(std::string& text) {
    text.clear();
    bool fits = true;
    const auto keep = [&](int c) {
      if (!fits) return;
      if (text.size() >= max_bytes_) {
        fits = false;
        text.clear();
        text.shrink_to_fit();
        return;
      }
      text.push_back(static_cast<char>(c));
    };
    const TextPosition start = position();
    const int first = peek();
    if (first != '{' && first != '[' && first != '"') {
      // A bare scalar: up to the next delimiter.
      while (!at_end() && !is_json_whitespace(peek()) && peek() != ',' && peek() != ']' &&
             peek() != '}') {
        keep(get());
      }
      if (text.empty() && fits) keep(get());  // a stray delimiter: let the parser say so
      return fits;
    }
    std::size_t depth = 0;
    text::JsonStringTracker strings;
    while (true) {
      const int c = get();
      if (c == std::char_traits<char>::eof()) {
        throw FormatError(strings.in_string() ? "unexpected end of input inside a string"
                                              : "unexpected end of input: a value is not closed",
                          start.line, start.column);
      }
      keep(c);
      const char byte = static_cast<char>(c);
      const text::JsonByte role = strings.next(byte);
      if (role == text::JsonByte::quote && !strings.in_string() && depth == 0) {
        return fits;  // a string value
      }
      if (role != text::JsonByte::outside_string) continue;
      if (text::is_json_open_bracket(byte)) {
        if (++depth > kMaxJsonDepth) {
          throw FormatError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                            line_, column_ - 1);
        }
      } else if (text::is_json_close_bracket(byte) && --depth == 0) {
        return fits;
      }
    }
  }

 private:
  InputBuffer& in_;
  std::size_t max_bytes_;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
};

std::string too_large_message(std::size_t limit) {
  return "record larger than the limit of " + std::to_string(limit) + " bytes";
}

// Reads one value's text as a document for the sink; false when the sink says stop.
bool deliver_json(std::string_view text, const std::string& source, TextPosition at,
                  const DocumentSink& sink) {
  return deliver(source, at, sink, [&]() -> std::optional<DocumentContent> {
    return content_from_json(parse_json(text, at.line, at.column));
  });
}

// One record a line, or indented with `pretty`. `convert` gives the JSON of a
// record: crbc's or JSON-LD.
class JsonWriter : public RecordWriter {
 public:
  using Convert = nlohmann::ordered_json (*)(const model::Article&);
  JsonWriter(std::ostream& out, bool pretty, Convert convert)
      : out_(out), indent_(pretty ? 2 : -1), convert_(convert) {}
  void write(const model::Article& article) override {
    out_ << dump_json(convert_(article), indent_) << '\n';
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  int indent_;
  Convert convert_;
};

}  // namespace

std::size_t find_too_deep(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  text::JsonStringTracker strings;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (strings.next(c) != text::JsonByte::outside_string) continue;
    if (text::is_json_open_bracket(c)) {
      if (++depth > limit) return i;
    } else if (text::is_json_close_bracket(c) && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

json parse_json(std::string_view text, std::size_t first_line, std::size_t first_column) {
  const std::size_t too_deep = find_too_deep(text, kMaxJsonDepth);
  if (too_deep != std::string_view::npos) {
    const TextPosition at = position_of(text, too_deep, first_line, first_column);
    throw FormatError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                      at.line, at.column);
  }
  try {
    return json::parse(text);
  } catch (const json::parse_error& error) {
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    const TextPosition at = position_of(text, offset, first_line, first_column);
    throw FormatError(clean_parse_message(error.what()), at.line, at.column);
  }
}

std::string dump_json(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string dump_for_html(const nlohmann::ordered_json& value) {
  const std::string text = dump_json(value);
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    // Outside strings JSON has none of these, so replacing them everywhere is safe.
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

void read_json(InputBuffer& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink) {
  JsonScanner scanner(in, options.max_document_bytes);
  if (in.head().starts_with(kByteOrderMark)) {
    for (std::size_t i = 0; i < kByteOrderMark.size(); ++i) in.sbumpc();
  }
  std::string text;
  const auto one = [&]() {
    const TextPosition at = scanner.position();
    if (!scanner.read_value(text)) {
      return sink.on_error(
          source, FormatError(too_large_message(options.max_document_bytes), at.line, at.column));
    }
    return deliver_json(text, source, at, sink);
  };
  scanner.skip_whitespace();
  while (!scanner.at_end()) {
    if (scanner.peek() != '[') {
      if (!one()) return;
      scanner.skip_whitespace();
      continue;
    }
    // An array of records: each element is a document.
    scanner.get();
    scanner.skip_whitespace();
    if (scanner.peek() == ']') {
      scanner.get();
    } else {
      while (true) {
        if (!one()) return;
        scanner.skip_whitespace();
        const TextPosition at = scanner.position();
        const int c = scanner.get();
        if (c == ']') break;
        if (c != ',') {
          throw FormatError("expected ',' or ']' between the records of an array", at.line,
                            at.column);
        }
        scanner.skip_whitespace();
      }
    }
    scanner.skip_whitespace();
  }
}

void read_ndjson(InputBuffer& in, const std::string& source, const ReadOptions& options,
                 const DocumentSink& sink) {
  std::string line;
  while (true) {
    const InputBuffer::Line status = in.read_line(line, options.max_document_bytes);
    if (status == InputBuffer::Line::end) return;
    const std::size_t number = in.lines_read();
    if (status == InputBuffer::Line::too_long) {
      if (!sink.on_error(source, FormatError("line longer than the limit of " +
                                                 std::to_string(options.max_document_bytes) +
                                                 " bytes; skipped",
                                             number, 1))) {
        return;
      }
      continue;
    }
    std::string_view text = line;
    if (number == 1 && text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!deliver_json(text, source, {number, 1}, sink)) return;
  }
}

std::unique_ptr<RecordWriter> make_json_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<JsonWriter>(out, options.pretty, JsonWriter::Convert{&model::to_json});
}
std::unique_ptr<RecordWriter> make_ndjson_writer(std::ostream& out) {
  return std::make_unique<JsonWriter>(out, false, JsonWriter::Convert{&model::to_json});
}
std::unique_ptr<RecordWriter> make_jsonld_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<JsonWriter>(out, options.pretty, &jsonld_from_article);
}

}  // namespace crbc::formats::detail
