// Where every page `crbc fetch` fetched ends: recorded in the state, archived,
// written (standard output, -o FILE or --output-dir), counted.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "fetch/fetch.hpp"
#include "fetch/state.hpp"
#include "io/atomic_file.hpp"
#include "io/diagnostics.hpp"
#include "io/progress.hpp"

namespace crbc::commands {

// Raised when standard output is a closed pipe (`| head -1`): the run ends quietly.
struct ClosedPipe {};

struct PageOutput {
  std::string file;             // -o FILE; empty or "-": the stream given
  std::string dir;              // --output-dir DIR: one file per page, before `file`
  bool records = false;         // fetch records (NDJSON) rather than the raw page
  bool stdout_is_pipe = false;  // then the pipeline's last stage acknowledges delivery
};

// Writes the pages, and says when each has reached the end of its journey
// (`delivered`): a file of its own (--output-dir) at once, the -o file when it is
// committed, standard output once flushed unless it is a pipe: then the
// pipeline's last stage acknowledges instead (--ack-state).
class PageEmitter {
 public:
  using Delivered = std::function<void(const std::string& url)>;

  PageEmitter(PageOutput output, std::ostream& out, Delivered delivered);

  // Throws ClosedPipe, or io::OutputError when the page cannot be written.
  void emit(const fetch::FetchResult& page);
  // Commits the -o file.
  void finish();

 private:
  std::ostream& target();

  PageOutput output_;
  std::ostream& out_;
  Delivered delivered_;
  std::unique_ptr<io::AtomicFile> file_;
  std::vector<std::string> committed_with_file_;
};

// Every page fetched goes through take() or deliver(): recorded in the state,
// emitted when this run wants it, counted and shown in the progress line.
class PageSink {
 public:
  using Archive = std::function<void(const fetch::FetchResult&)>;

  // `state` may be null (no --state). With `new_only`, a page is emitted when no
  // version of it was delivered yet; else when the version fetched was not.
  // `archive`, when set, gets every page emitted.
  PageSink(fetch::StateStore* state, bool new_only, Archive archive, PageEmitter& emitter,
           io::Reporter& report, io::ProgressLine& progress);

  // A page fetched as asked, whatever came of it; true when emitted.
  bool take(fetch::FetchResult&& page);
  // A page fetched well (2xx or 304, a page's content type); true when emitted.
  bool deliver(fetch::FetchResult&& page);
  // True when a version of the page was delivered by an earlier run (it is then
  // skipped, and counted so).
  bool delivered_before(const std::string& url);
  void fail(const std::string& url, const std::string& message);

  std::size_t written() const { return written_; }
  std::size_t skipped() const { return skipped_; }
  // Pages fetched by an earlier run that never reached the end of its pipeline.
  std::size_t sent_again() const { return sent_again_; }
  std::size_t done() const { return written_ + skipped_ + report_.errors(); }

 private:
  void skip();
  void show_progress();

  fetch::StateStore* state_;
  bool new_only_;
  Archive archive_;
  PageEmitter& emitter_;
  io::Reporter& report_;
  io::ProgressLine& progress_;
  std::size_t written_ = 0, skipped_ = 0, sent_again_ = 0;
};

}  // namespace crbc::commands
