// Markdown inline text (markdown_text.hpp). It leans on CommonMark's rules for what is
// syntax where (https://spec.commonmark.org/0.30/): a "*" run opens emphasis only when
// left-flanking and closes it only when right-flanking, "_" between two letters is
// text, "#", ">", "-", "+" and "1." are syntax only at the start of a line, "!" only
// before "[".
#include "formats/markdown_text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

#include "formats/internal.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::formats::detail {

namespace {

void numeric_reference(std::string& out, unsigned char c) {
  out += "&#" + std::to_string(c) + ";";
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether the '&' starting `text` starts what could read as an entity or numeric
// character reference ("&amp;", "&#10;", "&#x1F;").
bool starts_reference(std::string_view text) {
  std::size_t i = 1;
  while (i < text.size() &&
         (is_ascii_alnum(static_cast<unsigned char>(text[i])) || text[i] == '#')) {
    ++i;
  }
  return i > 1 && i < text.size() && text[i] == ';';
}

// Text inside <...>, "..." or an info string: a backslash before `specials`, references
// for control characters, edge spaces and an '&' that would start a reference (cmark
// decodes references there before backslashes, so "\&amp;" would not do).
void escape_literal(std::string& out, std::string_view text, std::string_view specials) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool at_edge = i == 0 || i + 1 == text.size();
    if (is_control(c) || (at_edge && c == ' ') || (c == '&' && starts_reference(text.substr(i)))) {
      numeric_reference(out, c);
      continue;
    }
    if (specials.find(text[i]) != std::string_view::npos) out += '\\';
    out += text[i];
  }
}

// A destination can go without angle brackets when it has no spaces, controls or <>
// (and is not empty: "( \"title\")" would read the title as the destination).
bool fits_bare_destination(std::string_view url) {
  return !url.empty() && std::none_of(url.begin(), url.end(), [](char x) {
    const auto c = static_cast<unsigned char>(x);
    return c <= ' ' || c == 0x7F || c == '<' || c == '>';
  });
}

// Parentheses in a bare destination must pair up (cmark allows 32 levels) or be escaped.
bool balanced_parentheses(std::string_view url) {
  constexpr int kMaxDepth = 32;
  int depth = 0;
  for (const char c : url) {
    if (c == '(' && ++depth > kMaxDepth) return false;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

void write_bare_destination(std::string& out, std::string_view url) {
  const bool escape_parentheses = !balanced_parentheses(url);
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '&' && starts_reference(url.substr(i))) {
      numeric_reference(out, static_cast<unsigned char>(c));
      continue;
    }
    if (c == '\\' || (escape_parentheses && (c == '(' || c == ')'))) out += '\\';
    out += c;
  }
}

// How a character next to a "*" run counts for CommonMark's flanking rules. Unknown:
// not whitespace, but punctuation to some cmark versions (symbols since 0.31) or not.
enum class Flank { space, punctuation, other, unknown };

Flank flank_of_non_ascii(char32_t cp) {
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO) return Flank::other;
  if (category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_PO) {
    return Flank::punctuation;
  }
  return category == UTF8PROC_CATEGORY_ZS ? Flank::space : Flank::unknown;
}

bool left_flanking(Flank before, Flank after) {
  return after != Flank::space &&
         (after == Flank::other || before == Flank::space || before == Flank::punctuation);
}

bool right_flanking(Flank before, Flank after) {
  return before != Flank::space &&
         (before == Flank::other || after == Flank::space || after == Flank::punctuation);
}

char32_t decode(std::string_view text, std::size_t at) {
  utf8proc_int32_t cp = 0xFFFD;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                   static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
  return cp < 0 ? 0xFFFD : static_cast<char32_t>(cp);
}

std::size_t previous_start(std::string_view text, std::size_t at) {
  std::size_t start = at - 1;
  while (start > 0 && text::is_continuation_byte(text[start])) --start;
  return start;
}

// Writes one RichText: text runs escaped, marks opened and closed as visit_marks walks
// them. Each mark's form is chosen up front, from the text and the marks around it.
class InlineWriter final : public MarkVisitor {
 public:
  InlineWriter(std::string& out, const model::RichText& normal, const InlinePlace& place)
      : out_(out),
        text_(normal.text),
        marks_(normal.marks),
        place_(place),
        first_on_line_(place.line_start) {
    for (const model::Mark& mark : marks_) {
      spans_.push_back(
          {text::byte_offset_of(text_, mark.start), text::byte_offset_of(text_, mark.end)});
    }
    choose_syntax();
  }

  void text(std::string_view run, std::size_t offset) override {
    if (in_code_span_) {
      out_ += run;
      return;
    }
    const std::size_t run_end = offset + run.size();
    for (const std::string_view cp : text::CodePoints(run)) {
      const std::size_t at = offset + static_cast<std::size_t>(cp.data() - run.data());
      if (cp.size() > 1) {
        out_ += cp;
        line_goes_on(false);
        continue;
      }
      const auto c = static_cast<unsigned char>(cp[0]);
      if (c == '\n' && breaks_line(at)) {
        out_ += "\\\n";
        out_ += place_.continuation;
        first_on_line_ = true;
        leading_digits_ = false;
        continue;
      }
      if (is_control(c) || (c == ' ' && space_as_reference(at))) {
        numeric_reference(out_, c);
      } else {
        if (needs_backslash(c, at, offset, run_end)) out_ += '\\';
        out_ += static_cast<char>(c);
      }
      line_goes_on(c >= '0' && c <= '9');
    }
  }

