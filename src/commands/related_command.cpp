#include "commands/related_command.hpp"

#include <nlohmann/json.hpp>

#include "io/exit_status.hpp"
#include "pipeline/documents.hpp"

namespace crbc::commands {
namespace {

constexpr std::size_t kAddBatch = 256;

std::unique_ptr<related::Index> open_corpus(const RelatedCommand& command, io::Reporter& reporter,
                                            std::size_t& failures) {
  formats::ReadOptions read_options;
  read_options.max_document_bytes = command.pipeline.max_input_bytes;
  const std::vector<model::Article> records =
      pipeline::read_all_records(command.corpus, read_options, reporter, failures);
  related::AddSummary summary;
  auto index = related::corpus_index(records, {}, &summary);
  for (const auto& skipped : summary.skipped) {
    reporter.warning({"corpus record " + std::to_string(skipped.position + 1)}, skipped.reason);
  }
  return index;
}

pipeline::Transform parse_only() {
  return [](formats::SourcedDocument& document, pipeline::Notes& notes) {
    return std::vector<model::Article>{pipeline::article_of(document, {}, notes)};
  };
}

nlohmann::json stats_json(const related::IndexStats& stats) {
  return {{"path", stats.path},     {"articles", stats.articles},
          {"terms", stats.terms},   {"sites", stats.sites},
          {"oldest", stats.oldest}, {"newest", stats.newest},
          {"bytes", stats.bytes},   {"schema_version", stats.schema_version}};
}

}  // namespace

int run_related(const RelatedCommand& command, std::ostream& out, std::ostream& err) {
  io::Reporter reporter(err, command.pipeline.quiet);
  std::unique_ptr<related::Index> index;
  std::string source;
  std::size_t corpus_failures = 0;
  try {
    if (!command.corpus.empty()) {
      index = open_corpus(command, reporter, corpus_failures);
      source = "corpus";
    } else if (!command.index_path.empty()) {
      index = related::open_index(command.index_path, related::OpenMode::read);
      source = "index";
    }
  } catch (const related::Error& error) {
    reporter.error({}, error.what());  // the library names the file
    return io::kExitSomeFailed;
  } catch (const io::InputError& error) {  // an empty or unusable corpus
    reporter.error({}, error.what());
    return io::kExitSomeFailed;
  }
  if (!index && !command.dedup) {
    reporter.error({}, "related: give --corpus FILE..., --index FILE, or --dedup");
    return io::kExitUsage;
  }
  related::StreamDeduplicator stream_dedup(command.duplicate_threshold);
  const pipeline::OrderedStep relate = [&](model::Article& article, pipeline::Notes&) {
    if (index)
      related::set_related(article, index->query(article, command.query), source,
                           command.query.explain);
    if (!command.dedup) return true;
    bool duplicate = false;
    if (index) {
      const auto duplicates = index->near_duplicates(article, command.duplicate_threshold);
      related::set_duplicates(article, duplicates);
      duplicate = !duplicates.empty();
    } else {
      duplicate = stream_dedup.check(article);
    }
    return !(duplicate && command.drop_duplicates);
  };
  const int status = pipeline::run(command.pipeline, parse_only(), out, err, relate);
  return corpus_failures > 0 ? std::max(status, io::kExitSomeFailed) : status;
}

int run_index(const IndexCommand& command, std::ostream& out, std::ostream& err) {
  io::Reporter reporter(err, command.pipeline.quiet);
  try {
    const auto mode = command.action == IndexCommand::Action::stats ? related::OpenMode::read
                                                                    : related::OpenMode::write;
    auto index = related::open_index(command.index_path, mode);
    nlohmann::json summary;
    int status = io::kExitOk;
    if (command.action == IndexCommand::Action::stats) {
      summary = stats_json(index->stats());
    } else if (command.action == IndexCommand::Action::remove) {
      nlohmann::json missing = nlohmann::json::array();
      std::size_t removed = 0;
      for (const std::string& url : command.urls) {
        if (index->remove(url)) {
          ++removed;
        } else {
          missing.push_back(url);
        }
      }
      summary = {{"removed", removed}, {"not_found", missing}};
    } else {
      std::vector<model::Article> batch;
      related::AddSummary totals;
      auto flush = [&] {
        const related::AddSummary added = index->add(batch);
        totals.added += added.added;
        totals.updated += added.updated;
        for (const auto& skipped : added.skipped) {
          reporter.warning({batch[skipped.position].url}, "not indexed: " + skipped.reason);
          totals.skipped.push_back(skipped);
        }
        batch.clear();
      };
      const pipeline::OrderedStep collect = [&](model::Article& article, pipeline::Notes&) {
        batch.push_back(std::move(article));
        if (batch.size() >= kAddBatch) flush();
        return false;  // indexed, not printed
      };
      status = pipeline::run(command.pipeline, parse_only(), out, err, collect);
      if (!batch.empty()) flush();
      summary = {
          {"added", totals.added}, {"updated", totals.updated}, {"skipped", totals.skipped.size()}};
    }
    out << summary.dump() << '\n' << std::flush;
    return status;
  } catch (const related::Error& error) {
    reporter.error({}, error.what());  // the library names the file
    return io::kExitSomeFailed;
  }
}

}  // namespace crbc::commands
