// YAML: a multi-document stream, one record per document (yaml-cpp).
//
// The stream is split into documents at "---" and "..." lines before yaml-cpp sees
// anything, so memory stays bounded by one document. yaml-cpp parses recursively,
// so each document's nesting is estimated first and a document nested deeper than
// kMaxYamlDepth is refused with its position. Aliases are shared nodes in yaml-cpp
// but would be copied into JSON: the conversion caps the expanded size, so an
// alias bomb is an error, not an explosion.
//
// Scalars follow the YAML 1.2 core schema: only plain scalars are typed (null,
// true/false, numbers); quoted ones are always strings. The writer quotes every
// string that any YAML reader (1.1 included: yes, on, 1:20) could re-type.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <sstream>

#include "formats/internal.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::formats::detail {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxYamlDepth = 1000;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// Offset where the estimated nesting of a YAML document passes `limit`, or npos.
// Over-estimates (each indentation level, "- ", "? ", ": " and flow bracket counts
// one), which is safe: real records stay far below the limit.
std::size_t find_too_deep_yaml(std::string_view text, std::size_t limit) {
  std::vector<std::size_t> indents;
  std::size_t flow = 0;
  char quote = 0;
  bool block_scalar = false;
  std::size_t block_indent = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') ++indent;
    const std::string_view rest = line.substr(indent);
    const bool blank = rest.empty() || rest[0] == '#' || rest == "\r";
    if (quote == 0 && flow == 0) {
      if (block_scalar && (blank || indent > block_indent)) {
        start = end + 1;
        continue;
      }
      block_scalar = false;
      if (blank) {
        start = end + 1;
        continue;
      }
      while (!indents.empty() && indents.back() >= indent) indents.pop_back();
      indents.push_back(indent);
    }
    std::size_t depth = indents.size() + flow;
    bool token_start = true;
    std::size_t last_indicator = std::string_view::npos;
    for (std::size_t i = indent; i < line.size(); ++i) {
      const char c = line[i];
      if (quote != 0) {
        if (quote == '"' && c == '\\') {
          ++i;
        } else if (c == quote) {
          if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        token_start = false;
        continue;
      }
      const bool next_blank = i + 1 >= line.size() || is_blank(line[i + 1]) || line[i + 1] == '\r';
      if (c == '#' && token_start) break;
      if (token_start && (c == '"' || c == '\'')) {
        quote = c;
      } else if (token_start && (c == '[' || c == '{')) {
        ++flow;
        ++depth;
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      } else if ((c == '-' || c == '?' || c == ':') && next_blank) {
        ++depth;
      } else if ((c == '|' || c == '>') && token_start) {
        last_indicator = i;
      }
      if (depth > limit) return start + i;
      token_start = is_blank(c) || c == '[' || c == '{' || c == ',';
    }
    if (last_indicator != std::string_view::npos && quote == 0 && flow == 0) {
      const std::string_view tail = line.substr(last_indicator + 1);
      const auto stop = tail.find_first_not_of("+-0123456789");
      const std::string_view after = stop == std::string_view::npos ? "" : tail.substr(stop);
      const auto content = after.find_first_not_of(" \t\r");
      if (content == std::string_view::npos || after[content] == '#') {
        block_scalar = true;
        block_indent = indent;
      }
    }
    start = end + 1;
  }
  return std::string_view::npos;
}

