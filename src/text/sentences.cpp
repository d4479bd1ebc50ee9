// Sentence splitting: a single pass over the text that stops at terminal
// punctuation and decides, from the word before and the word after, whether it
// ends a sentence. Rule-based on purpose: it must work for any language crbc meets
// without a trained model, and its decisions must be explainable in a test table.
#include "text/sentences.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "text/ascii.hpp"
#include "text/codepoints.hpp"
#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"

namespace crbc::text {
namespace {

using detail::decode_at;

// Abbreviations (case-folded, without the final period) that practically never end a
// sentence: titles before names, "e.g.", "vs." and their kin in crbc's languages.
const std::unordered_set<std::string_view> kNeverFinal{
    // English
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "gen", "col", "lt", "maj", "capt", "sgt",
    "cpl", "adm", "gov", "sen", "rep", "pres", "supt", "insp", "messrs", "e.g", "i.e", "cf", "vs",
    "viz", "approx", "fr", "mt", "ft", "ref",
    // German
    "hr", "hrn", "frl", "z.b", "d.h", "u.a", "vgl", "sog", "ggf", "evtl", "bspw", "inkl", "bzgl",
    "ca", "abs", "dipl", "ing", "med", "jur", "phil", "rer", "nat",
    // French
    "mme", "mlle", "mgr", "p.ex", "env",
    // Spanish
    "sr", "sra", "srta", "dra", "ee", "ud", "uds", "p.ej", "lic", "avda", "excmo", "excma", "sto",
    "sta",
    // Russian, Ukrainian, Belarusian
    "т.е", "т.к", "т.н", "т.зв", "им", "ім", "iм", "ул", "вул", "пр-т", "просп", "пл", "проф",
    "праф", "акад", "тов", "г-н", "г-жа", "св", "ср", "напр", "див", "зам", "ген", "ст", "ред"};

// Abbreviations that may also end a sentence ("... and Apple Inc. The deal ...").
// They end one only when the next word is a capitalised function word.
const std::unordered_set<std::string_view> kSometimesFinal{
    "etc",    "inc",   "ltd",  "corp", "co",   "llc",   "plc",   "jr",    "sr",   "st",   "bros",
    "ave",    "blvd",  "rd",   "no",   "nos",  "nr",    "art",   "vol",   "vols", "p",    "pp",
    "fig",    "ch",    "sec",  "ed",   "eds",  "op",    "para",  "dept",  "est",  "al",   "jan",
    "feb",    "mar",   "apr",  "jun",  "jul",  "aug",   "sep",   "sept",  "oct",  "nov",  "dec",
    "mon",    "tue",   "tues", "wed",  "thu",  "thurs", "fri",   "sat",   "sun",  "usw",  "bzw",
    "jh",     "jhd",   "mio",  "mrd",  "tsd",  "str",   "ene",   "abr",   "ago",  "dic",  "pág",
    "núm",    "aprox", "cía",  "av",   "uu",   "janv",  "févr",  "avr",   "juil", "sept", "déc",
    "c.-à-d", "г",     "гг",   "др",   "т.д",  "т.п",   "і.г.д", "і.інш", "тыс",  "тис",  "млн",
    "млрд",   "руб",   "коп",  "долл", "грн",  "стр",   "рис",   "табл",  "гл",   "янв",  "февр",
    "апр",    "авг",   "сент", "окт",  "нояб", "дек",   "н.э",   "р",     "рр",   "мин",  "см"};

// German writes ordinals with a period: "am 3. Oktober" is one sentence.
const std::unordered_set<std::string_view> kMonthsAfterOrdinal{
    "januar", "jänner", "februar",   "märz",    "april",    "mai",     "juni",
    "juli",   "august", "september", "oktober", "november", "dezember"};

// Words that continue a time of day: "9 a.m. Eastern", "5 p.m. Monday".
const std::unordered_set<std::string_view> kTimeFollowers{
    "eastern", "pacific", "central", "mountain",  "local",    "moscow", "kyiv",     "minsk",
    "london",  "monday",  "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

constexpr std::size_t kLongestAbbreviation = 24;  // bytes; longer words are words

bool is_terminal(char32_t cp) noexcept {
  switch (cp) {
    case '.':
    case '!':
    case '?':
    case 0x2026:
    case 0x203C:
    case 0x203D:
    case 0x2047:
    case 0x2048:
    case 0x2049:
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF0E:
    case 0x061F:
    case 0x06D4:
    case 0x0964:
    case 0x0965:
      return true;
    default:
      return false;
  }
}

// Terminals of scripts written without spaces: they end a sentence on their own.
bool ends_without_space(char32_t cp) noexcept {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x0964 || cp == 0x0965;
}

bool is_closing(char32_t cp) noexcept {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x201D:
    case 0x2019:
    case 0x00BB:
    case 0x203A:
    case 0x201C:
    case 0x00AB:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
      return true;
    default:
      return false;
  }
}

bool is_opening(char32_t cp) noexcept {
  switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case '`':
    case 0x201C:
    case 0x2018:
    case 0x201E:
    case 0x201A:
    case 0x00AB:
    case 0x2039:
    case 0x00BB:
    case 0x00BF:
    case 0x00A1:
    case 0x2014:
    case 0x2013:
    case '-':
    case 0x2015:
    case 0x300C:
    case 0x300E:
    case 0xFF08:
    case '*':
    case 0x2022:
      return true;
    default:
      return false;
  }
}

bool is_quote_or_bracket(char32_t cp) noexcept {
  return is_opening(cp) && cp != 0x2014 && cp != 0x2013 && cp != '-' && cp != 0x2015 && cp != '*' &&
         cp != 0x2022 && cp != 0x00BF && cp != 0x00A1;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size()) {
    const auto d = decode_at(s, pos);
    if (!detail::is_space(d.code_point)) break;
    pos += d.length;
  }
  return pos;
}

