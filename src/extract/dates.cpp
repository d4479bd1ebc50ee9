#include "extract/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <vector>

#include "extract/meta_text.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace crbc::extract {
namespace {

// Dates sit near the start of whatever holds them; bounding the input bounds the work.
constexpr std::size_t kMaxDateTextBytes = 4096;
constexpr int kMinYear = 1980;
constexpr int kMaxYear = 2099;

struct Token {
  enum class Kind { number, word, punct };
  Kind kind = Kind::punct;
  std::string text;  // words lower-cased
  int value = 0;     // numbers of up to 9 digits
  bool space_before = false;
};

bool is_ascii_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

bool is_letter_byte_start(unsigned char c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

// Splits text into numbers, words (letters, any script) and single punctuation marks.
// Non-ASCII punctuation (dashes, CJK marks are letters here) counts as word bytes; the
// patterns below only look at words they know, so that is harmless.
std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      ++pos;
      continue;
    }
    if (c == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xA0) {
      space = true;  // U+00A0
      pos += 2;
      continue;
    }
    Token token;
    token.space_before = space;
    space = false;
    if (is_ascii_digit(c)) {
      const std::size_t start = pos;
      while (pos < text.size() && is_ascii_digit(static_cast<unsigned char>(text[pos]))) ++pos;
      token.kind = Token::Kind::number;
      token.text = std::string(text.substr(start, pos - start));
      if (token.text.size() <= 9) token.value = std::stoi(token.text);
    } else if (is_letter_byte_start(c)) {
      const std::size_t start = pos;
      while (pos < text.size()) {
        const auto b = static_cast<unsigned char>(text[pos]);
        if (!is_letter_byte_start(b) && !(b >= 0x80)) break;
        // U+00A0 (C2 A0) separates words like a space does.
        if (b == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) == 0xA0)
          break;
        ++pos;
      }
      token.kind = Token::Kind::word;
      token.text = meta::lowercase(text.substr(start, pos - start));
    } else {
      token.kind = Token::Kind::punct;
      token.text = std::string(1, static_cast<char>(c));
      ++pos;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

struct MonthName {
  std::string_view name;
  int month;
  // Read only between a day and a year ("12 Mart 2024"): the languages that write
  // their dates day first only, some of whose names are words elsewhere ("mart",
  // "mac", "maj").
  bool day_first_only = false;
};

// Full month names (nominative and, where dates use it, genitive). Abbreviations are
// matched as unambiguous prefixes of these ("sept", "déc", "янв").
constexpr MonthName kMonthNames[] = {
    // English
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    // German (and Austrian "Jänner")
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    // French
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    // Spanish
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    // Italian
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Dutch
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mei", 5},
    {"augustus", 8},
    // Russian, nominative then genitive
    {"январь", 1},
    {"февраль", 2},
    {"март", 3},
    {"апрель", 4},
    {"май", 5},
    {"июнь", 6},
    {"июль", 7},
    {"август", 8},
    {"сентябрь", 9},
    {"октябрь", 10},
    {"ноябрь", 11},
    {"декабрь", 12},
    {"января", 1},
    {"февраля", 2},
    {"марта", 3},
    {"апреля", 4},
    {"мая", 5},
    {"июня", 6},
    {"июля", 7},
    {"августа", 8},
    {"сентября", 9},
    {"октября", 10},
    {"ноября", 11},
    {"декабря", 12},
    // Ukrainian genitive (the common written form)
    {"січня", 1},
    {"лютого", 2},
    {"березня", 3},
    {"квітня", 4},
    {"травня", 5},
    {"червня", 6},
    {"липня", 7},
    {"серпня", 8},
    {"вересня", 9},
    {"жовтня", 10},
    {"листопада", 11},
    {"грудня", 12},
    // Polish, nominative then genitive
    {"styczeń", 1, true},
    {"luty", 2, true},
    {"marzec", 3, true},
    {"kwiecień", 4, true},
    {"maj", 5, true},
    {"czerwiec", 6, true},
    {"lipiec", 7, true},
    {"sierpień", 8, true},
    {"wrzesień", 9, true},
    {"październik", 10, true},
    {"listopad", 11, true},
    {"grudzień", 12, true},
    {"stycznia", 1, true},
    {"lutego", 2, true},
    {"marca", 3, true},
    {"kwietnia", 4, true},
    {"maja", 5, true},
    {"czerwca", 6, true},
    {"lipca", 7, true},
    {"sierpnia", 8, true},
    {"września", 9, true},
    {"października", 10, true},
    {"listopada", 11, true},
    {"grudnia", 12, true},
    // Czech, nominative then genitive ("listopad" is Polish too)
    {"leden", 1, true},
    {"únor", 2, true},
    {"březen", 3, true},
    {"duben", 4, true},
    {"květen", 5, true},
    {"červen", 6, true},
    {"červenec", 7, true},
    {"srpen", 8, true},
    {"září", 9, true},
    {"říjen", 10, true},
    {"prosinec", 12, true},
    {"ledna", 1, true},
    {"února", 2, true},
    {"března", 3, true},
    {"dubna", 4, true},
    {"května", 5, true},
    {"června", 6, true},
    {"července", 7, true},
    {"srpna", 8, true},
    {"října", 10, true},
    {"listopadu", 11, true},
    {"prosince", 12, true},
    // Danish, Norwegian and Swedish (the other names are English, German, French or Dutch)
    {"marts", 3, true},
    {"desember", 12, true},
    {"augusti", 8, true},
    // Turkish, also as written without its letters ("Subat", "Agustos")
    {"ocak", 1, true},
    {"şubat", 2, true},
    {"mart", 3, true},
    {"nisan", 4, true},
    {"mayıs", 5, true},
    {"haziran", 6, true},
    {"temmuz", 7, true},
    {"ağustos", 8, true},
    {"eylül", 9, true},
    {"ekim", 10, true},
    {"kasım", 11, true},
    {"aralık", 12, true},
    {"subat", 2, true},
    {"mayis", 5, true},
    {"agustos", 8, true},
    {"eylul", 9, true},
    {"kasim", 11, true},
    {"aralik", 12, true},
    // Indonesian and Malay ("desember" is above)
    {"maret", 3, true},
    {"agustus", 8, true},
    {"mac", 3, true},
    {"julai", 7, true},
    {"ogos", 8, true},
    {"disember", 12, true},
};

// The month `word` names, or 0. `after_day`: the word follows a day number, where
// the day-first languages' names count too.
int month_from_word(std::string_view word, bool after_day) {
  const auto readable = [after_day](const MonthName& entry) {
    return after_day || !entry.day_first_only;
  };
  for (const auto& entry : kMonthNames)
    if (entry.name == word && readable(entry)) return entry.month;
  if (text::code_point_count(word) < 3) return 0;
  int found = 0;
  for (const auto& entry : kMonthNames) {
    if (!readable(entry) || entry.name.substr(0, word.size()) != word) continue;
    if (found != 0 && found != entry.month) return 0;  // ambiguous ("jui": juin, juillet)
    found = entry.month;
  }
  return found;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool valid_day(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) return false;
  const int last = kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap(year));
  return day <= last;
}

