// What crbc summarize adds to a record: the top-level fields "summary",
// "keywords", "entities", "quotes" and "stats" (crbc-record(5), crbc-summarize(1)).
//
// A record keeps them in Article::extra as JSON, so that every command carries them
// through unchanged; these types say what that JSON holds, for summarize that
// writes it and for the writers that read it back. Each keeps the members it does not
// know (of a newer version) in `other`, to write them back.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/article.hpp"

namespace crbc::model {

struct SummarySentence {
  std::string text;
  std::size_t block = 0;     // index in Article::body
  std::size_t position = 0;  // index among the article's candidate sentences
  std::size_t offset = 0;    // start in the block's text, in code points
  std::size_t length = 0;    // in code points
  nlohmann::json other = nlohmann::json::object();
};

struct Summary {
  std::string method;                      // "lead", "textrank", "lexrank" or "hybrid"
  std::vector<SummarySentence> sentences;  // in article order
  nlohmann::json other = nlohmann::json::object();
};

struct Keyword {
  std::string phrase;
  double score = 0.0;  // relative, the best phrase scores 1
  nlohmann::json other = nlohmann::json::object();
};

enum class EntityType { person, organization, place };

struct Entity {
  std::string name;  // canonical (longest) form
  EntityType type = EntityType::person;
  std::size_t mentions = 0;
  std::vector<std::string> aliases;  // other forms seen, e.g. the surname alone
  nlohmann::json other = nlohmann::json::object();
};

struct QuoteFound {
  std::string text;     // without the quotation marks
  std::string speaker;  // "" when the text does not say who spoke
  std::size_t block = 0;
  nlohmann::json other = nlohmann::json::object();
};

struct Stats {
  std::size_t words = 0;
  std::size_t sentences = 0;
  double reading_minutes = 0.0;  // at 230 words a minute, one decimal
  nlohmann::json other = nlohmann::json::object();
};

// JSON both ways, in nlohmann's form: `value.get<Summary>()`, `nlohmann::ordered_json(
// keywords)`. Reading throws a nlohmann::json::exception when a member is missing or
// of another type; members it does not know go to `other`. Writing puts the members
// in the order records have always had: an entity's type or a sentence's or quote's
// text first, then the others, `other` included, alphabetically.
void from_json(const nlohmann::json& value, SummarySentence& sentence);
void to_json(nlohmann::ordered_json& out, const SummarySentence& sentence);
void from_json(const nlohmann::json& value, Summary& summary);
void to_json(nlohmann::ordered_json& out, const Summary& summary);
void from_json(const nlohmann::json& value, Keyword& keyword);
void to_json(nlohmann::ordered_json& out, const Keyword& keyword);
void from_json(const nlohmann::json& value, Entity& entity);
void to_json(nlohmann::ordered_json& out, const Entity& entity);
void from_json(const nlohmann::json& value, QuoteFound& quote);
void to_json(nlohmann::ordered_json& out, const QuoteFound& quote);
void from_json(const nlohmann::json& value, Stats& stats);
void to_json(nlohmann::ordered_json& out, const Stats& stats);

// The record's summary, when it has one in the shape summarize writes.
std::optional<Summary> summary_of(const Article& article);

}  // namespace crbc::model
