#include "commands/fetch_command.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <limits>
#include <memory>
#include <optional>

#include "commands/fetch_sink.hpp"
#include "fetch/explore.hpp"
#include "fetch/frontier.hpp"
#include "fetch/state.hpp"
#include "formats/warc.hpp"
#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/exit_status.hpp"
#include "io/input.hpp"
#include "io/progress.hpp"
#include "text/ascii.hpp"

namespace crbc::commands {
namespace {

using Source = FetchCommand::Source;
using Output = FetchCommand::Output;

constexpr std::size_t kMaxUrlLine = 16 * 1024;

// Urls one a line; blank lines and "#" comments are skipped.
void read_url_lines(std::istream& in, std::vector<std::string>& urls) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > kMaxUrlLine) continue;
    const std::string_view url = text::trim_ascii(line);
    if (!url.empty() && url.front() != '#') urls.emplace_back(url);
  }
}

// The urls given, then those of the --input files, then those on standard input
// when nothing names any and it is not a terminal. Throws io::InputError.
std::vector<std::string> input_urls(const FetchCommand& command) {
  std::vector<std::string> urls = command.urls;
  for (const std::string& file : command.url_files) {
    read_url_lines(*io::open_input(file).stream, urls);
  }
  if (command.urls.empty() && command.url_files.empty() && ::isatty(STDIN_FILENO) == 0) {
    read_url_lines(*io::open_input("-").stream, urls);
  }
  return urls;
}

// True when `fd` is a pipe or a socket (not a terminal, not a file).
bool is_pipe(int fd) {
  struct stat status {};
  return ::fstat(fd, &status) == 0 && (S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode));
}

// More than one page may come out.
bool several_pages(const FetchCommand& command, const std::vector<std::string>& inputs) {
  return command.source != Source::urls || inputs.size() > 1;
}

bool finds_articles(const FetchCommand& command) {
  return command.source == Source::explore || command.source == Source::crawl;
}

std::size_t most_pages(const FetchCommand& command) {
  if (command.max_pages > 0) return command.max_pages;
  return finds_articles(command) ? kDefaultSitePages : std::numeric_limits<std::size_t>::max();
}

// The urls given, or (--feed) the article urls their feeds list, fetched with
// the validators of the state.
void fetch_listed(fetch::Fetcher& fetcher, const FetchCommand& command,
                  const std::vector<std::string>& inputs, fetch::StateStore* state, PageSink& sink,
                  io::Reporter& report) {
  std::vector<std::string> urls = inputs;
  if (command.source == Source::feeds) {
    urls = fetch::expand_feeds(fetcher, inputs, command.expand,
                               [&report](const std::string& url, const std::string& message) {
                                 report.error({url}, message);
                               });
  }
  std::vector<fetch::FetchRequest> requests;
  requests.reserve(urls.size());
  for (const std::string& url : urls) {
    const std::string normalized = fetch::normalize_url(url);
    requests.push_back(state ? state->conditional_request(normalized.empty() ? url : normalized)
                             : fetch::FetchRequest{url, {}, {}});
  }
  fetch::fetch_until(fetcher, requests, most_pages(command),
                     [&sink](fetch::FetchResult&& page) { return sink.take(std::move(page)); });
}

// The articles of the sites of the inputs, found with --explore or --crawl.
void fetch_site_articles(fetch::Fetcher& fetcher, const FetchCommand& command,
                         const std::vector<std::string>& inputs, PageSink& sink,
                         io::Reporter& report) {
  fetch::SiteOptions options;
  options.max_pages = most_pages(command);
  options.max_depth = command.max_depth;
  const fetch::SiteEvents events{
      .delivered = [&sink](const std::string& url) { return sink.delivered_before(url); },
      .article = [&sink](fetch::FetchResult&& page) { return sink.deliver(std::move(page)); },
      .error = [&sink](const std::string& url,
                       const std::string& message) { sink.fail(url, message); },
      .warning = [&report](const std::string& url,
                           const std::string& message) { report.warning({url}, message); }};
  if (command.source == Source::explore) {
    fetch::explore_sites(fetcher, inputs, options, events);
  } else {
    fetch::CrawlFrontier frontier(command.state_path, fetch::crawl_name(inputs));
    fetch::crawl_sites(fetcher, frontier, inputs, options, events);
  }
}

