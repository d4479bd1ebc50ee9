// Internal to src/model/: the JSON objects of the fields other commands add, which
// keep the members they do not know and put a few members first, the others
// (known or not) alphabetically.
#pragma once

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace crbc::model::detail {

// A type's own members by name, alphabetically (as nlohmann::json keeps an object).
using Members = std::map<std::string, nlohmann::ordered_json, std::less<>>;

// The members of the object `value` not named in `known`, as they came.
inline nlohmann::json unknown_members(const nlohmann::json& value,
                                      std::initializer_list<std::string_view> known) {
  nlohmann::json other = nlohmann::json::object();
  for (const auto& [key, member] : value.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) other[key] = member;
  }
  return other;
}

// The object of `own` and `other` members (own ones win a name both have): those named
// in `first` in that order, then the others alphabetically.
inline nlohmann::ordered_json object_of(const nlohmann::json& other, Members own,
                                        std::initializer_list<std::string_view> first) {
  for (const auto& [key, member] : other.items()) own.emplace(key, member);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const std::string_view key : first) {
    if (const auto it = own.find(key); it != own.end()) out[it->first] = std::move(it->second);
  }
  for (auto& [key, member] : own) {
    if (std::find(first.begin(), first.end(), key) == first.end()) out[key] = std::move(member);
  }
  return out;
}

}  // namespace crbc::model::detail
