#include "model/analysis.hpp"

#include <cmath>

#include "model/members.hpp"

namespace crbc::model {

using nlohmann::json;
using nlohmann::ordered_json;

NLOHMANN_JSON_SERIALIZE_ENUM(EntityType, {{EntityType::person, "person"},
                                          {EntityType::organization, "organization"},
                                          {EntityType::place, "place"}})

void from_json(const json& value, SummarySentence& sentence) {
  value.at("text").get_to(sentence.text);
  value.at("block").get_to(sentence.block);
  value.at("position").get_to(sentence.position);
  value.at("offset").get_to(sentence.offset);
  value.at("length").get_to(sentence.length);
  sentence.other =
      detail::unknown_members(value, {"text", "block", "position", "offset", "length"});
}

void to_json(ordered_json& out, const SummarySentence& sentence) {
  out = detail::object_of(sentence.other,
                          {{"text", sentence.text},
                           {"block", sentence.block},
                           {"position", sentence.position},
                           {"offset", sentence.offset},
                           {"length", sentence.length}},
                          {"text"});
}

void from_json(const json& value, Summary& summary) {
  value.at("method").get_to(summary.method);
  value.at("sentences").get_to(summary.sentences);
  summary.other = detail::unknown_members(value, {"method", "sentences"});
}

void to_json(ordered_json& out, const Summary& summary) {
  out = detail::object_of(summary.other,
                          {{"method", summary.method}, {"sentences", summary.sentences}}, {});
}

void from_json(const json& value, Keyword& keyword) {
  value.at("phrase").get_to(keyword.phrase);
  value.at("score").get_to(keyword.score);
  keyword.other = detail::unknown_members(value, {"phrase", "score"});
}

void to_json(ordered_json& out, const Keyword& keyword) {
  out = detail::object_of(
      keyword.other,
      {{"phrase", keyword.phrase}, {"score", std::round(keyword.score * 1000.0) / 1000.0}}, {});
}

void from_json(const json& value, Entity& entity) {
  value.at("name").get_to(entity.name);
  value.at("type").get_to(entity.type);
  value.at("mentions").get_to(entity.mentions);
  value.at("aliases").get_to(entity.aliases);
  entity.other = detail::unknown_members(value, {"name", "type", "mentions", "aliases"});
}

void to_json(ordered_json& out, const Entity& entity) {
  out = detail::object_of(entity.other,
                          {{"name", entity.name},
                           {"type", entity.type},
                           {"mentions", entity.mentions},
                           {"aliases", entity.aliases}},
                          {"type"});
}

void from_json(const json& value, QuoteFound& quote) {
  value.at("text").get_to(quote.text);
  const json& speaker = value.at("speaker");
  quote.speaker = speaker.is_null() ? std::string() : speaker.get<std::string>();
  value.at("block").get_to(quote.block);
  quote.other = detail::unknown_members(value, {"text", "speaker", "block"});
}

void to_json(ordered_json& out, const QuoteFound& quote) {
  out = detail::object_of(
      quote.other,
      {{"text", quote.text},
       {"speaker", quote.speaker.empty() ? ordered_json(nullptr) : ordered_json(quote.speaker)},
       {"block", quote.block}},
      {"text"});
}

void from_json(const json& value, Stats& stats) {
  value.at("words").get_to(stats.words);
  value.at("sentences").get_to(stats.sentences);
  value.at("reading_minutes").get_to(stats.reading_minutes);
  stats.other = detail::unknown_members(value, {"words", "sentences", "reading_minutes"});
}

void to_json(ordered_json& out, const Stats& stats) {
  out = detail::object_of(stats.other,
                          {{"words", stats.words},
                           {"sentences", stats.sentences},
                           {"reading_minutes", stats.reading_minutes}},
                          {});
}

std::optional<Summary> summary_of(const Article& article) {
  const auto summary = article.extra.find("summary");
  if (summary == article.extra.end()) return std::nullopt;
  try {
    return summary->get<Summary>();
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace crbc::model