// "2026-11-27", or nothing for a day that does not exist or is out of range.
std::optional<std::string> iso_day(int year, int month, int day) {
  if (!valid_day(year, month, day)) return std::nullopt;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return std::string(buffer);
}

struct ZoneAbbreviation {
  std::string_view name;
  int minutes;
};

// Unambiguous abbreviations only ("IST" and "ET" name several zones).
constexpr ZoneAbbreviation kZones[] = {
    {"utc", 0},    {"gmt", 0},    {"z", 0},      {"wet", 0},    {"west", 60},
    {"bst", 60},   {"cet", 60},   {"cest", 120}, {"eet", 120},  {"eest", 180},
    {"msk", 180},  {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
    {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"jst", 540},
};

struct Time {
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::optional<int> zone_minutes;
};

class DateScanner {
 public:
  explicit DateScanner(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::optional<std::string> first_date() const {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (auto date = date_at(i)) return date;
    }
    return std::nullopt;
  }

 private:
  using Kind = Token::Kind;

  bool number(std::size_t i, std::size_t min_digits, std::size_t max_digits) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::number &&
           tokens_[i].text.size() >= min_digits && tokens_[i].text.size() <= max_digits;
  }
  bool punct(std::size_t i, std::string_view marks) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::punct &&
           marks.find(tokens_[i].text[0]) != std::string_view::npos;
  }
  bool word(std::size_t i, std::string_view text) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::word && tokens_[i].text == text;
  }
  bool attached(std::size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }
  int value(std::size_t i) const { return tokens_[i].value; }
  int month(std::size_t i, bool after_day) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::word
               ? month_from_word(tokens_[i].text, after_day)
               : 0;
  }
  bool ordinal_suffix(std::size_t i) const {
    return word(i, "st") || word(i, "nd") || word(i, "rd") || word(i, "th") || word(i, "er") ||
           word(i, "e");
  }

  std::optional<std::string> date_at(std::size_t i) const {
    if (auto d = numeric_year_first(i)) return d;
    if (auto d = numeric_year_last(i)) return d;
    if (auto d = month_name_first(i)) return d;
    if (auto d = day_first_month_name(i)) return d;
    if (auto d = cjk(i)) return d;
    return std::nullopt;
  }

  // How many digits a number of a numeric date has.
  struct Digits {
    std::size_t min;
    std::size_t max;
  };
  static constexpr Digits kYear{4, 4};
  static constexpr Digits kDayOrMonth{1, 2};

  // Three numbers from token i on, written together and joined twice by the same mark
  // of "-/.": the first of `first` digits, then a day or month, then one of `last`
  // digits. The mark, or nullopt.
  std::optional<char> numeric_date(std::size_t i, Digits first, Digits last) const {
    if (!number(i, first.min, first.max) || !punct(i + 1, "-/.") ||
        !number(i + 2, kDayOrMonth.min, kDayOrMonth.max))
      return std::nullopt;
    const char sep = tokens_[i + 1].text[0];
    if (!punct(i + 3, std::string_view(&sep, 1)) || !number(i + 4, last.min, last.max))
      return std::nullopt;
    for (std::size_t k = i + 1; k <= i + 4; ++k)
      if (!attached(k)) return std::nullopt;
    return sep;
  }

  // 2026-11-27, 2026/11/27, 2026.11.27, optionally followed by a time.
  std::optional<std::string> numeric_year_first(std::size_t i) const {
    if (!numeric_date(i, kYear, kDayOrMonth)) return std::nullopt;
    return finish(value(i), value(i + 2), value(i + 4), i + 5);
  }

  // 27.11.2026 (day first), 11/27/2026 (month first unless the first part exceeds 12).
  std::optional<std::string> numeric_year_last(std::size_t i) const {
    const auto mark = numeric_date(i, kDayOrMonth, kYear);
    if (!mark) return std::nullopt;
    const char sep = *mark;
    const int first = value(i);
    const int second = value(i + 2);
    const bool month_first = sep == '/' ? first <= 12 : (first <= 12 && second > 12);
    return month_first ? finish(value(i + 4), first, second, i + 5)
                       : finish(value(i + 4), second, first, i + 5);
  }

  // November 27, 2026 / Nov. 27th 2026 / Nov 27 2026.
  std::optional<std::string> month_name_first(std::size_t i) const {
    const int m = month(i, /*after_day=*/false);
    if (m == 0) return std::nullopt;
    std::size_t k = i + 1;
    if (punct(k, ".")) ++k;
    if (!number(k, 1, 2)) return std::nullopt;
    const int day = value(k++);
    if (ordinal_suffix(k) && attached(k)) ++k;
    if (punct(k, ",")) ++k;
    if (!number(k, 4, 4)) return std::nullopt;
    return finish(value(k), m, day, k + 1);
  }

  // 27 November 2026 / 27. November 2026 / 27 de noviembre de 2026 / 27 ноября 2026 г.
  std::optional<std::string> day_first_month_name(std::size_t i) const {
    if (!number(i, 1, 2)) return std::nullopt;
    const int day = value(i);
    std::size_t k = i + 1;
    if (punct(k, ".")) ++k;
    if (ordinal_suffix(k) && attached(k)) ++k;
    if (word(k, "de") || word(k, "of")) ++k;
    const int m = month(k, /*after_day=*/true);
    if (m == 0) return std::nullopt;
    ++k;
    if (punct(k, ".")) ++k;
    if (word(k, "de") || word(k, "del")) ++k;
    if (punct(k, ",")) ++k;
    if (!number(k, 4, 4)) return std::nullopt;
    return finish(value(k), m, day, k + 1);
  }

  // 2026年11月27日 (Chinese, Japanese) and 2026년 11월 27일 (Korean).
  std::optional<std::string> cjk(std::size_t i) const {
    if (!number(i, 4, 4) || !number(i + 2, 1, 2) || !number(i + 4, 1, 2)) return std::nullopt;
    const bool chinese = word(i + 1, "年") && word(i + 3, "月");
    const bool korean = word(i + 1, "년") && word(i + 3, "월");
    if (!chinese && !korean) return std::nullopt;
    return finish(value(i), value(i + 2), value(i + 4), i + 6);
  }

  std::optional<std::string> finish(int year, int month, int day, std::size_t after) const {
    std::optional<std::string> out = iso_day(year, month, day);
    if (!out) return std::nullopt;
    char buffer[64];
    if (const auto time = time_at(after)) {
      std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", time->hour, time->minute,
                    time->second);
      *out += buffer;
      if (time->zone_minutes) {
        const int zone = *time->zone_minutes;
        if (zone == 0) {
          *out += 'Z';
        } else {
          const int magnitude = zone < 0 ? -zone : zone;
          std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", zone < 0 ? '-' : '+', magnitude / 60,
                        magnitude % 60);
          *out += buffer;
        }
      }
    }
    return out;
  }

  std::optional<Time> time_at(std::size_t k) const {
    // Words and marks that join a date to its time: "27 Nov 2026, 10:00", "um 10:00",
    // "à 10h", "T10:00", "| 10:00".
    for (int skipped = 0; skipped < 2 && k < tokens_.size(); ++skipped) {
      static constexpr std::string_view kJoiners[] = {"t",   "at", "um", "à", "a",  "alle",
                                                      "las", "às", "om", "в", "de", "kl"};
      bool joiner = punct(k, ",|@-");
      for (auto w : kJoiners) joiner = joiner || word(k, w);
      if (!joiner) break;
      ++k;
    }
    if (!number(k, 1, 2) || !punct(k + 1, ":") || !number(k + 2, 2, 2)) return std::nullopt;
    Time time;
    time.hour = value(k);
    time.minute = value(k + 2);
    k += 3;
    if (punct(k, ":") && number(k + 1, 2, 2)) {
      time.second = value(k + 1);
      k += 2;
      if (punct(k, ".,") && number(k + 1, 1, 9) && attached(k + 1)) k += 2;
    }
    if (word(k, "am") || word(k, "pm") || (word(k, "a") && punct(k + 1, ".") && word(k + 2, "m")) ||
        (word(k, "p") && punct(k + 1, ".") && word(k + 2, "m"))) {
      const bool pm = tokens_[k].text[0] == 'p';
      if (time.hour < 1 || time.hour > 12) return std::nullopt;
      time.hour = time.hour % 12 + (pm ? 12 : 0);
      k += tokens_[k].text.size() == 2 ? 1 : 3;
      if (punct(k, ".")) ++k;
    }
    if (time.hour > 23 || time.minute > 59 || time.second > 60) return std::nullopt;
    if (time.second == 60) time.second = 59;
    time.zone_minutes = zone_at(k);
    return time;
  }

  std::optional<int> zone_at(std::size_t k) const {
    bool named_utc = false;
    if (k < tokens_.size() && tokens_[k].kind == Kind::word) {
      for (const auto& zone : kZones) {
        if (tokens_[k].text != zone.name) continue;
        if (zone.minutes == 0 && zone.name != "z" && punct(k + 1, "+-") && attached(k + 1)) {
          named_utc = true;  // "GMT+1", "UTC-05:00"
          ++k;
          break;
        }
        return zone.minutes;
      }
    }
    if (!punct(k, "+-") || !attached(k + 1)) return std::nullopt;
    const int sign = tokens_[k].text[0] == '-' ? -1 : 1;
    if (number(k + 1, 4, 4)) {
      const int hhmm = value(k + 1);
      return sign * ((hhmm / 100) * 60 + hhmm % 100);
    }
    if (number(k + 1, 2, 2) || (named_utc && number(k + 1, 1, 2))) {
      int minutes = value(k + 1) * 60;
      if (punct(k + 2, ":") && number(k + 3, 2, 2)) minutes += value(k + 3);
      if (minutes > 14 * 60) return std::nullopt;
      return sign * minutes;
    }
    return std::nullopt;
  }

  std::vector<Token> tokens_;
};

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
void civil_from_days(long long days, int& year, int& month, int& day) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2));
}

