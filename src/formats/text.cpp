// Output-only formats: plain text for terminals and grep, CSV and TSV.
#include <algorithm>
#include <array>

#include "formats/internal.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::formats::detail {

namespace {

std::string indent_lines(const std::string& text, std::string_view first, std::string_view rest) {
  std::string out(first);
  for (const char c : text) {
    out += c;
    if (c == '\n') out += rest;
  }
  return out;
}

void list_text(std::ostream& out, const model::List& list, int depth) {
  if (depth > model::kMaxListDepth) return;
  const std::string pad(static_cast<std::size_t>(depth - 1) * 2, ' ');
  std::size_t number = 0;
  for (const model::ListItem& item : list.items) {
    const std::string marker =
        list.ordered ? std::to_string(++number) + ". " : std::string("\u2022 ");
    out << indent_lines(text::terminal_safe(item.content.text), pad + marker,
                        pad + std::string(list.ordered ? marker.size() : 2, ' '))
        << '\n';
    for (const model::List& child : item.children) list_text(out, child, depth + 1);
  }
}

struct BlockText {
  std::ostream& out;
  void operator()(const model::Paragraph& p) const {
    out << text::terminal_safe(p.content.text) << '\n';
  }
  void operator()(const model::Heading& h) const {
    const std::string text = text::terminal_safe(h.content.text);
    out << text << '\n'
        << std::string(std::max<std::size_t>(3, std::min<std::size_t>(text.size(), 72)),
                       h.level <= 1 ? '=' : '-')
        << '\n';
  }
  void operator()(const model::Quote& q) const {
    out << indent_lines(text::terminal_safe(q.content.text), "> ", "> ") << '\n';
    if (!q.attribution.empty()) out << "  \u2014 " << text::terminal_safe(q.attribution) << '\n';
  }
  void operator()(const model::List& l) const { list_text(out, l, 1); }
  // An image's text is its caption: its address and alternative text are not
  // part of what the article says.
  void operator()(const model::Image& i) const {
    if (!i.caption.empty()) out << text::terminal_safe(i.caption) << '\n';
  }
  void operator()(const model::Preformatted& p) const {
    out << indent_lines(text::terminal_safe(p.text), "    ", "    ") << '\n';
  }
  void operator()(const model::Table& t) const {
    if (!t.caption.empty()) out << text::terminal_safe(t.caption) << '\n';
    for (const auto& row : t.rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        std::string cell = text::terminal_safe(row[c]);
        std::replace(cell.begin(), cell.end(), '\t', ' ');
        std::replace(cell.begin(), cell.end(), '\n', ' ');
        out << (c > 0 ? "\t" : "") << cell;
      }
      out << '\n';
    }
  }
};

// "Anna Berg and Omar Li | 2025-03-02 | CRBC News": the parts the record has.
std::string byline_of(const model::Article& a) {
  std::string authors;
  for (std::size_t i = 0; i < a.authors.size(); ++i) {
    if (i > 0) authors += i + 1 == a.authors.size() ? " and " : ", ";
    authors += a.authors[i];
  }
  std::string line;
  for (const std::string_view part :
       {std::string_view(authors), std::string_view(a.published), std::string_view(a.site_name)}) {
    if (part.empty()) continue;
    if (!line.empty()) line += " | ";
    line += part;
  }
  return line;
}

class TextWriter : public RecordWriter {
 public:
  TextWriter(std::ostream& out, bool with_metadata) : out_(out), with_metadata_(with_metadata) {}
  // The article's text: its body, one blank line between blocks; with_metadata puts
  // a short header before it. Related links and the rest are left to other formats.
  void write(const model::Article& a) override {
    if (count_++ > 0) out_ << '\n' << std::string(72, '=') << "\n\n";
    if (with_metadata_) write_header(a);
    bool first = true;
    for (const model::Block& block : a.body) {
      const auto* image = std::get_if<model::Image>(&block);
      if (image != nullptr && image->caption.empty()) continue;
      if (!first) out_ << '\n';
      std::visit(BlockText{out_}, block);
      first = false;
    }
  }
  void finish() override { out_.flush(); }

 private:
  void write_header(const model::Article& a) {
    const std::string byline = byline_of(a);
    const std::string& url = a.canonical_url.empty() ? a.url : a.canonical_url;
    if (!a.title.empty()) BlockText{out_}(model::Heading{1, model::RichText{a.title, {}}});
    if (!byline.empty()) out_ << text::terminal_safe(byline) << '\n';
    if (!url.empty()) out_ << text::terminal_safe(url) << '\n';
    if (!a.title.empty() || !byline.empty() || !url.empty()) out_ << '\n';
  }

