// The article record: the contract between every crbc subcommand.
//
// Its JSON form is the canonical one (schema/article.schema.json, crbc-record(5));
// every other format maps to and from it. Fields this version does not know are kept
// in `extra` and written back unchanged, so an older crbc never loses what a newer one
// wrote.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace crbc::model {

// The record version this build writes. Readers accept any version up to it and
// refuse newer ones (RecordError) rather than misreading them.
inline constexpr int kSchemaVersion = 1;

// Deepest nesting of lists inside lists a record may carry; deeper input is refused
// so that no reader or writer recurses without bound.
inline constexpr int kMaxListDepth = 32;

// Inline formatting over a block's text: [start, end) in Unicode code points.
// Marks nest properly (no two marks cross); normalize_marks() enforces it.
struct Mark {
  enum class Kind { link, emphasis, strong, code };
  Kind kind = Kind::emphasis;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string href;  // links only

  bool operator==(const Mark&) const = default;
};

// Text with its inline marks; plain text stays readable (`jq .body[].text`).
struct RichText {
  std::string text;
  std::vector<Mark> marks;

  bool operator==(const RichText&) const = default;
};

struct Paragraph {
  RichText content;
  bool operator==(const Paragraph&) const = default;
};

struct Heading {
  int level = 2;  // 1..6
  RichText content;
  bool operator==(const Heading&) const = default;
};

struct Quote {
  RichText content;
  std::string attribution;  // empty when the page names nobody
  bool operator==(const Quote&) const = default;
};

struct List;

struct ListItem {
  RichText content;
  std::vector<List> children;  // nested lists, at most kMaxListDepth deep
  bool operator==(const ListItem&) const;
};

struct List {
  bool ordered = false;
  std::vector<ListItem> items;
  bool operator==(const List&) const = default;
};

struct Image {
  std::string src;
  std::string alt;
  std::string caption;
  bool operator==(const Image&) const = default;
};

struct Preformatted {
  std::string text;
  std::string language;  // code language when declared, else empty
  bool operator==(const Preformatted&) const = default;
};

struct Table {
  bool header = false;  // first row holds column headings
  std::vector<std::vector<std::string>> rows;
  std::string caption;
  bool operator==(const Table&) const = default;
};

using Block = std::variant<Paragraph, Heading, Quote, List, Image, Preformatted, Table>;

// Plain text of a block (list items joined by newlines, table cells by tabs).
std::string block_text(const Block& block);
// The block's type name as written in the record ("paragraph", "heading", ...).
std::string_view block_type_name(const Block& block);

struct RelatedArticle {
  std::string title;
  std::string url;
  std::optional<double> score;
  std::string source;              // "page" (the page's own links), "corpus", "index"
  std::vector<std::string> terms;  // what made it related, when computed
  nlohmann::json extra = nlohmann::json::object();
  bool operator==(const RelatedArticle&) const = default;
};

struct Article {
  int schema_version = kSchemaVersion;
  std::string url;
  std::string canonical_url;
  std::string site_name;
  std::string section;
  std::string title;
  std::string description;
  std::vector<std::string> authors;
  std::string published;  // ISO 8601, with a time zone when the source gave one
  std::string modified;
  std::string language;  // BCP 47 tag, e.g. "en", "ru", "pt-BR"
  std::vector<std::string> tags;
  std::optional<Image> image;
  std::vector<Block> body;
  std::vector<RelatedArticle> related;
  // Everything else: fields of later issues (summary, keywords, entities, quotes,
  // stats, fetch) while they are written by their own modules, and fields of newer
  // crbc versions. Always a JSON object.
  nlohmann::json extra = nlohmann::json::object();

  bool operator==(const Article&) const = default;
};

// Plain text of `blocks`, separated by blank lines.
std::string blocks_text(std::span<const Block> blocks);
// Plain text of the whole body, blocks separated by blank lines.
std::string body_text(const Article& article);

}  // namespace crbc::model
