#include "commands/summarize_command.hpp"

#include "cli/commands.hpp"
#include "cli/pipeline_options.hpp"
#include "cli/validators.hpp"

namespace crbc::cli {

void add_summarize_command(CLI::App& app, RunState& state) {
  struct Flags : RecordCommandFlags<commands::SummarizeCommand> {
    std::string method = "default";
  };
  auto flags = std::make_shared<Flags>();
  auto& s = flags->command.summarize;
  auto* command = add_record_subcommand(
      app, "summarize",
      "Add a summary, key phrases, people/organisations/places and quotes to records",
      "crbc parse story.html | crbc summarize | crbc convert -t yaml", flags->pipeline);
  command->add_option("-m,--method", flags->method, "Summary method")
      ->type_name("METHOD")
      ->capture_default_str()
      ->check(choice_of(summarize::method_names(), "method"));
  command->add_option("-n,--sentences", s.sentences, "Summary length in sentences (default 3)")
      ->type_name("N");
  command->add_option("-w,--words", s.words, "Summary length in words at most")->type_name("N");
  command->add_option("-r,--ratio", s.ratio, "Summary length as a share of the sentences, 0 to 1")
      ->type_name("R")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--keywords", s.max_keywords, "How many key phrases to keep")
      ->type_name("N")
      ->capture_default_str();
  command
      ->add_option("--language", s.default_language,
                   "Language of records that do not name one (BCP 47)")
      ->type_name("LANG")
      ->capture_default_str();
  command->add_flag("--text", flags->command.text_only,
                    "Print only the summaries, one sentence a line");
  command->callback([&state, flags] {
    flags->command.summarize.method = *summarize::parse_method(flags->method);
    flags->command.pipeline = finish_pipeline_options(flags->pipeline);
    state.exit_status = commands::run_summarize(flags->command, state.out, state.err);
  });
}

}  // namespace crbc::cli
