// Runs extract_metadata over the metadata development set and writes predictions in
// the shape ../shared/bench/metadata/score.py reads: {id: {title, authors,
// date_published}}. Driven by bench/metadata.sh.
//
// usage: metadata_bench [DATA_DIR] [OUT_JSON]
//   DATA_DIR  default ../shared/bench/metadata/dev (holds html/<id>.html.gz and
//             ground-truth.json, read here only for each page's url, which a page
//             fetched by `crbc fetch` carries with it)
//   OUT_JSON  default /tmp/crbc-metadata-predictions.json
// METADATA_BENCH_SLOW=1 lists pages that take more than 200 ms on stderr.
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/charset.hpp"
#include "extract/document.hpp"
#include "extract/metadata.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_gzip(const fs::path& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return out;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, read);
  gzclose(file);
  return out;
}

nlohmann::json read_json(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return nlohmann::json::object();
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path data_dir = argc > 1 ? argv[1] : "../shared/bench/metadata/dev";
  const fs::path out_path = argc > 2 ? argv[2] : "/tmp/crbc-metadata-predictions.json";
  const nlohmann::json gold = read_json(data_dir / "ground-truth.json");

  std::vector<fs::path> pages;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(data_dir / "html", error)) {
    if (entry.path().string().ends_with(".html.gz")) pages.push_back(entry.path());
  }
  if (error || pages.empty()) {
    std::cerr << "metadata_bench: no pages in " << (data_dir / "html") << "\n";
    return 2;
  }
  std::sort(pages.begin(), pages.end());

  nlohmann::json predictions = nlohmann::json::object();
  std::vector<double> milliseconds;
  std::size_t bytes = 0;
  for (const auto& page : pages) {
    std::string id = page.filename().string();
    id.resize(id.size() - std::string_view(".html.gz").size());
    const std::string raw = read_gzip(page);
    std::string url;
    if (gold.is_object() && gold.contains(id) && gold[id].contains("url") &&
        gold[id]["url"].is_string())
      url = gold[id]["url"].get<std::string>();

    const auto start = std::chrono::steady_clock::now();
    const std::string html = crbc::extract::decode_to_utf8(raw, "");
    const auto doc = crbc::extract::Document::parse(html);
    crbc::model::Article article;
    crbc::extract::extract_metadata(doc, url, article);
    const auto stop = std::chrono::steady_clock::now();

    milliseconds.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    if (std::getenv("METADATA_BENCH_SLOW") && milliseconds.back() > 200)
      std::fprintf(stderr, "slow: %s %.0f ms\n", id.c_str(), milliseconds.back());
    bytes += raw.size();
    predictions[id] = {{"title", article.title},
                       {"authors", article.authors},
                       {"date_published", article.published},
                       {"language", article.language},
                       {"site_name", article.site_name}};
  }

  const fs::path tmp = out_path.string() + ".tmp";
  {
    std::ofstream out(tmp);
    out << predictions.dump(1) << "\n";
    if (!out) {
      std::cerr << "metadata_bench: cannot write " << tmp << "\n";
      return 1;
    }
  }
  fs::rename(tmp, out_path);

  std::sort(milliseconds.begin(), milliseconds.end());
  double total = 0;
  for (double ms : milliseconds) total += ms;
  const auto at = [&](double q) {
    return milliseconds[std::min(milliseconds.size() - 1,
                                 static_cast<std::size_t>(q * milliseconds.size()))];
  };
  std::fprintf(stderr,
               "metadata_bench: %zu pages, %.1f MB, decode+parse+metadata %.0f ms total, "
               "p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
               milliseconds.size(), bytes / 1e6, total, at(0.5), at(0.95), milliseconds.back());
  return 0;
}