  void open(const model::Mark& mark) override {
    const std::size_t index = opened_++;
    const bool syntax = syntax_[index];
    open_.push_back(index);
    switch (mark.kind) {
      case model::Mark::Kind::link:
        out_ += '[';
        break;
      case model::Mark::Kind::emphasis:
        out_ += syntax ? "*" : "<em>";
        break;
      case model::Mark::Kind::strong:
        out_ += syntax ? "**" : "<strong>";
        break;
      case model::Mark::Kind::code:
        if (syntax) {
          open_code_span(content(index));
        } else {
          out_ += "<code>";
        }
        break;
    }
    line_goes_on(false);
  }

  void close(const model::Mark& mark) override {
    const bool syntax = syntax_[open_.back()];
    open_.pop_back();
    switch (mark.kind) {
      case model::Mark::Kind::link:
        out_ += "](";
        write_link_destination(out_, mark.href);
        out_ += ')';
        break;
      case model::Mark::Kind::emphasis:
        out_ += syntax ? "*" : "</em>";
        break;
      case model::Mark::Kind::strong:
        out_ += syntax ? "**" : "</strong>";
        break;
      case model::Mark::Kind::code:
        if (syntax) {
          out_ += code_span_close_;
          in_code_span_ = false;
        } else {
          out_ += "</code>";
        }
        break;
    }
  }

 private:
  struct Span {
    std::size_t start;  // bytes
    std::size_t end;
  };

  std::string_view content(std::size_t index) const {
    return text_.substr(spans_[index].start, spans_[index].end - spans_[index].start);
  }

  // Which marks are written in Markdown syntax (*, **, `...`) rather than inline HTML.
  // Links are always [text](url).
  void choose_syntax() {
    // Where a chosen "*" or "`" run already stands: two side by side would merge.
    std::vector<std::size_t> star_runs;
    std::vector<std::size_t> backtick_runs;
    const auto claim = [](std::vector<std::size_t>& runs, const model::Mark& mark) {
      if (std::find(runs.begin(), runs.end(), mark.start) != runs.end() ||
          std::find(runs.begin(), runs.end(), mark.end) != runs.end()) {
        return false;
      }
      runs.insert(runs.end(), {mark.start, mark.end});
      return true;
    };
    for (std::size_t i = 0; i < marks_.size(); ++i) {
      switch (marks_[i].kind) {
        case model::Mark::Kind::link:
          syntax_.push_back(true);
          break;
        case model::Mark::Kind::code:
          syntax_.push_back(fits_code_span(content(i)) && claim(backtick_runs, marks_[i]));
          break;
        case model::Mark::Kind::emphasis:
        case model::Mark::Kind::strong:
          syntax_.push_back(stars_delimit(i) && claim(star_runs, marks_[i]));
          break;
      }
    }
  }

  // Code spans cannot hold references, so no control characters (newlines included).
  static bool fits_code_span(std::string_view code) {
    return std::none_of(code.begin(), code.end(),
                        [](char c) { return is_control(static_cast<unsigned char>(c)); });
  }

  void open_code_span(std::string_view code) {
    const std::string fence(longest_run(code, '`') + 1, '`');
    // cmark strips one space from each end when both have one, and a backtick at an
    // end would join the fence: a space on each side keeps the code as it is.
    const bool pad = code.front() == '`' || code.back() == '`' ||
                     (code.front() == ' ' && code.back() == ' ' &&
                      code.find_first_not_of(' ') != std::string_view::npos);
    out_ += fence;
    if (pad) out_ += ' ';
    code_span_close_ = pad ? ' ' + fence : fence;
    in_code_span_ = true;
  }

  // Whether "*" runs around mark `i` would open and close emphasis, given what stands
  // next to them: the text, or another mark's delimiter (always punctuation).
  bool stars_delimit(std::size_t i) const {
    const model::Mark& mark = marks_[i];
    bool before_open = false, after_open = false, before_close = false, after_close = false;
    for (std::size_t j = 0; j < marks_.size(); ++j) {
      if (j == i) continue;
      const model::Mark& other = marks_[j];
      // Marks are in opening order and nest: an earlier mark starting at the same place
      // encloses this one, a later one ending at the same place is inside it.
      before_open |= other.end == mark.start || (j < i && other.start == mark.start);
      after_open |= j > i && other.start == mark.start;
      before_close |= j > i && other.end == mark.end;
      after_close |= other.start == mark.end || (j < i && other.end == mark.end);
    }
    const auto next_to = [](bool delimiter, Flank text) {
      return delimiter ? Flank::punctuation : text;
    };
    const Span span = spans_[i];
    return left_flanking(next_to(before_open, flank_before(span.start)),
                         next_to(after_open, flank_after(span.start))) &&
           right_flanking(next_to(before_close, flank_before(span.end)),
                          next_to(after_close, flank_after(span.end)));
  }