bool is_one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  for (const std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// [-+]?[0-9]+
bool looks_like_integer(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool looks_like_float(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i - from;
  };
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t whole = digits();
  std::size_t fraction = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (whole == 0 && fraction == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

// A plain scalar's value under the YAML 1.2 core schema.
json resolve_plain(const std::string& s) {
  if (is_one_of(s, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (is_one_of(s, {"true", "True", "TRUE"})) return true;
  if (is_one_of(s, {"false", "False", "FALSE"})) return false;
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  const char* last = s.data() + s.size();
  if (looks_like_integer(s)) {
    if (s[0] == '-') {
      std::int64_t value = 0;
      if (std::from_chars(first, last, value).ec == std::errc{}) return value;
    } else {
      std::uint64_t value = 0;
      if (std::from_chars(first, last, value).ec == std::errc{}) return value;
    }
  }
  if (looks_like_float(s)) {
    double value = 0;
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec == std::errc{} && end == last) return value;
  }
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(s.data() + 2, last, value, s[1] == 'x' ? 16 : 8);
    if (ec == std::errc{} && end == last) return value;
  }
  return s;
}

json scalar_value(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  const std::string& text = node.Scalar();
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return text;
  return resolve_plain(text);
}

[[noreturn]] void fail_at(const YAML::Mark& mark, std::size_t first_line, const std::string& what) {
  throw FormatError(what, first_line + static_cast<std::size_t>(std::max(mark.line, 0)),
                    static_cast<std::size_t>(std::max(mark.column, 0)) + 1);
}

// Without aliases a document holds fewer nodes than it has bytes, and its
// strings fewer than twice its bytes (an escape like "\L" becomes three bytes).
// Aliases may repeat a node any number of times, so the expansion is held to
// those bounds plus a small allowance: an alias bomb costs no more memory than
// plain text of the same size would.
struct ExpansionBudget {
  static constexpr std::size_t kAliasAllowance = 64 * 1024;
  explicit ExpansionBudget(std::size_t text_size)
      : nodes(text_size + kAliasAllowance), string_bytes(2 * text_size + kAliasAllowance) {}
  std::size_t nodes;
  std::size_t string_bytes;
};

// Charges a scalar's bytes to the budget and checks that they are UTF-8.
void take_string(ExpansionBudget& budget, const YAML::Node& scalar, std::size_t first_line,
                 const char* what) {
  const std::string& value = scalar.Scalar();
  if (value.size() > budget.string_bytes) {
    fail_at(scalar.Mark(), first_line, "document expands beyond the size limit (aliases?)");
  }
  budget.string_bytes -= value.size();
  // yaml-cpp turns "\x85"-style escapes into raw bytes, not UTF-8.
  if (!text::is_valid_utf8(value)) {
    fail_at(scalar.Mark(), first_line, std::string("invalid UTF-8 in ") + what);
  }
}

json node_to_json(const YAML::Node& root, std::size_t first_line, ExpansionBudget budget) {
  json result;
  struct Pending {
    YAML::Node node;
    json* target;
    std::size_t depth;
  };
  std::vector<Pending> stack{{root, &result, 0}};
  while (!stack.empty()) {
    Pending item = std::move(stack.back());
    stack.pop_back();
    if (budget.nodes-- == 0) {
      fail_at(item.node.Mark(), first_line, "document expands to too many nodes (an alias bomb?)");
    }
    if (item.depth > kMaxJsonDepth) {
      fail_at(item.node.Mark(), first_line, "document nested too deeply");
    }
    switch (item.node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        *item.target = nullptr;
        break;
      case YAML::NodeType::Scalar:
        take_string(budget, item.node, first_line, "a string");
        *item.target = scalar_value(item.node);
        break;
      case YAML::NodeType::Sequence: {
        *item.target = json::array();
        json& array = *item.target;
        array.get_ref<json::array_t&>().resize(item.node.size());
        std::size_t i = 0;
        for (const YAML::Node& child : item.node) {
          stack.push_back({child, &array[i++], item.depth + 1});
        }
        break;
      }
      case YAML::NodeType::Map: {
        *item.target = json::object();
        json& object = *item.target;
        for (const auto& entry : item.node) {
          if (!entry.first.IsScalar()) {
            fail_at(entry.first.Mark(), first_line, "mapping keys must be plain strings");
          }
          take_string(budget, entry.first, first_line, "a key");
          json& slot = object[entry.first.Scalar()];
          stack.push_back({entry.second, &slot, item.depth + 1});
        }
        break;
      }
    }
  }
  return result;
}

bool is_special_code_point(std::string_view cp) {
  // C1 controls, NEL, NBSP, line/paragraph separators, BOM: quote to be safe.
  if (cp.size() == 2 && static_cast<unsigned char>(cp[0]) == 0xC2 &&
      static_cast<unsigned char>(cp[1]) <= 0xA0) {
    return true;
  }
  return cp == "\u2028" || cp == "\u2029" || cp == "\uFEFF";
}

// Strings written unquoted must read back as the same string under any YAML schema.
bool can_be_plain(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  const auto letter = [](unsigned char c) { return std::isalpha(c) != 0 || c >= 0x80; };
  if (!letter(static_cast<unsigned char>(s.front())) || s.back() == ' ') return false;
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (is_one_of(lower, {"y", "n", "yes", "no", "on", "off", "true", "false", "null"})) {
    return false;
  }
  for (const std::string_view cp : text::CodePoints(s)) {
    const auto c = static_cast<unsigned char>(cp[0]);
    if (c >= 0x80) {
      if (is_special_code_point(cp)) return false;
      continue;
    }
    if (std::isalnum(c) == 0 && std::strchr(" _-./()", c) == nullptr) return false;
  }
  return s.find("  ") == std::string_view::npos;
}

void emit_string(YAML::Emitter& out, const std::string& s) {
  if (!text::is_valid_utf8(s)) {  // records from readers never are; others may be
    out << YAML::DoubleQuoted << text::repair_utf8(s);
    return;
  }
  if (can_be_plain(s)) {
    out << s;
  } else {
    out << YAML::DoubleQuoted << s;
  }
}

void emit(YAML::Emitter& out, const nlohmann::ordered_json& value, std::size_t depth) {
  if (depth > kMaxJsonDepth) throw FormatError("record nested too deeply to write as YAML");
  switch (value.type()) {
    case json::value_t::object:
      if (value.empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
      }
      out << YAML::BeginMap;
      for (const auto& [key, member] : value.items()) {
        out << YAML::Key;
        emit_string(out, key);
        out << YAML::Value;
        emit(out, member, depth + 1);
      }
      out << YAML::EndMap;
      return;
    case json::value_t::array:
      if (value.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
      }
      out << YAML::BeginSeq;
      for (const auto& item : value) emit(out, item, depth + 1);
      out << YAML::EndSeq;
      return;
    case json::value_t::string:
      emit_string(out, value.get_ref<const std::string&>());
      return;
    case json::value_t::boolean:
      out << value.get<bool>();
      return;
    case json::value_t::null:
    case json::value_t::discarded:
      out << YAML::Null;
      return;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
    case json::value_t::binary:
      out << value.dump();
      return;
  }
}

class YamlWriter : public RecordWriter {
 public:
  explicit YamlWriter(std::ostream& out) : out_(out) {}
  void write(const model::Article& article) override {
    out_ << "---\n";
    write_yaml_mapping(out_, model::to_json(article));
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

bool is_document_start(std::string_view line) {
  return line.starts_with("---") && (line.size() == 3 || is_blank(line[3]) || line[3] == '\r');
}

bool is_document_end(std::string_view line) {
  return line.starts_with("...") && (line.size() == 3 || is_blank(line[3]) || line[3] == '\r');
}

// A line that holds YAML content (not blank, a comment or a directive).
bool is_content(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  return first != std::string_view::npos && line[first] != '#' && line[0] != '%' &&
         !(is_document_start(line) && line.find_first_not_of(" \t\r", 3) == std::string_view::npos);
}

// Does the document hold a content line, not only blank lines, comments and directives?
bool has_content(std::string_view document) {
  std::size_t start = 0;
  while (start < document.size()) {
    const std::size_t end = std::min(document.find('\n', start), document.size());
    if (is_content(document.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

json yaml_to_json(std::string_view text, std::size_t first_line) {
  require_utf8(text, first_line);
  const std::size_t too_deep = find_too_deep_yaml(text, kMaxYamlDepth);
  if (too_deep != std::string_view::npos) {
    const TextPosition at = position_of(text, too_deep, first_line);
    throw FormatError("YAML nested deeper than " + std::to_string(kMaxYamlDepth) + " levels",
                      at.line, at.column);
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    fail_at(error.mark, first_line, error.msg);
  }
  try {
    return node_to_json(root, first_line, ExpansionBudget(text.size()));
  } catch (const YAML::Exception& error) {
    fail_at(error.mark, first_line, error.msg);
  }
}

void write_yaml_mapping(std::ostream& out, const nlohmann::ordered_json& object) {
  YAML::Emitter emitter;
  emitter.SetIndent(2);
  emit(emitter, object, 0);
  if (!emitter.good()) throw FormatError("cannot write YAML: " + emitter.GetLastError());
  out << emitter.c_str() << '\n';
}

void read_yaml(InputBuffer& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink) {
  const DocumentStream stream{
      .noun = "document",
      .role_of =
          [](std::string_view line) {
            if (is_document_start(line)) return LineRole::starts_document;
            if (is_document_end(line)) return LineRole::ends_document;
            return LineRole::inside;
          },
      .read = [](std::string&& text, std::size_t first_line) -> std::optional<DocumentContent> {
        if (!has_content(text)) return std::nullopt;
        json value = yaml_to_json(text, first_line);
        if (value.is_null()) return std::nullopt;
        return content_from_json(std::move(value));
      }};
  read_delimited_documents(in, source, options, sink, stream);
}

std::unique_ptr<RecordWriter> make_yaml_writer(std::ostream& out) {
  return std::make_unique<YamlWriter>(out);
}

}  // namespace crbc::formats::detail
