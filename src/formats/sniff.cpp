// What an input is when its first bytes show it is not what crbc would read it as:
// one clear error for the document instead of one per line, or a silent misreading.
#include <algorithm>
#include <array>
#include <string>

#include "formats/internal.hpp"
#include "io/gzip.hpp"

namespace crbc::formats::detail {
namespace {

struct Signature {
  std::string_view magic;
  std::string_view kind;
};

// Files people hand to crbc by mistake, by their magic bytes (gzip is read, not here).
constexpr std::array<Signature, 9> kForeignSignatures{{
    {"%PDF-", "a PDF document"},
    {"PK\x03\x04", "a ZIP archive (or an office document)"},
    {"\x89PNG", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"GIF8", "a GIF image"},
    {"RIFF", "a RIFF file (an image, audio or video)"},
    {"\xFD"
     "7zXZ",
     "xz-compressed data (xz -d it first)"},
    {"\x28\xB5\x2F\xFD", "zstd-compressed data (zstd -d it first)"},
    {"\x7F"
     "ELF",
     "a program"},
}};

std::string_view without_bom_and_space(std::string_view head) {
  if (head.starts_with(kByteOrderMark)) head.remove_prefix(kByteOrderMark.size());
  const auto start = head.find_first_not_of(" \t\r\n");
  return start == std::string_view::npos ? std::string_view() : head.substr(start);
}

std::string_view first_line_of(std::string_view text) {
  return text.substr(0, std::min(text.find('\n'), text.size()));
}

// A header of crbc's own csv or tsv output: two or more known column names.
bool is_table_header(std::string_view line, char separator) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto known = table_field_names();
  std::size_t cells = 0;
  while (true) {
    const auto end = std::min(line.find(separator), line.size());
    if (std::find(known.begin(), known.end(), line.substr(0, end)) == known.end()) return false;
    ++cells;
    if (end == line.size()) return cells >= 2;
    line.remove_prefix(end + 1);
  }
}

// The first characters of a text, for a message.
std::string opening(std::string_view text) {
  std::string shown(first_line_of(text).substr(0, 24));
  return "\"" + shown + (shown.size() < first_line_of(text).size() ? "…\"" : "\"");
}

}  // namespace

std::optional<std::string> content_mismatch(std::string_view head, Format format, bool forced) {
  for (const Signature& signature : kForeignSignatures) {
    if (head.starts_with(signature.magic)) {
      return std::string(signature.kind) + ", not an HTML page, a WARC file or article records";
    }
  }
  if (head.starts_with(io::kGzipMagic)) return "gzip-compressed twice; gunzip it first";
  const std::string_view text = without_bom_and_space(head);
  if (text.empty()) return std::nullopt;
  // Records are text, which never starts with a NUL byte; a page may (UTF-16 without a
  // BOM). A NUL later on is an error at its position.
  const bool records_expected = format == Format::json || format == Format::ndjson ||
                                format == Format::yaml || format == Format::markdown;
  if (records_expected && text.front() == '\0') {
    const std::string expected = forced ? std::string(format_name(format)) + " records"
                                        : "an HTML page, a WARC file or article records";
    return "binary data (it starts with a NUL byte), not " + expected;
  }
  const bool json_expected = format == Format::json || format == Format::ndjson;
  if (json_expected && text.front() != '{' && text.front() != '[') {
    const std::string expected = std::string(format_name(format)) + " records";
    if (text.front() == '<') {
      return "looks like HTML, not " + expected + " (read pages with --from html or crbc parse)";
    }
    return "does not look like " + expected + ": it starts with " + opening(text);
  }
  const bool read_as_text = format == Format::markdown || format == Format::yaml;
  const std::string_view line = first_line_of(text);
  if (read_as_text && !forced && (is_table_header(line, ',') || is_table_header(line, '\t'))) {
    return "looks like crbc's csv or tsv output, which is written only: crbc cannot read records "
           "back from it (use json, ndjson or yaml to keep records)";
  }
  return std::nullopt;
}

}  // namespace crbc::formats::detail
