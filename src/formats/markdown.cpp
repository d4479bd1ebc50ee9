// Markdown: YAML front matter for the metadata, a CommonMark body (cmark), written
// to read as a person would write it, yet so that record → markdown → record loses
// nothing:
// - the front matter holds every field but the body (extras included), as YAML;
// - the body opens with "# Title" and an emphasised byline ("*By Anna Berg and Li Wei
//   · 2026-03-04*": authors, the day published), which the reader drops again when
//   they say what the front matter says;
// - marks are **strong**, *emphasis*, `code` (a fence longer than any backtick run
//   inside, padded with a space when the code starts or ends with a backtick or with
//   spaces at both ends) and [text](url) (<url> only when it has spaces, controls or
//   <>, parentheses escaped when they do not pair up). A "*" run that CommonMark
//   would not read as opening or closing where it stands (next to a space or
//   punctuation, beside another "*" run) is inline HTML instead: <strong>, <em>,
//   <code> (also for code with control characters);
// - text gets a backslash only where CommonMark would read syntax: always before
//   \ ` * [ ] <, before _ unless between letters, before & when it would start a
//   reference, ! before a link, and at the start of a line before # > - + = ~ and the
//   "." or ")" of "1."; newlines are hard line breaks ("\" at the end of the line,
//   "> " or the list item's indent on the next); control characters, newlines in
//   headings and spaces Markdown would strip (at either end of a text, around a line
//   break) are numeric references (&#10;, &#32;);
// - an empty paragraph is "<p></p>"; a quote's attribution is a last paragraph
//   starting with "— "; an image block is a paragraph holding only
//   ![alt](src "caption"); consecutive lists alternate their markers (- and *,
//   "." and ")") so that they stay apart;
// - a table is a pipe table (header row and "---" row when it has a header) after a
//   "<!-- crbc-table {...} -->" comment that gives its caption, header flag and
//   row count; cells escape "\", "|", newlines and CRs with backslashes;
// - each block is checked as it is written: its Markdown, parsed alone by cmark and
//   read back by the reader below, must give the same block (one parse of the block's
//   own text, not of the record). A block that does not (such as text with U+0000,
//   code with CRs or with a record separator line, a list without items) is written
//   as "<!-- crbc-block {JSON} -->".
//
// Several records in one stream are separated by a line
// "<!-- crbc: next record -->" (kMarkdownRecordSeparator), each record then starting
// with its own front matter. The writer never lets that line occur inside a record.
//
// Reading accepts any CommonMark: emphasis, strong, code spans and links become
// marks, soft line breaks a space, hard ones a newline; HTML other than the forms
// above is kept as text (blocks) or dropped (inline tags). Without front matter, a
// leading level-1 heading is the title.
#include <cmark.h>

#include <algorithm>
#include <sstream>

#include "formats/internal.hpp"
#include "formats/markdown_text.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::formats::detail {

using nlohmann::json;

namespace {

constexpr std::string_view kBlockComment = "<!-- crbc-block ";
constexpr std::string_view kTableComment = "<!-- crbc-table ";
constexpr std::string_view kCommentEnd = " -->";
constexpr std::string_view kEmptyParagraph = "<p></p>";
constexpr std::string_view kAttributionDash = "\u2014 ";

// ---- the generated title and byline -----------------------------------------

// "By Anna Berg and Li Wei" of the authors.
std::string names(const std::vector<std::string>& authors) {
  std::string out = authors.front();
  for (std::size_t i = 1; i < authors.size(); ++i) {
    out += i + 1 == authors.size() ? " and " : ", ";
    out += authors[i];
  }
  return out;
}

// "2026-03-04" of "2026-03-04T10:20:30+01:00"; a date in another form as it is.
std::string_view day_of(std::string_view published) {
  constexpr std::string_view kShape = "0000-00-00";
  if (published.size() < kShape.size()) return published;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = published[i] >= '0' && published[i] <= '9';
    if (kShape[i] == '0' ? !digit : published[i] != '-') return published;
  }
  return published.substr(0, kShape.size());
}

