// Random article records for property tests: seeded, so a failure reproduces.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "model/article.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::testing {

class RecordGenerator {
 public:
  explicit RecordGenerator(std::uint64_t seed) : rng_(seed) {}

  model::Article article() {
    model::Article a;
    a.url = maybe(url());
    a.canonical_url = maybe(url());
    a.site_name = maybe(text(20));
    a.section = maybe(text(15));
    a.title = maybe(text(80));
    a.description = maybe(text(200));
    for (int i = pick(0, 3); i > 0; --i) a.authors.push_back(text(25));
    a.published = maybe(chance(70) ? std::string("2024-03-05T10:20:30+01:00") : text(20));
    a.modified = maybe(text(25));
    a.language = maybe(chance(70) ? std::string("pt-BR") : text(6));
    for (int i = pick(0, 4); i > 0; --i) a.tags.push_back(text(12));
    if (chance(40)) a.image = image();
    for (int i = pick(0, 12); i > 0; --i) a.body.push_back(block());
    for (int i = pick(0, 3); i > 0; --i) a.related.push_back(related());
    if (chance(50)) a.extra = extras();
    model::normalize(a);
    return a;
  }

  // Random Unicode, biased towards what breaks formats.
  std::string text(int typical_length) {
    if (chance(8)) return {};
    if (chance(6)) return tricky();
    int length = pick(1, typical_length);
    if (chance(2)) length = pick(1000, 20000);  // very long texts
    std::string out;
    for (int i = 0; i < length; ++i) append_piece(out);
    return out;
  }

 private:
  bool chance(int percent) { return pick(0, 99) < percent; }
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

  std::string maybe(std::string value) { return chance(25) ? std::string() : value; }

  std::string tricky() {
    static const std::vector<std::string> kTricky = {"---",
                                                     "...",
                                                     "yes",
                                                     "No",
                                                     "null",
                                                     "~",
                                                     "1.0",
                                                     "0x1F",
                                                     "1e3",
                                                     "true",
                                                     "- item",
                                                     "1. one",
                                                     "# not a heading",
                                                     "> not a quote",
                                                     "```",
                                                     "~~~",
                                                     "<!-- crbc: next record -->",
                                                     "</script><script>alert(1)</script>",
                                                     "<!--",
                                                     "&amp;",
                                                     "&#10;",
                                                     "  two  spaces  ",
                                                     " ",
                                                     "\n",
                                                     "\t",
                                                     "a\r\nb",
                                                     "*em* _u_ **s**",
                                                     "[x](javascript:alert(1))",
                                                     "|a|b|",
                                                     "\\",
                                                     "\\|",
                                                     "<p></p>",
                                                     "\u2014 not an attribution",
                                                     "@type",
                                                     "%YAML",
                                                     "? key",
                                                     ": v",
                                                     "'quoted'",
                                                     "\"dq\"",
                                                     "{a: 1}",
                                                     "[1, 2]",
                                                     "&",
                                                     "<<",
                                                     "*alias",
                                                     "&anchor",
                                                     "!tag",
                                                     "\xC2\x85",
                                                     "\u2028",
                                                     "\uFEFF",
                                                     "=",
                                                     "+",
                                                     "-",
                                                     "10)",
                                                     "99999999999999999999"};
    return kTricky[static_cast<std::size_t>(pick(0, static_cast<int>(kTricky.size()) - 1))];
  }

  void append_piece(std::string& out) {
    const int kind = pick(0, 99);
    if (kind < 45) {
      static constexpr std::string_view kAscii =
          "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ 0123456789     ";
      out += kAscii[static_cast<std::size_t>(pick(0, static_cast<int>(kAscii.size()) - 1))];
    } else if (kind < 60) {
      static constexpr std::string_view kPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
      out += kPunctuation[static_cast<std::size_t>(
          pick(0, static_cast<int>(kPunctuation.size()) - 1))];
    } else if (kind < 64) {
      static constexpr std::string_view kSpace = "\n\t\r  \n\n";
      out += kSpace[static_cast<std::size_t>(pick(0, static_cast<int>(kSpace.size()) - 1))];
    } else if (kind < 66) {
      text::append_utf8(out, static_cast<char32_t>(pick(1, 0x1F)));  // C0 controls
      if (chance(5)) out += '\0';                                    // and rarely NUL
    } else {
      static const std::vector<std::pair<char32_t, char32_t>> kRanges = {
          {0xC0, 0x17F},       // Latin
          {0x400, 0x4FF},      // Cyrillic
          {0x5D0, 0x5EA},      // Hebrew (RTL)
          {0x621, 0x64A},      // Arabic (RTL)
          {0x300, 0x36F},      // combining marks
          {0x4E00, 0x4FFF},    // CJK
          {0x1F600, 0x1F64F},  // emoji
          {0x200B, 0x200F},    // zero-width, RTL marks
          {0x2028, 0x2029},    // line/paragraph separators
          {0x80, 0xA0},        // C1 controls, NBSP
          {0xFEFF, 0xFEFF},    // BOM
          {0x202A, 0x202E},    // bidi overrides
      };
      const auto& [low, high] =
          kRanges[static_cast<std::size_t>(pick(0, static_cast<int>(kRanges.size()) - 1))];
      text::append_utf8(out,
                        static_cast<char32_t>(pick(static_cast<int>(low), static_cast<int>(high))));
      if (chance(10)) text::append_utf8(out, 0x200D);  // zero-width joiner sequences
    }
  }

