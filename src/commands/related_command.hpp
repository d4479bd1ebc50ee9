// `crbc related` and `crbc related index …`: the pipeline with related-article
// ranking and near-duplicate detection over a corpus or a persistent index.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "pipeline/pipeline.hpp"
#include "related/related.hpp"

namespace crbc::commands {

struct RelatedCommand {
  pipeline::Options pipeline;
  std::vector<std::string> corpus;  // --corpus FILE...
  std::string index_path;           // --index FILE
  related::QueryOptions query;
  bool dedup = false;            // --dedup: flag near-duplicates
  bool drop_duplicates = false;  // --drop-duplicates: and leave them out
  double duplicate_threshold = related::kDefaultDuplicateThreshold;
};

int run_related(const RelatedCommand& command, std::ostream& out, std::ostream& err);

struct IndexCommand {
  enum class Action { add, remove, stats };
  Action action = Action::stats;
  std::string index_path;
  pipeline::Options pipeline;     // add: the records to index (inputs, --from, -j)
  std::vector<std::string> urls;  // remove
};

// Prints a JSON summary of what was done (added/updated/skipped, removed, or the
// index statistics) on `out`.
int run_index(const IndexCommand& command, std::ostream& out, std::ostream& err);

}  // namespace crbc::commands
