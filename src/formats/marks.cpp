#include <algorithm>
#include <cctype>

#include "formats/internal.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::formats::detail {

namespace {

// Byte offset `count` code points after `from`.
std::size_t advance(std::string_view text, std::size_t from, std::size_t count) {
  return from + text::byte_offset_of(text.substr(from), count);
}

}  // namespace

void visit_marks(const model::RichText& rich, MarkVisitor& visitor) {
  if (rich.marks.empty()) {
    visitor.text(rich.text, 0);
    return;
  }
  model::RichText normal = rich;
  model::normalize_marks(normal);
  const std::string_view text = normal.text;
  const std::vector<model::Mark>& marks = normal.marks;
  std::vector<const model::Mark*> open;
  std::size_t next = 0;
  std::size_t position = 0;  // in code points
  std::size_t byte = 0;
  while (true) {
    while (!open.empty() && open.back()->end <= position) {
      visitor.close(*open.back());
      open.pop_back();
    }
    while (next < marks.size() && marks[next].start <= position) {
      visitor.open(marks[next]);
      open.push_back(&marks[next]);
      ++next;
    }
    if (byte >= text.size()) break;
    std::size_t stop = std::string_view::npos;
    if (!open.empty()) stop = open.back()->end;
    if (next < marks.size()) stop = std::min(stop, marks[next].start);
    const std::size_t end_byte =
        stop == std::string_view::npos ? text.size() : advance(text, byte, stop - position);
    visitor.text(text.substr(byte, end_byte - byte), byte);
    byte = end_byte;
    position = stop == std::string_view::npos ? position : stop;
    if (stop == std::string_view::npos) break;
  }
  while (!open.empty()) {
    visitor.close(*open.back());
    open.pop_back();
  }
}

bool is_safe_url(std::string_view url) {
  // Browsers drop tabs and newlines anywhere and trim C0 controls and spaces.
  std::string cleaned;
  for (const char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') cleaned += c;
  }
  const auto first = std::find_if(cleaned.begin(), cleaned.end(),
                                  [](char c) { return static_cast<unsigned char>(c) > 0x20; });
  if (first == cleaned.end()) return true;  // empty: harmless
  const std::string_view rest(&*first, static_cast<std::size_t>(cleaned.end() - first));
  if (std::any_of(rest.begin(), rest.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return false;
  }
  const auto colon = rest.find(':');
  if (colon == std::string_view::npos) return true;
  const auto path = rest.find_first_of("/?#");
  if (path != std::string_view::npos && path < colon) return true;  // relative
  std::string scheme(rest.substr(0, colon));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

}  // namespace crbc::formats::detail
