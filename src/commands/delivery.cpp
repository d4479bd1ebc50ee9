#include "commands/delivery.hpp"

#include "io/atomic_file.hpp"
#include "model/fetch_info.hpp"

namespace crbc::commands {

std::string delivery_key(const model::Article& record) {
  if (const auto fetch = record.extra.find("fetch");
      fetch != record.extra.end() && fetch->is_object()) {
    const auto info = fetch->get<model::FetchInfo>();
    for (const auto& url : {info.url, info.final_url}) {
      if (!url.value_or("").empty()) return *url;
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
