// Convert throughput: 10,000 generated articles (~800-word bodies) through
// json → yaml/html/markdown → json, with records/s, MB/s and peak RSS.
//
// Usage: convert_bench [RECORDS]   (default 10000)

#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "formats/formats.hpp"
#include "formats/test_support.hpp"
#include "measure.hpp"
#include "model/record_json.hpp"

namespace {

using crbc::formats::Format;
using crbc::model::Article;

// Realistic rather than hostile: words of a news story, a few marks and links.
class StoryGenerator {
 public:
  explicit StoryGenerator(std::uint64_t seed) : rng_(seed) {}

  Article article(int index) {
    Article a;
    a.url = "https://news.example/politics/2024/03/story-" + std::to_string(index) + ".html";
    a.canonical_url = a.url;
    a.site_name = "Example News";
    a.section = "Politics";
    a.title = sentence(10);
    a.description = sentence(30);
    a.authors = {name(), name()};
    a.published = "2024-03-05T10:20:30+01:00";
    a.modified = "2024-03-05T12:00:00+01:00";
    a.language = "en";
    a.tags = {word(), word(), word()};
    a.image = crbc::model::Image{"https://news.example/img/" + std::to_string(index) + ".jpg",
                                 sentence(6), sentence(12)};
    int words = 0;
    int block = 0;
    while (words < 800) {
      ++block;
      if (block % 5 == 0) {
        a.body.emplace_back(crbc::model::Heading{2, {sentence(6), {}}});
      } else if (block == 7) {
        a.body.emplace_back(crbc::model::Quote{{sentence(25), {}}, name()});
      } else if (block == 9) {
        crbc::model::List list;
        for (int i = 0; i < 4; ++i) list.items.push_back({{sentence(8), {}}, {}});
        a.body.emplace_back(std::move(list));
      } else {
        crbc::model::RichText text{sentence(60), {}};
        text.marks.push_back({crbc::model::Mark::Kind::link, 10, 25, a.url + "#ref"});
        text.marks.push_back({crbc::model::Mark::Kind::emphasis, 40, 52, {}});
        a.body.emplace_back(crbc::model::Paragraph{std::move(text)});
        words += 60;
      }
    }
    for (int i = 0; i < 4; ++i) {
      a.related.push_back({sentence(8),
                           "https://news.example/related/" + std::to_string(i),
                           std::nullopt,
                           "page",
                           {},
                           nlohmann::json::object()});
    }
    crbc::model::normalize(a);
    return a;
  }

 private:
  std::string word() {
    static const std::vector<std::string> kWords = {
        "the",       "government", "said",       "on",       "Tuesday",   "that",      "prisoners",
        "were",      "released",   "after",      "talks",    "with",      "officials", "in",
        "Minsk",     "Лукашенко",  "opposition", "leader",   "according", "to",        "a",
        "statement", "published",  "by",         "ministry", "election",  "court",     "human",
        "rights",    "groups",     "welcomed",   "the",      "decision",  "but",       "warned",
        "hundreds",  "remain",     "behind",     "bars",     "Brussels",  "sanctions", "économie",
        "policy",    "analysts"};
    return kWords[std::uniform_int_distribution<std::size_t>(0, kWords.size() - 1)(rng_)];
  }
  std::string name() { return "Jane " + word() + " Doe"; }
  std::string sentence(int words) {
    std::string out = word();
    for (int i = 1; i < words; ++i) out += (i % 12 == 0 ? ", " : " ") + word();
    return out + ".";
  }
  std::mt19937_64 rng_;
};

std::vector<Article> read_all(const std::string& text, Format format) {
  std::istringstream in(text);
  std::vector<Article> articles;
  crbc::formats::ReadOptions options;
  options.format = format;
  crbc::formats::read_documents(in, "<bench>", options,
                                {[&](crbc::formats::SourcedDocument&& d) {
                                   articles.push_back(std::get<Article>(std::move(d.content)));
                                   return true;
                                 },
                                 [](const std::string&, const crbc::formats::FormatError& e) {
                                   std::cerr << "read error: " << e.line() << ":" << e.column()
                                             << ": " << e.what() << "\n";
                                   return true;
                                 }});
  return articles;
}

void report(const char* what, std::size_t records, std::size_t bytes, double seconds) {
  std::printf("%-22s %8zu records  %7.2f s  %9.0f records/s  %7.1f MB/s\n", what, records, seconds,
              static_cast<double>(records) / seconds, static_cast<double>(bytes) / 1e6 / seconds);
}

struct Timing {
  double write_seconds = 0;
  double read_seconds = 0;
  std::size_t bytes = 0;
  std::size_t records = 0;
  bool lossless = true;
};

// Records go through in batches, so that peak RSS measures the converters rather
// than a whole corpus held in memory.
void run_batch(Format format, const std::vector<Article>& batch, Timing& timing) {
  auto start = std::chrono::steady_clock::now();
  const std::string text = crbc::testing::write_records(format, batch);
  timing.write_seconds += crbc::bench::seconds_since(start);
  start = std::chrono::steady_clock::now();
  const std::vector<Article> back = read_all(text, format);
  timing.read_seconds += crbc::bench::seconds_since(start);
  timing.bytes += text.size();
  timing.records += back.size();
  timing.lossless = timing.lossless && back == batch;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::stoi(argv[1]) : 10'000;
  constexpr int kBatch = 500;
  const std::vector<Format> formats = {Format::ndjson, Format::yaml, Format::html,
                                       Format::markdown};
  std::vector<Timing> timings(formats.size());
  StoryGenerator generator(2024);
  for (int done = 0; done < count; done += kBatch) {
    std::vector<Article> batch;
    for (int i = done; i < std::min(count, done + kBatch); ++i)
      batch.push_back(generator.article(i));
    for (std::size_t f = 0; f < formats.size(); ++f) run_batch(formats[f], batch, timings[f]);
  }
  std::printf("%d generated articles (~800-word bodies), batches of %d\n", count, kBatch);
  std::printf("%.1f MB as NDJSON, %.0f bytes/record\n\n",
              static_cast<double>(timings[0].bytes) / 1e6,
              static_cast<double>(timings[0].bytes) / count);
  bool lossless = true;
  for (std::size_t f = 0; f < formats.size(); ++f) {
    const std::string name(crbc::formats::format_name(formats[f]));
    const Timing& t = timings[f];
    report(("json -> " + name).c_str(), t.records, t.bytes, t.write_seconds);
    report((name + " -> json").c_str(), t.records, t.bytes, t.read_seconds);
    std::printf("%-22s %.1f MB written, round trip %s\n\n", name.c_str(),
                static_cast<double>(t.bytes) / 1e6, t.lossless ? "lossless" : "DIFFERS");
    lossless = lossless && t.lossless && t.records == static_cast<std::size_t>(count);
  }
  std::printf("MB/s counts the bytes of each format's text. peak RSS: %ld MB\n",
              crbc::bench::peak_rss_kib() / 1024);
  return lossless ? 0 : 1;
}
