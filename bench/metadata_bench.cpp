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
#include "pages.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const fs::path data_dir = argc > 1 ? argv[1] : "../shared/bench/metadata/dev";
  const fs::path out_path = argc > 2 ? argv[2] : "/tmp/crbc-metadata-predictions.json";
  std::vector<crbc::bench::Page> pages;
  try {
    pages = crbc::bench::read_pages(data_dir);
  } catch (const std::exception& error) {
    std::cerr << "metadata_bench: " << error.what() << "\n";
    return 2;
  }
  if (pages.empty()) {
    std::cerr << "metadata_bench: no pages in " << (data_dir / "html") << "\n";
    return 2;
  }

  nlohmann::json predictions = nlohmann::json::object();
  std::vector<double> milliseconds;
  std::size_t bytes = 0;
  for (const auto& page : pages) {
    const auto start = std::chrono::steady_clock::now();
    const std::string html = crbc::extract::decode_to_utf8(page.html, "");
    const auto doc = crbc::extract::Document::parse(html);
    crbc::model::Article article;
    crbc::extract::extract_metadata(doc, page.url, article);
    const auto stop = std::chrono::steady_clock::now();

    milliseconds.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    if (std::getenv("METADATA_BENCH_SLOW") && milliseconds.back() > 200)
      std::fprintf(stderr, "slow: %s %.0f ms\n", page.id.c_str(), milliseconds.back());
    bytes += page.html.size();
    predictions[page.id] = {{"title", article.title},
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