// The word just before the terminal at `end`, e.g. "U.S" for "U.S.", "z" for "z. B.".
std::string_view word_before(std::string_view s, std::size_t end) {
  std::size_t start = end;
  while (start > 0 && end - start <= kLongestAbbreviation) {
    const std::size_t prev = detail::previous_start(s, start);
    const char32_t cp = decode_at(s, prev).code_point;
    if (!(detail::is_alnum(cp) || detail::is_mark(cp) || cp == '.' || cp == '-')) break;
    start = prev;
  }
  return s.substr(start, end - start);
}

// The word starting at `pos` (letters, marks, apostrophes), bounded in length.
std::string_view word_at(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && end - pos <= kLongestAbbreviation) {
    const auto d = decode_at(s, end);
    if (!(detail::is_letter(d.code_point) || detail::is_mark(d.code_point))) break;
    end += d.length;
  }
  return s.substr(pos, end - pos);
}

bool has_letter(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    const auto d = decode_at(s, pos);
    if (detail::is_letter(d.code_point)) return true;
    pos += d.length;
  }
  return false;
}

class Splitter {
 public:
  Splitter(std::string_view text, std::string_view language)
      : s_(text),
        language_stops_(stop_words(language)),
        english_stops_(stop_words("en")),
        german_(primary_language(language) == "de") {}

  std::vector<Sentence> run() {
    std::size_t pos = 0;
    while (pos < s_.size()) {
      const auto d = decode_at(s_, pos);
      if (d.code_point == '\n') {
        pos = at_newline(pos);
      } else if (is_terminal(d.code_point)) {
        pos = at_terminal(pos);
      } else {
        pos += d.length;
      }
    }
    emit(start_, s_.size());
    return std::move(sentences_);
  }

 private:
  // A blank line always ends a sentence.
  std::size_t at_newline(std::size_t pos) {
    std::size_t next = pos + 1;
    while (next < s_.size() && (s_[next] == ' ' || s_[next] == '\t' || s_[next] == '\r')) ++next;
    if (next < s_.size() && s_[next] == '\n') {
      emit(start_, pos);
      start_ = next + 1;
      return next + 1;
    }
    return pos + 1;
  }

  std::size_t at_terminal(std::size_t term_begin) {
    std::size_t pos = term_begin;
    std::size_t periods = 0;
    bool only_periods = true;
    bool ellipsis = false;
    bool spaceless = false;
    while (pos < s_.size()) {
      const auto d = decode_at(s_, pos);
      if (!is_terminal(d.code_point)) break;
      if (d.code_point == '.')
        ++periods;
      else
        only_periods = false;
      if (d.code_point == 0x2026) ellipsis = true;
      if (ends_without_space(d.code_point)) spaceless = true;
      pos += d.length;
    }
    if (periods >= 2) ellipsis = true;
    while (pos < s_.size()) {
      const auto d = decode_at(s_, pos);
      if (!is_closing(d.code_point) && !is_terminal(d.code_point)) break;
      pos += d.length;
    }
    std::size_t sentence_end = pos;
    if (pos >= s_.size()) return pos;
    if (!spaceless && !detail::is_space(decode_at(s_, pos).code_point)) return pos;

    // A period set off by a space is a tokenised text's sentence end ("nepal . and").
    std::size_t next = skip_spaces(s_, pos);
    if (periods == 1 && only_periods && spaced_ellipsis(term_begin, next)) return next;
    const bool detached =
        term_begin > 0 && !ellipsis &&
        detail::is_space(decode_at(s_, detail::previous_start(s_, term_begin)).code_point);
    next = attach_detached_closing(next, sentence_end);
    if (next >= s_.size()) return next;

    bool quoted_start = false;
    std::size_t word_start = next;
    while (word_start < s_.size()) {
      const auto d = decode_at(s_, word_start);
      if (!is_opening(d.code_point)) break;
      quoted_start = quoted_start || is_quote_or_bracket(d.code_point);
      word_start += d.length;
    }
    const char32_t first = word_start < s_.size() ? decode_at(s_, word_start).code_point : U' ';

    if (!spaceless && !ends_here(term_begin, word_start, first, periods == 1 && only_periods,
                                 detached, quoted_start)) {
      return next;
    }
    emit(start_, sentence_end);
    start_ = next;
    return next;
  }

