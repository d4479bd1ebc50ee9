// Document built from gumbo's output. This file is the only one that knows gumbo.
#include "extract/document.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cstring>

#include "extract/prefilter.hpp"

namespace crbc::extract {
namespace {

// Frees gumbo's output on every path.
struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const noexcept {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

constexpr char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}
constexpr bool is_html_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

// Copies gumbo's tree into a Document, depth first with an explicit stack.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(Document& doc) : doc_(doc) {}

  void build(const GumboNode* root) {
    doc_.nodes_.push_back({});  // the document node
    struct Frame {
      const GumboNode* node;
      NodeId id;
      unsigned next_child;
      NodeId last_child;
    };
    std::vector<Frame> stack;
    stack.push_back({root, 0, 0, kNoNode});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector* children = child_vector(frame.node);
      if (!children || frame.next_child >= children->length) {
        doc_.nodes_[frame.id].subtree_end = static_cast<NodeId>(doc_.nodes_.size());
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
      const NodeId parent = frame.id;
      const NodeId id = add_node(child, parent);
      if (id == kNoNode) continue;
      if (frame.last_child != kNoNode) doc_.nodes_[frame.last_child].next_sibling = id;
      frame.last_child = id;
      if (doc_.nodes_[id].kind == Document::Kind::element) {
        stack.push_back({child, id, 0, kNoNode});  // invalidates `frame`
      } else {
        doc_.nodes_[id].subtree_end = id + 1;
      }
    }
  }

 private:
  static const GumboVector* child_vector(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        return &node->v.document.children;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        return &node->v.element.children;
      default:
        return nullptr;
    }
  }

  NodeId add_node(const GumboNode* node, NodeId parent) {
    Document::Node out;
    out.parent = parent;
    out.depth = doc_.nodes_[parent].depth + 1;
    switch (node->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        out.kind = Document::Kind::element;
        out.tag = tag_name(node->v.element);
        out.custom = node->v.element.tag == GUMBO_TAG_UNKNOWN;
        out.first_attribute = static_cast<std::uint32_t>(doc_.attributes_.size());
        const GumboVector& attributes = node->v.element.attributes;
        for (unsigned i = 0; i < attributes.length; ++i) {
          const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
          doc_.attributes_.push_back({store(attribute->name), store(attribute->value)});
        }
        out.attribute_count = attributes.length;
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        out.kind = Document::Kind::text;
        out.text = store(node->v.text.text);
        break;
      default:
        return kNoNode;  // comments
    }
    const NodeId id = static_cast<NodeId>(doc_.nodes_.size());
    doc_.nodes_.push_back(out);
    if (out.kind == Document::Kind::element) {
      if (out.tag == "html" && doc_.html_ == kNoNode) doc_.html_ = id;
      if (out.tag == "head" && doc_.head_ == kNoNode) doc_.head_ = id;
      if (out.tag == "body" && doc_.body_ == kNoNode) doc_.body_ = id;
    }
    return id;
  }

  std::string_view tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string lower(piece.data ? piece.data : "", piece.data ? piece.length : 0);
    std::transform(lower.begin(), lower.end(), lower.begin(), to_lower);
    return store(lower);
  }

  std::string_view store(std::string_view bytes) {
    if (bytes.empty()) return {};
    if (bytes.size() > kChunkSize / 4) {
      auto block = std::make_unique<char[]>(bytes.size());
      std::memcpy(block.get(), bytes.data(), bytes.size());
      const std::string_view view(block.get(), bytes.size());
      // Keep the current small-string chunk last so it continues to fill.
      doc_.storage_.insert(doc_.storage_.end() - (doc_.storage_.empty() ? 0 : 1), std::move(block));
      return view;
    }
    if (doc_.storage_.empty() || chunk_used_ + bytes.size() > kChunkSize) {
      doc_.storage_.push_back(std::make_unique<char[]>(kChunkSize));
      chunk_used_ = 0;
    }
    char* target = doc_.storage_.back().get() + chunk_used_;
    std::memcpy(target, bytes.data(), bytes.size());
    chunk_used_ += bytes.size();
    return {target, bytes.size()};
  }
  std::string_view store(const char* c_string) {
    return store(std::string_view(c_string ? c_string : ""));
  }

  static constexpr std::size_t kChunkSize = 64 * 1024;
  Document& doc_;
  std::size_t chunk_used_ = 0;
};

Document Document::parse(std::string_view utf8_html, const ParseOptions& options) {
  const std::string filtered =
      prefilter_html(utf8_html, options.max_depth, nullptr, options.max_elements);
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = static_cast<int>(std::min<std::size_t>(options.max_errors, 1 << 20));
  GumboOutputPtr output(gumbo_parse_with_options(&gumbo_options, filtered.data(), filtered.size()));
  Document doc;
  doc.nodes_.reserve(filtered.size() / 32 + 16);
  DocumentBuilder(doc).build(output->document);
  return doc;
}

std::optional<std::string_view> Document::attr(NodeId n, std::string_view name) const noexcept {
  for (const Attribute& attribute : attributes(n)) {
    if (attribute.name == name) return attribute.value;
  }
  return std::nullopt;
}

bool Document::has_class(NodeId n, std::string_view name) const noexcept {
  const std::string_view classes = attr_or_empty(n, "class");
  std::size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && is_html_space(classes[i])) ++i;
    std::size_t j = i;
    while (j < classes.size() && !is_html_space(classes[j])) ++j;
    if (j > i && classes.substr(i, j - i) == name) return true;
    i = j;
  }
  return false;
}

std::vector<NodeId> Document::elements_by_tag(std::string_view wanted, NodeId scope) const {
  std::vector<NodeId> found;
  const NodeId end = scope == 0 ? static_cast<NodeId>(nodes_.size()) : subtree_end(scope);
  for (NodeId n = scope + 1; n < end; ++n) {
    if (nodes_[n].kind == Kind::element && nodes_[n].tag == wanted) found.push_back(n);
  }
  return found;
}

NodeId Document::ancestor_with_tag(NodeId n, std::string_view wanted) const noexcept {
  for (NodeId p = nodes_[n].parent; p != kNoNode; p = nodes_[p].parent) {
    if (nodes_[p].kind == Kind::element && nodes_[p].tag == wanted) return p;
  }
  return kNoNode;
}

std::string Document::text_content(NodeId n) const {
  if (nodes_[n].kind == Kind::text) return std::string(nodes_[n].text);
  std::string out;
  for (NodeId i = n + 1; i < nodes_[n].subtree_end; ++i) {
    if (nodes_[i].kind == Kind::text) out.append(nodes_[i].text);
  }
  return out;
}

std::string Document::normalized_text(NodeId n) const {
  const std::string raw = text_content(n);
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  for (const char c : raw) {
    if (is_html_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace crbc::extract
