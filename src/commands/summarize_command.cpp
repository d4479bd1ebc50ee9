#include "commands/summarize_command.hpp"

#include "io/exit_status.hpp"
#include "io/per_thread.hpp"
#include "model/analysis.hpp"
#include "pipeline/documents.hpp"
#include "text/data_dir.hpp"

namespace crbc::commands {
namespace {

// --text: each record's summary, one sentence a line, records separated by a
// blank line.
class SummaryTextWriter : public formats::RecordWriter {
 public:
  explicit SummaryTextWriter(std::ostream& out) : out_(out) {}

  void write(const model::Article& article) override {
    if (written_++ > 0) out_ << '\n';
    if (const auto summary = model::summary_of(article)) {
      for (const model::SummarySentence& sentence : summary->sentences)
        out_ << sentence.text << '\n';
    }
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
  std::size_t written_ = 0;
};

}  // namespace

int run_summarize(const SummarizeCommand& command, std::ostream& out, std::ostream& err) {
  try {
    text::data_directory();  // without its word lists a summary would be silently poor
  } catch (const text::DataError& error) {
    io::Reporter(err).error({}, error.what());
    return io::kExitSomeFailed;
  }
  io::PerThread<summarize::Summarizer> summarizers(
      [&] { return std::make_unique<summarize::Summarizer>(command.summarize); });
  pipeline::Options options = command.pipeline;
  if (command.text_only) {
    options.make_writer = [](std::ostream& stream) {
      return std::make_unique<SummaryTextWriter>(stream);
    };
  }
  return pipeline::run(
      options,
      [&](formats::SourcedDocument& document, pipeline::Notes& notes) {
        model::Article article = pipeline::article_of(document, {}, notes);
        notes.deadline.check();
        summarize::Analysis analysis = summarizers.local().summarize(article);
        for (std::string& warning : analysis.warnings) notes.warnings.push_back(std::move(warning));
        return std::vector<model::Article>{std::move(article)};
      },
      out, err);
}

}  // namespace crbc::commands