// The emphasised line under the title: "By Anna Berg · 2026-03-04"; empty without
// authors and date.
model::RichText byline(const model::Article& article) {
  std::string text;
  if (!article.authors.empty()) text = "By " + names(article.authors);
  const std::string_view day = day_of(article.published);
  if (!day.empty()) {
    if (!text.empty()) text += " \u00B7 ";
    text += day;
  }
  if (text.empty()) return {};
  const std::size_t length = text::code_point_count(text);
  return {std::move(text), {{model::Mark::Kind::emphasis, 0, length, {}}}};
}

// ---- writing ---------------------------------------------------------------

// Whether `markdown`, read alone, gives back `expected` (normalised); with the reader below.
bool reads_back_as(std::string_view markdown, const model::Block& expected);

bool has_line(std::string_view text, std::string_view wanted) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (text.substr(start, end - start) == wanted) return true;
    start = end + 1;
  }
  return false;
}

// One block as readable Markdown.
class BlockMarkdown {
 public:
  explicit BlockMarkdown(bool alternate_lists) : alternate_lists_(alternate_lists) {}

  std::string operator()(const model::Block& block) {
    std::visit([this](const auto& b) { write(b); }, block);
    return std::move(out_);
  }

 private:
  void write_rich(const model::RichText& rich, const InlinePlace& place) {
    if (rich.text.empty()) {
      out_ += kEmptyParagraph;
    } else {
      write_inline_markdown(out_, rich, place);
    }
  }
  void write(const model::Paragraph& p) {
    write_rich(p.content, {});
    out_ += '\n';
  }
  void write(const model::Heading& h) {
    out_ += std::string(static_cast<std::size_t>(std::clamp(h.level, 1, 6)), '#');
    if (!h.content.text.empty()) {
      out_ += ' ';
      write_inline_markdown(out_, h.content,
                            {.line_start = false, .heading = true, .continuation = ""});
    }
    out_ += '\n';
  }
  void write(const model::Quote& q) {
    if (q.content.text.empty() && q.attribution.empty()) {
      out_ += ">\n";
      return;
    }
    out_ += "> ";
    write_rich(q.content, {.continuation = "> "});
    out_ += '\n';
    if (!q.attribution.empty()) {
      out_ += ">\n> ";
      out_ += kAttributionDash;
      write_inline_markdown(out_, {q.attribution, {}}, {.line_start = false, .continuation = "> "});
      out_ += '\n';
    }
  }
  void write(const model::List& list) { write_list(list, "", alternate_lists_, 1); }
  void write_list(const model::List& list, const std::string& indent, bool alternate, int depth) {
    if (depth > model::kMaxListDepth) throw FormatError("lists nested too deeply to write");
    std::size_t number = 0;
    for (const model::ListItem& item : list.items) {
      const std::string marker = list.ordered ? std::to_string(++number) + (alternate ? ")" : ".")
                                              : std::string(alternate ? "*" : "-");
      const std::string child_indent = indent + std::string(marker.size() + 1, ' ');
      out_ += indent;
      out_ += marker;
      if (!item.content.text.empty()) {
        out_ += ' ';
        write_inline_markdown(out_, item.content, {.continuation = child_indent});
      }
      out_ += '\n';
      // A list whose first item is empty cannot interrupt the item's paragraph
      // ("text\n  -" would underline it as a heading): a blank line keeps it apart.
      if (!item.content.text.empty() && !item.children.empty()) out_ += '\n';
      for (std::size_t c = 0; c < item.children.size(); ++c) {
        write_list(item.children[c], child_indent, c % 2 == 1, depth + 1);
      }
    }
  }
  void write(const model::Image& image) {
    out_ += "![";
    write_inline_markdown(out_, {image.alt, {}}, {.line_start = false, .continuation = ""});
    out_ += "](";
    write_link_destination(out_, image.src);
    if (!image.caption.empty()) {
      out_ += ' ';
      write_link_title(out_, image.caption);
    }
    out_ += ")\n";
  }
  void write(const model::Preformatted& pre) {
    const bool tildes = pre.language.find('`') != std::string::npos;
    const char fence_char = tildes ? '~' : '`';
    const std::string fence(std::max<std::size_t>(3, longest_run(pre.text, fence_char) + 1),
                            fence_char);
    out_ += fence;
    write_info_string(out_, pre.language, fence_char);
    out_ += '\n';
    out_ += pre.text;
    if (!pre.text.empty()) out_ += '\n';
    out_ += fence;
    out_ += '\n';
  }
  void write(const model::Table& table) {
    const nlohmann::ordered_json hint = {
        {"header", table.header}, {"caption", table.caption}, {"rows", table.rows.size()}};
    out_ += kTableComment;
    out_ += dump_for_html(hint);
    out_ += kCommentEnd;
    out_ += '\n';
    if (table.rows.empty()) return;
    out_ += '\n';
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      out_ += '|';
      for (const std::string& cell : table.rows[r]) {
        out_ += ' ';
        out_ += escape_cell(cell, '|', "\\|");
        out_ += " |";
      }
      out_ += '\n';
      if (r == 0 && table.header) {
        out_ += '|';
        for (std::size_t c = 0; c < table.rows[0].size(); ++c) out_ += " --- |";
        out_ += '\n';
      }
    }
  }

  bool alternate_lists_;
  std::string out_;
};

