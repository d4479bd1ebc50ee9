#include "commands/related_command.hpp"

#include <functional>
#include <memory>

#include "cli/commands.hpp"
#include "cli/pipeline_options.hpp"

namespace crbc::cli {
namespace {

const CLI::Validator kDay(
    [](std::string& value) {
      return related::parse_day(value) ? std::string()
                                       : "expected a date as YYYY-MM-DD, not \"" + value + "\"";
    },
    "");

// `related index NAME`, with its --index FILE.
CLI::App* add_index_subcommand(CLI::App& index, const std::string& name,
                               const std::string& description, const std::string& index_help,
                               commands::IndexCommand& command) {
  auto* subcommand = index.add_subcommand(name, description);
  subcommand->add_option("--index", command.index_path, index_help)->type_name("FILE")->required();
  return subcommand;
}

// Runs `action` on the index when `subcommand` is given, once `prepare` has set
// what the action needs beyond the index file.
void run_index_action(
    CLI::App& subcommand, RunState& state, const std::shared_ptr<commands::IndexCommand>& command,
    commands::IndexCommand::Action action,
    const std::function<void(commands::IndexCommand&)>& prepare = [](commands::IndexCommand&) {}) {
  subcommand.callback([&state, command, action, prepare] {
    command->action = action;
    prepare(*command);
    state.exit_status = commands::run_index(*command, state.out, state.err);
  });
}

void add_index_commands(CLI::App& related, RunState& state) {
  auto* index = related.add_subcommand("index", "Maintain a persistent related-articles index");
  index->require_subcommand(1);
  using Action = commands::IndexCommand::Action;

  auto add_flags = std::make_shared<PipelineFlags>();
  auto add_command = std::make_shared<commands::IndexCommand>();
  auto* add =
      add_index_subcommand(*index, "add", "Add records (or pages) to the index; re-adding updates",
                           "Index file (SQLite), created when missing", *add_command);
  add_pipeline_options(*add, *add_flags, "json");
  run_index_action(*add, state, add_command, Action::add,
                   [add_flags](commands::IndexCommand& command) {
                     command.pipeline = finish_pipeline_options(*add_flags);
                   });

  auto remove_command = std::make_shared<commands::IndexCommand>();
  auto* remove = add_index_subcommand(*index, "remove", "Remove articles from the index by url",
                                      "Index file (SQLite)", *remove_command);
  remove->add_option("urls", remove_command->urls, "Urls or canonical urls to remove")
      ->type_name("URL")
      ->required();
  run_index_action(*remove, state, remove_command, Action::remove);

  auto stats_command = std::make_shared<commands::IndexCommand>();
  auto* stats = add_index_subcommand(*index, "stats", "Print the index statistics as JSON",
                                     "Index file (SQLite)", *stats_command);
  run_index_action(*stats, state, stats_command, Action::stats);
}

}  // namespace

void add_related_command(CLI::App& app, RunState& state) {
  struct Flags : RecordCommandFlags<commands::RelatedCommand> {
    bool same_site = false;
    bool other_site = false;
    std::string since;
    std::string until;
  };
  auto flags = std::make_shared<Flags>();
  auto& c = flags->command;
  auto* command = add_record_subcommand(
      app, "related", "Find related articles in a corpus or an index, and flag near-duplicates",
      "crbc related --corpus month.ndjson today.ndjson", flags->pipeline);
  command
      ->add_option("--corpus", c.corpus,
                   "Records (files or NDJSON) to find related articles in; repeat for more")
      ->type_name("FILE")
      ->allow_extra_args(false);  // `--corpus month.ndjson today.ndjson`: today is the input
  command->add_option("--index", c.index_path, "Index file to query (see `crbc related index`)")
      ->type_name("FILE");
  command->add_option("-k", c.query.k, "How many related articles per record")
      ->type_name("N")
      ->capture_default_str();
  command->add_option("--min-score", c.query.min_score, "Leave out matches scoring less (0 to 1)")
      ->type_name("SCORE");
  command->add_flag("--same-site", flags->same_site, "Only articles from the record's own site");
  command->add_flag("--other-site", flags->other_site, "Only articles from other sites")
      ->excludes("--same-site");
  command->add_option("--since", flags->since, "Only articles published on or after DATE")
      ->type_name("DATE")
      ->check(kDay);
  command->add_option("--until", flags->until, "Only articles published on or before DATE")
      ->type_name("DATE")
      ->check(kDay);
  command
      ->add_option("--recency", c.query.recency_half_life_days,
                   "Prefer recent articles: score halves every DAYS days apart")
      ->type_name("DAYS");
  command->add_flag("--explain", c.query.explain, "Say which terms made each match");
  command->add_flag("--dedup", c.dedup, "Flag near-duplicates of earlier or indexed articles");
  command
      ->add_flag("--drop-duplicates", c.drop_duplicates, "Flag near-duplicates and leave them out")
      ->excludes("--explain");
  command
      ->add_option("--threshold", c.duplicate_threshold,
                   "Similarity from which two articles are near-duplicates (0 to 1)")
      ->type_name("SIMILARITY")
      ->capture_default_str();
  add_index_commands(*command, state);
  command->callback([&state, flags, command] {
    if (command->get_subcommands().size() > 0) return;  // `related index …` ran
    auto& settings = flags->command;
    settings.pipeline = finish_pipeline_options(flags->pipeline);
    if (flags->same_site) settings.query.site = related::SiteFilter::same_site;
    if (flags->other_site) settings.query.site = related::SiteFilter::other_site;
    if (!flags->since.empty()) settings.query.since = flags->since;
    if (!flags->until.empty()) settings.query.until = flags->until;
    if (settings.drop_duplicates) settings.dedup = true;
    state.exit_status = commands::run_related(settings, state.out, state.err);
  });
}

}  // namespace crbc::cli
