// Format names, detection and dispatch to the readers and writers.
#include "formats/formats.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "formats/internal.hpp"
#include "formats/warc.hpp"
#include "io/gzip.hpp"
#include "text/ascii.hpp"
#include "text/json_strings.hpp"

namespace crbc::formats {

namespace {

struct FormatName {
  Format format;
  std::string_view name;
  std::string_view extension;
  bool input;
  bool output;
};

constexpr std::array<FormatName, 10> kFormats{{
    {Format::json, "json", "json", true, true},
    {Format::ndjson, "ndjson", "ndjson", true, true},
    {Format::yaml, "yaml", "yaml", true, true},
    {Format::markdown, "markdown", "md", true, true},
    {Format::html, "html", "html", true, true},
    {Format::text, "text", "txt", false, true},
    {Format::csv, "csv", "csv", false, true},
    {Format::tsv, "tsv", "tsv", false, true},
    {Format::jsonld, "jsonld", "jsonld", true, true},
    {Format::warc, "warc", "warc", true, false},
}};

// Other spellings people type for --from/--to.
constexpr std::array<std::pair<std::string_view, Format>, 8> kAliases{{
    {"md", Format::markdown},
    {"yml", Format::yaml},
    {"jsonl", Format::ndjson},
    {"htm", Format::html},
    {"txt", Format::text},
    {"plain", Format::text},
    {"json-ld", Format::jsonld},
    {"warc.gz", Format::warc},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<Format> format_from_extension(std::string_view file_name) {
  const std::string name = lower(file_name);
  if (name.ends_with(".warc") || name.ends_with(".warc.gz")) return Format::warc;
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || name.find('/', dot) != std::string::npos) return std::nullopt;
  const std::string_view ext = std::string_view(name).substr(dot + 1);
  if (ext == "json") return Format::json;
  if (ext == "jsonld") return Format::json;  // read like JSON; JSON-LD objects are mapped
  if (ext == "ndjson" || ext == "jsonl") return Format::ndjson;
  if (ext == "yaml" || ext == "yml") return Format::yaml;
  if (ext == "md" || ext == "markdown") return Format::markdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::html;
  return std::nullopt;
}

std::string_view first_line(std::string_view text) {
  return text.substr(0, std::min(text.find('\n'), text.size()));
}

// True when the first line holds one complete JSON value: NDJSON rather than a
// pretty-printed document.
bool first_line_is_complete_json(std::string_view head) {
  const auto newline = head.find('\n');
  if (newline == std::string_view::npos) return false;
  int depth = 0;
  text::JsonStringTracker strings;
  for (const char c : head.substr(0, newline)) {
    if (strings.next(c) != text::JsonByte::outside_string) continue;
    if (text::is_json_open_bracket(c)) {
      ++depth;
    } else if (text::is_json_close_bracket(c)) {
      --depth;
    }
  }
  return depth == 0 && !strings.in_string();
}

// "key: value" or "key:" at the start of a line.
bool looks_like_yaml_line(std::string_view line) {
  if (line.starts_with("---") || line.starts_with("%") || line.starts_with("- ")) return true;
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || line[0] == ' ') return false;
  if (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\r') return false;
  return line.substr(0, colon).find_first_of("<>[](){}#*`!") == std::string_view::npos;
}

// A stream starting with "---" is YAML, or Markdown with front matter: look at what
// follows the first block.
Format yaml_or_markdown(std::string_view head) {
  std::size_t pos = head.find('\n');
  while (pos != std::string_view::npos) {
    const std::string_view line = first_line(head.substr(pos + 1));
    if (line == "---" || line == "...") break;
    pos = head.find('\n', pos + 1);
  }
  if (pos == std::string_view::npos) return Format::yaml;
  pos = head.find('\n', pos + 1);
  while (pos != std::string_view::npos) {
    const std::string_view line = first_line(head.substr(pos + 1));
    if (!line.empty() && line != "\r") {
      return looks_like_yaml_line(line) ? Format::yaml : Format::markdown;
    }
    pos = head.find('\n', pos + 1);
  }
  return Format::yaml;
}

}  // namespace

std::optional<Format> format_from_name(std::string_view name) {
  const std::string wanted = lower(name);
  for (const FormatName& f : kFormats) {
    if (f.name == wanted) return f.format;
  }
  for (const auto& [alias, format] : kAliases) {
    if (alias == wanted) return format;
  }
  return std::nullopt;
}

std::string_view format_name(Format format) {
  for (const FormatName& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "json";
}

std::vector<std::string_view> input_format_names() {
  std::vector<std::string_view> names;
  for (const FormatName& f : kFormats) {
    if (f.input) names.push_back(f.name);
  }
  return names;
}

std::vector<std::string_view> output_format_names() {
  std::vector<std::string_view> names;
  for (const FormatName& f : kFormats) {
    if (f.output) names.push_back(f.name);
  }
  return names;
}

namespace {

const FormatName* entry_for(std::string_view name) {
  const std::optional<Format> format = format_from_name(name);
  if (!format) return nullptr;
  const auto* entry = std::find_if(kFormats.begin(), kFormats.end(),
                                   [&](const FormatName& f) { return f.format == *format; });
  return entry == kFormats.end() ? nullptr : entry;
}

}  // namespace

bool is_input_format_name(std::string_view name) {
  const FormatName* entry = entry_for(name);
  return entry != nullptr && entry->input;
}

bool is_output_format_name(std::string_view name) {
  const FormatName* entry = entry_for(name);
  return entry != nullptr && entry->output;
}

std::string_view file_extension(Format format) {
  for (const FormatName& f : kFormats) {
    if (f.format == format) return f.extension;
  }
  return "txt";
}

Format detect_format(std::string_view head, std::string_view file_name) {
  if (head.starts_with(detail::kByteOrderMark)) head.remove_prefix(detail::kByteOrderMark.size());
  if (head.starts_with("WARC/")) return Format::warc;
  const std::optional<Format> by_extension = format_from_extension(file_name);
  const auto start = head.find_first_not_of(" \t\r\n");
  const std::string_view text = start == std::string_view::npos ? "" : head.substr(start);
  if (text.starts_with("{") || text.starts_with("[")) {
    if (by_extension == Format::ndjson || by_extension == Format::json) return *by_extension;
    return first_line_is_complete_json(text) ? Format::ndjson : Format::json;
  }
  if (by_extension) return *by_extension;
  if (text.starts_with("<")) return Format::html;
  if (head.starts_with("---")) return yaml_or_markdown(head);
  if (text.starts_with("%YAML")) return Format::yaml;
  if (text::starts_with_ignoring_case(text, "<!doctype") ||
      text::starts_with_ignoring_case(text, "<html"))
    return Format::html;
  if (!text.empty() && looks_like_yaml_line(first_line(text))) return Format::yaml;
  return Format::markdown;
}

namespace {

void read_uncompressed(detail::InputBuffer& buffer, const std::string& source,
                       std::string_view file_name, const ReadOptions& options,
                       const DocumentSink& sink) {
  const Format format = options.format.value_or(detect_format(buffer.head(), file_name));
  if (const auto mismatch =
          detail::content_mismatch(buffer.head(), format, options.format.has_value())) {
    throw FormatError(*mismatch);
  }
  switch (format) {
    case Format::json:
    case Format::jsonld:
      detail::read_json(buffer, source, options, sink);
      return;
    case Format::ndjson:
      detail::read_ndjson(buffer, source, options, sink);
      return;
    case Format::yaml:
      detail::read_yaml(buffer, source, options, sink);
      return;
    case Format::markdown:
      detail::read_markdown(buffer, source, options, sink);
      return;
    case Format::html:
      detail::read_html(buffer, source, options, sink);
      return;
    case Format::warc: {
      std::istream stream(&buffer);
      stream.exceptions(std::ios::badbit);  // a gzip error under the buffer reaches us
      read_warc(stream, source, options, sink);
      return;
    }
    case Format::text:
    case Format::csv:
    case Format::tsv:
      throw FormatError(std::string(format_name(format)) + " is an output format only");
  }
}

}  // namespace

void read_documents(std::istream& in, const std::string& source, const ReadOptions& options,
                    const DocumentSink& sink) {
  detail::InputBuffer buffer(in);
  if (!buffer.head().starts_with(io::kGzipMagic)) {
    read_uncompressed(buffer, source, source, options, sink);
    return;
  }
  // Compressed pages and records are read like plain ones; the format is that of the
  // inflated bytes ("page.html.gz" is detected as "page.html").
  std::string_view file_name = source;
  if (file_name.ends_with(".gz")) file_name.remove_suffix(3);
  detail::read_gunzipped(buffer, [&](std::istream& inflated) {
    detail::InputBuffer inflated_buffer(inflated);
    read_uncompressed(inflated_buffer, source, file_name, options, sink);
  });
}

std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream& out,
                                          const WriteOptions& options) {
  switch (format) {
    case Format::json:
      return detail::make_json_writer(out, options);
    case Format::ndjson:
      return detail::make_ndjson_writer(out);
    case Format::jsonld:
      return detail::make_jsonld_writer(out, options);
    case Format::yaml:
      return detail::make_yaml_writer(out);
    case Format::markdown:
      return detail::make_markdown_writer(out);
    case Format::html:
      return detail::make_html_writer(out);
    case Format::text:
      return detail::make_text_writer(out, options.with_metadata);
    case Format::csv:
      return detail::make_table_writer(out, ',', options);
    case Format::tsv:
      return detail::make_table_writer(out, '\t', options);
    case Format::warc:
      break;
  }
  throw FormatError(std::string(format_name(format)) + " is an input format only");
}

}  // namespace crbc::formats
