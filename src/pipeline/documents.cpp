#include "pipeline/documents.hpp"

#include "extract/extract.hpp"
#include "io/input.hpp"

namespace crbc::pipeline {
namespace {

// When a fetched page was served: its HTTP Date header, else the time it was fetched.
std::string served_at(const std::optional<model::FetchInfo>& fetch) {
  if (!fetch) return {};
  if (std::string date = fetch->header("date"); !date.empty()) return date;
  return fetch->fetched_at.value_or("");
}

}  // namespace

model::Article article_of(formats::SourcedDocument& document, const PageOptions& options,
                          Notes& notes) {
  if (auto* article = std::get_if<model::Article>(&document.content)) return std::move(*article);
  auto& page = std::get<formats::RawPage>(document.content);
  extract::ExtractOptions extract_options;
  extract_options.url = page.url.empty() ? options.url : page.url;
  extract_options.content_type = page.content_type;
  extract_options.reference_time = served_at(page.fetch);
  extract_options.deadline = notes.deadline;
  extract::ExtractResult result = extract::extract_article(page.bytes, extract_options);
  for (std::string& warning : result.warnings) notes.warnings.push_back(std::move(warning));
  if (page.fetch) result.article.extra["fetch"] = nlohmann::ordered_json(*page.fetch);
  return std::move(result.article);
}

std::vector<model::Article> read_all_records(const std::vector<std::string>& paths,
                                             const formats::ReadOptions& read_options,
                                             io::Reporter& reporter, std::size_t& failures) {
  std::vector<model::Article> records;
  const PageOptions page_options;
  const formats::DocumentSink sink{
      [&](formats::SourcedDocument&& document) {
        Notes notes;
        const io::Location where{document.source, document.line, 0};
        records.push_back(article_of(document, page_options, notes));
        for (const std::string& warning : notes.warnings) reporter.warning(where, warning);
        return true;
      },
      [&](const std::string& source, const formats::FormatError& error) {
        reporter.error({source, error.line(), error.column()}, error.what());
        ++failures;
        return true;
      }};
  for (const std::string& path : paths) {
    try {
      io::OpenedInput input = io::open_input(path);
      formats::read_documents(*input.stream, input.name, read_options, sink);
    } catch (const io::InputError& error) {
      reporter.error({path}, error.what());
      ++failures;
    } catch (const formats::FormatError& error) {
      reporter.error({path, error.line(), error.column()}, error.what());
      ++failures;
    }
  }
  return records;
}

}  // namespace crbc::pipeline
