// HTML: a complete HTML5 page per record, and reading pages back.
//
// Every text is escaped; urls reach href/src only when is_safe_url() accepts them;
// no event-handler attribute is ever written. The whole record travels in the
// page's schema.org JSON-LD (see jsonld.cpp), which is what the reader takes back:
// crbc → html → crbc is exact whatever the visible markup can show.
//
// Several records on one stream are pages one after the other, each starting with
// a "<!DOCTYPE html>" line; the reader splits crbc's own pages there. Any other
// HTML is one RawPage for the extractor.
#include <cctype>
#include <sstream>

#include "formats/internal.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::formats::detail {

using nlohmann::json;

namespace {

constexpr std::string_view kStyle =
    "body{max-width:42em;margin:2em auto;padding:0 1em;font-family:serif;line-height:1.5}"
    "p,li,h1,h2,h3,h4,h5,h6,td,th,figcaption,blockquote{white-space:pre-wrap}"
    "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em}";

bool is_noncharacter_or_control(std::string_view cp) {
  const auto c = static_cast<unsigned char>(cp[0]);
  if (cp.size() == 1) return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  if (cp.size() == 2 && c == 0xC2) return static_cast<unsigned char>(cp[1]) < 0xA0;  // C1
  return cp == "\uFFFE" || cp == "\uFFFF";
}

// Text for HTML: markup characters escaped, characters HTML forbids replaced by U+FFFD
// (the exact text lives in the JSON-LD).
void escape_into(std::string& out, std::string_view text) {
  for (const std::string_view cp : text::CodePoints(text)) {
    switch (cp[0]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        break;
      default:
        if (is_noncharacter_or_control(cp)) {
          out += "\uFFFD";
        } else {
          out += cp;
        }
    }
  }
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  escape_into(out, text);
  return out;
}

// BCP 47 tags only: letters, digits and hyphens.
bool is_language_tag(std::string_view tag) {
  return !tag.empty() && tag.size() < 36 && std::all_of(tag.begin(), tag.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
  });
}

// The subset of ISO 8601 that <time datetime> accepts.
bool is_html_datetime(std::string_view s) {
  if (s.size() < 10) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c)) == 0 &&
        std::string_view("-:T.Z+").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return s[4] == '-' && s[7] == '-';
}

class InlineHtml : public MarkVisitor {
 public:
  explicit InlineHtml(std::string& out) : out_(out) {}
  void text(std::string_view run, std::size_t) override { escape_into(out_, run); }
  void open(const model::Mark& mark) override {
    switch (mark.kind) {
      case model::Mark::Kind::link:
        if (is_safe_url(mark.href) && !mark.href.empty()) {
          out_ += "<a href=\"" + escape(mark.href) + "\">";
        } else {
          out_ += "<a>";
        }
        break;
      case model::Mark::Kind::emphasis:
        out_ += "<em>";
        break;
      case model::Mark::Kind::strong:
        out_ += "<strong>";
        break;
      case model::Mark::Kind::code:
        out_ += "<code>";
        break;
    }
  }
  void close(const model::Mark& mark) override {
    static constexpr const char* kClose[] = {"</a>", "</em>", "</strong>", "</code>"};
    out_ += kClose[static_cast<int>(mark.kind)];
  }

 private:
  std::string& out_;
};

void rich_html(std::string& out, const model::RichText& rich) {
  InlineHtml visitor(out);
  visit_marks(rich, visitor);
}

void image_html(std::string& out, const model::Image& image, const char* css_class) {
  out += css_class == nullptr ? "<figure>" : std::string("<figure class=\"") + css_class + "\">";
  if (is_safe_url(image.src) && !image.src.empty()) {
    out += "<img src=\"" + escape(image.src) + "\" alt=\"" + escape(image.alt) + "\">";
  } else if (!image.alt.empty()) {
    out += "<p>" + escape(image.alt) + "</p>";
  }
  if (!image.caption.empty()) out += "<figcaption>" + escape(image.caption) + "</figcaption>";
  out += "</figure>\n";
}

