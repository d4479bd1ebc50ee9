#include "pipeline/pipeline.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <set>
#include <sstream>

#include "io/atomic_file.hpp"
#include "io/exit_status.hpp"
#include "io/input.hpp"
#include "io/interrupt.hpp"
#include "io/ordered_pool.hpp"
#include "io/progress.hpp"

namespace crbc::pipeline {
namespace {

// What happened to one document, handed back in input order.
struct Outcome {
  std::size_t input_index = 0;
  io::Location where;
  std::vector<model::Article> records;
  std::vector<std::string> warnings;
  std::optional<std::string> error;
};

// Raised when standard output is a closed pipe: the run ends quietly.
struct ClosedPipe {};

// An input as diagnostics name it.
std::string shown_name(const std::string& path) {
  return path == "-" ? "<stdin>" : path;
}

// A write to one --output-dir file failed: that input fails, the others go on.
struct InputOutputError {
  std::size_t input_index;
  std::string message;
};

// Where records go: stdout, one file, or one file per input.
class OutputRouter {
 public:
  OutputRouter(const Options& options, std::ostream& out) : options_(options), out_(out) {
    if (options_.output_dir.empty() && !options_.output_file.empty()) {
      file_ = std::make_unique<io::AtomicFile>(options_.output_file);
      writer_ = make_writer(file_->stream());
    } else if (options_.output_dir.empty()) {
      writer_ = make_writer(staging_);
    }
  }

  // Throws InputOutputError when the input's own --output-dir file cannot be written,
  // io::OutputError or ClosedPipe when the shared output can no longer be.
  void write(std::size_t input_index, const Input& input, const model::Article& article) {
    if (per_input() && current_input_ != input_index) {
      close_current();
      current_input_ = input_index;
      on_input_file([&] { open_file_for(input); });
    }
    if (!writer_) return;  // this input's file already failed
    writer_->write(article);
    wrote_any_ = true;
    if (options_.delivery) options_.delivery->written(article);
    if (!file_) flush_stdout();
  }

  // A failed run that wrote no record (or stopped at --fail-fast) must not create or
  // replace the -o file with an empty or partial one: the temporary is removed.
  // (--output-dir files are per input: finished ones stay.)
  void abandon_file() {
    if (!file_ || per_input()) return;
    writer_.reset();
    file_.reset();
  }
  bool wrote_any() const noexcept { return wrote_any_; }

  // Finishes the last writer and commits its file, if any.
  void close_current() {
    if (!writer_) return;
    on_input_file([&] {
      writer_->finish();
      writer_.reset();
      if (!file_) send_staged();
      check_stdout();
      if (file_) file_->commit();
    });
    file_.reset();
    if (options_.delivery) options_.delivery->durable();
  }

 private:
  bool per_input() const noexcept { return !options_.output_dir.empty(); }

  // Runs a step on the current input's --output-dir file; its failure is that input's.
  template <typename Step>
  void on_input_file(Step step) {
    if (!per_input()) return step();
    try {
      step();
    } catch (const io::OutputError& error) {
      writer_.reset();
      file_.reset();
      throw InputOutputError{current_input_.value_or(0), error.what()};
    }
  }

  // The input's file in --output-dir, named after it: "page.html" gives "page.json",
  // "news/2024/story.html" (a folder read with -R) "news/2024/story.json".
  void open_file_for(const Input& input) {
    const std::string name =
        unused_name(input.output_stem + "." + std::string(formats::file_extension(options_.to)));
    const std::filesystem::path path = std::filesystem::path(options_.output_dir) / name;
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) throw io::OutputError(path.parent_path().string() + ": " + error.message());
    file_ = std::make_unique<io::AtomicFile>(path.string());
    writer_ = make_writer(file_->stream());
  }

  std::unique_ptr<formats::RecordWriter> make_writer(std::ostream& stream) const {
    if (options_.make_writer) return options_.make_writer(stream);
    formats::WriteOptions write = options_.write;
    write.pretty = options_.pretty.value_or(to_terminal());
    return formats::make_writer(options_.to, stream, write);
  }

  bool to_terminal() const {
    return options_.output_file.empty() && !per_input() && ::isatty(STDOUT_FILENO) == 1;
  }

