// The pipe contract shared by every record subcommand: read inputs (files or
// stdin, format detected), transform each document, write the records in input
// order to stdout, one file, or one file per input; report failures per input
// and return the documented exit status.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "formats/formats.hpp"
#include "io/deadline.hpp"
#include "io/diagnostics.hpp"
#include "model/article.hpp"
#include "pipeline/inputs.hpp"

namespace crbc::pipeline {

enum class Progress { automatic, always, never };

// Told when records have reached their output for good (--ack-state): written()
// for each record handed to the output, then durable() once every record written
// so far is flushed to standard output or committed in its file. Throws
// io::OutputError when it cannot record that.
class DeliveryLog {
 public:
  virtual ~DeliveryLog() = default;
  virtual void written(const model::Article& record) = 0;
  virtual void durable() = 0;
};

// Reads an input that is a web address (parse's `crbc parse https://…`); throws with
// the reason when it cannot. Called on the reading thread, one address at a time.
using UrlReader = std::function<formats::SourcedDocument(const std::string& url)>;

struct Options {
  std::string stage;  // the subcommand's name, for the progress line
  InputSelection inputs;
  std::optional<formats::Format> from;
  formats::Format to = formats::Format::json;
  formats::WriteOptions write;  // its `pretty` is decided by `pretty` below
  // JSON indented (--pretty) or one record a line (--compact); unset: indented when
  // the records go to a terminal, one a line when they go to a pipe or a file.
  std::optional<bool> pretty;
  std::string output_file;  // -o
  std::string output_dir;   // --output-dir; created with its parents when missing
  unsigned jobs = 1;
  bool fail_fast = false;
  bool quiet = false;
  Progress progress = Progress::automatic;
  std::size_t max_input_bytes = std::size_t{256} << 20;
  double document_time_limit = 60;  // seconds a document may take; 0: no limit
  // Writes records some other way than the `to` format (summarize --text).
  std::function<std::unique_ptr<formats::RecordWriter>(std::ostream&)> make_writer;
  std::shared_ptr<DeliveryLog> delivery;  // none: no acknowledgement
  UrlReader read_url;  // unset: an input named "https://…" is a file like any other
};

// What a transform is given and says about one document besides its records.
struct Notes {
  io::Deadline deadline;  // the document's time budget, running from its transform's start
  std::vector<std::string> warnings;
};

// Turns one document into the records to write (usually one; none is allowed).
// Throws to mark the document as failed; the message is reported with its
// location. Called from worker threads: it must not touch shared mutable state.
using Transform = std::function<std::vector<model::Article>(formats::SourcedDocument&, Notes&)>;

// Optional step run on every record in input order, on one thread, after the
// parallel transform: for work that needs the records before it (a stream
// deduplicator). Returns false to drop the record.
using OrderedStep = std::function<bool(model::Article&, Notes&)>;

// Runs the whole batch and returns the exit status.
int run(const Options& options, const Transform& transform, std::ostream& out, std::ostream& err,
        const OrderedStep& ordered_step = {});

}  // namespace crbc::pipeline