  // ". . ." is an ellipsis, not three detached sentence ends.
  bool spaced_ellipsis(std::size_t term_begin, std::size_t next) const {
    if (next < s_.size() && s_[next] == '.') return next + 1 >= s_.size() || s_[next + 1] != '.';
    std::size_t before = term_begin;
    while (before > 0 && (s_[before - 1] == ' ' || s_[before - 1] == '\t')) --before;
    return before > 0 && before < term_begin && s_[before - 1] == '.';
  }

  // In tokenised text a closing quote stands alone after the period: ". ''".
  std::size_t attach_detached_closing(std::size_t next, std::size_t& sentence_end) {
    std::size_t run_end = next;
    while (run_end < s_.size()) {
      const auto d = decode_at(s_, run_end);
      // Quotes that open in some language (“ « „) never close a detached run.
      if (!is_closing(d.code_point) || d.code_point == 0x201C || d.code_point == 0x00AB) break;
      run_end += d.length;
    }
    if (run_end == next) return next;
    if (run_end < s_.size() && !detail::is_space(decode_at(s_, run_end).code_point)) return next;
    sentence_end = run_end;
    return skip_spaces(s_, run_end);
  }

  bool ends_here(std::size_t term_begin, std::size_t word_start, char32_t first, bool single_period,
                 bool detached, bool quoted_start) const {
    if (!has_letter(s_.substr(start_, term_begin - start_))) return false;  // "1." list marks
    if (detail::is_lower(first)) return detached;
    if (!single_period || detached) return true;

    const std::string_view before = word_before(s_, term_begin);
    if (before.empty()) return true;
    if (before.size() > kLongestAbbreviation) return true;
    const std::string folded = fold_case(before);
    const std::string_view next_word = word_at(s_, word_start);
    if (detail::is_digit(decode_at(folded, 0).code_point)) {
      if (!is_ascii_digits(folded) || folded.size() > 3) return true;
      if (kMonthsAfterOrdinal.contains(fold_case(next_word))) return false;
      // German ordinals: "im 19. Jahrhundert" unless a new sentence clearly starts.
      return !german_ || starts_sentence(next_word);
    }
    if (kNeverFinal.contains(folded)) return false;
    if (german_ && folded.ends_with("str") && detail::is_digit(first)) return false;  // Hauptstr. 5
    const bool abbreviation = kSometimesFinal.contains(folded) ||
                              folded.find('.') != std::string::npos ||
                              detail::code_point_count_is_one(folded);
    if (!abbreviation) return true;
    if (detail::is_digit(first)) return false;                 // "No. 5", "Jan. 6"
    if (initial_follows(word_start, next_word)) return false;  // "В. В. Путин"
    if (folded == "a.m" || folded == "p.m") {
      // "at 8 p.m. Results ..." ends; "at 9 a.m. Eastern time" and "5 p.m. ET" do not.
      return !(kTimeFollowers.contains(fold_case(next_word)) || all_upper(next_word));
    }
    return quoted_start || starts_sentence(next_word);
  }

  // The next word is itself an initial: one letter and a period.
  bool initial_follows(std::size_t word_start, std::string_view next_word) const {
    const std::size_t after = word_start + next_word.size();
    return detail::code_point_count_is_one(next_word) && after < s_.size() && s_[after] == '.';
  }

  static bool all_upper(std::string_view word) {
    if (word.size() < 2) return false;
    for (std::size_t pos = 0; pos < word.size();) {
      const auto d = decode_at(word, pos);
      if (!detail::is_upper(d.code_point)) return false;
      pos += d.length;
    }
    return true;
  }

  // A capitalised function word ("The", "He", "В", "Der") usually starts a sentence.
  bool starts_sentence(std::string_view word) const {
    if (word.empty()) return false;
    if (!detail::is_upper(decode_at(word, 0).code_point)) return false;
    const std::string folded = fold_case(word);
    return language_stops_.contains(folded) || english_stops_.contains(folded);
  }

  void emit(std::size_t begin, std::size_t end) {
    begin = skip_spaces(s_, std::min(begin, end));
    while (end > begin) {
      const std::size_t prev = detail::previous_start(s_, end);
      if (!detail::is_space(decode_at(s_, prev).code_point)) break;
      end = prev;
    }
    if (end <= begin) return;
    const std::string_view text = s_.substr(begin, end - begin);
    bool has_alnum = false;
    for (std::size_t pos = 0; pos < text.size() && !has_alnum;) {
      const auto d = decode_at(text, pos);
      has_alnum = detail::is_alnum(d.code_point);
      pos += d.length;
    }
    if (!has_alnum && !sentences_.empty()) {  // stray punctuation joins the sentence before
      Sentence& last = sentences_.back();
      last.end = end;
      last.text = s_.substr(last.begin, end - last.begin);
      return;
    }
    sentences_.push_back({begin, end, text});
  }

  std::string_view s_;
  const StopWords& language_stops_;
  const StopWords& english_stops_;
  bool german_ = false;
  std::size_t start_ = 0;
  std::vector<Sentence> sentences_;
};

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::string_view language) {
  return Splitter(text, language).run();
}

}  // namespace crbc::text