// The block as readable Markdown, if that reads back as the same block (else a
// crbc-block comment carries it). The check costs one cmark parse of the block's text.
std::optional<std::string> faithful_markdown(const model::Block& block, bool alternate_lists) {
  // A code line equal to the record separator would split the stream.
  if (const auto* pre = std::get_if<model::Preformatted>(&block);
      pre != nullptr && has_line(pre->text, kMarkdownRecordSeparator)) {
    return std::nullopt;
  }
  model::Block expected = block;
  model::normalize(expected);
  std::string markdown = BlockMarkdown(alternate_lists)(block);
  if (!reads_back_as(markdown, expected)) return std::nullopt;
  return markdown;
}

class BodyWriter {
 public:
  explicit BodyWriter(std::string& out) : out_(out) {}

  void block(const model::Block& block) {
    const bool list = std::holds_alternative<model::List>(block);
    if (const auto markdown = faithful_markdown(block, lists_in_a_row_ % 2 == 1)) {
      out_ += *markdown;
    } else {
      out_ += kBlockComment;
      out_ += dump_for_html(model::to_json(block));
      out_ += kCommentEnd;
      out_ += '\n';
    }
    lists_in_a_row_ = list ? lists_in_a_row_ + 1 : 0;
  }

 private:
  std::string& out_;
  std::size_t lists_in_a_row_ = 0;
};

// The "# Title" heading and the byline that open the body, as far as they read back as
// themselves; the reader drops them again (drop_title_and_byline).
std::vector<model::Block> title_and_byline(const model::Article& article) {
  std::vector<model::Block> blocks;
  if (!article.title.empty()) blocks.emplace_back(model::Heading{1, {article.title, {}}});
  if (model::RichText line = byline(article); !line.text.empty()) {
    blocks.emplace_back(model::Paragraph{std::move(line)});
  }
  return blocks;
}

std::string markdown_document(const model::Article& article) {
  nlohmann::ordered_json meta = model::to_json(article);
  meta.erase("body");
  std::ostringstream front;
  write_yaml_mapping(front, meta);
  std::string out = "---\n" + front.str() + "---\n";
  for (const model::Block& block : title_and_byline(article)) {
    if (const auto markdown = faithful_markdown(block, false)) out += '\n' + *markdown;
  }
  BodyWriter body(out);
  for (const model::Block& block : article.body) {
    out += '\n';
    body.block(block);
  }
  return out;
}

class MarkdownWriter : public RecordWriter {
 public:
  explicit MarkdownWriter(std::ostream& out) : out_(out) {}
  void write(const model::Article& article) override {
    if (count_++ > 0) out_ << '\n' << kMarkdownRecordSeparator << '\n';
    out_ << markdown_document(article);
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  std::size_t count_ = 0;
};

// ---- reading ---------------------------------------------------------------

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

std::string_view literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text == nullptr ? std::string_view{} : std::string_view(text);
}

struct Appender {
  model::RichText rich;
  std::size_t length = 0;  // code points in rich.text
  void add(std::string_view text) {
    rich.text += text;
    length += text::code_point_count(text);
  }
};

