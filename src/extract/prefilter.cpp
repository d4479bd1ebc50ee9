#include "extract/prefilter.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "text/ascii.hpp"

namespace crbc::extract {
namespace {

// Elements that never hold children, or whose start tag implicitly closes a previous
// sibling of the same kind: they cannot make HTML content deeper on their own.
bool is_depth_neutral(std::string_view lower_name) noexcept {
  static constexpr std::array<std::string_view, 36> kNames = {
      "area", "base",  "basefont", "bgsound", "br",       "col",     "embed",    "frame",  "hr",
      "img",  "image", "input",    "keygen",  "link",     "meta",    "param",    "source", "track",
      "wbr",  "p",     "li",       "dt",      "dd",       "option",  "optgroup", "tr",     "td",
      "th",   "tbody", "thead",    "tfoot",   "colgroup", "caption", "html",     "head",   "body"};
  return std::find(kNames.begin(), kNames.end(), lower_name) != kNames.end();
}

// Real start tags carry a few dozen attributes at most; gumbo checks each new one
// against all before it, so thousands would cost quadratic time.
constexpr std::size_t kMaxAttributes = 256;

struct Tag {
  std::size_t end = 0;  // one past the closing '>' (or the end of the input)
  // Where the attribute after the first kMaxAttributes starts, or npos.
  std::size_t excess_attributes = std::string_view::npos;
  std::string name;  // lower-case
  bool self_closing = false;
  bool is_json_ld = false;  // a <script> whose type is application/ld+json
};

// Reads a start or end tag whose name starts at `pos` (just after "<" or "</"), the way
// the HTML tokenizer does: attribute values may be quoted and hide a '>'.
Tag read_tag(std::string_view html, std::size_t pos) {
  Tag tag;
  std::size_t i = pos;
  while (i < html.size() && !text::is_ascii_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
  tag.name.reserve(i - pos);
  for (std::size_t k = pos; k < i; ++k) tag.name.push_back(text::ascii_lower(html[k]));
  const bool is_script = tag.name == "script";
  std::size_t attributes = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (text::is_ascii_space(c)) {
      ++i;
      continue;
    }
    if (c == '>') {
      tag.end = i + 1;
      tag.self_closing = i > pos && html[i - 1] == '/';
      return tag;
    }
    if (c == '/') {
      ++i;
      continue;
    }
    // Attribute name (a leading '=' belongs to the name, as in the standard).
    const std::size_t name_start = i;
    if (++attributes == kMaxAttributes + 1) tag.excess_attributes = name_start;
    ++i;
    while (i < html.size() && !text::is_ascii_space(html[i]) && html[i] != '/' && html[i] != '>' &&
           html[i] != '=')
      ++i;
    const std::string_view attribute_name = html.substr(name_start, i - name_start);
    while (i < html.size() && text::is_ascii_space(html[i])) ++i;
    if (i >= html.size() || html[i] != '=') continue;
    ++i;
    while (i < html.size() && text::is_ascii_space(html[i])) ++i;
    std::string_view value;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      const char quote = html[i];
      const std::size_t close = html.find(quote, i + 1);
      const std::size_t value_end = close == std::string_view::npos ? html.size() : close;
      value = html.substr(i + 1, value_end - i - 1);
      i = close == std::string_view::npos ? html.size() : close + 1;
    } else {
      const std::size_t value_start = i;
      while (i < html.size() && !text::is_ascii_space(html[i]) && html[i] != '>') ++i;
      value = html.substr(value_start, i - value_start);
    }
    if (is_script && text::equals_ignoring_case(attribute_name, "type") &&
        text::contains_ignoring_case(value, "ld+json")) {
      tag.is_json_ld = true;
    }
  }
  tag.end = html.size();
  return tag;
}

// Copies a start tag that begins at `lt`, without its attributes past kMaxAttributes.
void append_start_tag(std::string& out, std::string_view text, const Tag& tag, std::size_t lt) {
  if (tag.excess_attributes == std::string_view::npos) {
    out.append(text);
    return;
  }
  out.append(text.substr(0, tag.excess_attributes - lt));
  out.append(tag.self_closing ? "/>" : ">");
}

// Position of the "</name" that ends a raw-text element's body, or npos.
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view lower_name) {
  while (true) {
    const std::size_t lt = html.find("</", from);
    if (lt == std::string_view::npos) return lt;
    const std::size_t after = lt + 2 + lower_name.size();
    if (after <= html.size() &&
        text::equals_ignoring_case(html.substr(lt + 2, lower_name.size()), lower_name) &&
        (after == html.size() || text::is_ascii_space(html[after]) || html[after] == '/' ||
         html[after] == '>')) {
      return lt;
    }
    from = lt + 2;
  }
}

// Tracks the elements open so far, roughly as the tree builder will, to bound depth.
class DepthGuard {
 public:
  explicit DepthGuard(std::size_t max_depth) : max_depth_(std::max<std::size_t>(max_depth, 8)) {}

  // False when the start tag must be dropped to keep the nesting within bounds.
  bool open(const Tag& tag) {
    const bool foreign = foreign_depth_ > 0;
    if (!foreign && is_depth_neutral(tag.name)) return true;
    if (foreign && tag.self_closing) return true;
    if (open_.size() >= max_depth_) {
      ++suppressed_;
      return false;
    }
    open_.push_back(tag.name);
    if (tag.name == "svg" || tag.name == "math") ++foreign_depth_;
    return true;
  }

