#include "model/record_json.hpp"

#include <algorithm>
#include <array>
#include <deque>

#include "model/analysis.hpp"
#include "model/duplicate.hpp"
#include "model/fetch_info.hpp"
#include "model/members.hpp"
#include "text/utf8.hpp"

namespace crbc::model {

using nlohmann::json;

namespace {

constexpr std::array<std::pair<Mark::Kind, std::string_view>, 4> kMarkNames{{
    {Mark::Kind::link, "link"},
    {Mark::Kind::emphasis, "emphasis"},
    {Mark::Kind::strong, "strong"},
    {Mark::Kind::code, "code"},
}};

std::string_view mark_name(Mark::Kind kind) {
  for (const auto& [k, name] : kMarkNames) {
    if (k == kind) return name;
  }
  return "emphasis";
}

// ---- writing -------------------------------------------------------------
//
// Members go out in the order records have always had: a block's or a mark's type
// first, then a block's level, ordered, header, caption, language, its text and
// marks, then the others alphabetically.

using nlohmann::ordered_json;

void put_string(ordered_json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

void put_rich(ordered_json& out, const RichText& rich) {
  out["text"] = rich.text;
  if (rich.marks.empty()) return;
  ordered_json marks = ordered_json::array();
  for (const Mark& mark : rich.marks) {
    ordered_json m = {{"type", mark_name(mark.kind)}, {"end", mark.end}};
    if (mark.kind == Mark::Kind::link) m["href"] = mark.href;
    m["start"] = mark.start;
    marks.push_back(std::move(m));
  }
  out["marks"] = std::move(marks);
}

void put_list(ordered_json& out, const List& list) {
  out["ordered"] = list.ordered;
  ordered_json items = ordered_json::array();
  for (const ListItem& item : list.items) {
    ordered_json entry = ordered_json::object();
    put_rich(entry, item.content);
    if (!item.children.empty()) {
      ordered_json children = ordered_json::array();
      for (const List& child : item.children) {
        ordered_json nested = ordered_json::object();
        put_list(nested, child);
        children.push_back(std::move(nested));
      }
      entry["lists"] = std::move(children);
    }
    items.push_back(std::move(entry));
  }
  out["items"] = std::move(items);
}

void put_image(ordered_json& out, const Image& image) {
  put_string(out, "caption", image.caption);
  put_string(out, "alt", image.alt);
  out["src"] = image.src;
}

struct BlockWriter {
  ordered_json operator()(const Paragraph& p) const {
    ordered_json out = {{"type", "paragraph"}};
    put_rich(out, p.content);
    return out;
  }
  ordered_json operator()(const Heading& h) const {
    ordered_json out = {{"type", "heading"}, {"level", h.level}};
    put_rich(out, h.content);
    return out;
  }
  ordered_json operator()(const Quote& q) const {
    ordered_json out = {{"type", "quote"}};
    put_rich(out, q.content);
    put_string(out, "attribution", q.attribution);
    return out;
  }
  ordered_json operator()(const List& l) const {
    ordered_json out = {{"type", "list"}};
    put_list(out, l);
    return out;
  }
  ordered_json operator()(const Image& i) const {
    ordered_json out = {{"type", "image"}};
    put_image(out, i);
    return out;
  }
  ordered_json operator()(const Preformatted& p) const {
    ordered_json out = {{"type", "preformatted"}};
    put_string(out, "language", p.language);
    out["text"] = p.text;
    return out;
  }
  ordered_json operator()(const Table& t) const {
    ordered_json out = {{"type", "table"}, {"header", t.header}};
    put_string(out, "caption", t.caption);
    out["rows"] = t.rows;
    return out;
  }
};

ordered_json related_to_json(const RelatedArticle& related) {
  detail::Members members;
  if (!related.title.empty()) members["title"] = related.title;
  members["url"] = related.url;
  if (related.score) members["score"] = *related.score;
  if (!related.source.empty()) members["source"] = related.source;
  if (!related.terms.empty()) members["terms"] = related.terms;
  return detail::object_of(related.extra, std::move(members), {"title", "url"});
}

// A field another command added, written by its type when it has that type's shape
// (so that written back it reads the same, number for number); otherwise as it came.
template <typename Field>
ordered_json typed_or_as_is(const json& value) {
  try {
    ordered_json typed = value.get<Field>();
    if (json(typed).dump() == value.dump()) return typed;
  } catch (const json::exception&) {
    // not in that shape (or not valid UTF-8): written as it came
  }
  return value;
}

ordered_json added_field(std::string_view key, const json& value) {
  if (key == "fetch") return typed_or_as_is<FetchInfo>(value);
  if (key == "summary") return typed_or_as_is<Summary>(value);
  if (key == "keywords") return typed_or_as_is<std::vector<Keyword>>(value);
  if (key == "entities") return typed_or_as_is<std::vector<Entity>>(value);
  if (key == "quotes") return typed_or_as_is<std::vector<QuoteFound>>(value);
  if (key == "stats") return typed_or_as_is<Stats>(value);
  if (key == kDuplicatesKey) return typed_or_as_is<std::vector<Duplicate>>(value);
  return value;
}

// ---- reading -------------------------------------------------------------

[[noreturn]] void fail(const std::string& pointer, const std::string& message) {
  throw RecordError(pointer, message);
}

const json* member(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string get_string(const json& object, const char* key, const std::string& pointer) {
  const json* value = member(object, key);
  if (value == nullptr) return {};
  if (!value->is_string()) fail(pointer + "/" + key, "expected a string");
  return value->get<std::string>();
}

std::vector<std::string> get_strings(const json& object, const char* key,
                                     const std::string& pointer) {
  const json* value = member(object, key);
  if (value == nullptr) return {};
  const std::string here = pointer + "/" + key;
  // A lone string is accepted where a list is expected: people write `authors: Jane Doe`.
  if (value->is_string()) return {value->get<std::string>()};
  if (!value->is_array()) fail(here, "expected a list of strings");
  std::vector<std::string> out;
  out.reserve(value->size());
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (!(*value)[i].is_string()) fail(here + "/" + std::to_string(i), "expected a string");
    out.push_back((*value)[i].get<std::string>());
  }
  return out;
}

bool get_bool(const json& object, const char* key, const std::string& pointer) {
  const json* value = member(object, key);
  if (value == nullptr) return false;
  if (!value->is_boolean()) fail(pointer + "/" + key, "expected true or false");
  return value->get<bool>();
}

std::size_t get_offset(const json& object, const char* key, const std::string& pointer) {
  const json* value = member(object, key);
  if (value == nullptr || !value->is_number_unsigned()) {
    fail(pointer + "/" + key, "expected a non-negative whole number");
  }
  return value->get<std::size_t>();
}

void require_object(const json& value, const std::string& pointer) {
  if (!value.is_object()) fail(pointer, "expected an object");
}

const json& require_array(const json& object, const char* key, const std::string& pointer) {
  const json* value = member(object, key);
  if (value == nullptr || !value->is_array()) fail(pointer + "/" + key, "expected a list");
  return *value;
}

Mark::Kind mark_kind(const std::string& name, const std::string& pointer) {
  for (const auto& [kind, known] : kMarkNames) {
    if (known == name) return kind;
  }
  fail(pointer, "unknown mark type \"" + name + "\"");
}

RichText get_rich(const json& object, const std::string& pointer) {
  RichText rich{get_string(object, "text", pointer), {}};
  const json* marks = member(object, "marks");
  if (marks == nullptr) return rich;
  if (!marks->is_array()) fail(pointer + "/marks", "expected a list");
  for (std::size_t i = 0; i < marks->size(); ++i) {
    const std::string here = pointer + "/marks/" + std::to_string(i);
    const json& m = (*marks)[i];
    require_object(m, here);
    Mark mark;
    mark.kind = mark_kind(get_string(m, "type", here), here + "/type");
    mark.start = get_offset(m, "start", here);
    mark.end = get_offset(m, "end", here);
    if (mark.kind == Mark::Kind::link) mark.href = get_string(m, "href", here);
    rich.marks.push_back(std::move(mark));
  }
  return rich;
}

List list_from_json(const json& object, const std::string& pointer, int depth) {
  if (depth > kMaxListDepth) {
    fail(pointer, "lists nested deeper than " + std::to_string(kMaxListDepth) + " levels");
  }
  List list;
  list.ordered = get_bool(object, "ordered", pointer);
  const json& items = require_array(object, "items", pointer);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string here = pointer + "/items/" + std::to_string(i);
    require_object(items[i], here);
    ListItem item{get_rich(items[i], here), {}};
    if (const json* children = member(items[i], "lists")) {
      if (!children->is_array()) fail(here + "/lists", "expected a list");
      for (std::size_t c = 0; c < children->size(); ++c) {
        const std::string child_pointer = here + "/lists/" + std::to_string(c);
        require_object((*children)[c], child_pointer);
        item.children.push_back(list_from_json((*children)[c], child_pointer, depth + 1));
      }
    }
    list.items.push_back(std::move(item));
  }
  return list;
}

Image image_from_json(const json& object, const std::string& pointer) {
  require_object(object, pointer);
  return {get_string(object, "src", pointer), get_string(object, "alt", pointer),
          get_string(object, "caption", pointer)};
}

Table table_from_json(const json& object, const std::string& pointer) {
  Table table;
  table.header = get_bool(object, "header", pointer);
  table.caption = get_string(object, "caption", pointer);
  const json& rows = require_array(object, "rows", pointer);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::string here = pointer + "/rows/" + std::to_string(r);
    if (!rows[r].is_array()) fail(here, "expected a list of cells");
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (!rows[r][c].is_string()) fail(here + "/" + std::to_string(c), "expected a string");
      cells.push_back(rows[r][c].get<std::string>());
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

int heading_level(const json& object, const std::string& pointer) {
  const json* level = member(object, "level");
  if (level == nullptr) return 2;
  if (!level->is_number_integer() || level->get<std::int64_t>() < 1 ||
      level->get<std::int64_t>() > 6) {
    fail(pointer + "/level", "expected a heading level from 1 to 6");
  }
  return level->get<int>();
}

RelatedArticle related_from_json(const json& object, const std::string& pointer) {
  require_object(object, pointer);
  RelatedArticle related;
  related.title = get_string(object, "title", pointer);
  related.url = get_string(object, "url", pointer);
  related.source = get_string(object, "source", pointer);
  related.terms = get_strings(object, "terms", pointer);
  if (const json* score = member(object, "score")) {
    if (!score->is_number()) fail(pointer + "/score", "expected a number");
    related.score = score->get<double>();
  }
  for (const auto& [key, value] : object.items()) {
    if (key != "title" && key != "url" && key != "source" && key != "terms" && key != "score") {
      related.extra[key] = value;
    }
  }
  return related;
}

constexpr std::array<std::string_view, 16> kKnownFields{
    "schema_version", "url",     "canonical_url", "site_name", "section",  "title",
    "description",    "authors", "published",     "modified",  "language", "tags",
    "image",          "body",    "related",       "$schema"};

bool is_known_field(std::string_view key) {
  return std::find(kKnownFields.begin(), kKnownFields.end(), key) != kKnownFields.end();
}

int schema_version(const json& record) {
  const json* version = member(record, "schema_version");
  if (version == nullptr) return kSchemaVersion;
  if (!version->is_number_integer() || version->get<std::int64_t>() < 1) {
    fail("/schema_version", "expected a positive whole number");
  }
  if (version->get<std::int64_t>() > kSchemaVersion) {
    fail("/schema_version", "record version " + std::to_string(version->get<std::int64_t>()) +
                                " is newer than this crbc understands (" +
                                std::to_string(kSchemaVersion) + "); upgrade crbc");
  }
  return version->get<int>();
}

// ---- mark normalisation ------------------------------------------------------

bool nests_inside(const Mark& inner, const Mark& outer) {
  return inner.start >= outer.start && inner.end <= outer.end;
}

// A mark that can't be expressed inside `outer` in HTML or Markdown: anything in a
// code span, a link in a link, and a mark repeating the kind it is already inside.
bool redundant_inside(const Mark& inner, const Mark& outer) {
  return outer.kind == Mark::Kind::code || inner.kind == outer.kind;
}

void normalize_list(List& list) {
  for (ListItem& item : list.items) {
    normalize_marks(item.content);
    for (List& child : item.children) normalize_list(child);
  }
}

}  // namespace

void normalize_marks(RichText& rich) {
  const std::size_t length = text::code_point_count(rich.text);
  auto by_position = [](const Mark& a, const Mark& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.kind < b.kind;
  };
  std::vector<Mark> pending;
  for (Mark mark : rich.marks) {
    mark.end = std::min(mark.end, length);
    if (mark.start < mark.end) pending.push_back(std::move(mark));
  }
  std::sort(pending.begin(), pending.end(), by_position);
  std::deque<Mark> queue(pending.begin(), pending.end());
  std::vector<Mark> result;
  std::vector<Mark> open;  // marks enclosing the current position, outermost first
  while (!queue.empty()) {
    Mark mark = std::move(queue.front());
    queue.pop_front();
    while (!open.empty() && open.back().end <= mark.start) open.pop_back();
    if (!open.empty() && !nests_inside(mark, open.back())) {
      // Crossing: keep the part inside, queue the rest in order.
      Mark rest = mark;
      rest.start = open.back().end;
      mark.end = open.back().end;
      const auto at = std::upper_bound(queue.begin(), queue.end(), rest, by_position);
      queue.insert(at, std::move(rest));
    }
    const bool redundant = std::any_of(
        open.begin(), open.end(), [&](const Mark& outer) { return redundant_inside(mark, outer); });
    if (redundant) continue;
    open.push_back(mark);
    result.push_back(std::move(mark));
  }
  // Splitting can leave marks with equal spans out of (kind) order; sorting again
  // keeps the nesting valid and makes normalisation idempotent.
  std::stable_sort(result.begin(), result.end(), by_position);
  rich.marks = std::move(result);
}

void normalize(Block& block) {
  std::visit(
      [](auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, List>) {
          normalize_list(b);
        } else if constexpr (requires { b.content; }) {
          normalize_marks(b.content);
        }
      },
      block);
}

void normalize(Article& article) {
  for (Block& block : article.body) normalize(block);
}

ordered_json to_json(const Block& block) {
  return std::visit(BlockWriter{}, block);
}

ordered_json to_json(const Article& article) {
  ordered_json out = ordered_json::object();
  const auto put_added = [&](std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys) {
      if (const auto it = article.extra.find(key); it != article.extra.end()) {
        out[std::string(key)] = added_field(key, *it);
      }
    }
  };
  out["schema_version"] = kSchemaVersion;
  out["title"] = article.title;
  put_string(out, "description", article.description);
  put_string(out, "url", article.url);
  put_string(out, "canonical_url", article.canonical_url);
  put_string(out, "site_name", article.site_name);
  put_string(out, "section", article.section);
  if (!article.authors.empty()) out["authors"] = article.authors;
  put_string(out, "published", article.published);
  put_string(out, "modified", article.modified);
  put_string(out, "language", article.language);
  if (!article.tags.empty()) out["tags"] = article.tags;
  if (article.image) put_image(out["image"], *article.image);
  put_added({"summary", "keywords", "entities", "quotes"});
  ordered_json body = ordered_json::array();
  for (const Block& block : article.body) body.push_back(to_json(block));
  out["body"] = std::move(body);
  if (!article.related.empty()) {
    ordered_json related = ordered_json::array();
    for (const RelatedArticle& r : article.related) related.push_back(related_to_json(r));
    out["related"] = std::move(related);
  }
  put_added({"stats", "fetch"});
  for (const auto& [key, value] : article.extra.items()) {
    if (!is_known_field(key) && !out.contains(key)) out[key] = added_field(key, value);
  }
  return out;
}