bool inline_tag(std::string_view html, std::string_view name, bool closing) {
  std::string lower(html);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == (closing ? "</" : "<") + std::string(name) + ">";
}

// Inline content of a paragraph or heading, with its marks.
model::RichText inline_text(cmark_node* node) {
  Appender out;
  struct Open {
    model::Mark::Kind kind;
    std::size_t start;
    std::string href;
    bool from_html;
  };
  std::vector<Open> open;
  constexpr std::array<std::pair<std::string_view, model::Mark::Kind>, 6> kTags{{
      {"em", model::Mark::Kind::emphasis},
      {"i", model::Mark::Kind::emphasis},
      {"strong", model::Mark::Kind::strong},
      {"b", model::Mark::Kind::strong},
      {"code", model::Mark::Kind::code},
      {"a", model::Mark::Kind::link},
  }};
  const auto close = [&](model::Mark::Kind kind, bool from_html) {
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
      if (it->kind == kind && it->from_html == from_html) {
        out.rich.marks.push_back({kind, it->start, out.length, it->href});
        open.erase(std::next(it).base());
        return;
      }
    }
  };
  IterPtr iter(cmark_iter_new(node));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter.get());
    if (current == node) continue;
    const cmark_node_type type = cmark_node_get_type(current);
    const bool enter = event == CMARK_EVENT_ENTER;
    switch (type) {
      case CMARK_NODE_TEXT:
        out.add(literal(current));
        break;
      case CMARK_NODE_CODE: {
        const std::size_t start = out.length;
        out.add(literal(current));
        out.rich.marks.push_back({model::Mark::Kind::code, start, out.length, {}});
        break;
      }
      case CMARK_NODE_SOFTBREAK:
        out.add(" ");
        break;
      case CMARK_NODE_LINEBREAK:
        out.add("\n");
        break;
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
      case CMARK_NODE_LINK: {
        const auto kind = type == CMARK_NODE_EMPH     ? model::Mark::Kind::emphasis
                          : type == CMARK_NODE_STRONG ? model::Mark::Kind::strong
                                                      : model::Mark::Kind::link;
        if (enter) {
          const char* url = type == CMARK_NODE_LINK ? cmark_node_get_url(current) : nullptr;
          open.push_back({kind, out.length, url == nullptr ? "" : url, false});
        } else {
          close(kind, false);
        }
        break;
      }
      case CMARK_NODE_HTML_INLINE: {
        const std::string_view html = literal(current);
        if (inline_tag(html, "br", false) || inline_tag(html, "br/", false) ||
            inline_tag(html, "br /", false)) {
          out.add("\n");
          break;
        }
        for (const auto& [name, kind] : kTags) {
          if (name != "a" && inline_tag(html, name, false)) {
            open.push_back({kind, out.length, {}, true});
          } else if (name != "a" && inline_tag(html, name, true)) {
            close(kind, true);
          }
        }
        break;
      }
      default:
        break;  // images contribute their alt text through their children
    }
  }
  return std::move(out.rich);
}

std::string plain_text(cmark_node* node, bool trim_newlines = true) {
  std::string out;
  IterPtr iter(cmark_iter_new(node));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(current)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
        if (event == CMARK_EVENT_ENTER) out += literal(current);
        break;
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
      case CMARK_NODE_ITEM:
        if (event == CMARK_EVENT_EXIT && !out.empty() && out.back() != '\n') out += '\n';
        break;
      default:
        break;
    }
  }
  while (trim_newlines && !out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void append_rich(model::RichText& to, const model::RichText& more) {
  if (!to.text.empty()) to.text += '\n';
  const std::size_t shift = text::code_point_count(to.text);
  to.text += more.text;
  for (model::Mark mark : more.marks) {
    mark.start += shift;
    mark.end += shift;
    to.marks.push_back(std::move(mark));
  }
}

std::vector<cmark_node*> children(cmark_node* node) {
  std::vector<cmark_node*> out;
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    out.push_back(child);
  }
  return out;
}

