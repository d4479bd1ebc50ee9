#include "commands/fetch_command.hpp"

#include <unistd.h>

#include <memory>
#include <optional>

#include "formats/warc.hpp"
#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/exit_status.hpp"

namespace crbc::commands {

int run_fetch(FetchInvocation invocation, std::ostream& out, std::ostream& err) {
  fetch::FetchCommand& command = invocation.fetch;
  command.stdout_is_pipe = fetch::is_pipe(STDOUT_FILENO);
  command.read_stdin =
      command.urls.empty() && command.url_files.empty() && ::isatty(STDIN_FILENO) == 0;
  try {
    std::unique_ptr<io::AtomicFile> warc_file;
    std::optional<formats::WarcWriter> warc;
    if (!invocation.warc_path.empty()) {
      warc_file = std::make_unique<io::AtomicFile>(invocation.warc_path);
      warc.emplace(warc_file->stream(), true);
      warc->write_info(command.options.user_agent);
      command.options.keep_raw_headers = true;
      command.archive = [&warc](const fetch::FetchResult& page) {
        warc->write(
            {page.final_url, page.fetched_at, page.request_head, page.response_head, page.body});
      };
    }
    const int status = fetch::run_fetch(command, out, err);
    if (warc_file) warc_file->commit();
    return status;
  } catch (const io::OutputError& error) {
    io::Reporter(err).error({}, error.what());
    return io::kExitSomeFailed;
  }
}

}  // namespace crbc::commands
