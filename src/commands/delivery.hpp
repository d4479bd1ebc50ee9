// --ack-state FILE: the last stage of a cron pipeline acknowledges each page in
// fetch's state file once its record is written for good, so that a later
// `crbc fetch --new-only` skips only what reached the end of the pipeline.
#pragma once

#include <string>
#include <vector>

#include "fetch/state.hpp"
#include "pipeline/pipeline.hpp"

namespace crbc::commands {

// The url that names a record's page in the state: the url fetch requested
// (fetch.url), else where it ended up (fetch.final_url), else the record's url.
std::string delivery_key(const model::Article& record);

class StateAcknowledgement : public pipeline::DeliveryLog {
 public:
  // Opens (creating when needed) the state file. Throws fetch::StateError.
  explicit StateAcknowledgement(const std::string& path);

  void written(const model::Article& record) override;
  // Marks every record written so far delivered. Throws io::OutputError.
  void durable() override;

 private:
  std::string path_;
  fetch::StateStore state_;
  std::vector<std::string> pending_;
};

}  // namespace crbc::commands