bool is_empty_paragraph(cmark_node* node) {
  if (cmark_node_get_type(node) != CMARK_NODE_HTML_BLOCK) return false;
  std::string_view html = literal(node);
  while (!html.empty() && (html.back() == '\n' || html.back() == ' ')) html.remove_suffix(1);
  return html == kEmptyParagraph;
}

// The JSON inside "<!-- crbc-xxx {...} -->", if the HTML block is one.
std::optional<std::string_view> comment_payload(std::string_view html, std::string_view prefix) {
  if (!html.starts_with(prefix)) return std::nullopt;
  const auto end = html.rfind(kCommentEnd);
  if (end == std::string_view::npos || end < prefix.size()) return std::nullopt;
  return html.substr(prefix.size(), end - prefix.size());
}

class BodyReader {
 public:
  BodyReader(std::string_view body, std::size_t first_line)
      : body_(body), first_line_(first_line) {}

  std::vector<model::Block> read(cmark_node* document) {
    std::vector<model::Block> blocks;
    std::optional<json> table_hint;
    for (cmark_node* node : children(document)) {
      const std::size_t line = line_of(node);
      if (table_hint) {
        blocks.emplace_back(table_from(*table_hint, node, line));
        table_hint.reset();
        continue;
      }
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
          blocks.push_back(paragraph_or_image(node));
          break;
        case CMARK_NODE_HEADING:
          blocks.emplace_back(
              model::Heading{cmark_node_get_heading_level(node), inline_text(node)});
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          blocks.emplace_back(quote_from(node));
          break;
        case CMARK_NODE_LIST:
          blocks.emplace_back(list_from(node, 1));
          break;
        case CMARK_NODE_CODE_BLOCK: {
          std::string text(literal(node));
          if (!text.empty() && text.back() == '\n') text.pop_back();
          const char* info = cmark_node_get_fence_info(node);
          blocks.emplace_back(model::Preformatted{std::move(text), info == nullptr ? "" : info});
          break;
        }
        case CMARK_NODE_HTML_BLOCK: {
          const std::string_view html = literal(node);
          if (is_empty_paragraph(node)) {
            blocks.emplace_back(model::Paragraph{});
          } else if (const auto payload = comment_payload(html, kBlockComment)) {
            blocks.push_back(model::block_from_json(parse_json(*payload, line), ""));
          } else if (const auto hint = comment_payload(html, kTableComment)) {
            json value = parse_json(*hint, line);
            if (!value.is_object()) throw FormatError("table comment is not an object", line, 1);
            if (value.value("rows", 0) == 0) {
              blocks.emplace_back(table_from(value, nullptr, line));
            } else {
              table_hint = std::move(value);
            }
          } else if (!html.starts_with("<!--")) {
            std::string text(html);
            while (!text.empty() && text.back() == '\n') text.pop_back();
            blocks.emplace_back(model::Paragraph{{std::move(text), {}}});
          }
          break;
        }
        default:
          break;  // thematic breaks
      }
    }
    if (table_hint) throw FormatError("a table comment is not followed by its table");
    return blocks;
  }

 private:
  std::size_t line_of(cmark_node* node) const {
    return first_line_ + static_cast<std::size_t>(std::max(cmark_node_get_start_line(node), 1)) - 1;
  }

  static model::Block paragraph_or_image(cmark_node* node) {
    cmark_node* only = cmark_node_first_child(node);
    if (only != nullptr && cmark_node_next(only) == nullptr &&
        cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(only);
      const char* title = cmark_node_get_title(only);
      return model::Image{url == nullptr ? "" : url, plain_text(only, false),
                          title == nullptr ? "" : title};
    }
    return model::Paragraph{inline_text(node)};
  }

  static model::Quote quote_from(cmark_node* node) {
    model::Quote quote;
    std::vector<cmark_node*> kids = children(node);
    if (kids.size() >= 2 && cmark_node_get_type(kids.back()) == CMARK_NODE_PARAGRAPH) {
      const std::string last = inline_text(kids.back()).text;
      if (last.starts_with(kAttributionDash)) {
        quote.attribution = last.substr(kAttributionDash.size());
        kids.pop_back();
      }
    }
    for (cmark_node* kid : kids) {
      if (is_empty_paragraph(kid)) continue;
      if (cmark_node_get_type(kid) == CMARK_NODE_PARAGRAPH) {
        append_rich(quote.content, inline_text(kid));
      } else {
        append_rich(quote.content, {plain_text(kid), {}});
      }
    }
    return quote;
  }

  model::List list_from(cmark_node* node, int depth) const {
    if (depth > model::kMaxListDepth) {
      throw FormatError(
          "lists nested deeper than " + std::to_string(model::kMaxListDepth) + " levels",
          line_of(node), 1);
    }
    model::List list;
    list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    for (cmark_node* item_node : children(node)) {
      model::ListItem item;
      for (cmark_node* kid : children(item_node)) {
        const cmark_node_type type = cmark_node_get_type(kid);
        if (type == CMARK_NODE_LIST) {
          item.children.push_back(list_from(kid, depth + 1));
        } else if (type == CMARK_NODE_PARAGRAPH) {
          append_rich(item.content, inline_text(kid));
        } else {
          append_rich(item.content, {plain_text(kid), {}});
        }
      }
      list.items.push_back(std::move(item));
    }
    return list;
  }

  // The raw source lines of the pipe table that follows a table comment.
  model::Table table_from(const json& hint, cmark_node* node, std::size_t line) {
    model::Table table;
    table.header = hint.value("header", false);
    table.caption = hint.value("caption", std::string());
    const auto rows = hint.value("rows", std::size_t{0});
    if (rows == 0) return table;
    if (node == nullptr || cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) {
      throw FormatError("a table comment is not followed by its table", line, 1);
    }
    const auto first = static_cast<std::size_t>(cmark_node_get_start_line(node));
    const auto last = static_cast<std::size_t>(cmark_node_get_end_line(node));
    const std::size_t expected = rows + (table.header ? 1 : 0);
    if (last < first || last - first + 1 != expected) {
      throw FormatError("table has " + std::to_string(last - first + 1) +
                            " lines, its comment says " + std::to_string(expected),
                        line, 1);
    }
    const std::vector<std::string_view> lines = source_lines(first, last);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (table.header && i == 1) continue;  // the "| --- |" row
      table.rows.push_back(parse_row(lines[i], line_of(node) + i));
    }
    return table;
  }

  std::vector<std::string_view> source_lines(std::size_t first, std::size_t last) const {
    std::vector<std::string_view> out;
    std::size_t number = 1;
    std::size_t start = 0;
    while (start <= body_.size() && number <= last) {
      std::size_t end = std::min(body_.find('\n', start), body_.size());
      std::string_view line = body_.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (number >= first) out.push_back(line);
      ++number;
      start = end + 1;
    }
    return out;
  }

  static std::vector<std::string> parse_row(std::string_view line, std::size_t number) {
    const auto bad = [&] { return FormatError("malformed table row", number, 1); };
    if (!line.starts_with('|')) throw bad();
    std::vector<std::string> cells;
    std::size_t i = 1;
    while (i < line.size()) {
      if (line[i] != ' ') throw bad();
      ++i;
      std::string cell;
      bool closed = false;
      while (i < line.size()) {
        const char c = line[i++];
        if (c == '\\' && i < line.size()) {
          const char e = line[i++];
          cell += e == 'n' ? '\n' : e == 'r' ? '\r' : e;
        } else if (c == '|') {
          closed = true;
          break;
        } else {
          cell += c;
        }
      }
      if (!closed || cell.empty() || cell.back() != ' ') throw bad();
      cell.pop_back();
      cells.push_back(std::move(cell));
    }
    return cells;
  }

  std::string_view body_;
  std::size_t first_line_;
};

