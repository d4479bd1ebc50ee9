#include "model/fetch_info.hpp"

#include "model/members.hpp"

namespace crbc::model {

using nlohmann::json;

namespace {

bool read(std::optional<std::string>& member, const json& value) {
  if (!value.is_string()) return false;
  member = value.get<std::string>();
  return true;
}

bool read(std::optional<std::int64_t>& member, const json& value) {
  if (!value.is_number_integer() || json(value.get<std::int64_t>()) != value) return false;
  member = value.get<std::int64_t>();
  return true;
}

bool read(std::optional<bool>& member, const json& value) {
  if (!value.is_boolean()) return false;
  member = value.get<bool>();
  return true;
}

// Header values that are not strings stay in other["headers"].
bool read_headers(FetchInfo& info, const json& value) {
  if (!value.is_object()) return false;
  FetchInfo::Headers headers;
  for (const auto& [name, field] : value.items()) {
    if (field.is_string()) {
      headers.emplace(name, field.get<std::string>());
    } else {
      info.other["headers"][name] = field;
    }
  }
  info.headers = std::move(headers);
  return true;
}

bool read_member(FetchInfo& info, const std::string& key, const json& value) {
  if (key == "url") return read(info.url, value);
  if (key == "final_url") return read(info.final_url, value);
  if (key == "status") return read(info.status, value);
  if (key == "headers") return read_headers(info, value);
  if (key == "fetched_at") return read(info.fetched_at, value);
  if (key == "charset") return read(info.charset, value);
  if (key == "not_modified") return read(info.not_modified, value);
  return false;
}

template <typename T>
void put(detail::Members& members, const char* key, const std::optional<T>& member) {
  if (member) members[key] = *member;
}

}  // namespace

std::string FetchInfo::header(std::string_view name) const {
  if (!headers) return {};
  const auto it = headers->find(name);
  return it == headers->end() ? std::string() : it->second;
}

void from_json(const json& value, FetchInfo& info) {
  info = {};
  for (const auto& [key, member] : value.get_ref<const json::object_t&>()) {
    if (!read_member(info, key, member)) info.other[key] = member;
  }
}

void to_json(nlohmann::ordered_json& out, const FetchInfo& info) {
  detail::Members members;
  put(members, "url", info.url);
  put(members, "final_url", info.final_url);
  put(members, "status", info.status);
  if (info.headers) {
    json headers = info.other.value("headers", json::object());
    for (const auto& [name, value] : *info.headers) headers[name] = value;
    members["headers"] = std::move(headers);
  }
  put(members, "fetched_at", info.fetched_at);
  put(members, "charset", info.charset);
  put(members, "not_modified", info.not_modified);
  out = detail::object_of(info.other, std::move(members), {"url"});
}

}  // namespace crbc::model
