// Dates as news pages write them, normalised to ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace crbc::extract {

// The first date found in `text`, as "YYYY-MM-DD", or "YYYY-MM-DDThh:mm:ss" followed
// by "Z" or "+hh:mm" when the text gives a time (and a zone). Understands ISO 8601,
// RFC 822 / 2822, month names and abbreviations in English, German, French, Spanish,
// Italian, Portuguese, Dutch and Russian ("November 27, 2026", "27. November 2026",
// "27 de noviembre de 2026", "27 ноября 2026"), and, between a day and a year only, in
// Polish, Czech, Danish, Norwegian, Swedish, Turkish, Indonesian and Malay ("12 marca
// 2026", "12. března 2026", "12 Mart 2026"), numeric day-month-year forms
// ("27.11.2026", "11/27/2026"), CJK "2026年11月27日", and Unix timestamps (the whole text
// being 10 or 13 digits). Years outside 1980..2099 and impossible days are refused.
std::optional<std::string> parse_date(std::string_view text);

// A relative date ("2 hours ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 horas",
// "2 giorni fa", "3 дня назад", "yesterday") counted back from `reference`, a date as
// parse_date() gives it (the moment the page was fetched). Minutes and hours give a
// time in the reference's zone and need a reference with a time; days and weeks give
// a day. Only short texts are read (in longer ones, such words tell of events).
std::optional<std::string> parse_relative_date(std::string_view text, std::string_view reference);

// A date written in a url's path: /2026/11/27/, /2026-11-27-, 20261127. Day required.
std::optional<std::string> date_from_url(std::string_view url);

}  // namespace crbc::extract
