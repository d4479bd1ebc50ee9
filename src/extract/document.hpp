// The extractor's own read-only view of a parsed HTML document.
//
// Built once from the HTML parser's output (gumbo today; nothing outside document.cpp
// knows that), it stores every node in one flat vector in document order, so a node's
// descendants are exactly the nodes after it up to `subtree_end(node)`: any subtree is
// walked with a plain loop, never with recursion, whatever the depth of the page.
//
// Tag and attribute names are lower-case. Text is decoded (entities resolved) UTF-8.
// Comments are dropped. The bodies of <script>, <style>, <svg>, <noscript> and
// <template> are cut out before parsing (they cost most of the parse time and carry no
// article text), EXCEPT <script type="application/ld+json">, whose text stays
// available as its text child.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crbc::extract {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

struct Attribute {
  std::string_view name;  // lower-case
  std::string_view value;
};

struct ParseOptions {
  std::size_t max_depth = 512;        // element nesting deeper than this is flattened
  std::size_t max_errors = 100;       // parse errors recorded at most
  std::size_t max_elements = 50'000;  // start tags after this many are flattened
};

class Document {
 public:
  // Parses valid UTF-8 HTML (see decode_to_utf8). Never throws on hostile markup.
  static Document parse(std::string_view utf8_html, const ParseOptions& options = {});

  // The document node: the parent of <html> (tag() is empty, is_element() false).
  NodeId document_node() const noexcept { return 0; }
  // <html>, <head>, <body>; kNoNode when absent (never for a parsed document).
  NodeId html() const noexcept { return html_; }
  NodeId head() const noexcept { return head_; }
  NodeId body() const noexcept { return body_; }

  std::size_t size() const noexcept { return nodes_.size(); }
  bool is_element(NodeId n) const noexcept { return nodes_[n].kind == Kind::element; }
  bool is_text(NodeId n) const noexcept { return nodes_[n].kind == Kind::text; }

  // Element tag name, lower-case ("div", "time", "svg"); empty for other nodes.
  std::string_view tag(NodeId n) const noexcept { return nodes_[n].tag; }
  // Whether `n` is an element whose tag HTML does not define (<story>, <news-body>).
  bool is_custom_element(NodeId n) const noexcept { return nodes_[n].custom; }
  // A text node's own text; empty for other nodes.
  std::string_view text(NodeId n) const noexcept { return nodes_[n].text; }

  std::span<const Attribute> attributes(NodeId n) const noexcept {
    return {attributes_.data() + nodes_[n].first_attribute, nodes_[n].attribute_count};
  }
  // The value of attribute `name` (lower-case), or nullopt when the element lacks it.
  std::optional<std::string_view> attr(NodeId n, std::string_view name) const noexcept;
  // Same, empty when absent.
  std::string_view attr_or_empty(NodeId n, std::string_view name) const noexcept {
    return attr(n, name).value_or(std::string_view{});
  }
  // True when the whitespace-separated `class` attribute contains `name` exactly.
  bool has_class(NodeId n, std::string_view name) const noexcept;

  NodeId parent(NodeId n) const noexcept { return nodes_[n].parent; }
  NodeId first_child(NodeId n) const noexcept {
    return nodes_[n].subtree_end > n + 1 ? n + 1 : kNoNode;
  }
  NodeId next_sibling(NodeId n) const noexcept { return nodes_[n].next_sibling; }
  // One past the last descendant of `n`: descendants are the ids in (n, subtree_end(n)).
  NodeId subtree_end(NodeId n) const noexcept { return nodes_[n].subtree_end; }
  bool contains(NodeId ancestor, NodeId n) const noexcept {
    return n > ancestor && n < nodes_[ancestor].subtree_end;
  }
  // Element nesting depth (the document node is 0, <html> 1).
  std::uint32_t depth(NodeId n) const noexcept { return nodes_[n].depth; }

  // Children of `n` in order: for (NodeId c : doc.children(n)) ...
  class ChildRange;
  ChildRange children(NodeId n) const noexcept;

  // All elements with tag `tag`, in document order (inside `scope` when given).
  std::vector<NodeId> elements_by_tag(std::string_view tag, NodeId scope = 0) const;
  // Nearest ancestor element (not `n` itself) with tag `tag`, or kNoNode.
  NodeId ancestor_with_tag(NodeId n, std::string_view tag) const noexcept;

  // Concatenated text of all text nodes under `n` (or `n`'s own text), as is.
  std::string text_content(NodeId n) const;
  // text_content with runs of white space collapsed to one space and trimmed.
  std::string normalized_text(NodeId n) const;

 private:
  enum class Kind : std::uint8_t { document, element, text };
  struct Node {
    Kind kind = Kind::document;
    bool custom = false;
    std::uint32_t depth = 0;
    NodeId parent = kNoNode;
    NodeId next_sibling = kNoNode;
    NodeId subtree_end = 0;
    std::uint32_t first_attribute = 0;
    std::uint32_t attribute_count = 0;
    std::string_view tag;
    std::string_view text;
  };
  friend class DocumentBuilder;

  std::vector<Node> nodes_;
  std::vector<Attribute> attributes_;
  // Owns the bytes every string_view above points into; chunks never move.
  std::vector<std::unique_ptr<char[]>> storage_;
  NodeId html_ = kNoNode;
  NodeId head_ = kNoNode;
  NodeId body_ = kNoNode;
};

class Document::ChildRange {
 public:
  class iterator {
   public:
    using value_type = NodeId;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const Document* doc, NodeId n) : doc_(doc), n_(n) {}
    NodeId operator*() const noexcept { return n_; }
    iterator& operator++() noexcept {
      n_ = doc_->next_sibling(n_);
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const iterator& other) const noexcept { return n_ == other.n_; }

   private:
    const Document* doc_ = nullptr;
    NodeId n_ = kNoNode;
  };
  ChildRange(const Document* doc, NodeId first) : doc_(doc), first_(first) {}
  iterator begin() const noexcept { return {doc_, first_}; }
  iterator end() const noexcept { return {doc_, kNoNode}; }

 private:
  const Document* doc_;
  NodeId first_;
};

inline Document::ChildRange Document::children(NodeId n) const noexcept {
  return {this, first_child(n)};
}

}  // namespace crbc::extract