std::optional<std::string> from_unix_time(std::string_view digits) {
  long long seconds = 0;
  for (char c : digits.substr(0, 10)) seconds = seconds * 10 + (c - '0');
  int year = 0, month = 0, day = 0;
  civil_from_days(seconds / 86400, year, month, day);
  if (!valid_day(year, month, day)) return std::nullopt;
  const long long in_day = seconds % 86400;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", year, month, day,
                in_day / 3600, (in_day / 60) % 60, in_day % 60);
  return std::string(buffer);
}

// Days from 1970-01-01 to a civil date (the inverse of civil_from_days).
long long days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const long long yoe = year - era * 400;
  const long long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr long long kMinute = 60;
constexpr long long kHour = 60 * kMinute;
constexpr long long kDay = 24 * kHour;
constexpr long long kWeek = 7 * kDay;
// Relative dates are short ("vor 3 Stunden"); in longer text they tell of events.
constexpr std::size_t kMaxRelativeTextBytes = 80;

struct RelativeUnit {
  std::string_view word;
  long long seconds;
};

constexpr std::array kRelativeUnits = std::to_array<RelativeUnit>({
    // English, German, Dutch, French, Spanish and Portuguese, Italian, Russian
    {"minute", kMinute},
    {"minutes", kMinute},
    {"min", kMinute},
    {"mins", kMinute},
    {"minuten", kMinute},
    {"minuut", kMinute},
    {"minuto", kMinute},
    {"minutos", kMinute},
    {"minuti", kMinute},
    {"минуту", kMinute},
    {"минуты", kMinute},
    {"минут", kMinute},
    {"hour", kHour},
    {"hours", kHour},
    {"hr", kHour},
    {"hrs", kHour},
    {"stunde", kHour},
    {"stunden", kHour},
    {"uur", kHour},
    {"heure", kHour},
    {"heures", kHour},
    {"hora", kHour},
    {"horas", kHour},
    {"ora", kHour},
    {"ore", kHour},
    {"час", kHour},
    {"часа", kHour},
    {"часов", kHour},
    {"day", kDay},
    {"days", kDay},
    {"tag", kDay},
    {"tagen", kDay},
    {"dag", kDay},
    {"dagen", kDay},
    {"jour", kDay},
    {"jours", kDay},
    {"día", kDay},
    {"días", kDay},
    {"dia", kDay},
    {"dias", kDay},
    {"giorno", kDay},
    {"giorni", kDay},
    {"день", kDay},
    {"дня", kDay},
    {"дней", kDay},
    {"week", kWeek},
    {"weeks", kWeek},
    {"woche", kWeek},
    {"wochen", kWeek},
    {"weken", kWeek},
    {"semaine", kWeek},
    {"semaines", kWeek},
    {"semana", kWeek},
    {"semanas", kWeek},
    {"settimana", kWeek},
    {"settimane", kWeek},
    {"неделю", kWeek},
    {"недели", kWeek},
    {"недель", kWeek},
    // Polish, Czech, Danish, Norwegian and Swedish, Turkish, Indonesian and Malay
    {"minutę", kMinute},
    {"minuty", kMinute},
    {"minut", kMinute},
    {"minutou", kMinute},
    {"minutami", kMinute},
    {"minutter", kMinute},
    {"minuter", kMinute},
    {"dakika", kMinute},
    {"menit", kMinute},
    {"minit", kMinute},
    {"godzinę", kHour},
    {"godziny", kHour},
    {"godzin", kHour},
    {"hodinou", kHour},
    {"hodinami", kHour},
    {"time", kHour},
    {"timer", kHour},
    {"timme", kHour},
    {"timmar", kHour},
    {"saat", kHour},
    {"jam", kHour},
    {"dzień", kDay},
    {"dni", kDay},
    {"dnem", kDay},
    {"dny", kDay},
    {"dage", kDay},
    {"dager", kDay},
    {"dagar", kDay},
    {"gün", kDay},
    {"hari", kDay},
    {"tydzień", kWeek},
    {"tygodnie", kWeek},
    {"tygodni", kWeek},
    {"týdnem", kWeek},
    {"týdny", kWeek},
    {"uge", kWeek},
    {"uger", kWeek},
    {"uke", kWeek},
    {"uker", kWeek},
    {"vecka", kWeek},
    {"veckor", kWeek},
    {"hafta", kWeek},
    {"minggu", kWeek},
});

