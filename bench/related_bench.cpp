// Benchmarks of crbc's related-articles library (src/related/).
//
//   related_bench topic DOCS.jsonl PREDICTIONS.jsonl [--index FILE] [-k 10]
//       Builds an index of every story in DOCS.jsonl (id, title, text), queries each
//       story and writes {"id", "related"} lines for score.py; prints timings.
//   related_bench neardup ARTICLES.train PAIRS.txt [--threshold 0.5]
//       Streams "ID TEXT" lines through MinHash/LSH; writes "ID ID SIMILARITY".
//   related_bench scale-build DOCS.jsonl INDEX -n 100000 [--corpus-out FILE.jsonl]
//       Builds an index of n articles made from the stories (repeated with variation).
//   related_bench scale-query DOCS.jsonl INDEX [--queries 2000] [-k 10]
//       Query latency p50/p99 on an existing index.
// Every mode prints one JSON line of figures on stdout (peak RSS included).

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "measure.hpp"
#include "related/related.hpp"

namespace {

namespace bench = crbc::bench;
namespace related = crbc::related;
namespace model = crbc::model;

struct Story {
  std::string id;
  std::string title;
  std::vector<std::string> paragraphs;
};

std::vector<Story> read_stories(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<Story> stories;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto value = nlohmann::json::parse(line);
    Story story;
    story.id =
        value.at("id").is_string() ? value.at("id").get<std::string>() : value.at("id").dump();
    story.title = value.value("title", "");
    std::istringstream text(value.value("text", ""));
    for (std::string paragraph; std::getline(text, paragraph);)
      if (!paragraph.empty()) story.paragraphs.push_back(paragraph);
    stories.push_back(std::move(story));
  }
  return stories;
}

model::Article to_article(const Story& story, const std::string& url) {
  model::Article article;
  article.url = url;
  article.title = story.title;
  article.language = "en";
  for (const std::string& paragraph : story.paragraphs)
    article.body.emplace_back(model::Paragraph{model::RichText{paragraph, {}}});
  return article;
}

std::string story_url(const std::string& id) {
  return "https://reuters.example/" + id;
}

std::string arg(std::vector<std::string>& args, const std::string& name, std::string fallback) {
  const auto found = std::find(args.begin(), args.end(), name);
  if (found == args.end() || found + 1 == args.end()) return fallback;
  std::string value = *(found + 1);
  args.erase(found, found + 2);
  return value;
}

int topic(std::vector<std::string> args) {
  const std::string index_path = arg(args, "--index", "/tmp/related-bench-topic.db");
  const std::size_t k = std::stoul(arg(args, "-k", "10"));
  // Tuning knobs (the library's defaults unless given), and a query subset (every
  // step-th story).
  const related::QueryOptions defaults;
  auto knob = [&](const std::string& name, auto fallback) {
    return arg(args, name, std::to_string(fallback));
  };
  const std::size_t query_terms = std::stoul(knob("--query-terms", defaults.query_terms));
  const std::size_t candidates = std::stoul(knob("--candidates", defaults.candidates));
  const std::size_t expansion_docs = std::stoul(knob("--expansion-docs", defaults.expansion_docs));
  const double expansion_weight = std::stod(knob("--expansion-weight", defaults.expansion_weight));
  const std::size_t step = std::stoul(arg(args, "--every", "1"));
  const double max_df_share = std::stod(knob("--max-df-share", defaults.retrieval_max_df_share));
  const std::string reuse = arg(args, "--reuse", "no");
  const std::string engine = arg(args, "--engine", "index");
  related::IndexOptions index_options;
  index_options.analyzer.title_weight = std::stoul(arg(args, "--title-weight", "1"));
  index_options.analyzer.numbers = arg(args, "--numbers", "yes") == "yes";
  if (args.size() != 2) throw std::runtime_error("usage: topic DOCS.jsonl PREDICTIONS.jsonl");
  const std::vector<Story> stories = read_stories(args[0]);
  std::vector<model::Article> articles;
  for (const Story& story : stories) articles.push_back(to_article(story, story_url(story.id)));
  if (reuse != "yes")
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(index_path + suffix);

  const auto start = bench::Clock::now();
  const double cpu_at_start = bench::cpu_seconds();
  std::unique_ptr<related::Index> index;
  if (engine == "memory") {
    index = related::corpus_index(articles, index_options);
  } else {
    index = related::open_index(index_path, related::OpenMode::write, index_options);
    for (std::size_t begin = 0; reuse != "yes" && begin < articles.size(); begin += 2000) {
      const std::size_t size = std::min<std::size_t>(2000, articles.size() - begin);
      index->add(std::span(articles).subspan(begin, size));
    }
  }
  const double build = bench::seconds_since(start);
  related::QueryOptions options;
  options.k = k;
  options.query_terms = query_terms;
  options.candidates = candidates;
  options.expansion_docs = expansion_docs;
  options.retrieval_max_df_share = max_df_share;
  options.expansion_weight = expansion_weight;
  std::ofstream out(args[1]);
  const auto query_start = bench::Clock::now();
  for (std::size_t i = 0; i < articles.size(); i += step) {
    nlohmann::json ids = nlohmann::json::array();
    for (const related::Match& match : index->query(articles[i], options))
      ids.push_back(match.url.substr(match.url.rfind('/') + 1));
    out << nlohmann::json{{"id", stories[i].id}, {"related", std::move(ids)}}.dump() << '\n';
  }
  const double queries = bench::seconds_since(query_start);
  std::cout << nlohmann::json{{"mode", "topic"},
                              {"engine", engine},
                              {"documents", articles.size()},
                              {"build_s", build},
                              {"query_s", queries},
                              {"total_s", build + queries},
                              {"cpu_s", bench::cpu_seconds() - cpu_at_start},
                              {"peak_rss_kib", bench::peak_rss_kib()}}
                   .dump()
            << '\n';
  return 0;
}