// Fetches and writes the pages; returns the exit status.
int fetch_pages(const FetchCommand& command, const std::vector<std::string>& inputs,
                const PageOutput& output, const PageSink::Archive& archive,
                const fetch::FetchOptions& options, std::ostream& out, io::Reporter& report) {
  try {
    std::optional<fetch::StateStore> state;
    if (!command.state_path.empty()) state.emplace(command.state_path);
    fetch::StateStore* const state_store = state ? &*state : nullptr;
    fetch::Fetcher fetcher(options);
    PageEmitter emitter(output, out, [state_store](const std::string& url) {
      if (state_store) state_store->mark_delivered(url);
    });
    io::ProgressLine progress(io::progress_wanted(command.progress, command.quiet), "fetch", "page",
                              "pages", report);
    // --explore and --crawl look for articles not delivered before.
    PageSink sink(state_store, command.new_only || finds_articles(command), archive, emitter,
                  report, progress);
    if (finds_articles(command)) {
      fetch_site_articles(fetcher, command, inputs, sink, report);
    } else {
      fetch_listed(fetcher, command, inputs, state_store, sink, report);
    }
    emitter.finish();
    progress.finish(sink.done(), report.errors());
    if (sink.sent_again() > 0 && output.stdout_is_pipe) {
      report.warning({command.state_path},
                     io::counted(sink.sent_again(), "page", "pages") +
                         " fetched by an earlier run never reached the end of its pipeline and "
                         "came again (does the last command acknowledge with --ack-state " +
                         command.state_path + "?)");
    }
    if (several_pages(command, inputs) && !command.quiet) {
      report.raw("crbc: fetch: " + io::counted(sink.written(), "page", "pages") + " written, " +
                 std::to_string(sink.skipped()) + " unchanged or seen before skipped, " +
                 std::to_string(report.errors()) + " failed\n");
    }
  } catch (const ClosedPipe&) {
    return io::kExitOk;
  } catch (const fetch::StateError& error) {
    report.error({command.state_path}, error.what());
    return io::kExitSomeFailed;
  } catch (const std::exception& error) {
    report.error({}, error.what());
    return io::kExitSomeFailed;
  }
  return report.errors() > 0 ? io::kExitSomeFailed : io::kExitOk;
}

// --output-dir is created with its parents, like `mkdir -p`; false (said on
// `report`) when it cannot be.
bool make_output_dir(const std::string& dir, io::Reporter& report) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (std::filesystem::is_directory(dir)) return true;
  report.error({}, "--output-dir " + dir + ": " +
                       (error ? error.message() : std::string("not a directory")));
  return false;
}

}  // namespace

int run_fetch(const FetchCommand& command, std::ostream& out, std::ostream& err) {
  io::Reporter report(err, command.quiet);
  if (!command.output_dir.empty() && !make_output_dir(command.output_dir, report)) {
    return io::kExitSomeFailed;
  }
  std::vector<std::string> inputs;
  try {
    inputs = input_urls(command);
  } catch (const io::InputError& error) {
    report.error({}, error.what());
    return io::kExitUsage;
  }
  if (inputs.empty()) {
    report.error({}, "no url to fetch (give urls, --input FILE, or urls on standard input)");
    return io::kExitUsage;
  }
  const bool several = several_pages(command, inputs);
  if (command.output == Output::html && several && command.output_dir.empty()) {
    report.error({}, "--html writes one page; use --records or --output-dir for several");
    return io::kExitUsage;
  }
  const bool stdout_is_pipe = command.stdout_is_pipe.value_or(is_pipe(STDOUT_FILENO));
  const bool records = command.output == Output::records ||
                       (command.output == Output::automatic &&
                        (several || (stdout_is_pipe && command.output_file.empty())));
  const PageOutput output{.file = command.output_file,
                          .dir = command.output_dir,
                          .records = records,
                          .stdout_is_pipe = stdout_is_pipe};
  try {
    fetch::FetchOptions options = command.options;
    std::unique_ptr<io::AtomicFile> warc_file;
    std::optional<formats::WarcWriter> warc;
    PageSink::Archive archive;
    if (!command.warc_path.empty()) {
      warc_file = std::make_unique<io::AtomicFile>(command.warc_path);
      warc.emplace(warc_file->stream(), true);
      warc->write_info(options.user_agent);
      options.keep_raw_headers = true;
      archive = [&warc](const fetch::FetchResult& page) {
        warc->write(
            {page.final_url, page.fetched_at, page.request_head, page.response_head, page.body});
      };
    }
    const int status = fetch_pages(command, inputs, output, archive, options, out, report);
    if (warc_file) warc_file->commit();
    return status;
  } catch (const io::OutputError& error) {
    report.error({}, error.what());
    return io::kExitSomeFailed;
  }
}

}  // namespace crbc::commands
