// The record's canonical JSON form: the mapping every format goes through.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "model/article.hpp"

namespace crbc::model {

// A record that does not fit the schema. `pointer` is the JSON Pointer of the
// offending value ("/body/3/level"), so the message can say where.
class RecordError : public std::runtime_error {
 public:
  RecordError(std::string pointer, const std::string& message)
      : std::runtime_error(pointer.empty() ? message : pointer + ": " + message),
        pointer_(std::move(pointer)) {}
  const std::string& pointer() const noexcept { return pointer_; }

 private:
  std::string pointer_;
};

// The record's JSON, its members in reading order: the record's fields as listed in
// crbc-record(5), each field another command added at its place among them, then
// unknown fields alphabetically.
nlohmann::ordered_json to_json(const Article& article);
nlohmann::ordered_json to_json(const Block& block);

// Reads a record. Unknown top-level fields go to Article::extra; a newer
// schema_version, a wrong type or a bad block is a RecordError.
Article article_from_json(const nlohmann::json& value);
Block block_from_json(const nlohmann::json& value, const std::string& pointer = "");

// Puts marks in canonical form: clamped to the text, empty ones dropped, sorted by
// (start, longest first, kind), and crossing marks split so that they nest.
void normalize_marks(RichText& rich);

// Canonical form of one block (its marks normalised).
void normalize(Block& block);

// Canonical form of a whole record (marks normalised everywhere). Readers call it,
// so that every format yields the same record for the same content.
void normalize(Article& article);

}  // namespace crbc::model