using namespace std::string_view_literals;
// "yang lalu" (Indonesian) is read as "lalu".
constexpr std::array kAgoAfter = {"ago"sv,   "geleden"sv, "fa"sv,   "назад"sv, "temu"sv,
                                  "siden"sv, "sedan"sv,   "önce"sv, "lalu"sv};
// and French "il y a"
constexpr std::array kAgoBefore = {"vor"sv, "hace"sv, "há"sv, "před"sv};
constexpr std::array kOne = {"a"sv,   "an"sv, "one"sv, "ein"sv, "eine"sv, "einer"sv, "einem"sv,
                             "een"sv, "un"sv, "une"sv, "una"sv, "um"sv,   "uma"sv,   "bir"sv};
constexpr std::array kYesterday = {"yesterday"sv, "gestern"sv, "gisteren"sv, "ayer"sv,
                                   "ontem"sv,     "ieri"sv,    "вчера"sv,    "wczoraj"sv,
                                   "včera"sv,     "igår"sv,    "dün"sv,      "kemarin"sv};

bool is_one_of(std::string_view word, std::span<const std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// How long ago `tokens` say, in seconds: "2 hours ago", "vor einer Stunde",
// "il y a 3 jours", "hace 5 horas", "yesterday".
std::optional<long long> seconds_ago(const std::vector<Token>& tokens) {
  const auto word_at = [&tokens](std::size_t i) -> std::string_view {
    // Not a conditional expression: with "" its type would be a temporary std::string.
    if (i < tokens.size() && tokens[i].kind == Token::Kind::word) return tokens[i].text;
    return {};
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_one_of(word_at(i), kYesterday)) return kDay;
    const auto unit = std::find_if(kRelativeUnits.begin(), kRelativeUnits.end(),
                                   [&](const RelativeUnit& u) { return u.word == word_at(i); });
    if (unit == kRelativeUnits.end() || i == 0) continue;
    const std::size_t count = i - 1;
    long long quantity = 0;
    if (tokens[count].kind == Token::Kind::number && tokens[count].text.size() <= 2)
      quantity = tokens[count].value;
    else if (is_one_of(word_at(count), kOne))
      quantity = 1;
    if (quantity == 0) continue;
    const std::size_t after = word_at(i + 1) == "yang" ? i + 2 : i + 1;
    const bool ago_after = is_one_of(word_at(after), kAgoAfter);
    const bool ago_before = (count >= 1 && is_one_of(word_at(count - 1), kAgoBefore)) ||
                            (count >= 3 && word_at(count - 3) == "il" &&
                             word_at(count - 2) == "y" && word_at(count - 1) == "a");
    if (ago_after || ago_before) return quantity * unit->seconds;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  text = text::trim_ascii(text.substr(0, kMaxDateTextBytes));
  if ((text.size() == 10 || text.size() == 13) &&
      text.find_first_not_of("0123456789") == std::string_view::npos)
    return from_unix_time(text);
  // "20261127": a compact ISO date, the whole text.
  if (text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
    const int value = std::stoi(std::string(text));
    return iso_day(value / 10000, value / 100 % 100, value % 100);
  }
  return DateScanner(tokenize(text)).first_date();
}

std::optional<std::string> parse_relative_date(std::string_view text, std::string_view reference) {
  if (text.size() > kMaxRelativeTextBytes) return std::nullopt;
  const auto ago = seconds_ago(tokenize(text));
  if (!ago) return std::nullopt;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  const std::string stamp(reference.substr(0, 40));
  const int fields = std::sscanf(stamp.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day,
                                 &hour, &minute, &second);
  constexpr int kDateAndTime = 6;
  if (fields < 3 || !valid_day(year, month, day)) return std::nullopt;
  // "2 hours ago" needs the hour it was said at; days count from the reference's day.
  if (*ago < kDay && fields != kDateAndTime) return std::nullopt;
  const long long moment =
      days_from_civil(year, month, day) * kDay + hour * kHour + minute * kMinute + second - *ago;
  civil_from_days(moment / kDay, year, month, day);
  std::optional<std::string> out = iso_day(year, month, day);
  if (!out || *ago >= kDay) return out;
  const long long in_day = moment % kDay;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "T%02lld:%02lld:%02lld", in_day / kHour,
                in_day / kMinute % 60, in_day % kMinute);
  *out += buffer;
  *out += stamp.substr(std::min<std::size_t>(stamp.size(), 19));  // the reference's zone
  return out;
}

