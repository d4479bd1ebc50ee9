// Date parsing and normalisation (src/extract/dates.hpp), table-driven.
#include "extract/dates.hpp"

#include <catch2/catch.hpp>
#include <string>

using crbc::extract::date_from_url;
using crbc::extract::parse_date;
using crbc::extract::parse_relative_date;

namespace {

struct DateCase {
  const char* input;
  const char* expected;  // "" when no date must be found
};

void check(const DateCase& c) {
  INFO("input: " << c.input);
  const auto got = parse_date(c.input);
  if (std::string(c.expected).empty()) {
    CHECK_FALSE(got.has_value());
  } else {
    REQUIRE(got.has_value());
    CHECK(*got == c.expected);
  }
}

}  // namespace

TEST_CASE("ISO 8601 dates keep their time and zone") {
  const DateCase cases[] = {
      {"2026-11-27", "2026-11-27"},
      {"2026-11-27T10:00:00+01:00", "2026-11-27T10:00:00+01:00"},
      {"2026-11-27T10:00:00.123Z", "2026-11-27T10:00:00Z"},
      {"2026-11-27T10:00Z", "2026-11-27T10:00:00Z"},
      {"2026-11-27T10:00:00-0500", "2026-11-27T10:00:00-05:00"},
      {"2026-11-27 10:00:00", "2026-11-27T10:00:00"},
      {"2026/11/27", "2026-11-27"},
      {"  2026-11-27T23:59:59+05:30  ", "2026-11-27T23:59:59+05:30"},
  };
  for (const auto& c : cases) check(c);
}

TEST_CASE("RFC 822 and English month names") {
  const DateCase cases[] = {
      {"Fri, 27 Nov 2026 10:00:00 +0100", "2026-11-27T10:00:00+01:00"},
      {"Fri, 27 Nov 2026 10:00:00 GMT", "2026-11-27T10:00:00Z"},
      {"November 27, 2026", "2026-11-27"},
      {"Nov. 27, 2026 5:06pm PT", "2026-11-27T17:06:00"},
      {"Posted: Dec 22, 2023 8:25 AM EST", "2023-12-22T08:25:00-05:00"},
      {"27 November 2026", "2026-11-27"},
      {"27th November 2026", "2026-11-27"},
      {"November 27th, 2026 at 10:15 a.m.", "2026-11-27T10:15:00"},
      {"Saturday 23 December 2023 05:39, UK", "2023-12-23T05:39:00"},
      {"Updated December 26, 2023 10:48 AM", "2023-12-26T10:48:00"},
      {"Sept. 3, 2024", "2024-09-03"},
  };
  for (const auto& c : cases) check(c);
}

TEST_CASE("Month names in German, French, Spanish, Russian and others") {
  const DateCase cases[] = {
      {"27. November 2026", "2026-11-27"},
      {"3. März 2026, 14:30 Uhr", "2026-03-03T14:30:00"},
      {"1. Jänner 2026", "2026-01-01"},
      {"27 novembre 2026", "2026-11-27"},
      {"le 1er février 2026 à 08:15", "2026-02-01T08:15:00"},
      {"14 août 2026", "2026-08-14"},
      {"27 de noviembre de 2026", "2026-11-27"},
      {"5 de septiembre del 2026", "2026-09-05"},
      {"27 ноября 2026 г.", "2026-11-27"},
      {"3 марта 2026, 10:00", "2026-03-03T10:00:00"},
      {"12 maggio 2026", "2026-05-12"},
      {"7 de março de 2026", "2026-03-07"},
      {"9 mei 2026", "2026-05-09"},
      {"2026年11月27日", "2026-11-27"},
      {"2026년 11월 27일", "2026-11-27"},
  };
  for (const auto& c : cases) check(c);
}

