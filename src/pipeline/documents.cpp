#include "pipeline/documents.hpp"

#include "extract/extract.hpp"

namespace crbc::pipeline {

model::Article article_of(formats::Document& document, const PageOptions& options, Notes& notes) {
  if (auto* article = std::get_if<model::Article>(&document.content)) return std::move(*article);
  auto& page = std::get<formats::RawPage>(document.content);
  extract::ExtractOptions extract_options;
  extract_options.url = page.url.empty() ? options.url : page.url;
  extract_options.content_type = page.content_type;
  extract::ExtractResult result = extract::extract_article(page.bytes, extract_options);
  for (std::string& warning : result.warnings) notes.warnings.push_back(std::move(warning));
  if (!page.fetch.is_null()) result.article.extra["fetch"] = std::move(page.fetch);
  return std::move(result.article);
}

}  // namespace crbc::pipeline