  // The character ending just before byte `at`, as written.
  Flank flank_before(std::size_t at) const {
    if (at == 0) return Flank::space;  // the start of a line, or "# ", "— ", "!["
    const std::size_t start = previous_start(text_, at);
    if (text_[start] == '\n') return breaks_line(start) ? Flank::space : Flank::punctuation;
    return flank_of(start);
  }

  // The character starting at byte `at`, as written.
  Flank flank_after(std::size_t at) const {
    if (at == text_.size()) return Flank::space;
    if (text_[at] == '\n') return Flank::punctuation;  // "\" of a break, "&" of a reference
    return flank_of(at);
  }

  Flank flank_of(std::size_t at) const {
    const auto c = static_cast<unsigned char>(text_[at]);
    if (c >= 0x80) return flank_of_non_ascii(decode(text_, at));
    if (is_ascii_alnum(c)) return Flank::other;
    if (c == ' ' && !space_as_reference(at)) return Flank::space;
    return Flank::punctuation;  // punctuation, or "&#...;" for spaces and controls
  }

  // Newlines are hard line breaks ("\" at the end of the line), except in headings and
  // at either end of a text, where a break is not possible.
  bool breaks_line(std::size_t at) const {
    return !place_.heading && at != 0 && at + 1 != text_.size();
  }

  // Spaces Markdown would strip: at either end of the text and around a line break.
  bool space_as_reference(std::size_t at) const {
    return at == 0 || at + 1 == text_.size() || text_[at - 1] == '\n' || text_[at + 1] == '\n';
  }

  // Whether the '#' at byte `at` ends a run of them that would close an ATX heading:
  // at the end of the text, after a space or alone.
  bool closes_heading(std::size_t at) const {
    if (at + 1 != text_.size()) return false;
    const std::size_t before = text_.find_last_not_of('#');
    return before == std::string_view::npos || text_[before] == ' ';
  }

  bool link_opens_at(std::size_t at) const {
    for (std::size_t i = 0; i < marks_.size(); ++i) {
      if (marks_[i].kind == model::Mark::Kind::link && spans_[i].start == at) return true;
    }
    return false;
  }

  // Whether the character after byte `at` is a letter or digit of the same text run.
  bool word_follows(std::size_t at, std::size_t run_end) const {
    return at + 1 < run_end && flank_of(at + 1) == Flank::other;
  }

  bool needs_backslash(unsigned char c, std::size_t at, std::size_t run_start,
                       std::size_t run_end) const {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
        return true;
      case '_':  // inside a word, "_" neither opens nor closes emphasis
        return !(at > run_start && flank_before(at) == Flank::other && word_follows(at, run_end));
      case '&':
        return starts_reference(text_.substr(at, run_end - at));
      case '!':
        return at + 1 == run_end && link_opens_at(run_end);
      case '#':
        return first_on_line_ || (place_.heading && closes_heading(at));
      case '>':
        return first_on_line_;
      case '-':  // lists, thematic breaks, setext underlines, fences
      case '+':
      case '=':
      case '~':
        return first_on_line_ && !word_follows(at, run_end);
      case '.':  // "1." and "1)" start ordered lists
      case ')':
        return leading_digits_ && !word_follows(at, run_end);
      default:
        return false;
    }
  }

  void line_goes_on(bool digit) {
    leading_digits_ = digit && (first_on_line_ || leading_digits_);
    first_on_line_ = false;
  }

  std::string& out_;
  std::string_view text_;
  const std::vector<model::Mark>& marks_;
  const InlinePlace& place_;
  std::vector<Span> spans_;        // marks_' extents in bytes
  std::vector<bool> syntax_;       // per mark: Markdown syntax, else inline HTML
  std::vector<std::size_t> open_;  // indices of the open marks
  std::size_t opened_ = 0;         // visit_marks opens marks in their order
  bool first_on_line_;             // nothing written yet on this line
  bool leading_digits_ = false;    // only digits written yet on this line
  bool in_code_span_ = false;
  std::string code_span_close_;
};

}  // namespace

std::size_t longest_run(std::string_view text, char c) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char x : text) {
    run = x == c ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

void write_inline_markdown(std::string& out, const model::RichText& rich,
                           const InlinePlace& place) {
  model::RichText normal = rich;
  model::normalize_marks(normal);
  InlineWriter writer(out, normal, place);
  visit_marks(normal, writer);
}

void write_link_destination(std::string& out, std::string_view url) {
  if (fits_bare_destination(url)) {
    write_bare_destination(out, url);
    return;
  }
  out += '<';
  escape_literal(out, url, "\\<>");
  out += '>';
}

void write_link_title(std::string& out, std::string_view title) {
  out += '"';
  escape_literal(out, title, "\\\"");
  out += '"';
}

void write_info_string(std::string& out, std::string_view info, char fence_char) {
  escape_literal(out, info, fence_char == '`' ? "\\`" : "\\");
}

}  // namespace crbc::formats::detail
