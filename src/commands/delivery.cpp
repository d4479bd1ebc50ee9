#include "commands/delivery.hpp"

#include "io/atomic_file.hpp"

namespace crbc::commands {
namespace {

std::string string_at(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string delivery_key(const model::Article& record) {
  if (const auto fetch = record.extra.find("fetch");
      fetch != record.extra.end() && fetch->is_object()) {
    for (const char* key : {"url", "final_url"}) {
      if (std::string url = string_at(*fetch, key); !url.empty()) return url;
    }
  }
  return record.url;
}

StateAcknowledgement::StateAcknowledgement(const std::string& path) : path_(path), state_(path) {}

void StateAcknowledgement::written(const model::Article& record) {
  if (std::string key = delivery_key(record); !key.empty()) pending_.push_back(std::move(key));
}

void StateAcknowledgement::durable() {
  try {
    for (const std::string& url : pending_) state_.mark_delivered(url);
  } catch (const fetch::StateError& error) {
    throw io::OutputError("--ack-state " + path_ + ": " + error.what());
  }
  pending_.clear();
}

}  // namespace crbc::commands
