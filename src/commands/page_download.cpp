#include "commands/page_download.hpp"

#include <memory>
#include <stdexcept>

namespace crbc::commands {
namespace {

formats::SourcedDocument page_document(fetch::FetchResult&& page) {
  if (!page.ok) {
    throw std::runtime_error(page.error.empty() ? "HTTP status " + std::to_string(page.status)
                                                : page.error);
  }
  formats::RawPage raw;
  raw.url = page.final_url.empty() ? page.url : page.final_url;
  raw.content_type = page.content_type;
  raw.fetch = fetch::fetch_metadata(page);
  raw.bytes = std::move(page.body);
  formats::SourcedDocument document;
  document.source = page.url;
  document.content = std::move(raw);
  return document;
}

}  // namespace

pipeline::UrlReader download_pages(fetch::FetchOptions options) {
  // Shared by the copies std::function makes; created on the first address.
  auto fetcher = std::make_shared<std::unique_ptr<fetch::Fetcher>>();
  return [options = std::move(options), fetcher](const std::string& url) {
    if (!*fetcher) *fetcher = std::make_unique<fetch::Fetcher>(options);
    return page_document((*fetcher)->fetch_one({url}));
  };
}

}  // namespace crbc::commands
