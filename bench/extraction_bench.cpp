// Body-extraction benchmark: runs crbc's extractor in-process over the development
// pages, writes its predictions for score.py, and reports speed beside gumbo alone.
//
// usage: extraction_bench [DEV_DIR] [--out PREDICTIONS.json] [--repeat N]
//   DEV_DIR defaults to ../shared/bench/extraction/dev (html/<id>.html.gz and
//   ground-truth.json, whose urls are given to the extractor as the page url).
#include <gumbo.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "extract/extract.hpp"
#include "measure.hpp"
#include "pages.hpp"

namespace {

namespace fs = std::filesystem;
namespace bench = crbc::bench;
using crbc::bench::Page;

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t index =
      std::min(values.size() - 1, static_cast<std::size_t>(q * (values.size() - 1) + 0.5));
  return values[index];
}

// One line of wall-clock figures for a pass over all pages.
void print_throughput(const char* label, std::size_t pages, double mb, double total_ms,
                      const std::vector<double>& page_ms) {
  std::printf("%s %7.1f pages/s %6.1f MB/s  p50 %.2f ms  p95 %.2f ms  max %.2f ms  total %.0f ms\n",
              label, pages / (total_ms / 1000), mb / (total_ms / 1000), percentile(page_ms, 0.5),
              percentile(page_ms, 0.95), percentile(page_ms, 1.0), total_ms);
}

double cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double ms_since(bench::Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(bench::Clock::now() - start).count();
}

// The text score.py compares: every body block's text, one block per line.
std::string scored_text(const crbc::model::Article& article) {
  std::string out;
  const bool captions = std::getenv("CRBC_BENCH_CAPTIONS") != nullptr;
  for (const auto& block : article.body) {
    // The benchmark's article bodies leave image captions out.
    if (!captions && std::holds_alternative<crbc::model::Image>(block)) continue;
    const std::string text = crbc::model::block_text(block);
    if (text.empty()) continue;
    if (!out.empty()) out += '\n';
    out += text;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dev = "../shared/bench/extraction/dev";
  fs::path out_path = "extraction-predictions.json";
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: extraction_bench [DEV_DIR] [--out PREDICTIONS.json] [--repeat N]\n";
      return 0;
    } else {
      dev = arg;
    }
  }
  try {
    const std::vector<Page> pages = bench::read_pages(dev);
    std::size_t total_bytes = 0;
    for (const Page& page : pages) total_bytes += page.html.size();

    // Extraction, in process.
    nlohmann::json predictions = nlohmann::json::object();
    std::vector<double> page_ms;
    std::vector<double> page_cpu_ms;  // robust when other processes share the cores
    std::size_t empty = 0;
    const double cpu_start = cpu_ms();
    const auto all_start = bench::Clock::now();
    for (int round = 0; round < repeat; ++round) {
      for (const Page& page : pages) {
        crbc::extract::ExtractOptions options;
        options.url = page.url;
        const auto start = bench::Clock::now();
        const double cpu_start_page = bench::thread_cpu_ms();
        const auto result = crbc::extract::extract_article(page.html, options);
        page_cpu_ms.push_back(bench::thread_cpu_ms() - cpu_start_page);
        page_ms.push_back(ms_since(start));
        if (round == 0) {
          predictions[page.id] = {{"articleBody", scored_text(result.article)}};
          if (result.article.body.empty()) ++empty;
        }
      }
    }
    const double extract_total_ms = ms_since(all_start) / repeat;
    const double extract_cpu_ms = (cpu_ms() - cpu_start) / repeat;

    // Gumbo alone on the unmodified pages (parse and free).
    std::vector<double> gumbo_ms;
    std::vector<double> gumbo_cpu_page_ms;
    const double gumbo_cpu_start = cpu_ms();
    const auto gumbo_start = bench::Clock::now();
    for (int round = 0; round < repeat; ++round) {
      for (const Page& page : pages) {
        const auto start = bench::Clock::now();
        const double cpu_start_page = bench::thread_cpu_ms();
        GumboOutput* output =
            gumbo_parse_with_options(&kGumboDefaultOptions, page.html.data(), page.html.size());
        gumbo_destroy_output(&kGumboDefaultOptions, output);
        gumbo_cpu_page_ms.push_back(bench::thread_cpu_ms() - cpu_start_page);
        gumbo_ms.push_back(ms_since(start));
      }
    }
    const double gumbo_total_ms = ms_since(gumbo_start) / repeat;
    const double gumbo_cpu_ms = (cpu_ms() - gumbo_cpu_start) / repeat;

    {
      const fs::path tmp = out_path.string() + ".tmp";
      std::ofstream(tmp) << predictions.dump() << '\n';
      fs::rename(tmp, out_path);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double mb = total_bytes / 1e6;
    std::printf("pages: %zu (%.1f MB, median %.0f KB), empty bodies: %zu\n", pages.size(), mb,
                percentile(
                    [&] {
                      std::vector<double> sizes;
                      for (const Page& p : pages) sizes.push_back(p.html.size() / 1024.0);
                      return sizes;
                    }(),
                    0.5),
                empty);
    print_throughput("crbc extract:", pages.size(), mb, extract_total_ms, page_ms);
    print_throughput("gumbo alone: ", pages.size(), mb, gumbo_total_ms, gumbo_ms);
    std::printf(
        "per page, CPU time: crbc extract p50 %.2f ms  p95 %.2f ms  max %.2f ms | gumbo alone p50 "
        "%.2f ms  p95 %.2f ms  max %.2f ms\n",
        percentile(page_cpu_ms, 0.5), percentile(page_cpu_ms, 0.95), percentile(page_cpu_ms, 1.0),
        percentile(gumbo_cpu_page_ms, 0.5), percentile(gumbo_cpu_page_ms, 0.95),
        percentile(gumbo_cpu_page_ms, 1.0));
    std::printf("cpu: crbc extract %.0f ms, gumbo alone %.0f ms, ratio %.2f\n", extract_cpu_ms,
                gumbo_cpu_ms, extract_cpu_ms / gumbo_cpu_ms);
    std::printf("extract / gumbo-alone wall time: %.2f\n", extract_total_ms / gumbo_total_ms);
    std::printf("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
    std::printf("predictions: %s\n", out_path.c_str());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "extraction_bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