  std::ostream& out_;
  bool with_metadata_;
  std::size_t count_ = 0;
};

// ---- CSV / TSV -------------------------------------------------------------

std::size_t word_count(const model::Article& a) {
  const std::string text = model::body_text(a);
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += "; ";
    out += v;
  }
  return out;
}

using FieldGetter = std::string (*)(const model::Article&);

constexpr std::array<std::pair<std::string_view, FieldGetter>, 16> kFields{{
    {"url", [](const model::Article& a) { return a.url; }},
    {"canonical_url", [](const model::Article& a) { return a.canonical_url; }},
    {"title", [](const model::Article& a) { return a.title; }},
    {"site_name", [](const model::Article& a) { return a.site_name; }},
    {"section", [](const model::Article& a) { return a.section; }},
    {"authors", [](const model::Article& a) { return joined(a.authors); }},
    {"published", [](const model::Article& a) { return a.published; }},
    {"modified", [](const model::Article& a) { return a.modified; }},
    {"language", [](const model::Article& a) { return a.language; }},
    {"tags", [](const model::Article& a) { return joined(a.tags); }},
    {"description", [](const model::Article& a) { return a.description; }},
    {"image", [](const model::Article& a) { return a.image ? a.image->src : std::string(); }},
    {"word_count", [](const model::Article& a) { return std::to_string(word_count(a)); }},
    {"blocks", [](const model::Article& a) { return std::to_string(a.body.size()); }},
    {"related", [](const model::Article& a) { return std::to_string(a.related.size()); }},
    {"text", [](const model::Article& a) { return model::body_text(a); }},
}};

constexpr std::array<std::string_view, 10> kDefaultTableFields{
    "url",       "title",    "site_name", "section",     "authors",
    "published", "language", "tags",      "description", "word_count"};

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// TSV cannot quote: tabs, newlines and backslashes are escaped as \t, \n, \r, \\.
std::string tsv_field(const std::string& value) {
  return escape_cell(value, '\t', "\\t");
}

class TableWriter : public RecordWriter {
 public:
  TableWriter(std::ostream& out, char separator, std::vector<FieldGetter> getters,
              std::vector<std::string> names)
      : out_(out), separator_(separator), getters_(std::move(getters)), names_(std::move(names)) {}

  void write(const model::Article& article) override {
    if (!header_written_) {
      row(names_);
      header_written_ = true;
    }
    std::vector<std::string> values;
    values.reserve(getters_.size());
    for (const FieldGetter get : getters_) values.push_back(get(article));
    row(values);
  }
  void finish() override { out_.flush(); }

 private:
  void row(const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_ << separator_;
      out_ << (separator_ == ',' ? csv_field(values[i]) : tsv_field(values[i]));
    }
    out_ << (separator_ == ',' ? "\r\n" : "\n");  // RFC 4180 lines end in CRLF
  }

  std::ostream& out_;
  char separator_;
  std::vector<FieldGetter> getters_;
  std::vector<std::string> names_;
  bool header_written_ = false;
};

}  // namespace

std::string escape_cell(std::string_view value, char separator, std::string_view separator_escape) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == separator) {
      out += separator_escape;
      continue;
    }
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::unique_ptr<RecordWriter> make_text_writer(std::ostream& out, bool with_metadata) {
  return std::make_unique<TextWriter>(out, with_metadata);
}

std::unique_ptr<RecordWriter> make_table_writer(std::ostream& out, char separator,
                                                const WriteOptions& options) {
  std::vector<std::string> names = options.fields;
  if (names.empty())
    names = std::vector<std::string>(kDefaultTableFields.begin(), kDefaultTableFields.end());
  std::vector<FieldGetter> getters;
  for (const std::string& name : names) {
    const auto it = std::find_if(kFields.begin(), kFields.end(),
                                 [&](const auto& field) { return field.first == name; });
    if (it == kFields.end()) {
      std::string known;
      for (const auto& field : kFields)
        known += (known.empty() ? "" : ", ") + std::string(field.first);
      throw FormatError("unknown field \"" + name + "\" (known fields: " + known + ")");
    }
    getters.push_back(it->second);
  }
  return std::make_unique<TableWriter>(out, separator, std::move(getters), std::move(names));
}

}  // namespace crbc::formats::detail

namespace crbc::formats {

std::vector<std::string_view> table_field_names() {
  std::vector<std::string_view> names;
  for (const auto& field : detail::kFields) names.push_back(field.first);
  return names;
}

std::vector<std::string_view> default_table_fields() {
  return {detail::kDefaultTableFields.begin(), detail::kDefaultTableFields.end()};
}

}  // namespace crbc::formats
