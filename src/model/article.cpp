#include "model/article.hpp"

namespace crbc::model {

// Spelled out: clang 14 crashes on a defaulted out-of-line == over these recursive types.
bool ListItem::operator==(const ListItem& other) const {
  return content == other.content && children == other.children;
}

namespace {

void append_list_text(const List& list, std::string& out) {
  // Nesting is bounded by kMaxListDepth, so recursion depth is too.
  for (const ListItem& item : list.items) {
    if (!out.empty()) out += '\n';
    out += item.content.text;
    for (const List& child : item.children) append_list_text(child, out);
  }
}

struct TextOf {
  std::string operator()(const Paragraph& p) const { return p.content.text; }
  std::string operator()(const Heading& h) const { return h.content.text; }
  std::string operator()(const Quote& q) const { return q.content.text; }
  std::string operator()(const List& l) const {
    std::string out;
    append_list_text(l, out);
    return out;
  }
  std::string operator()(const Image& i) const { return i.caption; }
  std::string operator()(const Preformatted& p) const { return p.text; }
  std::string operator()(const Table& t) const {
    std::string out;
    for (const auto& row : t.rows) {
      if (!out.empty()) out += '\n';
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out += '\t';
        out += row[i];
      }
    }
    return out;
  }
};

struct NameOf {
  std::string_view operator()(const Paragraph&) const { return "paragraph"; }
  std::string_view operator()(const Heading&) const { return "heading"; }
  std::string_view operator()(const Quote&) const { return "quote"; }
  std::string_view operator()(const List&) const { return "list"; }
  std::string_view operator()(const Image&) const { return "image"; }
  std::string_view operator()(const Preformatted&) const { return "preformatted"; }
  std::string_view operator()(const Table&) const { return "table"; }
};

}  // namespace

std::string block_text(const Block& block) {
  return std::visit(TextOf{}, block);
}

std::string_view block_type_name(const Block& block) {
  return std::visit(NameOf{}, block);
}

std::string body_text(const Article& article) {
  return blocks_text(article.body);
}

std::string blocks_text(std::span<const Block> blocks) {
  std::string out;
  for (const Block& block : blocks) {
    std::string text = block_text(block);
    if (text.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += text;
  }
  return out;
}

}  // namespace crbc::model