  // Inputs with the same base name ("a/x.html", "b/x.html") must not overwrite each
  // other's output: later ones get "x-2.json", "x-3.json", in input order.
  std::string unused_name(const std::string& name) {
    std::string candidate = name;
    const auto dot = name.rfind('.');
    for (int n = 2; !names_used_.insert(candidate).second; ++n) {
      candidate = name.substr(0, dot) + "-" + std::to_string(n) + name.substr(dot);
    }
    return candidate;
  }

  // Each record leaves as soon as it is written, so that the next stage of a pipe
  // gets it at once and an interruption finds it delivered.
  void flush_stdout() {
    send_staged();
    check_stdout();
    if (options_.delivery) options_.delivery->durable();
  }

  // A record goes to standard output in one write, so that an interruption leaves
  // the file after `>>` with whole records only.
  void send_staged() {
    const std::string record = std::move(staging_).str();
    staging_.str({});
    out_.write(record.data(), static_cast<std::streamsize>(record.size()));
    out_.flush();
  }

  void check_stdout() {
    if (file_ || out_) return;
    if (io::is_closed_pipe(out_)) throw ClosedPipe{};
    throw io::OutputError(std::string("standard output: ") + std::strerror(io::write_error(out_)));
  }

  const Options& options_;
  std::ostream& out_;
  std::unique_ptr<io::AtomicFile> file_;
  std::ostringstream staging_;  // what the writer wrote of the current record, for stdout
  std::unique_ptr<formats::RecordWriter> writer_;
  std::optional<std::size_t> current_input_;  // whose --output-dir file is open (or failed)
  bool wrote_any_ = false;
  std::set<std::string> names_used_;
};

Outcome run_transform(const Transform& transform, formats::SourcedDocument& document,
                      std::size_t input_index, double time_limit) {
  Outcome outcome;
  outcome.input_index = input_index;
  outcome.where = {document.source, document.line, 0};
  Notes notes;
  notes.deadline = io::Deadline(std::chrono::duration<double>(time_limit));
  try {
    outcome.records = transform(document, notes);
  } catch (const std::exception& error) {
    outcome.error = error.what();
  }
  outcome.warnings = std::move(notes.warnings);
  return outcome;
}

class Batch {
 public:
  Batch(const Options& options, const Transform& transform, std::ostream& out, std::ostream& err,
        const OrderedStep& ordered_step)
      : options_(options),
        transform_(transform),
        ordered_step_(ordered_step),
        reporter_(err, options.quiet),
        router_(options, out),
        progress_(io::progress_wanted(options.progress == Progress::always,
                                      options.progress == Progress::never),
                  options.stage, "document", "documents", reporter_),
        inputs_(spell_out(options.inputs)),
        pool_(std::max(1U, options.jobs), [this](Outcome&& outcome) { deliver(outcome); }) {}

  int run() {
    try {
      for (std::size_t i = 0; i < inputs_.size() && !stop_; ++i) read_input(i);
      pool_.finish();
      if (failed_ > 0 && (options_.fail_fast || !router_.wrote_any())) router_.abandon_file();
      finish_output();
    } catch (const ClosedPipe&) {
      return io::kExitOk;
    } catch (const io::OutputError& error) {
      reporter_.error({}, error.what());
      return io::kExitSomeFailed;
    }
    progress_.finish(done_, failed_);
    return failed_ == 0 ? io::kExitOk : io::kExitSomeFailed;
  }