std::optional<std::string> date_from_url(std::string_view url) {
  // Only the path: hosts and query strings carry ids that look like dates.
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    const auto path = url.find('/', scheme + 3);
    url = path == std::string_view::npos ? std::string_view{} : url.substr(path);
  }
  url = url.substr(0, std::min(url.find_first_of("?#"), url.size()));
  url = url.substr(0, kMaxDateTextBytes);
  const auto tokens = tokenize(url);
  const auto number = [&](std::size_t i, std::size_t digits) {
    return i < tokens.size() && tokens[i].kind == Token::Kind::number &&
           tokens[i].text.size() <= digits && (digits != 4 || tokens[i].text.size() == 4);
  };
  const auto separator = [&](std::size_t i) {
    return i < tokens.size() && tokens[i].kind == Token::Kind::punct &&
           std::string_view("/-_.").find(tokens[i].text[0]) != std::string_view::npos;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == Token::Kind::number && t.text.size() == 8) {
      if (auto d = iso_day(t.value / 10000, t.value / 100 % 100, t.value % 100)) return d;
    }
    if (!number(i, 4) || !separator(i + 1) || !separator(i + 3) || !number(i + 4, 2)) continue;
    int month = 0;
    if (number(i + 2, 2)) {
      month = tokens[i + 2].value;
    } else if (i + 2 < tokens.size() && tokens[i + 2].kind == Token::Kind::word) {
      month = month_from_word(tokens[i + 2].text, /*after_day=*/false);
    }
    // A day must end its path segment: "/2026/11/27/" or "/2026-11-27-title", not
    // "/2026/11/123456".
    if (auto d = iso_day(t.value, month, tokens[i + 4].value)) return d;
  }
  return std::nullopt;
}

}  // namespace crbc::extract
