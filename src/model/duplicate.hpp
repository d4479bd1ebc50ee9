// What crbc related --dedup adds to a record: the top-level field "duplicates",
// the earlier articles this one nearly copies (crbc-record(5)). A record keeps it in
// Article::extra as JSON, like every field another command adds; members it does not
// know stay in `other`.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace crbc::model {

inline constexpr const char* kDuplicatesKey = "duplicates";

struct Duplicate {
  std::string url;
  double similarity = 0.0;  // from 0 to 1
  nlohmann::json other = nlohmann::json::object();
};

// JSON both ways, in nlohmann's form (see model/analysis.hpp): url first.
void from_json(const nlohmann::json& value, Duplicate& duplicate);
void to_json(nlohmann::ordered_json& out, const Duplicate& duplicate);

}  // namespace crbc::model
