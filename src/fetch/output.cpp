// What a fetch produces: records, content hashes, output files.

#include <cctype>

#include "fetch/detail.hpp"
#include "fetch/fetch.hpp"
#include "io/atomic_file.hpp"
#include "io/digest.hpp"
#include "text/utf8.hpp"

namespace crbc::fetch {

model::FetchInfo fetch_metadata(const FetchResult& page) {
  model::FetchInfo info;
  // The url as requested is the key of --state: the stage that acknowledges delivery
  // (--ack-state) names the page by it.
  info.url = page.url;
  info.final_url = page.final_url.empty() ? page.url : page.final_url;
  info.status = page.status;
  info.headers.emplace();
  for (const auto& [name, value] : page.headers) (*info.headers)[name] = text::repair_utf8(value);
  info.fetched_at = page.fetched_at;
  info.charset = page.charset;
  if (page.not_modified) info.not_modified = true;
  return info;
}

nlohmann::json fetch_record(const FetchResult& page) {
  nlohmann::json record = {{"url", page.url},
                           {"fetch", nlohmann::ordered_json(fetch_metadata(page))}};
  if (text::is_valid_utf8(page.body) && page.body.find('\0') == std::string::npos) {
    record["html"] = page.body;
  } else {
    record["html_base64"] = base64_encode(page.body);
  }
  return record;
}

std::string content_hash(std::string_view bytes) {
  return io::to_hex(io::digest(io::DigestAlgorithm::sha256, bytes));
}

std::string output_file_name(std::string_view url) {
  std::string_view rest = url;
  if (const auto scheme = rest.find("://"); scheme != std::string_view::npos)
    rest.remove_prefix(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::string name;
  for (const char c : rest) {
    if (name.size() >= 120) break;
    const bool safe =
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    if (safe) {
      name += c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && (name.back() == '_' || name.back() == '.')) name.pop_back();
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.empty()) name = "page";
  return name + "_" + content_hash(url).substr(0, 10) + ".html";
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  io::AtomicFile file(path);
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.commit();
}

}  // namespace crbc::fetch