// Reading back one block's Markdown, as the writer checks it (see faithful_markdown).
bool reads_back_as(std::string_view markdown, const model::Block& expected) {
  // After a blank line, as in a whole document: cmark drops a byte order mark that
  // starts its input.
  const std::string text = "\n" + std::string(markdown);
  const NodePtr document(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT));
  if (!document) return false;
  std::vector<model::Block> blocks = BodyReader(text, 1).read(document.get());
  if (blocks.size() != 1) return false;
  model::normalize(blocks.front());
  return blocks.front() == expected;
}

// Drops the "# Title" heading and the byline paragraph the writer puts first, when they
// say what the front matter says (it carries those fields exactly).
void drop_title_and_byline(cmark_node* document, const model::Article& article) {
  cmark_node* first = cmark_node_first_child(document);
  if (first != nullptr && !article.title.empty() &&
      cmark_node_get_type(first) == CMARK_NODE_HEADING &&
      cmark_node_get_heading_level(first) == 1 &&
      inline_text(first) == model::RichText{article.title, {}}) {
    cmark_node* next = cmark_node_next(first);
    cmark_node_free(first);
    first = next;
  }
  const model::RichText expected = byline(article);
  if (first == nullptr || expected.text.empty() ||
      cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) {
    return;
  }
  model::RichText found = inline_text(first);
  model::normalize_marks(found);
  if (found == expected) cmark_node_free(first);
}