void list_html(std::string& out, const model::List& list, int depth) {
  if (depth > model::kMaxListDepth) throw FormatError("lists nested too deeply to write");
  out += list.ordered ? "<ol>" : "<ul>";
  for (const model::ListItem& item : list.items) {
    out += "<li>";
    rich_html(out, item.content);
    for (const model::List& child : item.children) list_html(out, child, depth + 1);
    out += "</li>";
  }
  out += list.ordered ? "</ol>" : "</ul>";
}

struct BlockHtml {
  std::string& out;
  void operator()(const model::Paragraph& p) const {
    out += "<p>";
    rich_html(out, p.content);
    out += "</p>\n";
  }
  void operator()(const model::Heading& h) const {
    const std::string level = std::to_string(std::clamp(h.level, 1, 6));
    out += "<h" + level + ">";
    rich_html(out, h.content);
    out += "</h" + level + ">\n";
  }
  void operator()(const model::Quote& q) const {
    out += "<figure class=\"quote\"><blockquote><p>";
    rich_html(out, q.content);
    out += "</p></blockquote>";
    if (!q.attribution.empty()) out += "<figcaption>" + escape(q.attribution) + "</figcaption>";
    out += "</figure>\n";
  }
  void operator()(const model::List& l) const {
    list_html(out, l, 1);
    out += '\n';
  }
  void operator()(const model::Image& i) const { image_html(out, i, nullptr); }
  void operator()(const model::Preformatted& p) const {
    out += "<pre><code";
    if (!p.language.empty()) out += " class=\"language-" + escape(p.language) + "\"";
    out += ">" + escape(p.text) + "</code></pre>\n";
  }
  void operator()(const model::Table& t) const {
    out += "<table>";
    if (!t.caption.empty()) out += "<caption>" + escape(t.caption) + "</caption>";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const bool head = t.header && r == 0;
      if (r == 0 && head) out += "<thead>";
      if ((r == 0 && !head) || (r == 1 && t.header)) out += "<tbody>";
      out += "<tr>";
      for (const std::string& cell : t.rows[r]) {
        out += head ? "<th>" : "<td>";
        out += escape(cell);
        out += head ? "</th>" : "</td>";
      }
      out += "</tr>";
      if (head) out += "</thead>";
    }
    if (t.rows.size() > (t.header ? 1U : 0U)) out += "</tbody>";
    out += "</table>\n";
  }
};

std::string page_html(const model::Article& article) {
  std::string out;
  out.reserve(4096);
  out += "<!DOCTYPE html>\n<html";
  if (is_language_tag(article.language)) out += " lang=\"" + article.language + "\"";
  out += ">\n<head>\n<meta charset=\"utf-8\">\n";
  out += std::string(kHtmlGeneratorMeta) + " " CRBC_VERSION "\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + (article.title.empty() ? std::string("Untitled") : escape(article.title)) +
         "</title>\n";
  if (!article.description.empty()) {
    out += "<meta name=\"description\" content=\"" + escape(article.description) + "\">\n";
  }
  if (!article.canonical_url.empty() && is_safe_url(article.canonical_url)) {
    out += "<link rel=\"canonical\" href=\"" + escape(article.canonical_url) + "\">\n";
  }
  out += "<script type=\"application/ld+json\">" + dump_for_html(jsonld_with_record(article)) +
         "</script>\n";
  out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<article>\n<header>\n";
  if (!article.site_name.empty() || !article.section.empty()) {
    out += "<p class=\"site\">" + escape(article.site_name);
    if (!article.site_name.empty() && !article.section.empty()) out += " · ";
    out += escape(article.section) + "</p>\n";
  }
  out += "<h1>" + escape(article.title) + "</h1>\n";
  if (!article.description.empty()) {
    out += "<p class=\"standfirst\">" + escape(article.description) + "</p>\n";
  }
  if (!article.authors.empty()) {
    out += "<p class=\"byline\">By ";
    for (std::size_t i = 0; i < article.authors.size(); ++i) {
      if (i > 0) out += ", ";
      out += "<span class=\"author\">" + escape(article.authors[i]) + "</span>";
    }
    out += "</p>\n";
  }
  const auto time = [&](const std::string& when, const char* label) {
    if (when.empty()) return;
    out += std::string("<p class=\"date\">") + label + " ";
    if (is_html_datetime(when)) {
      out += "<time datetime=\"" + escape(when) + "\">" + escape(when) + "</time>";
    } else {
      out += escape(when);
    }
    out += "</p>\n";
  };
  time(article.published, "Published");
  time(article.modified, "Updated");
  if (article.image) image_html(out, *article.image, "lead");
  out += "</header>\n";
  for (const model::Block& block : article.body) std::visit(BlockHtml{out}, block);
  if (!article.tags.empty()) {
    out += "<ul class=\"tags\">";
    for (const std::string& tag : article.tags) out += "<li>" + escape(tag) + "</li>";
    out += "</ul>\n";
  }
  if (!article.related.empty()) {
    out += "<footer>\n<h2>Related articles</h2>\n<ul class=\"related\">";
    for (const model::RelatedArticle& related : article.related) {
      const std::string label = escape(related.title.empty() ? related.url : related.title);
      if (is_safe_url(related.url) && !related.url.empty()) {
        out += "<li><a href=\"" + escape(related.url) + "\">" + label + "</a></li>";
      } else {
        out += "<li>" + label + "</li>";
      }
    }
    out += "</ul>\n</footer>\n";
  }
  out += "</article>\n</body>\n</html>\n";
  return out;
}

