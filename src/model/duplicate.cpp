#include "model/duplicate.hpp"

#include "model/members.hpp"

namespace crbc::model {

void from_json(const nlohmann::json& value, Duplicate& duplicate) {
  value.at("url").get_to(duplicate.url);
  value.at("similarity").get_to(duplicate.similarity);
  duplicate.other = detail::unknown_members(value, {"url", "similarity"});
}

void to_json(nlohmann::ordered_json& out, const Duplicate& duplicate) {
  out = detail::object_of(duplicate.other,
                          {{"url", duplicate.url}, {"similarity", duplicate.similarity}}, {"url"});
}

}  // namespace crbc::model
