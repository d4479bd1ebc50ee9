// `crbc fetch`: options into commands::FetchCommand, then commands::run_fetch().
#include "commands/fetch_command.hpp"

#include <memory>

#include "cli/commands.hpp"
#include "cli/download_options.hpp"
#include "cli/help_formatter.hpp"
#include "cli/pipeline_options.hpp"

namespace crbc::cli {
namespace {

struct FetchFlags {
  commands::FetchCommand command;
  bool feed = false;
  bool explore = false;
  bool crawl = false;
  bool records = false;
  bool html = false;
  double delay_seconds = 0;
  double timeout_seconds = 60;
  double connect_timeout_seconds = 10;
};

}  // namespace

void add_fetch_command(CLI::App& app, RunState& state) {
  auto* sub =
      app.add_subcommand("fetch", "Download article pages from urls, feeds, sitemaps and sites");
  add_help_footer(*sub,
                  "crbc fetch --state fetch.db --new-only --feed https://news.example.org/rss.xml"
                  " | crbc parse");
  auto flags = std::make_shared<FetchFlags>();
  auto& c = flags->command;
  sub->add_option(
      "url", c.urls,
      "Urls to fetch (or feeds with --feed, pages of sites with --explore and --crawl)");
  sub->add_option("-i,--input", c.url_files, "File of urls, one a line (- for standard input)")
      ->type_name("FILE")
      ->allow_extra_args(false);  // -i takes one FILE; repeat it for more
  auto* feed = sub->add_flag("--feed", flags->feed,
                             "Expand the urls as RSS/Atom feeds, sitemaps or home pages");
  auto* explore = sub->add_flag("--explore", flags->explore,
                                "Fetch the article links of the pages and of their sites' sitemaps")
                      ->excludes(feed);
  auto* crawl = sub->add_flag("--crawl", flags->crawl,
                              "Follow the links of the pages' sites, breadth first, for articles")
                    ->excludes(feed)
                    ->excludes(explore);
  sub->add_option("--max-pages", c.max_pages,
                  "Write at most N pages (--explore and --crawl: " +
                      std::to_string(commands::kDefaultSitePages) + " unless given)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  sub->add_option("--max-depth", c.max_depth, "Links --crawl follows from a start page")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber)
      ->needs(crawl)
      ->capture_default_str();
  sub->add_option("-j,--jobs", c.options.parallel, "Transfers at once")->capture_default_str();
  sub->add_option("--per-host", c.options.per_host, "Transfers at once to one host")
      ->capture_default_str();
  sub->add_option("--delay", flags->delay_seconds, "Seconds between two requests to one host")
      ->capture_default_str();
  sub->add_flag("--records", flags->records, "Write fetch records (NDJSON)");
  sub->add_flag("--html", flags->html, "Write the raw page, even into a pipe");
  sub->add_option("-o,--output", c.output_file, "Write to FILE (atomically)")->type_name("FILE");
  sub->add_option("--output-dir", c.output_dir, "One file per page in DIR")->type_name("DIR");
  auto* state_file = sub->add_option("--state", c.state_path, "SQLite state file for cron runs")
                         ->type_name("FILE");
  sub->add_flag("--new-only", c.new_only, "Emit only pages never delivered before (needs --state)")
      ->needs(state_file);
  sub->add_option("--warc", c.warc_path, "Also archive requests and responses as WARC/1.1")
      ->type_name("FILE");
  sub->add_option("--user-agent", c.options.user_agent, "User-Agent header")->capture_default_str();
  sub->add_option("--timeout", flags->timeout_seconds, "Seconds for a whole transfer")
      ->capture_default_str();
  sub->add_option("--connect-timeout", flags->connect_timeout_seconds, "Seconds to connect")
      ->capture_default_str();
  sub->add_option("--retries", c.options.retries, "Retries after network errors, 429 and 5xx")
      ->capture_default_str();
  sub->add_option("--max-size", c.options.max_size, "Largest body in bytes, after decompression")
      ->capture_default_str();
  sub->add_option("--max-redirects", c.options.max_redirects, "Redirects followed")
      ->capture_default_str();
  add_address_options(*sub, c.options);
  sub->add_flag("-q,--quiet", c.quiet, "No summary line");
  add_progress_flag(*sub, c.progress);
  sub->callback([&state, flags] {
    auto& command = flags->command;
    using Source = commands::FetchCommand::Source;
    command.source = flags->feed      ? Source::feeds
                     : flags->explore ? Source::explore
                     : flags->crawl   ? Source::crawl
                                      : Source::urls;
    using std::chrono::milliseconds;
    command.options.per_host_delay =
        milliseconds(static_cast<long long>(flags->delay_seconds * 1000));
    command.options.timeout = milliseconds(static_cast<long long>(flags->timeout_seconds * 1000));
    command.options.connect_timeout =
        milliseconds(static_cast<long long>(flags->connect_timeout_seconds * 1000));
    using Output = commands::FetchCommand::Output;
    command.output = flags->records ? Output::records
                     : flags->html  ? Output::html
                                    : Output::automatic;
    state.exit_status = commands::run_fetch(command, state.out, state.err);
  });
}

}  // namespace crbc::cli