Block block_from_json(const json& value, const std::string& pointer) {
  require_object(value, pointer);
  const std::string type = get_string(value, "type", pointer);
  if (type == "paragraph") return Paragraph{get_rich(value, pointer)};
  if (type == "heading") return Heading{heading_level(value, pointer), get_rich(value, pointer)};
  if (type == "quote") {
    return Quote{get_rich(value, pointer), get_string(value, "attribution", pointer)};
  }
  if (type == "list") return list_from_json(value, pointer, 1);
  if (type == "image") return image_from_json(value, pointer);
  if (type == "preformatted") {
    return Preformatted{get_string(value, "text", pointer), get_string(value, "language", pointer)};
  }
  if (type == "table") return table_from_json(value, pointer);
  fail(pointer + "/type",
       type.empty() ? "missing block type" : "unknown block type \"" + type + "\"");
}

Article article_from_json(const json& value) {
  require_object(value, "");
  Article article;
  article.schema_version = schema_version(value);
  article.url = get_string(value, "url", "");
  article.canonical_url = get_string(value, "canonical_url", "");
  article.site_name = get_string(value, "site_name", "");
  article.section = get_string(value, "section", "");
  article.title = get_string(value, "title", "");
  article.description = get_string(value, "description", "");
  article.authors = get_strings(value, "authors", "");
  article.published = get_string(value, "published", "");
  article.modified = get_string(value, "modified", "");
  article.language = get_string(value, "language", "");
  article.tags = get_strings(value, "tags", "");
  if (const json* image = member(value, "image")) article.image = image_from_json(*image, "/image");
  if (const json* body = member(value, "body")) {
    if (!body->is_array()) fail("/body", "expected a list of blocks");
    for (std::size_t i = 0; i < body->size(); ++i) {
      article.body.push_back(block_from_json((*body)[i], "/body/" + std::to_string(i)));
    }
  }
  if (const json* related = member(value, "related")) {
    if (!related->is_array()) fail("/related", "expected a list");
    for (std::size_t i = 0; i < related->size(); ++i) {
      article.related.push_back(related_from_json((*related)[i], "/related/" + std::to_string(i)));
    }
  }
  for (const auto& [key, field] : value.items()) {
    if (!is_known_field(key)) article.extra[key] = field;
  }
  article.schema_version = kSchemaVersion;
  normalize(article);
  return article;
}

}  // namespace crbc::model
