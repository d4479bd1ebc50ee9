#include "extract/blocks.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "extract/dates.hpp"
#include "extract/url.hpp"
#include "model/record_json.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace crbc::extract {
namespace {

using model::Mark;

constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_heading(std::string_view tag) noexcept {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// Elements whose start and end separate blocks of text.
bool is_block_boundary(std::string_view tag) noexcept {
  static constexpr std::array<std::string_view, 30> kTags = {
      "p",        "div",     "section", "article", "main",       "header", "center",  "address",
      "dd",       "dt",      "dl",      "li",      "tr",         "td",     "th",      "form",
      "fieldset", "details", "summary", "figure",  "figcaption", "hgroup", "caption", "body",
      "tbody",    "thead",   "tfoot",   "table",   "ul",         "ol"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

std::optional<Mark::Kind> mark_kind(std::string_view tag) noexcept {
  if (tag == "a") return Mark::Kind::link;
  if (tag == "em" || tag == "i") return Mark::Kind::emphasis;
  if (tag == "strong" || tag == "b") return Mark::Kind::strong;
  if (tag == "code" || tag == "kbd" || tag == "samp" || tag == "tt") return Mark::Kind::code;
  return std::nullopt;
}

std::size_t word_count(std::string_view text) noexcept {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A short line that only dates the page ("Updated: Nov. 19, 2019 at 5:10 pm",
// "sexta-feira, 22 de outubro de 2010 às 20:13", "19.11.2026, 10:30 | Author: ...");
// a sentence with a date ends with its full stop and stays.
bool is_dateline(std::string_view text) {
  if (text::code_point_count(text) > 100 || (text.ends_with('.') && !text.ends_with(".m."))) {
    return false;
  }
  const std::size_t words = word_count(text);
  const bool separated = text.find('|') != std::string_view::npos ||
                         text.find("\xC2\xB7") != std::string_view::npos;  // middle dot
  return (words <= 9 || (separated && words <= 16)) && parse_date(text).has_value();
}

// Words of the page's interface rather than its article, when they make a whole
// paragraph: ad labels, buttons, notices for readers without JavaScript, datelines.
bool is_interface_label(std::string_view text) {
  if (text.size() > 200) return false;
  const std::string folded = text::fold_case(text);
  std::string_view label = folded;
  auto is_trim = [](char c) {
    return c == ' ' || c == '.' || c == ':' || c == '!' || c == '|' || c == '\n';
  };
  while (!label.empty() && is_trim(label.back())) label.remove_suffix(1);
  while (!label.empty() && is_trim(label.front())) label.remove_prefix(1);
  static constexpr std::string_view kLabels[] = {"advert",
                                                 "advertisement",
                                                 "ad",
                                                 "ads",
                                                 "sponsored",
                                                 "anzeige",
                                                 "werbung",
                                                 "publicité",
                                                 "publicidad",
                                                 "pubblicità",
                                                 "publicidade",
                                                 "реклама",
                                                 "reklama",
                                                 "广告",
                                                 "caption",
                                                 "close",
                                                 "comments",
                                                 "comment",
                                                 "share",
                                                 "print",
                                                 "email",
                                                 "e-mail",
                                                 "loading",
                                                 "loading...",
                                                 "continue reading",
                                                 "show more",
                                                 "read more",
                                                 "skip ad",
                                                 "image",
                                                 "photo",
                                                 "video",
                                                 "watch",
                                                 "listen",
                                                 "enlarge",
                                                 "expand",
                                                 "toggle caption",
                                                 "hide caption",
                                                 "back to top",
                                                 "next",
                                                 "previous",
                                                 "more"};
  for (const std::string_view known : kLabels) {
    if (label == known) return true;
  }
  // "This slideshow requires JavaScript.", "Please enable JavaScript to view ..."
  if (text.size() < 100 && folded.find("javascript") != std::string::npos) return true;
  // "Found a typo? Select it and press Ctrl+Enter" (a common widget on Russian sites).
  if (folded.find("ctrl+enter") != std::string::npos) return true;
  return is_dateline(text);
}

// Text being assembled for one block: white space collapsed as a browser renders it,
// inline marks tracked in code points.
class InlineText {
 public:
  void append(std::string_view text) {
    for (const char c : text) {
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !text_.empty() && text_.back() != '\n') {
        text_.push_back(' ');
        ++code_points_;
      }
      pending_space_ = false;
      text_.push_back(c);
      if (!text::is_continuation_byte(c)) ++code_points_;
    }
  }

  void line_break() {
    trim_trailing_spaces();
    if (!text_.empty() && text_.back() != '\n') {
      text_.push_back('\n');
      ++code_points_;
    }
    pending_space_ = false;
  }

  void space() { pending_space_ = true; }

  std::size_t open_mark(Mark::Kind kind, std::string href) {
    const bool space_comes = pending_space_ && !text_.empty() && text_.back() != '\n';
    marks_.push_back({kind, code_points_ + (space_comes ? 1 : 0), code_points_, std::move(href)});
    return marks_.size() - 1;
  }
  void close_mark(std::size_t index) {
    if (index < marks_.size()) marks_[index].end = code_points_;
  }

  bool empty() const noexcept { return text_.empty(); }
  bool ends_with_line_break() const noexcept { return !text_.empty() && text_.back() == '\n'; }

  // Code points of the text covered by links.
  std::size_t link_code_points() const noexcept {
    std::size_t covered = 0;
    std::size_t last_end = 0;
    for (const Mark& mark : marks_) {
      if (mark.kind != Mark::Kind::link) continue;
      const std::size_t start = std::max(mark.start, last_end);
      if (mark.end > start) covered += mark.end - start;
      last_end = std::max(last_end, mark.end);
    }
    return covered;
  }
  std::size_t code_points() const noexcept { return code_points_; }

  model::RichText take() {
    trim_trailing_spaces();
    while (!text_.empty() && text_.back() == '\n') {
      text_.pop_back();
      --code_points_;
    }
    model::RichText rich{std::move(text_), std::move(marks_)};
    for (Mark& mark : rich.marks) mark.end = std::min(mark.end, code_points_);
    std::erase_if(rich.marks, [](const Mark& m) { return m.start >= m.end; });
    model::normalize_marks(rich);
    *this = InlineText{};
    return rich;
  }

 private:
  void trim_trailing_spaces() {
    while (!text_.empty() && text_.back() == ' ') {
      text_.pop_back();
      --code_points_;
    }
  }

  std::string text_;
  std::size_t code_points_ = 0;
  bool pending_space_ = false;
  std::vector<Mark> marks_;
};

// "— Ana Ruiz" -> "Ana Ruiz" (hyphens, en and em dashes, spaces).
std::string without_leading_dashes(std::string text) {
  std::size_t start = 0;
  while (start < text.size()) {
    if (text[start] == '-' || text[start] == ' ') {
      ++start;
    } else if (text.compare(start, 3, "\xE2\x80\x94") == 0 ||
               text.compare(start, 3, "\xE2\x80\x93") == 0) {
      start += 3;
    } else {
      break;
    }
  }
  return text.substr(start);
}

class BlockEmitter {
 public:
  BlockEmitter(const Document& doc, const NodeStats& stats, std::string_view base_url,
               std::uint32_t content_text, bool furniture_ignored, Cleaning cleaning)
      : doc_(doc),
        stats_(stats),
        base_url_(base_url),
        content_text_(content_text),
        furniture_ignored_(furniture_ignored),
        cleaning_(cleaning) {}

  void emit(NodeId root) {
    walk_blocks(root);
    flush();
  }

  std::vector<model::Block> take() { return std::move(blocks_); }

 private:
  // Furniture inside the content: skipped with everything under it. Class names alone
  // never remove most of the article, except a comment thread or a related rail that
  // leaves some text beside it.
  bool skip(NodeId n) const {
    const std::string_view tag = doc_.tag(n);
    if (is_non_content_element(doc_, n)) return true;
    if (is_hidden(doc_, n, cleaning_ != Cleaning::by_shape) || stats_.consent_notice[n])
      return true;
    constexpr std::uint32_t kSomeText = 25;
    if (content_text_ >= stats_.text[n] + kSomeText && is_region_beside_article(doc_, stats_, n))
      return true;
    const bool minor = stats_.text[n] * 2 < content_text_;
    // A form of fields and their labels (a comment or search form) is never article
    // text, whatever the cleaning. Pages that wrap content in a form (the whole page, a
    // list of ads to pick from) have far more text than labels.
    constexpr std::uint32_t kLabelText = 50;
    if (minor && tag == "form" && stats_.inputs[n] > 0 &&
        stats_.text[n] < kLabelText * stats_.inputs[n])
      return true;
    if (cleaning_ == Cleaning::minimal) return false;
    const bool names_count = cleaning_ == Cleaning::full;
    if (names_count && furniture_ignored_ && is_boilerplate_by_name(doc_, stats_, n, true))
      return true;
    if (!minor) return false;
    if (tag == "header") return true;
    if (names_count && is_boilerplate_by_name(doc_, stats_, n)) return true;
    return is_conditionally_junk(doc_, stats_, n, names_count);
  }

  struct Open {
    NodeId end;
    bool block;
    std::size_t mark = SIZE_MAX;
  };

  // Walks `root` in document order with an explicit stack of open elements.
  void walk_blocks(NodeId root) {
    std::vector<Open> open;
    const NodeId stop = doc_.subtree_end(root);
    NodeId n = root;
    while (n < stop) {
      while (!open.empty() && n >= open.back().end) {
        leave(open.back());
        open.pop_back();
      }
      if (doc_.is_text(n)) {
        current_.append(doc_.text(n));
        ++n;
        continue;
      }
      if (!doc_.is_element(n) || (n != root && skip(n))) {
        n = doc_.subtree_end(n);
        continue;
      }
      if (emit_whole(n)) {
        n = doc_.subtree_end(n);
        continue;
      }
      open.push_back(enter(n));
      ++n;
    }
    while (!open.empty()) {
      leave(open.back());
      open.pop_back();
    }
  }

  Open enter(NodeId n) {
    const std::string_view tag = doc_.tag(n);
    Open entry{doc_.subtree_end(n), false};
    if (is_block_boundary(tag)) {
      flush();
      entry.block = true;
    } else if (const auto kind = mark_kind(tag)) {
      entry.mark = open_mark(n, *kind, current_);
    }
    return entry;
  }

  void leave(const Open& entry) {
    if (entry.mark != SIZE_MAX) current_.close_mark(entry.mark);
    if (entry.block) flush();
  }

  std::size_t open_mark(NodeId n, Mark::Kind kind, InlineText& text) const {
    if (kind != Mark::Kind::link) return text.open_mark(kind, {});
    const std::string_view href = doc_.attr_or_empty(n, "href");
    if (href.empty() || href.starts_with('#')) return SIZE_MAX;
    std::string resolved = resolve_url(base_url_, href);
    const std::string scheme = scheme_of(resolved);
    if (scheme == "javascript" || scheme == "data" || scheme == "vbscript") return SIZE_MAX;
    return text.open_mark(kind, std::move(resolved));
  }

  // Elements turned into one block (or nothing) as a whole; false for the others.
  bool emit_whole(NodeId n) {
    const std::string_view tag = doc_.tag(n);
    if (tag == "br") {
      if (current_.ends_with_line_break()) {
        flush();
      } else {
        current_.line_break();
      }
      return true;
    }
    if (tag == "hr") {
      flush();
      return true;
    }
    if (tag == "h1") {
      flush();  // the title, which the record holds apart
      return true;
    }
    if (is_heading(tag)) {
      flush();
      model::RichText content = inline_content(n, false);
      if (!content.text.empty()) {
        blocks_.push_back(model::Heading{tag[1] - '0', std::move(content)});
      }
      return true;
    }
    if (tag == "blockquote") {
      flush();
      emit_quote(n);
      return true;
    }
    if (tag == "ul" || tag == "ol") {
      // Old pages indent prose (bare text, paragraphs) with a list element and no
      // items: walk into it.
      if (item_text(n) * 2 < stats_.text[n]) return false;
      flush();
      model::List list = build_list(n, 1);
      if (!list.items.empty()) blocks_.push_back(std::move(list));
      return true;
    }
    if (tag == "pre") {
      flush();
      emit_preformatted(n);
      return true;
    }
    if (tag == "table") {
      if (!is_data_table(n)) return false;  // a layout table: walk into it
      flush();
      emit_table(n);
      return true;
    }
    if (tag == "figure" || tag == "picture") {
      const NodeId img = first_image(n);
      if (img == kNoNode) return false;
      flush();
      if (auto image = make_image(img)) {
        image->caption = tag == "figure" ? figure_caption(n) : std::string{};
        blocks_.push_back(std::move(*image));
      }
      return true;
    }
    if (tag == "img") {
      if (auto image = make_image(n)) {
        if (current_.empty()) {
          flush();
          blocks_.push_back(std::move(*image));
        } else {
          pending_images_.push_back(std::move(*image));
        }
      }
      return true;
    }
    return false;
  }

  void flush() {
    if (!current_.empty()) {
      // A line made of links ("Read more: ...", a list of tags or teasers) is
      // furniture: links cover nearly all of it, or all but a short label.
      const std::size_t total = current_.code_points();
      const std::size_t linked = current_.link_code_points();
      const bool link_only = total > 0 && (linked * 10 >= total * 9 ||
                                           (linked * 10 >= total * 6 && total - linked <= 30));
      model::RichText content = current_.take();
      if (!content.text.empty() && !link_only && !is_interface_label(content.text)) {
        blocks_.push_back(model::Paragraph{std::move(content)});
      }
    }
    for (model::Image& image : pending_images_) blocks_.push_back(std::move(image));
    pending_images_.clear();
  }

  // The text under `root` as one run of inline text; blocks inside are separated by a
  // line break (`line_per_block`) or a space. Nested lists are left out when
  // `skip_lists`, <cite> and <footer> when `skip_attribution`.
  model::RichText inline_content(NodeId root, bool line_per_block, bool skip_lists = false,
                                 bool skip_attribution = false) const {
    InlineText text;
    std::vector<Open> open;
    const NodeId stop = doc_.subtree_end(root);
    NodeId n = root + 1;
    while (n < stop) {
      while (!open.empty() && n >= open.back().end) {
        if (open.back().mark != SIZE_MAX) text.close_mark(open.back().mark);
        if (open.back().block) line_per_block ? text.line_break() : text.space();
        open.pop_back();
      }
      if (doc_.is_text(n)) {
        text.append(doc_.text(n));
        ++n;
        continue;
      }
      const std::string_view tag = doc_.tag(n);
      const bool skipped = !doc_.is_element(n) || is_non_content_tag(tag) || is_hidden(doc_, n) ||
                           (skip_lists && (tag == "ul" || tag == "ol")) ||
                           (skip_attribution && (tag == "cite" || tag == "footer"));
      if (skipped) {
        n = doc_.subtree_end(n);
        continue;
      }
      if (tag == "br") {
        text.line_break();
        ++n;
        continue;
      }
      Open entry{doc_.subtree_end(n),
                 is_block_boundary(tag) || is_heading(tag) || tag == "blockquote"};
      if (entry.block) line_per_block ? text.line_break() : text.space();
      if (const auto kind = mark_kind(tag)) entry.mark = open_mark(n, *kind, text);
      open.push_back(entry);
      ++n;
    }
    while (!open.empty()) {
      if (open.back().mark != SIZE_MAX) text.close_mark(open.back().mark);
      open.pop_back();
    }
    return text.take();
  }

  void emit_quote(NodeId n) {
    model::Quote quote;
    quote.content = inline_content(n, true, false, true);
    for (NodeId d = n + 1; d < doc_.subtree_end(n); ++d) {
      if (doc_.is_element(d) && (doc_.tag(d) == "cite" || doc_.tag(d) == "footer")) {
        quote.attribution = without_leading_dashes(doc_.normalized_text(d));
        break;
      }
    }
    if (!quote.content.text.empty()) blocks_.push_back(std::move(quote));
  }

  // Text of the list's own <li> children.
  std::uint32_t item_text(NodeId list_node) const {
    std::uint32_t text = 0;
    for (NodeId item = doc_.first_child(list_node); item != kNoNode;
         item = doc_.next_sibling(item)) {
      if (doc_.is_element(item) && doc_.tag(item) == "li") text += stats_.text[item];
    }
    return text;
  }

  // Lists nest at most kMaxListDepth deep; deeper lists stay as text of their item.
  model::List build_list(NodeId list_node, int depth) const {
    model::List list;
    list.ordered = doc_.tag(list_node) == "ol";
    const bool nest = depth < model::kMaxListDepth;
    for (NodeId item = doc_.first_child(list_node); item != kNoNode;
         item = doc_.next_sibling(item)) {
      if (!doc_.is_element(item) || doc_.tag(item) != "li" || is_hidden(doc_, item)) continue;
      model::ListItem entry;
      entry.content = inline_content(item, false, nest);
      if (nest) {
        for (NodeId d = item + 1; d < doc_.subtree_end(item); ++d) {
          if (!doc_.is_element(d)) continue;
          const std::string_view tag = doc_.tag(d);
          if (is_non_content_tag(tag)) {
            d = doc_.subtree_end(d) - 1;
          } else if (tag == "ul" || tag == "ol") {
            model::List child = build_list(d, depth + 1);
            if (!child.items.empty()) entry.children.push_back(std::move(child));
            d = doc_.subtree_end(d) - 1;
          }
        }
      }
      if (!entry.content.text.empty() || !entry.children.empty()) {
        list.items.push_back(std::move(entry));
      }
    }
    return list;
  }

  void emit_preformatted(NodeId n) {
    model::Preformatted pre;
    pre.text = doc_.text_content(n);
    if (pre.text.starts_with('\n')) pre.text.erase(0, 1);
    while (!pre.text.empty() && is_space(pre.text.back())) pre.text.pop_back();
    for (NodeId d = n; d < doc_.subtree_end(n) && pre.language.empty(); ++d) {
      if (!doc_.is_element(d)) continue;
      const std::string_view classes = doc_.attr_or_empty(d, "class");
      for (const std::string_view prefix : {"language-", "lang-"}) {
        const std::size_t at = classes.find(prefix);
        if (at == std::string_view::npos) continue;
        std::size_t end = at + prefix.size();
        while (end < classes.size() && !is_space(classes[end])) ++end;
        pre.language = std::string(classes.substr(at + prefix.size(), end - at - prefix.size()));
        break;
      }
    }
    if (!pre.text.empty()) blocks_.push_back(std::move(pre));
  }

  // Rows and cells of a table, not counting those of tables nested inside it.
  std::vector<std::vector<NodeId>> table_cells(NodeId table) const {
    std::vector<std::vector<NodeId>> rows;
    for (NodeId d = table + 1; d < doc_.subtree_end(table); ++d) {
      if (!doc_.is_element(d)) continue;
      const std::string_view tag = doc_.tag(d);
      if (tag == "table") {
        d = doc_.subtree_end(d) - 1;
      } else if (tag == "tr") {
        rows.emplace_back();
      } else if ((tag == "td" || tag == "th") && !rows.empty()) {
        rows.back().push_back(d);
        d = doc_.subtree_end(d) - 1;
      }
    }
    return rows;
  }

  bool is_data_table(NodeId table) const {
    if (doc_.attr_or_empty(table, "role") == "presentation") return false;
    if (doc_.attr_or_empty(table, "datatable") == "0") return false;
    for (NodeId d = table + 1; d < doc_.subtree_end(table); ++d) {
      if (!doc_.is_element(d)) continue;
      const std::string_view tag = doc_.tag(d);
      if (tag == "table") return false;
      if ((tag == "p" || tag == "div") && stats_.text[d] > 200) return false;  // prose in cells
    }
    if (doc_.attr(table, "summary")) return true;
    for (NodeId d = table + 1; d < doc_.subtree_end(table); ++d) {
      if (!doc_.is_element(d)) continue;
      const std::string_view tag = doc_.tag(d);
      if (tag == "caption" || tag == "thead" || tag == "th" || tag == "colgroup") return true;
    }
    const auto rows = table_cells(table);
    std::size_t columns = 0;
    for (const auto& row : rows) columns = std::max(columns, row.size());
    if (rows.size() <= 1 || columns <= 1) return false;
    return rows.size() >= 10 || columns > 4 || rows.size() * columns > 10;
  }

  void emit_table(NodeId table) {
    model::Table out;
    const auto rows = table_cells(table);
    bool first_row_headings = !rows.empty() && !rows.front().empty();
    if (!rows.empty()) {
      for (const NodeId cell : rows.front()) {
        first_row_headings = first_row_headings && doc_.tag(cell) == "th";
      }
    }
    out.header = first_row_headings || !doc_.elements_by_tag("thead", table).empty();
    for (const auto& row : rows) {
      std::vector<std::string> cells;
      bool any = false;
      for (const NodeId cell : row) {
        cells.push_back(inline_content(cell, false).text);
        any = any || !cells.back().empty();
      }
      if (any) out.rows.push_back(std::move(cells));
    }
    for (const NodeId caption : doc_.elements_by_tag("caption", table)) {
      out.caption = doc_.normalized_text(caption);
      break;
    }
    if (!out.rows.empty()) blocks_.push_back(std::move(out));
  }

  NodeId first_image(NodeId n) const {
    for (NodeId d = n + 1; d < doc_.subtree_end(n); ++d) {
      if (doc_.is_element(d) && doc_.tag(d) == "img") return d;
    }
    return kNoNode;
  }

  std::string figure_caption(NodeId figure) const {
    for (NodeId d = figure + 1; d < doc_.subtree_end(figure); ++d) {
      if (doc_.is_element(d) && doc_.tag(d) == "figcaption") return inline_content(d, false).text;
    }
    return {};
  }

  std::optional<model::Image> make_image(NodeId img) const {
    std::string_view src = doc_.attr_or_empty(img, "src");
    for (const std::string_view lazy : {"data-src", "data-lazy-src", "data-original", "data-url"}) {
      if (!src.empty() && !src.starts_with("data:")) break;
      src = doc_.attr_or_empty(img, lazy);
    }
    if (src.empty() || src.starts_with("data:")) {
      // The first candidate of a srcset.
      std::string_view srcset = doc_.attr_or_empty(img, "srcset");
      if (srcset.empty()) srcset = doc_.attr_or_empty(img, "data-srcset");
      while (!srcset.empty() && is_space(srcset.front())) srcset.remove_prefix(1);
      std::size_t end = 0;
      while (end < srcset.size() && !is_space(srcset[end]) && srcset[end] != ',') ++end;
      src = srcset.substr(0, end);
    }
    if (src.empty() || src.starts_with("data:")) return std::nullopt;
    for (const std::string_view dimension : {"width", "height"}) {
      const std::string_view value = doc_.attr_or_empty(img, dimension);
      if (value == "0" || value == "1" || value == "2") return std::nullopt;  // a tracking pixel
    }
    model::Image image;
    image.src = resolve_url(base_url_, src);
    image.alt = std::string(doc_.attr_or_empty(img, "alt"));
    return image;
  }

  const Document& doc_;
  const NodeStats& stats_;
  std::string_view base_url_;
  std::uint32_t content_text_;
  bool furniture_ignored_;
  Cleaning cleaning_;
  std::vector<model::Block> blocks_;
  InlineText current_;
  std::vector<model::Image> pending_images_;
};

}  // namespace

std::vector<model::Block> emit_blocks(const Document& doc, const NodeStats& stats,
                                      const ContentRoots& roots, std::string_view base_url,
                                      Cleaning cleaning) {
  std::uint32_t content_text = 0;
  for (const NodeId root : roots.nodes) content_text += stats.text[root];
  BlockEmitter emitter(doc, stats, base_url, content_text, roots.furniture_ignored, cleaning);
  for (const NodeId root : roots.nodes) emitter.emit(root);
  return emitter.take();
}

}  // namespace crbc::extract
