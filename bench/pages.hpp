// The pages of a development set, as the extraction and metadata benchmarks read
// them: DIR/html/<id>.html.gz, and DIR/ground-truth.json for each page's url.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace crbc::bench {

struct Page {
  std::string id;
  std::string url;   // as the ground truth gives it, empty when it does not
  std::string html;  // the page's bytes, undecoded
};

// The inflated bytes of a gzip file. Throws std::runtime_error when it cannot be
// opened or is corrupt.
inline std::string gunzip_file(const std::filesystem::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) throw std::runtime_error("cannot open " + path.string());
  std::string out;
  std::array<char, 1 << 16> buffer{};
  int n;
  while ((n = gzread(file, buffer.data(), buffer.size())) > 0)
    out.append(buffer.data(), static_cast<std::size_t>(n));
  gzclose(file);
  if (n < 0) throw std::runtime_error("corrupt gzip: " + path.string());
  return out;
}

// The set's ground truth, an empty object when it has none or it is not JSON.
inline nlohmann::json read_ground_truth(const std::filesystem::path& dir) {
  std::ifstream in(dir / "ground-truth.json");
  if (!in) return nlohmann::json::object();
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

// The set's pages, sorted by id. Throws std::filesystem::filesystem_error when
// DIR/html cannot be listed, std::runtime_error when a page cannot be read.
inline std::vector<Page> read_pages(const std::filesystem::path& dir) {
  const nlohmann::json truth = read_ground_truth(dir);
  const std::string extension = ".html.gz";
  std::vector<Page> pages;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "html")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(extension)) continue;
    Page page;
    page.id = name.substr(0, name.size() - extension.size());
    if (truth.is_object() && truth.contains(page.id) && truth[page.id].contains("url") &&
        truth[page.id]["url"].is_string())
      page.url = truth[page.id]["url"].get<std::string>();
    page.html = gunzip_file(entry.path());
    pages.push_back(std::move(page));
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
  return pages;
}

}  // namespace crbc::bench