 private:
  void read_input(std::size_t index) {
    const std::string& path = inputs_[index].path;
    if (inputs_[index].problem) {
      fail({path, 0, 0}, *inputs_[index].problem);
      return;
    }
    if (options_.read_url && is_web_address(path)) {
      read_web_address(index, path);
      return;
    }
    io::OpenedInput input;
    try {
      input = io::open_input(path);
    } catch (const io::InputError& error) {
      fail({path, 0, 0}, error.what());
      return;
    }
    formats::ReadOptions read_options;
    read_options.format = options_.from;
    read_options.max_document_bytes = options_.max_input_bytes;
    std::size_t documents = 0;
    const formats::DocumentSink sink{
        [this, index, &documents](formats::SourcedDocument&& document) {
          ++documents;
          auto shared = std::make_shared<formats::SourcedDocument>(std::move(document));
          pool_.submit([this, shared, index] {
            return run_transform(transform_, *shared, index, options_.document_time_limit);
          });
          return !stop_;
        },
        [this, index, &documents](const std::string& source, const formats::FormatError& error) {
          ++documents;
          Outcome outcome;
          outcome.input_index = index;
          outcome.where = {source, error.line(), error.column()};
          outcome.error = error.what();
          pool_.submit([outcome] { return outcome; });
          return !stop_;
        }};
    try {
      formats::read_documents(*input.stream, input.name, read_options, sink);
      if (documents == 0) reporter_.warning({input.name, 0, 0}, "empty input: no document in it");
    } catch (const io::OutputError&) {
      throw;  // the shared output failed while a record was delivered: the run ends
    } catch (const formats::FormatError& error) {
      fail({input.name, error.line(), error.column()}, error.what());
    } catch (const std::bad_alloc&) {
      // An input that needs more memory than the process may have (ulimit -v) fails
      // alone; what it allocated is gone by now, so the other inputs still run.
      fail({input.name, 0, 0}, "out of memory while reading this input");
    } catch (const std::exception& error) {
      fail({input.name, 0, 0}, error.what());
    }
  }

  void read_web_address(std::size_t index, const std::string& url) {
    std::shared_ptr<formats::SourcedDocument> page;
    try {
      page = std::make_shared<formats::SourcedDocument>(options_.read_url(url));
    } catch (const std::exception& error) {
      fail({url, 0, 0}, error.what());
      return;
    }
    pool_.submit([this, page, index] {
      return run_transform(transform_, *page, index, options_.document_time_limit);
    });
  }

  void fail(const io::Location& where, const std::string& message) {
    reporter_.error(where, message);
    ++failed_;
    if (options_.fail_fast) stop_ = true;
  }

  // Runs on the reading thread, in input order.
  void deliver(Outcome& outcome) {
    ++done_;
    for (const std::string& warning : outcome.warnings) reporter_.warning(outcome.where, warning);
    if (outcome.error) {
      fail(outcome.where, *outcome.error);
    } else if (!stop_) {
      for (model::Article& record : outcome.records) {
        if (ordered_step_ && !apply_ordered_step(outcome.where, record)) continue;
        write(outcome, record);
      }
    }
    progress_.update(done_, failed_);
  }

  void write(const Outcome& outcome, const model::Article& record) {
    try {
      router_.write(outcome.input_index, inputs_[outcome.input_index], record);
    } catch (const InputOutputError& error) {
      fail({shown_name(inputs_[error.input_index].path), 0, 0}, error.message);
    }
  }

  void finish_output() {
    try {
      router_.close_current();
    } catch (const InputOutputError& error) {
      fail({shown_name(inputs_[error.input_index].path), 0, 0}, error.message);
    }
  }

  bool apply_ordered_step(const io::Location& where, model::Article& record) {
    Notes notes;
    bool keep = true;
    try {
      keep = ordered_step_(record, notes);
    } catch (const std::exception& error) {
      fail(where, error.what());
      keep = false;
    }
    for (const std::string& warning : notes.warnings) reporter_.warning(where, warning);
    return keep;
  }

  const Options& options_;
  const Transform& transform_;
  const OrderedStep& ordered_step_;
  io::Reporter reporter_;
  OutputRouter router_;
  io::ProgressLine progress_;
  std::vector<Input> inputs_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  bool stop_ = false;
  // Last member: its destructor joins the workers before anything they use goes.
  io::OrderedPool<Outcome> pool_;
};

}  // namespace

int run(const Options& options, const Transform& transform, std::ostream& out, std::ostream& err,
        const OrderedStep& ordered_step) {
  if (!options.output_dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(options.output_dir, error);
    if (error || !std::filesystem::is_directory(options.output_dir)) {
      const std::string reason = error ? error.message() : "not a directory";
      io::Reporter(err).error({},
                              options.output_dir + ": cannot create the output folder: " + reason);
      return io::kExitSomeFailed;
    }
  }
  try {
    Batch batch(options, transform, out, err, ordered_step);
    return batch.run();
  } catch (const io::OutputError& error) {
    io::Reporter(err).error({}, error.what());
    return io::kExitSomeFailed;
  }
}

}  // namespace crbc::pipeline