int neardup(std::vector<std::string> args) {
  const double threshold = std::stod(arg(args, "--threshold", "0.5"));
  if (args.size() != 2) throw std::runtime_error("usage: neardup ARTICLES.train PAIRS.txt");
  std::ifstream in(args[0]);
  std::vector<model::Article> articles;
  for (std::string line; std::getline(in, line);) {
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    Story story{line.substr(0, space), "", {line.substr(space + 1)}};
    articles.push_back(to_article(story, story.id));
  }
  const auto start = bench::Clock::now();
  related::StreamDeduplicator dedup(threshold);
  std::ofstream out(args[1]);
  std::size_t flagged = 0;
  for (model::Article& article : articles) {
    if (!dedup.check(article)) continue;
    for (const auto& duplicate : article.extra[related::kDuplicatesKey]) {
      out << duplicate["url"].get<std::string>() << ' ' << article.url << ' '
          << duplicate["similarity"].get<double>() << '\n';
      ++flagged;
    }
  }
  const double elapsed = bench::seconds_since(start);
  std::cout << nlohmann::json{{"mode", "neardup"},
                              {"documents", articles.size()},
                              {"pairs", flagged},
                              {"seconds", elapsed}}
                   .dump()
            << '\n';
  return 0;
}

// The i-th generated article: story i mod n, varied for every repeat so that no two
// are identical: paragraphs dropped at random, a few words swapped for words of
// another story, a repeat number in the title.
model::Article varied(const std::vector<Story>& stories, std::size_t i, std::mt19937_64& random) {
  const Story& story = stories[i % stories.size()];
  const std::size_t round = i / stories.size();
  if (round == 0) return to_article(story, story_url(story.id));
  Story copy = story;
  copy.title += " (" + std::to_string(round) + ")";
  std::bernoulli_distribution drop(0.25);
  std::vector<std::string> kept;
  for (const std::string& paragraph : copy.paragraphs)
    if (!drop(random)) kept.push_back(paragraph);
  if (kept.empty()) kept.push_back(copy.paragraphs.empty() ? copy.title : copy.paragraphs.front());
  const Story& other = stories[random() % stories.size()];
  if (!other.paragraphs.empty()) kept.push_back(other.paragraphs.front());
  copy.paragraphs = std::move(kept);
  return to_article(copy, story_url(story.id + "-" + std::to_string(round)));
}

std::int64_t file_size(const std::string& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::int64_t>(size);
}