  std::string url() {
    static const std::vector<std::string> kUrls = {
        "https://news.example/politics/2024/story.html?a=1&b=2#top",
        "/relative/path",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "mailto:a@b.example",
        "http://example.com/a b<c>\"d'",
        " https://x.example/ "};
    if (chance(60))
      return kUrls[static_cast<std::size_t>(pick(0, static_cast<int>(kUrls.size()) - 1))];
    return text(30);
  }

  model::RichText rich(int typical_length) {
    model::RichText r{text(typical_length), {}};
    const auto length = static_cast<int>(text::code_point_count(r.text));
    for (int i = pick(0, 4); i > 0 && length > 0; --i) {
      model::Mark mark;
      mark.kind = static_cast<model::Mark::Kind>(pick(0, 3));
      const int start = pick(0, length - 1);
      mark.start = static_cast<std::size_t>(start);
      mark.end = static_cast<std::size_t>(pick(start, length + 2));
      if (mark.kind == model::Mark::Kind::link) mark.href = url();
      r.marks.push_back(std::move(mark));
    }
    return r;
  }

  model::List list(int depth) {
    model::List l;
    l.ordered = chance(50);
    for (int i = pick(0, 4); i > 0; --i) {
      model::ListItem item{rich(40), {}};
      // A deep chain has one nested list per level; otherwise nesting is rare enough to end.
      const bool nested = depth < model::kMaxListDepth && (deep_chain_ ? i == 1 : chance(15));
      if (nested) {
        item.children.push_back(list(depth + 1));
        if (!deep_chain_ && chance(20)) item.children.push_back(list(depth + 1));
      }
      l.items.push_back(std::move(item));
    }
    if (l.items.empty() && deep_chain_ && depth < model::kMaxListDepth) {
      l.items.push_back({rich(10), {list(depth + 1)}});
    }
    return l;
  }

  model::Image image() { return {url(), text(30), text(60)}; }

  model::Block block() {
    switch (pick(0, 6)) {
      case 0:
        return model::Paragraph{rich(300)};
      case 1:
        return model::Heading{pick(1, 6), rich(60)};
      case 2:
        return model::Quote{rich(150), text(30)};
      case 3: {
        deep_chain_ = chance(10);  // sometimes lists as deep as the model allows
        model::List l = list(1);
        deep_chain_ = false;
        return l;
      }
      case 4:
        return image();
      case 5:
        return model::Preformatted{text(200), chance(50) ? text(10) : std::string()};
      default: {
        model::Table t;
        t.header = chance(50);
        t.caption = chance(50) ? text(30) : std::string();
        for (int r = pick(0, 5); r > 0; --r) {
          std::vector<std::string> row;
          for (int c = pick(0, 4); c > 0; --c) row.push_back(text(15));
          t.rows.push_back(std::move(row));
        }
        return t;
      }
    }
  }

  model::RelatedArticle related() {
    model::RelatedArticle r;
    r.title = text(40);
    r.url = url();
    if (chance(50)) r.score = std::uniform_real_distribution<double>(-1e6, 1e6)(rng_);
    r.source = chance(50) ? "page" : text(8);
    for (int i = pick(0, 3); i > 0; --i) r.terms.push_back(text(10));
    if (chance(20)) r.extra["note"] = json_value(2);
    return r;
  }

  nlohmann::json json_value(int depth) {
    switch (pick(0, depth > 0 ? 8 : 5)) {
      case 0:
        return nullptr;
      case 1:
        return chance(50);
      case 2:
        return static_cast<std::int64_t>(rng_()) >> pick(0, 60);
      case 3:
        return chance(50) ? std::uniform_real_distribution<double>(-1e300, 1e300)(rng_)
                          : static_cast<double>(pick(-100, 100)) / 8.0;
      case 4:
        return static_cast<std::uint64_t>(rng_());
      case 5:
        return text(20);
      case 6: {
        nlohmann::json array = nlohmann::json::array();
        for (int i = pick(0, 4); i > 0; --i) array.push_back(json_value(depth - 1));
        return array;
      }
      default: {
        nlohmann::json object = nlohmann::json::object();
        for (int i = pick(0, 4); i > 0; --i) object[text(10)] = json_value(depth - 1);
        return object;
      }
    }
  }

  nlohmann::json extras() {
    nlohmann::json extra = nlohmann::json::object();
    static const std::vector<std::string> kKeys = {"summary", "keywords", "entities", "quotes",
                                                   "stats",   "fetch",    "x-future", "yes",
                                                   "@type",   "<<",       "1.0",      "key: v"};
    for (int i = pick(1, 4); i > 0; --i) {
      extra[kKeys[static_cast<std::size_t>(pick(0, static_cast<int>(kKeys.size()) - 1))]] =
          json_value(4);
    }
    return extra;
  }

  std::mt19937_64 rng_;
  bool deep_chain_ = false;
};

}  // namespace crbc::testing
