#include "extract/declared_body.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "extract/blocks.hpp"
#include "extract/content.hpp"
#include "text/ascii.hpp"

namespace crbc::extract {
namespace {

// Whether declared text is markup rather than plain lines: a tag opens somewhere in it.
bool reads_as_markup(std::string_view text) {
  for (std::size_t at = text.find('<'); at != std::string_view::npos && at + 1 < text.size();
       at = text.find('<', at + 1)) {
    const char next = text[at + 1];
    if (next == '/' || next == '!' || text::is_ascii_alpha(next)) return true;
  }
  return false;
}

bool is_shortcode_name_char(char c) {
  return text::is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// The name a shortcode tag at `text[0]` starts with ("[video ...", "[/video]"), after
// `skip` bytes ("[" or "[/"); empty when there is none.
std::string_view shortcode_name(std::string_view text, std::size_t skip) {
  std::size_t end = skip;
  while (end < text.size() && is_shortcode_name_char(text[end])) ++end;
  if (end == skip || !text::is_ascii_alpha(text[skip])) return {};
  return text.substr(skip, end - skip);
}

// The length of the shortcode opening at `text[0]` ('[related id="3" title="A [b]"]'),
// 0 when there is none. A shortcode has at least one attribute: an editor's bracket
// ("[sic]", "[the council]") is not one.
std::size_t shortcode_opening_at(std::string_view text, std::string_view name) {
  constexpr std::size_t kLongest = 4096;
  std::size_t i = 1 + name.size();
  if (i >= text.size() || text[i] != ' ') return 0;
  bool has_attribute = false;
  char quote = 0;
  for (; i < std::min(text.size(), kLongest); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '=') {
      has_attribute = true;
      if (i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\'')) quote = text[++i];
    } else if (c == ']') {
      return has_attribute ? i + 1 : 0;
    } else if (c == '[' || c == '\n') {
      return 0;
    }
  }
  return 0;
}

// `text` without its WordPress shortcodes, and without the closing tags ("[/video]")
// of those it opened. What a shortcode wraps (a caption's text) stays.
std::string without_shortcodes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::unordered_set<std::string_view> opened;
  std::size_t copied = 0;
  for (std::size_t at = text.find('['); at != std::string_view::npos; at = text.find('[', at + 1)) {
    const std::string_view rest = text.substr(at);
    std::size_t length = 0;
    if (rest.starts_with("[/")) {
      const std::string_view name = shortcode_name(rest, 2);
      const std::size_t end = 2 + name.size();
      if (!name.empty() && end < rest.size() && rest[end] == ']' && opened.contains(name))
        length = end + 1;
    } else if (const std::string_view name = shortcode_name(rest, 1); !name.empty()) {
      length = shortcode_opening_at(rest, name);
      if (length > 0) opened.insert(name);
    }
    if (length == 0) continue;
    out.append(text.substr(copied, at - copied));
    copied = at + length;
    at = copied - 1;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace

std::vector<model::Block> declared_blocks(std::string_view declared, const ParseOptions& limits,
                                          std::string_view base_url) {
  const std::string text = without_shortcodes(declared);
  std::string html;
  if (reads_as_markup(text)) {
    html = text;
  } else {
    html.reserve(text.size() + text.size() / 8);
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      html.append("<p>").append(text, start, end - start).append("</p>");
      start = end + 1;
    }
  }
  const Document fragment = Document::parse(html, limits);
  const NodeStats stats = compute_stats(fragment);
  return emit_blocks(fragment, stats, ContentRoots{{fragment.body()}, false}, base_url,
                     Cleaning::minimal);
}

}  // namespace crbc::extract