class HtmlWriter : public RecordWriter {
 public:
  explicit HtmlWriter(std::ostream& out) : out_(out) {}
  void write(const model::Article& article) override { out_ << page_html(article); }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

bool starts_with_doctype(std::string_view line) {
  constexpr std::string_view kDoctype = "<!doctype html";
  if (line.size() < kDoctype.size()) return false;
  for (std::size_t i = 0; i < kDoctype.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != kDoctype[i]) return false;
  }
  return true;
}

// The record embedded in one of crbc's pages, if any.
std::optional<model::Article> embedded_record(std::string_view page, std::size_t first_line) {
  constexpr std::string_view kOpen = "<script type=\"application/ld+json\">";
  std::size_t at = 0;
  while ((at = page.find(kOpen, at)) != std::string_view::npos) {
    const std::size_t start = at + kOpen.size();
    const std::size_t end = page.find("</script>", start);
    if (end == std::string_view::npos) break;
    const std::string_view script = page.substr(start, end - start);
    at = end;
    if (script.find("\"crbcRecord\"") == std::string_view::npos) continue;
    const TextPosition where = position_of(page, start, first_line);
    json value = parse_json(script, where.line, where.column);
    if (value.is_object() && value.contains("crbcRecord")) return article_from_jsonld(value);
  }
  return std::nullopt;
}

}  // namespace

void read_html(InputBuffer& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink) {
  // Whether the current page has shown crbc's generator meta so far; kept line
  // by line, since searching the whole page at every line is quadratic.
  bool in_own_page = false;
  const DocumentStream stream{
      .noun = "page",
      .exact_bytes = true,
      // A doctype starts a new page only after one of crbc's own pages: any other
      // page is read whole, whatever it holds.
      .role_of =
          [&in_own_page](std::string_view line) {
            const bool starts_page = in_own_page && starts_with_doctype(line);
            if (starts_page) in_own_page = false;
            if (line.find(kHtmlGeneratorMeta) != std::string_view::npos) in_own_page = true;
            return starts_page ? LineRole::starts_document : LineRole::inside;
          },
      .more_may_start = [&in_own_page] { return in_own_page; },
      .read = [](std::string&& page, std::size_t first_line) -> std::optional<DocumentContent> {
        if (page.empty()) return std::nullopt;
        if (page.find(kHtmlGeneratorMeta) != std::string::npos) {
          if (auto article = embedded_record(page, first_line)) return std::move(*article);
        }
        return RawPage{std::move(page), {}, {}, std::nullopt};
      }};
  read_delimited_documents(in, source, options, sink, stream);
}

std::unique_ptr<RecordWriter> make_html_writer(std::ostream& out) {
  return std::make_unique<HtmlWriter>(out);
}

}  // namespace crbc::formats::detail