bool is_fence(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line == "---" || line == "...";
}

}  // namespace

model::Article article_from_markdown(std::string_view text, std::size_t first_line) {
  require_utf8(text, first_line);
  json meta = json::object();
  std::string_view body = text;
  std::size_t body_line = first_line;
  if (text.starts_with("---") && (text.size() == 3 || text[3] == '\n' || text[3] == '\r')) {
    std::size_t start = text.find('\n');
    std::size_t line = first_line + 1;
    std::size_t end = std::string_view::npos;
    while (start != std::string_view::npos) {
      const std::size_t next = text.find('\n', start + 1);
      const std::string_view current =
          text.substr(start + 1, (next == std::string_view::npos ? text.size() : next) - start - 1);
      if (is_fence(current)) {
        end = start + 1;
        break;
      }
      start = next;
      ++line;
    }
    if (end == std::string_view::npos) {
      throw FormatError("front matter is not closed by a \"---\" line", first_line, 1);
    }
    const std::string_view front = text.substr(text.find('\n') + 1, end - text.find('\n') - 1);
    if (front.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      meta = yaml_to_json(front, first_line + 1);
      if (meta.is_null()) meta = json::object();
      if (!meta.is_object()) {
        throw FormatError("front matter must be a mapping of field names to values", first_line + 1,
                          1);
      }
    }
    const std::size_t after = text.find('\n', end);
    body = after == std::string_view::npos ? std::string_view{} : text.substr(after + 1);
    body_line = line + 1;
  }
  const bool has_title = meta.contains("title");
  const bool body_in_front = meta.contains("body");
  model::Article article;
  try {
    article = model::article_from_json(meta);
  } catch (const model::RecordError& error) {
    throw FormatError(std::string("front matter: ") + error.what(), first_line, 1);
  }
  NodePtr document(cmark_parse_document(body.data(), body.size(), CMARK_OPT_SOURCEPOS));
  if (!document) throw FormatError("cannot parse the Markdown body", body_line, 1);
  drop_title_and_byline(document.get(), article);
  std::vector<model::Block> blocks;
  try {
    blocks = BodyReader(body, body_line).read(document.get());
  } catch (const model::RecordError& error) {
    throw FormatError(error.what(), body_line, 1);
  }
  if (!has_title && !blocks.empty()) {
    if (const auto* heading = std::get_if<model::Heading>(&blocks.front());
        heading != nullptr && heading->level == 1) {
      article.title = heading->content.text;
      blocks.erase(blocks.begin());
    }
  }
  if (!blocks.empty() || !body_in_front) article.body = std::move(blocks);
  model::normalize(article);
  return article;
}

void read_markdown(InputBuffer& in, const std::string& source, const ReadOptions& options,
                   const DocumentSink& sink) {
  const DocumentStream stream{
      .noun = "document",
      .role_of =
          [](std::string_view line) {
            return line == kMarkdownRecordSeparator ? LineRole::ends_document : LineRole::inside;
          },
      .read = [](std::string&& text, std::size_t first_line) -> std::optional<DocumentContent> {
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
        return article_from_markdown(text, first_line);
      }};
  read_delimited_documents(in, source, options, sink, stream);
}

std::unique_ptr<RecordWriter> make_markdown_writer(std::ostream& out) {
  return std::make_unique<MarkdownWriter>(out);
}

}  // namespace crbc::formats::detail
