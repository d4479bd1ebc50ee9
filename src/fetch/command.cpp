#include "fetch/command.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

#include "fetch/detail.hpp"
#include "fetch/explore.hpp"
#include "fetch/frontier.hpp"
#include "fetch/state.hpp"
#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/exit_status.hpp"
#include "io/input.hpp"
#include "io/media_type.hpp"
#include "io/progress.hpp"
#include "text/ascii.hpp"

namespace crbc::fetch {
namespace {

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

// Raised when standard output is a closed pipe (`| head -1`): the run ends quietly.
struct ClosedPipe {};

// Writes the pages, and says when each has reached the end of its journey
// (`delivered`): a file of its own (--output-dir) at once, the -o file when it is
// committed, standard output once flushed unless it is a pipe: then the
// pipeline's last stage acknowledges instead (--ack-state).
class Emitter {
 public:
  using Delivered = std::function<void(const std::string& url)>;

  Emitter(const FetchCommand& command, std::ostream& out, bool records, Delivered delivered)
      : command_(command), out_(out), records_(records), delivered_(std::move(delivered)) {}

  void emit(const FetchResult& page) {
    if (!command_.output_dir.empty()) {
      write_file_atomically(page_file_path(page), page.body);
      delivered_(page.url);
      return;
    }
    std::ostream& out = target();
    if (records_) {
      out << fetch_record(page).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << '\n';
    } else {
      out.write(page.body.data(), static_cast<std::streamsize>(page.body.size()));
    }
    out.flush();
    if (!out) {
      if (!file_ && errno == EPIPE) throw ClosedPipe{};
      throw io::OutputError("cannot write the output");
    }
    if (file_) {
      committed_with_file_.push_back(page.url);
    } else if (!command_.stdout_is_pipe) {
      delivered_(page.url);
    }
  }

  void finish() {
    if (!file_) return;
    file_->commit();
    for (const std::string& url : committed_with_file_) delivered_(url);
  }

 private:
  std::string page_file_path(const FetchResult& page) const {
    return (std::filesystem::path(command_.output_dir) /
            output_file_name(page.final_url.empty() ? page.url : page.final_url))
        .string();
  }

  std::ostream& target() {
    if (command_.output_file.empty() || command_.output_file == "-") return out_;
    if (!file_) file_ = std::make_unique<io::AtomicFile>(command_.output_file);
    return file_->stream();
  }

  const FetchCommand& command_;
  std::ostream& out_;
  bool records_;
  Delivered delivered_;
  std::unique_ptr<io::AtomicFile> file_;
  std::vector<std::string> committed_with_file_;
};

// Whether this run emits the page: with --new-only, when no version of it was
// delivered yet; else when the version fetched was not.
bool wanted(bool new_only, Delivery delivery) {
  return new_only ? delivery == Delivery::never : delivery != Delivery::current;
}

bool finds_articles(const FetchCommand& command) {
  return command.source == FetchCommand::Source::explore ||
         command.source == FetchCommand::Source::crawl;
}

// Where every page fetched ends: recorded in the state, emitted when this run
// wants it, counted and shown in the progress line.
class PageSink {
 public:
  PageSink(const FetchCommand& command, StateStore* state, Emitter& emitter, io::Reporter& report,
           io::ProgressLine& progress)
      : command_(command),
        state_(state),
        // --explore and --crawl look for articles not delivered before.
        new_only_(command.new_only || finds_articles(command)),
        emitter_(emitter),
        report_(report),
        progress_(progress) {}

  // A page fetched as asked, whatever came of it; true when emitted.
  bool take(FetchResult&& page) {
    if (!page.ok) {
      fail(page.url, page.error);
      return false;
    }
    if (!page.not_modified && !io::is_page_media_type(page.content_type)) {
      fail(page.url, "not an HTML page (Content-Type: " + page.content_type + ")");
      return false;
    }
    return deliver(std::move(page));
  }

  // A page fetched well (2xx or 304, a page's content type); true when emitted.
  bool deliver(FetchResult&& page) {
    // The row is committed before the page is emitted, and the page counts as
    // seen only once delivered: a run killed at any moment loses nothing.
    const Novelty novelty = state_ ? state_->record(page) : Novelty::new_page;
    const Delivery delivery = state_ ? state_->delivery(page.url) : Delivery::never;
    if (novelty != Novelty::new_page && delivery == Delivery::never) ++sent_again_;
    if (page.not_modified || !wanted(new_only_, delivery)) {
      skip();
      return false;
    }
    if (command_.archive) command_.archive(page);
    emitter_.emit(page);
    ++written_;
    show_progress();
    return true;
  }

  // True when a version of the page was delivered by an earlier run (it is then
  // skipped, and counted so).
  bool delivered_before(const std::string& url) {
    if (!state_ || state_->delivery(url) == Delivery::never) return false;
    skip();
    return true;
  }

  void fail(const std::string& url, const std::string& message) {
    report_.error({url}, message);
    show_progress();
  }

  std::size_t written() const { return written_; }
  std::size_t skipped() const { return skipped_; }
  std::size_t sent_again() const { return sent_again_; }
  std::size_t done() const { return written_ + skipped_ + report_.errors(); }

 private:
  void skip() {
    ++skipped_;
    show_progress();
  }
  void show_progress() { progress_.update(done(), report_.errors()); }

