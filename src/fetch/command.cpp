#include "fetch/command.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "fetch/detail.hpp"
#include "fetch/state.hpp"
#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/input.hpp"

namespace crbc::fetch {
namespace {

constexpr std::size_t kMaxUrlLine = 16 * 1024;

// Urls one a line; blank lines and "#" comments are skipped.
void read_url_lines(std::istream& in, std::vector<std::string>& urls) {
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > kMaxUrlLine) continue;
    const std::string_view url = detail::trim_space(line);
    if (!url.empty() && url.front() != '#') urls.emplace_back(url);
  }
}

bool is_page_content_type(std::string_view content_type) {
  const std::string type = detail::ascii_lower(content_type);
  return type.empty() || type.find("html") != std::string::npos ||
         type.find("xml") != std::string::npos || type.starts_with("text/");
}

class Emitter {
 public:
  Emitter(const FetchCommand& command, std::ostream& out, bool records)
      : command_(command), out_(out), records_(records) {}

  void emit(const FetchResult& page) {
    if (!command_.output_dir.empty()) {
      const std::string path =
          (std::filesystem::path(command_.output_dir) /
           output_file_name(page.final_url.empty() ? page.url : page.final_url))
              .string();
      write_file_atomically(path, page.body);
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
    if (!out) throw io::OutputError("cannot write the output");
  }

  void finish() {
    if (file_) file_->commit();
  }

 private:
  std::ostream& target() {
    if (command_.output_file.empty() || command_.output_file == "-") return out_;
    if (!file_) file_ = std::make_unique<io::AtomicFile>(command_.output_file);
    return file_->stream();
  }

  const FetchCommand& command_;
  std::ostream& out_;
  bool records_;
  std::unique_ptr<io::AtomicFile> file_;
};

}  // namespace

bool is_pipe(int fd) {
  struct stat status {};
  return ::fstat(fd, &status) == 0 && (S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode));
}

int run_fetch(const FetchCommand& command, std::ostream& out, std::ostream& err) {
  io::Reporter report(err, command.quiet);
  if (command.new_only && command.state_path.empty()) {
    report.error({}, "--new-only needs --state FILE (where pages seen before are remembered)");
    return 2;
  }
  if (!command.output_dir.empty() && !std::filesystem::is_directory(command.output_dir)) {
    report.error({}, "--output-dir " + command.output_dir + ": not a directory");
    return 2;
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
    return 2;
  }
  if (inputs.empty()) {
    report.error({}, "no url to fetch (give urls, --input FILE, or urls on standard input)");
    return 2;
  }
  const bool several = command.feed || inputs.size() > 1;
  if (command.output == FetchCommand::Output::html && several && command.output_dir.empty()) {
    report.error({}, "--html writes one page; use --records or --output-dir for several");
    return 2;
  }
  const bool records = command.output == FetchCommand::Output::records ||
                       (command.output == FetchCommand::Output::automatic &&
                        (several || (command.stdout_is_pipe && command.output_file.empty())));

  bool failed = false;
  try {
    std::optional<StateStore> state;
    if (!command.state_path.empty()) state.emplace(command.state_path);
    Fetcher fetcher(command.options);
    std::vector<std::string> urls = inputs;
    if (command.feed) {
      urls = expand_feeds(fetcher, inputs, command.expand,
                          [&](const std::string& url, const std::string& message) {
                            report.error({url}, message);
                            failed = true;
                          });
    }
    std::vector<FetchRequest> requests;
    requests.reserve(urls.size());
    for (const std::string& url : urls) {
      requests.push_back(
          state ? state->conditional_request(normalize_url(url).empty() ? url : normalize_url(url))
                : FetchRequest{url, {}, {}});
    }
    Emitter emitter(command, out, records);
    std::size_t fetched = 0, skipped = 0;
    fetcher.run(requests, [&](FetchResult&& page) {
      if (!page.ok) {
        report.error({page.url}, page.error);
        failed = true;
        return;
      }
      if (!page.not_modified && !is_page_content_type(page.content_type)) {
        report.error({page.url}, "not an HTML page (Content-Type: " + page.content_type + ")");
        failed = true;
        return;
      }
      // The state row is committed before the page is reported: a run killed
      // after this line never loses a page it reported.
      const Novelty novelty = state ? state->record(page) : Novelty::new_page;
      const bool wanted =
          command.new_only ? novelty == Novelty::new_page : novelty != Novelty::unchanged;
      if (page.not_modified || !wanted) {
        ++skipped;
        return;
      }
      if (command.archive) command.archive(page);
      emitter.emit(page);
      ++fetched;
    });
    emitter.finish();
    if (several && !command.quiet) {
      report.raw("crbc: fetch: " + std::to_string(fetched) + " pages written, " +
                 std::to_string(skipped) + " unchanged or seen before skipped, " +
                 std::to_string(report.errors()) + " failed\n");
    }
  } catch (const StateError& error) {
    report.error({command.state_path}, error.what());
    return 1;
  } catch (const std::exception& error) {
    report.error({}, error.what());
    return 1;
  }
  return failed ? 1 : 0;
}

}  // namespace crbc::fetch