TEST_CASE("Month names in Polish, Czech, the Scandinavian languages, Turkish, Indonesian") {
  const DateCase cases[] = {
      {"12 marca 2024", "2024-03-12"},
      {"1 września 2024, 10:15", "2024-09-01T10:15:00"},
      {"5 października 2024", "2024-10-05"},
      {"30 grudzień 2024", "2024-12-30"},
      {"12. března 2024", "2024-03-12"},
      {"3. července 2024", "2024-07-03"},
      {"21. listopadu 2024", "2024-11-21"},
      {"9. září 2024", "2024-09-09"},
      {"12. mars 2024", "2024-03-12"},
      {"4. marts 2024", "2024-03-04"},
      {"17. mai 2024", "2024-05-17"},
      {"8 maj 2024", "2024-05-08"},
      {"2 augusti 2024", "2024-08-02"},
      {"24. desember 2024", "2024-12-24"},
      {"14 okt. 2024", "2024-10-14"},
      {"12 Mart 2024", "2024-03-12"},
      {"29 Şubat 2024 14:05", "2024-02-29T14:05:00"},
      {"3 Ağustos 2024", "2024-08-03"},
      {"3 Agustos 2024", "2024-08-03"},
      {"11 Kasım 2024", "2024-11-11"},
      {"12 Maret 2024", "2024-03-12"},
      {"Senin, 5 Februari 2024", "2024-02-05"},
      {"17 Agustus 2024", "2024-08-17"},
      {"12 Mac 2024", "2024-03-12"},
      {"1 Julai 2024", "2024-07-01"},
      {"25 Disember 2024", "2024-12-25"},
  };
  for (const auto& c : cases) check(c);
}

TEST_CASE("Month names that are words elsewhere count only between a day and a year") {
  const DateCase cases[] = {
      {"Mart 12, 2024", ""}, {"Mac 12, 2024", ""},           {"maj 12 2024", ""},
      {"Ekim 3, 2024", ""},  {"Mai 12, 2024", "2024-05-12"},  // German, written month first too
  };
  for (const auto& c : cases) check(c);
}

TEST_CASE("Numeric day-month-year forms") {
  const DateCase cases[] = {
      {"27.11.2026", "2026-11-27"}, {"27.11.2026 10:00", "2026-11-27T10:00:00"},
      {"11/27/2026", "2026-11-27"}, {"27/11/2026", "2026-11-27"},  // first part above 12: day first
      {"03/04/2026", "2026-03-04"},  // slashes: month first (US) when ambiguous
      {"03.04.2026", "2026-04-03"},  // dots: day first
  };
  for (const auto& c : cases) check(c);
}

TEST_CASE("Compact dates and Unix timestamps") {
  check({"20261127", "2026-11-27"});
  check({"20261327", ""});
  check({"1795780800", "2026-11-27T12:00:00Z"});
  check({"1795780800000", "2026-11-27T12:00:00Z"});
}

TEST_CASE("Impossible or missing dates are refused") {
  const DateCase cases[] = {
      {"", ""},
      {"yesterday", ""},
      {"2 hours ago", ""},
      {"2026-02-30", ""},
      {"2026-13-01", ""},
      {"1899-01-01", ""},
      {"February 29, 2025", ""},
      {"February 29, 2024", "2024-02-29"},
      {"Chapter 12.5.2026x", "2026-05-12"},
      {"jui 12 2026", ""},  // "jui" is both juin and juillet
      {"\xff\xfe garbage \x80", ""},
  };
  for (const auto& c : cases) check(c);
}

