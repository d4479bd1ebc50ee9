// Benchmark of crbc's summarizer (src/summarize/) on a CNN/DailyMail-style set.
//
//   summarize_bench [--docs FILE] [--out DIR] [--repeat N]
//
// FILE defaults to ../shared/bench/summarize/realsumm-100/docs.jsonl: one JSON object
// a line with "id" and "text" (lower-cased, tokenised, no sentence boundaries).
// Writes DIR/<method>.jsonl ({"id", "summary": one sentence a line}) for lead,
// textrank, lexrank and the default, ready for rouge.py, then times the default
// with everything on (summary, key phrases, entities, quotes, stats) over N rounds
// and prints one JSON line: articles and words per CPU second (one thread, so per
// core, unaffected by other load), per wall second, and peak RSS.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "measure.hpp"
#include "summarize/summarize.hpp"

namespace {

namespace summarize = crbc::summarize;
namespace bench = crbc::bench;

struct Doc {
  std::string id;
  std::string text;
};

std::vector<Doc> read_docs(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Doc> docs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto value = nlohmann::json::parse(line);
    docs.push_back({value.at("id").get<std::string>(), value.at("text").get<std::string>()});
  }
  return docs;
}

void write_predictions(const std::vector<Doc>& docs, summarize::Method method,
                       const std::filesystem::path& path) {
  summarize::Options options;
  options.method = method;
  summarize::Summarizer summarizer(options);
  std::ofstream out(path.string() + ".tmp");
  for (const Doc& doc : docs) {
    const auto analysis = summarizer.analyze({{doc.text, 0, true}}, "", "en");
    nlohmann::json sentences = nlohmann::json::array();  // rouge.py takes a list of lines
    for (const auto& sentence : analysis.summary) sentences.push_back(sentence.text);
    out << nlohmann::json{{"id", doc.id}, {"summary", sentences}}.dump() << '\n';
  }
  out.close();
  std::filesystem::rename(path.string() + ".tmp", path);
}

}  // namespace

int main(int argc, char** argv) {
  std::string docs_path = "../shared/bench/summarize/realsumm-100/docs.jsonl";
  std::filesystem::path out_dir = "bench-out/summarize";
  int repeat = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--docs")
      docs_path = argv[i + 1];
    else if (flag == "--out")
      out_dir = argv[i + 1];
    else if (flag == "--repeat")
      repeat = std::max(1, std::atoi(argv[i + 1]));
    else {
      std::cerr << "usage: summarize_bench [--docs FILE] [--out DIR] [--repeat N]\n";
      return 2;
    }
  }
  try {
    const auto docs = read_docs(docs_path);
    std::filesystem::create_directories(out_dir);
    for (const auto method : {summarize::Method::lead, summarize::Method::textrank,
                              summarize::Method::lexrank, summarize::Method::hybrid}) {
      write_predictions(docs, method,
                        out_dir / (std::string(summarize::method_name(method)) + ".jsonl"));
    }

    summarize::Summarizer summarizer;
    std::size_t words = 0;
    std::size_t articles = 0;
    const auto start = bench::Clock::now();
    const double cpu_start = bench::cpu_seconds();
    for (int round = 0; round < repeat; ++round) {
      for (const Doc& doc : docs) {
        const auto analysis = summarizer.analyze({{doc.text, 0, true}}, "", "en");
        words += analysis.stats.words;
        ++articles;
      }
    }
    const double seconds = bench::seconds_since(start);
    const double cpu = bench::cpu_seconds() - cpu_start;
    std::cout << nlohmann::json{{"articles", articles},
                                {"mean_words", words / std::max<std::size_t>(articles, 1)},
                                {"wall_seconds", seconds},
                                {"cpu_seconds", cpu},
                                {"articles_per_cpu_second", articles / cpu},
                                {"words_per_cpu_second", words / cpu},
                                {"articles_per_wall_second", articles / seconds},
                                {"peak_rss_kib", bench::peak_rss_kib()}}
                     .dump()
              << '\n';
  } catch (const std::exception& error) {
    std::cerr << "summarize_bench: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