  enum class Close { matched, unmatched, drop };

  // `drop` when the end tag belongs to a dropped start tag and must go too;
  // `unmatched` when it closes nothing the guard tracks.
  Close close(const Tag& tag) {
    if (is_depth_neutral(tag.name) && foreign_depth_ == 0) return Close::unmatched;
    // Dropped start tags were the innermost ones: their end tags come first.
    if (suppressed_ > 0) {
      --suppressed_;
      return Close::drop;
    }
    // Look a little way down the stack, as the tree builder would; an end tag that
    // matches nothing close by is ignored, which can only over-estimate the depth.
    const std::size_t lookback = std::min<std::size_t>(open_.size(), 64);
    for (std::size_t k = 0; k < lookback; ++k) {
      const std::size_t index = open_.size() - 1 - k;
      if (open_[index] == tag.name) {
        for (std::size_t j = index; j < open_.size(); ++j) {
          if (open_[j] == "svg" || open_[j] == "math") --foreign_depth_;
        }
        open_.resize(index);
        return Close::matched;
      }
    }
    return Close::unmatched;
  }

 private:
  std::size_t max_depth_;
  std::vector<std::string> open_;
  std::size_t suppressed_ = 0;
  std::size_t foreign_depth_ = 0;
};

}  // namespace

std::string prefilter_html(std::string_view html, std::size_t max_depth, PrefilterStats* stats,
                           std::size_t max_elements) {
  std::size_t elements = 0;
  PrefilterStats local;
  PrefilterStats& counts = stats ? *stats : local;
  std::string out;
  out.reserve(html.size());
  DepthGuard guard(max_depth);
  std::size_t pos = 0;
  while (pos < html.size()) {
    const void* hit = std::memchr(html.data() + pos, '<', html.size() - pos);
    if (!hit) {
      out.append(html.substr(pos));
      break;
    }
    const std::size_t lt = static_cast<const char*>(hit) - html.data();
    out.append(html.substr(pos, lt - pos));
    const char next = lt + 1 < html.size() ? html[lt + 1] : '\0';
    if (next == '!' && html.substr(lt, 4) == "<!--") {
      // Comments carry nothing we use; "<!-->" and "<!--->" are complete comments.
      std::size_t end;
      if (html.substr(lt + 4, 1) == ">") {
        end = lt + 5;
      } else if (html.substr(lt + 4, 2) == "->") {
        end = lt + 6;
      } else {
        const std::size_t close = html.find("-->", lt + 4);
        end = close == std::string_view::npos ? html.size() : close + 3;
      }
      pos = end;
      continue;
    }
    if (next == '/' && lt + 2 < html.size() && text::is_ascii_alpha(html[lt + 2])) {
      const Tag tag = read_tag(html, lt + 2);
      // A stray </p> or </br> makes an element of its own: it counts as one.
      if (tag.name == "p" || tag.name == "br") ++elements;
      const DepthGuard::Close closing = guard.close(tag);
      const bool keep = closing == DepthGuard::Close::matched ||
                        (closing == DepthGuard::Close::unmatched && elements <= max_elements);
      if (keep) {
        out.append(html.substr(lt, tag.end - lt));
      } else {
        out.push_back(' ');
      }
      pos = tag.end;
      continue;
    }
    if (!text::is_ascii_alpha(next)) {
      out.push_back('<');
      pos = lt + 1;
      continue;
    }
    Tag tag = read_tag(html, lt + 1);
    // Elements whose content is never article text: their bodies are cut. (Inline SVG
    // is a tenth of a typical page; noscript and template hold fallbacks and clones.)
    const bool raw_text = tag.name == "script" || tag.name == "style" ||
                          (tag.name == "svg" && !tag.self_closing) || tag.name == "noscript" ||
                          tag.name == "template";
    const bool over_budget = ++elements > max_elements;
    if (over_budget && !raw_text) {
      ++counts.tags_flattened;
      out.push_back(' ');
      pos = tag.end;
      continue;
    }
    if (!raw_text && !guard.open(tag)) {
      ++counts.tags_flattened;
      out.push_back(' ');
      pos = tag.end;
      continue;
    }
    append_start_tag(out, html.substr(lt, tag.end - lt), tag, lt);
    pos = tag.end;
    if (tag.name == "title" && find_end_tag(html, pos, "title") == std::string_view::npos) {
      // A <title> never closed (a damaged page) would hold the rest of the page as its
      // text: it ends where the next tag starts, as lenient parsers end it.
      const std::size_t next_tag = std::min(html.find('<', pos), html.size());
      out.append(html.substr(pos, next_tag - pos));
      out.append("</title>");
      guard.close(tag);
      pos = next_tag;
      continue;
    }
    if (raw_text) {
      const std::size_t close = find_end_tag(html, pos, tag.name);
      const std::size_t body_end = close == std::string_view::npos ? html.size() : close;
      if (tag.is_json_ld) {
        out.append(html.substr(pos, body_end - pos));
      } else {
        ++counts.scripts_cut;
      }
      pos = body_end;
    }
  }
  return out;
}

}  // namespace crbc::extract
