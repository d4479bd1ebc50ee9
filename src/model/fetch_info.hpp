// How a page was downloaded: the "fetch" object of fetch records and of the
// article records parsed from them (crbc-record(5)).
//
// crbc fetch writes it, the WARC reader makes it from a response record, and parse
// carries it from the page into the record. A fetch record may come from another
// tool, so every member may be missing, and whatever does not fit one is kept in
// `other`: the object passes through crbc unchanged.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace crbc::model {

struct FetchInfo {
  std::optional<std::string> url;        // as requested: the key of fetch --state
  std::optional<std::string> final_url;  // after redirects
  std::optional<std::int64_t> status;    // HTTP status of the last response
  using Headers = std::map<std::string, std::string, std::less<>>;
  std::optional<Headers> headers;         // selected ones, names in lower case
  std::optional<std::string> fetched_at;  // ISO 8601, UTC
  std::optional<std::string> charset;     // from the Content-Type header, "" when it has none
  std::optional<bool> not_modified;       // a 304 answer to a conditional request
  // Members this version does not know, and known ones of another type (a header's
  // included, under "headers"), as they came.
  nlohmann::json other = nlohmann::json::object();

  // The value of a header (its name in lower case); "" when absent.
  std::string header(std::string_view name) const;

  bool operator==(const FetchInfo&) const = default;
};

// JSON both ways, in nlohmann's form. `value.get<FetchInfo>()` throws a
// nlohmann::json::type_error when the value is not an object, never for a member
// (one that does not fit goes to `other`). `nlohmann::ordered_json(info)` is the
// object with url first, then the other members alphabetically.
void from_json(const nlohmann::json& value, FetchInfo& info);
void to_json(nlohmann::ordered_json& out, const FetchInfo& info);

}  // namespace crbc::model