int scale_build(std::vector<std::string> args) {
  const std::size_t n = std::stoul(arg(args, "-n", "100000"));
  const std::string corpus_out = arg(args, "--corpus-out", "");
  if (args.size() != 2) throw std::runtime_error("usage: scale-build DOCS.jsonl INDEX -n N");
  const std::vector<Story> stories = read_stories(args[0]);
  const std::string& index_path = args[1];
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(index_path + suffix);
  std::ofstream corpus;
  if (!corpus_out.empty()) corpus.open(corpus_out);

  std::mt19937_64 random(20261127);
  const auto start = bench::Clock::now();
  auto index = related::open_index(index_path, related::OpenMode::write);
  std::vector<model::Article> batch;
  for (std::size_t i = 0; i < n; ++i) {
    batch.push_back(varied(stories, i, random));
    if (corpus.is_open()) {
      std::string text;
      for (const auto& block : batch.back().body) text += crbc::model::block_text(block) + "\n";
      corpus << nlohmann::json{{"id", batch.back().url},
                               {"title", batch.back().title},
                               {"text", text}}
                    .dump()
             << '\n';
    }
    if (batch.size() == 1000 || i + 1 == n) {
      index->add(batch);
      batch.clear();
    }
  }
  index.reset();  // checkpoints the WAL into the file
  const double build = bench::seconds_since(start);
  std::cout << nlohmann::json{{"mode", "scale-build"},
                              {"articles", n},
                              {"build_s", build},
                              {"articles_per_s", static_cast<double>(n) / build},
                              {"index_bytes",
                               file_size(index_path) + file_size(index_path + "-wal")},
                              {"peak_rss_kib", bench::peak_rss_kib()}}
                   .dump()
            << '\n';
  return 0;
}

int scale_query(std::vector<std::string> args) {
  const std::size_t queries = std::stoul(arg(args, "--queries", "2000"));
  const std::size_t k = std::stoul(arg(args, "-k", "10"));
  if (args.size() != 2) throw std::runtime_error("usage: scale-query DOCS.jsonl INDEX");
  const std::vector<Story> stories = read_stories(args[0]);
  auto index = related::open_index(args[1], related::OpenMode::read);
  const related::IndexStats stats = index->stats();
  std::mt19937_64 random(7);
  related::QueryOptions options;
  options.k = k;
  std::vector<double> latencies;
  std::vector<double> cpu;  // the same queries in CPU time: what load on the machine hides
  for (std::size_t q = 0; q < queries; ++q) {
    // A fresh variation: the query is a new article, not one in the index.
    model::Article article =
        varied(stories, random() % stories.size() + stories.size() * 1000, random);
    const auto start = bench::Clock::now();
    const double cpu_start = bench::thread_cpu_ms();
    const auto matches = index->query(article, options);
    cpu.push_back(bench::thread_cpu_ms() - cpu_start);
    latencies.push_back(bench::seconds_since(start) * 1000.0);
  }
  std::sort(latencies.begin(), latencies.end());
  std::sort(cpu.begin(), cpu.end());
  auto percentile_of = [](const std::vector<double>& sorted, double p) {
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * sorted.size()))];
  };
  auto percentile = [&](double p) { return percentile_of(latencies, p); };
  double sum = 0;
  for (double latency : latencies) sum += latency;
  std::cout << nlohmann::json{{"mode", "scale-query"},
                              {"articles", stats.articles},
                              {"queries", queries},
                              {"k", k},
                              {"p50_ms", percentile(0.50)},
                              {"p99_ms", percentile(0.99)},
                              {"max_ms", latencies.back()},
                              {"cpu_p50_ms", percentile_of(cpu, 0.50)},
                              {"cpu_p99_ms", percentile_of(cpu, 0.99)},
                              {"mean_ms", sum / static_cast<double>(latencies.size())},
                              {"peak_rss_kib", bench::peak_rss_kib()}}
                   .dump()
            << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << "usage: related_bench topic|neardup|scale-build|scale-query ...\n";
    return 2;
  }
  const std::string mode = args.front();
  args.erase(args.begin());
  try {
    if (mode == "topic") return topic(args);
    if (mode == "neardup") return neardup(args);
    if (mode == "scale-build") return scale_build(args);
    if (mode == "scale-query") return scale_query(args);
    std::cerr << "related_bench: unknown mode " << mode << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "related_bench: " << e.what() << '\n';
    return 1;
  }
}