TEST_CASE("Relative dates count back from the reference time") {
  struct RelativeCase {
    const char* input;
    const char* reference;
    const char* expected;  // "" when no date must be found
  };
  const RelativeCase cases[] = {
      {"2 hours ago", "2026-11-27T10:30:00Z", "2026-11-27T08:30:00Z"},
      {"Updated 45 mins ago", "2026-11-27T00:10:00+01:00", "2026-11-26T23:25:00+01:00"},
      {"an hour ago", "2026-11-27T10:30:00Z", "2026-11-27T09:30:00Z"},
      {"3 days ago", "2026-03-02T10:30:00Z", "2026-02-27"},
      {"2 weeks ago", "2026-11-27T10:30:00Z", "2026-11-13"},
      {"yesterday, 10:45", "2026-01-01T08:00:00Z", "2025-12-31"},
      {"vor 3 Stunden", "2026-11-27T10:30:00Z", "2026-11-27T07:30:00Z"},
      {"vor einem Tag", "2026-11-27T10:30:00Z", "2026-11-26"},
      {"Gestern", "2026-11-27T10:30:00Z", "2026-11-26"},
      {"il y a 2 jours", "2026-11-27T10:30:00Z", "2026-11-25"},
      {"Publié il y a une heure", "2026-11-27T10:30:00Z", "2026-11-27T09:30:00Z"},
      {"hace 5 horas", "2026-11-27T10:30:00Z", "2026-11-27T05:30:00Z"},
      {"há 2 dias", "2026-11-27T10:30:00Z", "2026-11-25"},
      {"2 giorni fa", "2026-11-27T10:30:00Z", "2026-11-25"},
      {"3 uur geleden", "2026-11-27T10:30:00Z", "2026-11-27T07:30:00Z"},
      {"5 минут назад", "2026-11-27T10:30:00Z", "2026-11-27T10:25:00Z"},
      {"2 godziny temu", "2026-11-27T10:30:00Z", "2026-11-27T08:30:00Z"},
      {"3 dni temu", "2026-11-27T10:30:00Z", "2026-11-24"},
      {"před 2 hodinami", "2026-11-27T10:30:00Z", "2026-11-27T08:30:00Z"},
      {"Před 3 dny", "2026-11-27T10:30:00Z", "2026-11-24"},
      {"for 2 timer siden", "2026-11-27T10:30:00Z", "2026-11-27T08:30:00Z"},
      {"4 dager siden", "2026-11-27T10:30:00Z", "2026-11-23"},
      {"för 5 minuter sedan", "2026-11-27T10:30:00Z", "2026-11-27T10:25:00Z"},
      {"2 saat önce", "2026-11-27T10:30:00Z", "2026-11-27T08:30:00Z"},
      {"bir gün önce", "2026-11-27T10:30:00Z", "2026-11-26"},
      {"2 jam yang lalu", "2026-11-27T10:30:00Z", "2026-11-27T08:30:00Z"},
      {"3 hari lalu", "2026-11-27T10:30:00Z", "2026-11-24"},
      {"Wczoraj", "2026-11-27T10:30:00Z", "2026-11-26"},
      {"Dün 14:05", "2026-11-27T10:30:00Z", "2026-11-26"},
      {"a long time ago", "2026-11-27T10:30:00Z", ""},
      {"2 jam", "2026-11-27T10:30:00Z", ""},
      {"2 saat", "2026-11-27T10:30:00Z", ""},
      {"3 days ago", "2026-11-27", "2026-11-24"},
      {"2 hours ago", "2026-11-27", ""},  // the hour is not known
      {"2 hours ago", "", ""},
      {"2 hours", "2026-11-27T10:30:00Z", ""},
      {"5 min read", "2026-11-27T10:30:00Z", ""},
      {"in 2 hours", "2026-11-27T10:30:00Z", ""},
      {"The storm began two days ago and has not stopped since, the agency said on Monday.",
       "2026-11-27T10:30:00Z", ""},
  };
  for (const auto& c : cases) {
    INFO("input: " << c.input << " reference: " << c.reference);
    const auto got = parse_relative_date(c.input, c.reference);
    if (std::string(c.expected).empty()) {
      CHECK_FALSE(got.has_value());
    } else {
      REQUIRE(got.has_value());
      CHECK(*got == c.expected);
    }
  }
}

TEST_CASE("Hostile date text stays bounded") {
  std::string huge(1 << 20, '1');
  CHECK_FALSE(parse_date(huge).has_value());
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "12-";
  CHECK_FALSE(parse_date(many).has_value());
  CHECK(parse_date(std::string(5000, ' ') + "2026-11-27") == std::nullopt);  // beyond the bound
}

TEST_CASE("Dates in url paths") {
  CHECK(date_from_url("https://example.com/2026/11/27/some-story/") == "2026-11-27");
  CHECK(date_from_url("https://example.com/news/2026-11-27-some-story") == "2026-11-27");
  CHECK(date_from_url("https://example.com/world/2026/nov/27/story") == "2026-11-27");
  CHECK(date_from_url("https://example.com/releases/2026/11/20261127130031.htm") == std::nullopt);
  CHECK(date_from_url("https://example.com/story/20261127/title") == "2026-11-27");
  CHECK(date_from_url("https://example.com/2026/11/story") == std::nullopt);
  CHECK(date_from_url("https://2026-11-27.example.com/story") == std::nullopt);
  CHECK(date_from_url("https://example.com/story?date=2026-11-27") == std::nullopt);
  CHECK(date_from_url("") == std::nullopt);
}