  const FetchCommand& command_;
  StateStore* state_;
  bool new_only_;
  Emitter& emitter_;
  io::Reporter& report_;
  io::ProgressLine& progress_;
  std::size_t written_ = 0, skipped_ = 0, sent_again_ = 0;
};

std::size_t most_pages(const FetchCommand& command) {
  if (command.max_pages > 0) return command.max_pages;
  return finds_articles(command) ? kDefaultSitePages : std::numeric_limits<std::size_t>::max();
}

// The urls given, or (--feed) the article urls their feeds list, fetched with
// the validators of the state.
void fetch_listed(Fetcher& fetcher, const FetchCommand& command,
                  const std::vector<std::string>& inputs, StateStore* state, PageSink& sink,
                  io::Reporter& report) {
  std::vector<std::string> urls = inputs;
  if (command.source == FetchCommand::Source::feeds) {
    urls = expand_feeds(fetcher, inputs, command.expand,
                        [&report](const std::string& url, const std::string& message) {
                          report.error({url}, message);
                        });
  }
  std::vector<FetchRequest> requests;
  requests.reserve(urls.size());
  for (const std::string& url : urls) {
    const std::string normalized = normalize_url(url);
    requests.push_back(state ? state->conditional_request(normalized.empty() ? url : normalized)
                             : FetchRequest{url, {}, {}});
  }
  fetch_until(fetcher, requests, most_pages(command),
              [&sink](FetchResult&& page) { return sink.take(std::move(page)); });
}

// The articles of the sites of the inputs, found with --explore or --crawl.
void fetch_site_articles(Fetcher& fetcher, const FetchCommand& command,
                         const std::vector<std::string>& inputs, PageSink& sink,
                         io::Reporter& report) {
  SiteOptions options;
  options.max_pages = most_pages(command);
  options.max_depth = command.max_depth;
  const SiteEvents events{
      .delivered = [&sink](const std::string& url) { return sink.delivered_before(url); },
      .article = [&sink](FetchResult&& page) { return sink.deliver(std::move(page)); },
      .error = [&sink](const std::string& url,
                       const std::string& message) { sink.fail(url, message); },
      .warning = [&report](const std::string& url,
                           const std::string& message) { report.warning({url}, message); }};
  if (command.source == FetchCommand::Source::explore) {
    explore_sites(fetcher, inputs, options, events);
  } else {
    CrawlFrontier frontier(command.state_path, crawl_name(inputs));
    crawl_sites(fetcher, frontier, inputs, options, events);
  }
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

bool is_pipe(int fd) {
  struct stat status {};
  return ::fstat(fd, &status) == 0 && (S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode));
}

int run_fetch(const FetchCommand& command, std::ostream& out, std::ostream& err) {
  io::Reporter report(err, command.quiet);
  if (command.new_only && command.state_path.empty()) {
    report.error({}, "--new-only needs --state FILE (where pages seen before are remembered)");
    return io::kExitUsage;
  }
  if (!command.output_dir.empty() && !make_output_dir(command.output_dir, report)) {
    return io::kExitSomeFailed;
  }
  std::vector<std::string> inputs = command.urls;
  try {
    for (const std::string& file : command.url_files) {
      const io::OpenedInput input = io::open_input(file);
      read_url_lines(*input.stream, inputs);
    }
    if (command.read_stdin) read_url_lines(*io::open_input("-").stream, inputs);
  } catch (const io::InputError& error) {
    report.error({}, error.what());
    return io::kExitUsage;
  }
  if (inputs.empty()) {
    report.error({}, "no url to fetch (give urls, --input FILE, or urls on standard input)");
    return io::kExitUsage;
  }
  const bool several = command.source != FetchCommand::Source::urls || inputs.size() > 1;
  if (command.output == FetchCommand::Output::html && several && command.output_dir.empty()) {
    report.error({}, "--html writes one page; use --records or --output-dir for several");
    return io::kExitUsage;
  }
  const bool records = command.output == FetchCommand::Output::records ||
                       (command.output == FetchCommand::Output::automatic &&
                        (several || (command.stdout_is_pipe && command.output_file.empty())));

  try {
    std::optional<StateStore> state;
    if (!command.state_path.empty()) state.emplace(command.state_path);
    StateStore* const state_store = state ? &*state : nullptr;
    Fetcher fetcher(command.options);
    Emitter emitter(command, out, records, [state_store](const std::string& url) {
      if (state_store) state_store->mark_delivered(url);
    });
    io::ProgressLine progress(io::progress_wanted(command.progress, command.quiet), "fetch", "page",
                              "pages", report);
    PageSink sink(command, state_store, emitter, report, progress);
    if (finds_articles(command)) {
      fetch_site_articles(fetcher, command, inputs, sink, report);
    } else {
      fetch_listed(fetcher, command, inputs, state_store, sink, report);
    }
    emitter.finish();
    progress.finish(sink.done(), report.errors());
    if (sink.sent_again() > 0 && command.stdout_is_pipe) {
      report.warning({command.state_path},
                     io::counted(sink.sent_again(), "page", "pages") +
                         " fetched by an earlier run never reached the end of its pipeline and "
                         "came again (does the last command acknowledge with --ack-state " +
                         command.state_path + "?)");
    }
    if (several && !command.quiet) {
      report.raw("crbc: fetch: " + io::counted(sink.written(), "page", "pages") + " written, " +
                 std::to_string(sink.skipped()) + " unchanged or seen before skipped, " +
                 std::to_string(report.errors()) + " failed\n");
    }
  } catch (const ClosedPipe&) {
    return io::kExitOk;
  } catch (const StateError& error) {
    report.error({command.state_path}, error.what());
    return io::kExitSomeFailed;
  } catch (const std::exception& error) {
    report.error({}, error.what());
    return io::kExitSomeFailed;
  }
  return report.errors() > 0 ? io::kExitSomeFailed : io::kExitOk;
}

}  // namespace crbc::fetch
