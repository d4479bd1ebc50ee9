#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "related/related.hpp"
#include "sqlite/database.hpp"
#include "support.hpp"

using namespace crbc::related;
using crbc::io::InputError;
using related_test::article;
using related_test::TempDir;
using related_test::topic_corpus;

namespace {

// The index file opened from outside, as another program could.
crbc::sqlite::Database open_file(const std::filesystem::path& path) {
  return {path.string(), crbc::sqlite::Database::Access::write, nullptr};
}

std::vector<std::string> urls(const std::vector<Match>& matches) {
  std::vector<std::string> out;
  for (const Match& match : matches) out.push_back(match.url);
  return out;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What opening `path` for writing throws as an Error, said in its message; the test
// fails, saying `accepted`, when the index opens.
template <typename Error>
std::string write_refusal(const std::filesystem::path& path, const char* accepted) {
  try {
    open_index(path, OpenMode::write);
  } catch (const Error& e) {
    return e.what();
  }
  FAIL(accepted);
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Both engines must answer the same questions the same way.
std::vector<std::pair<std::string, std::unique_ptr<Index>>> engines(
    const TempDir& dir, const std::vector<crbc::model::Article>& corpus = topic_corpus()) {
  std::vector<std::pair<std::string, std::unique_ptr<Index>>> out;
  out.emplace_back("memory", memory_index());
  out.emplace_back("sqlite", open_index(dir / "engines.db", OpenMode::write));
  for (auto& [name, index] : out) index->add(corpus);
  return out;
}

}  // namespace

TEST_CASE("Both engines rank same-topic articles first and never the article itself") {
  TempDir dir;
  for (auto& [name, index] : engines(dir)) {
    INFO(name);
    const auto corpus = topic_corpus();
    const auto cocoa = index->query(corpus[0], {});
    REQUIRE(cocoa.size() >= 2);
    CHECK(cocoa[0].url.find("cocoa") != std::string::npos);
    CHECK(cocoa[1].url.find("cocoa") != std::string::npos);
    for (const Match& match : cocoa) CHECK(match.url != corpus[0].url);
    CHECK(cocoa[0].score > 0);
    CHECK(cocoa[0].score <= 1.0001);
    CHECK(std::find(cocoa[0].terms.begin(), cocoa[0].terms.end(), "cocoa") != cocoa[0].terms.end());

    const auto oil = index->query(corpus[3], {});
    REQUIRE(!oil.empty());
    CHECK(oil[0].url == "https://b.example/oil-2");
  }
}

TEST_CASE("Query options: k, minimum score, sites, date window, recency") {
  TempDir dir;
  for (auto& [name, index] : engines(dir)) {
    INFO(name);
    const auto query = topic_corpus()[0];  // a.example, cocoa, 2024-03-01
    QueryOptions options;
    options.k = 1;
    CHECK(index->query(query, options).size() == 1);

    options = {};
    options.min_score = 0.99;
    CHECK(index->query(query, options).empty());

    options = {};
    options.site = SiteFilter::same_site;
    for (const Match& match : index->query(query, options)) CHECK(match.site == "a.example");
    options.site = SiteFilter::other_site;
    const auto other = index->query(query, options);
    REQUIRE(!other.empty());
    for (const Match& match : other) CHECK(match.site != "a.example");

    options = {};
    options.since = "2024-01-01";
    options.until = "2024-12-31";
    const auto window = urls(index->query(query, options));
    CHECK(std::find(window.begin(), window.end(), "https://a.example/cocoa-3") == window.end());
    CHECK(std::find(window.begin(), window.end(), "https://b.example/cocoa-2") != window.end());

    // cocoa-3 (2023) is as close in text as cocoa-2 (2024) but far in time.
    options = {};
    options.recency_half_life_days = 7;
    const auto recent = index->query(query, options);
    REQUIRE(!recent.empty());
    CHECK(recent[0].url == "https://b.example/cocoa-2");

    options = {};
    options.since = "last week";
    CHECK_THROWS_AS(index->query(query, options), InputError);
  }
}

TEST_CASE("Explain lists the weighing terms with their share of the score") {
  auto index = memory_index();
  index->add(topic_corpus());
  QueryOptions options;
  options.explain = true;
  const auto matches = index->query(topic_corpus()[5], options);
  REQUIRE(!matches.empty());
  REQUIRE(!matches[0].explanation.empty());
  CHECK(matches[0].explanation[0].term == "chess");
  double sum = 0;
  for (const auto& term : matches[0].explanation) sum += term.weight;
  CHECK(sum <= matches[0].cosine + 1e-9);
}

TEST_CASE("set_related keeps the page's own links and replaces earlier computed ones") {
  auto index = memory_index();
  index->add(topic_corpus());
  auto query = topic_corpus()[0];
  crbc::model::RelatedArticle page;
  page.title = "From the page";
  page.url = "https://a.example/page-link";
  page.source = "page";
  query.related.push_back(page);
  set_related(query, index->query(query, {}), "corpus");
  set_related(query, index->query(query, {}), "corpus", true);
  REQUIRE(query.related.size() >= 3);
  CHECK(query.related[0] == page);
  const auto corpus_count = std::count_if(query.related.begin(), query.related.end(),
                                          [](const auto& r) { return r.source == "corpus"; });
  CHECK(static_cast<std::size_t>(corpus_count) == query.related.size() - 1);
  CHECK(query.related[1].score.has_value());
  CHECK(!query.related[1].terms.empty());
  REQUIRE(query.related[1].extra.contains("explain"));
  CHECK(query.related[1].extra["explain"].contains("cosine"));
  CHECK(query.related[1].extra["explain"].contains("retrieval"));
}

TEST_CASE("Same url or canonical url is one entry - re-adding updates it") {
  TempDir dir;
  for (auto& [name, index] : engines(dir)) {
    INFO(name);
    const auto before = index->stats().articles;
    auto changed = article("https://a.example/cocoa-1", "Chess instead",
                           "Chess grandmaster queen endgame championship opening.");
    AddSummary summary = index->add(std::span(&changed, 1));
    CHECK(summary.updated == 1);
    CHECK(summary.added == 0);
    CHECK(index->stats().articles == before);

    // Same canonical url, new url: still the same entry.
    auto alias = article("https://a.example/amp/chess-1", "Chess", "Chess queen endgame.", "",
                         "https://a.example/chess-1");
    summary = index->add(std::span(&alias, 1));
    CHECK(summary.updated == 1);
    CHECK(index->stats().articles == before);

    // Now cocoa-1 is about chess: the cocoa query no longer finds it.
    const auto cocoa = urls(index->query(topic_corpus()[1], {}));
    CHECK(std::find(cocoa.begin(), cocoa.end(), "https://a.example/cocoa-1") == cocoa.end());

    CHECK(index->remove("https://a.example/cocoa-1"));
    CHECK_FALSE(index->remove("https://a.example/cocoa-1"));
    CHECK(index->stats().articles == before - 1);
  }
}

TEST_CASE("Records without url or text are skipped with a reason - empty corpus is an error") {
  auto index = memory_index();
  std::vector<crbc::model::Article> batch = {article("", "No url", "Some text here."),
                                             article("https://x.example/empty", "", ""),
                                             topic_corpus()[0]};
  const AddSummary summary = index->add(batch);
  CHECK(summary.added == 1);
  REQUIRE(summary.skipped.size() == 2);
  CHECK(summary.skipped[0].position == 0);
  CHECK(summary.skipped[1].reason.find("text") != std::string::npos);

  CHECK_THROWS_AS(corpus_index({}), InputError);
  std::vector<crbc::model::Article> useless = {article("https://x.example/1", "", "")};
  CHECK_THROWS_AS(corpus_index(useless), InputError);
  CHECK_THROWS_AS(index->query(article("https://x.example/q", "", ""), {}), InputError);
}

TEST_CASE("Near-duplicates through an index") {
  TempDir dir;
  for (auto& [name, index] : engines(dir)) {
    INFO(name);
    auto copy = topic_corpus()[3];
    copy.url = "https://mirror.example/oil";
    const auto duplicates = index->near_duplicates(copy, kDefaultDuplicateThreshold);
    REQUIRE(duplicates.size() == 1);
    CHECK(duplicates[0].url == "https://a.example/oil-1");
    CHECK(duplicates[0].similarity == 1.0);
    CHECK(index->near_duplicates(topic_corpus()[3], kDefaultDuplicateThreshold).empty());
  }
}

TEST_CASE("An index persists across opens and serves a read-only reader") {
  TempDir dir;
  const auto path = dir / "news.db";
  {
    auto index = open_index(path, OpenMode::write);
    index->add(topic_corpus());
  }
  auto reader = open_index(path, OpenMode::read);
  const IndexStats stats = reader->stats();
  CHECK(stats.articles == 7);
  CHECK(stats.sites == 2);
  CHECK(stats.oldest == "2023-01-10");
  CHECK(stats.newest == "2024-03-20");
  CHECK(stats.schema_version == kIndexSchemaVersion);
  CHECK(stats.bytes > 0);
  CHECK(!reader->query(topic_corpus()[0], {}).empty());
  auto extra = topic_corpus()[0];
  CHECK_THROWS_AS(reader->add(std::span(&extra, 1)), IndexReadOnlyError);
  CHECK_THROWS_AS(reader->remove(extra.url), IndexReadOnlyError);
  CHECK(reader->stats().articles == 7);
}

TEST_CASE("Foreign, damaged, newer and missing index files are refused without damage") {
  TempDir dir;

  SECTION("not SQLite at all") {
    const auto path = dir / "garbage.db";
    std::ofstream(path) << std::string(8192, 'x');
    const std::string before = file_bytes(path);
    CHECK_THROWS_AS(open_index(path, OpenMode::write), IndexFormatError);
    CHECK_THROWS_AS(open_index(path, OpenMode::read), IndexFormatError);
    CHECK(file_bytes(path) == before);
  }
  SECTION("another program's SQLite database") {
    const auto path = dir / "foreign.db";
    open_file(path).exec("CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    const std::string before = file_bytes(path);
    const std::string refusal =
        write_refusal<IndexFormatError>(path, "a foreign database was accepted");
    CHECK(contains(refusal, "not a crbc index"));
    CHECK(contains(refusal, path.string()));
    CHECK(file_bytes(path) == before);
  }
  SECTION("an index from a newer crbc") {
    const auto path = dir / "newer.db";
    open_index(path, OpenMode::write)->add(topic_corpus());
    open_file(path).exec("PRAGMA user_version = 99");
    CHECK_THROWS_AS(open_index(path, OpenMode::write), IndexVersionError);
    CHECK_THROWS_AS(open_index(path, OpenMode::read), IndexVersionError);
  }
  SECTION("a damaged index") {
    const auto path = dir / "damaged.db";
    open_index(path, OpenMode::write)->add(topic_corpus());
    std::string bytes = file_bytes(path);
    REQUIRE(bytes.size() > 8192);
    for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    CHECK_THROWS_AS(
        [&] {
          auto index = open_index(path, OpenMode::read);
          index->stats();
          index->query(topic_corpus()[0], {});
        }(),
        IndexError);
  }
  SECTION("missing, or a directory") {
    CHECK_THROWS_AS(open_index(dir / "missing.db", OpenMode::read), IndexError);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
    std::filesystem::create_directory(dir / "folder");
    CHECK_THROWS_AS(open_index(dir / "folder", OpenMode::write), IndexError);
  }
}

TEST_CASE("Both engines give the same matches with the same scores") {
  TempDir dir;
  auto all = engines(dir);
  for (const auto& query : topic_corpus()) {
    INFO(query.url);
    const auto memory = all[0].second->query(query, {});
    const auto sqlite = all[1].second->query(query, {});
    REQUIRE(urls(memory) == urls(sqlite));
    for (std::size_t i = 0; i < memory.size(); ++i) {
      CHECK(memory[i].score == Approx(sqlite[i].score));
      CHECK(memory[i].terms == sqlite[i].terms);
    }
  }
}

TEST_CASE(
    "A query takes the stored vector of an article held unchanged, and analyses a changed one") {
  TempDir dir;
  for (auto& [name, index] : engines(dir)) {
    INFO(name);
    const auto held = topic_corpus()[0];  // cocoa-1, as indexed
    auto elsewhere = held;                // the same text, not in the index: analysed
    elsewhere.url = "https://c.example/cocoa-copy";
    QueryOptions plain;  // without feedback, which the copy would take from cocoa-1 too
    plain.expansion_docs = 0;
    const auto from_stored = index->query(held, plain);
    auto from_analysis = index->query(elsewhere, plain);
    std::erase_if(from_analysis, [&](const Match& match) { return match.url == held.url; });
    REQUIRE(urls(from_stored) == urls(from_analysis));
    for (std::size_t i = 0; i < from_stored.size(); ++i)
      CHECK(from_stored[i].score == Approx(from_analysis[i].score));

    auto rewritten = held;  // same url, new text: the stored vector no longer applies
    rewritten.title = "Chess final";
    rewritten.body = article("", "", "Chess grandmaster queen endgame championship.").body;
    const auto matches = index->query(rewritten, {});
    REQUIRE(!matches.empty());
    CHECK(matches[0].url.find("chess") != std::string::npos);
  }
}

TEST_CASE("A narrow filter finds its matches behind many refused candidates") {
  TempDir dir;
  std::vector<crbc::model::Article> corpus;
  for (int i = 0; i < 150; ++i)
    corpus.push_back(article("https://b.example/cocoa-" + std::to_string(i), "Cocoa harvest",
                             "Cocoa farmers report the cocoa harvest and cocoa bean prices.",
                             "2024-03-01"));
  corpus.push_back(article("https://a.example/cocoa-far", "Cocoa in the news",
                           "A few words on cocoa among trade, shipping and weather.",
                           "2024-03-01"));
  const auto query = article("https://a.example/q", "Cocoa harvest",
                             "Cocoa farmers expect a good cocoa harvest and cocoa bean prices.");
  for (auto& [name, index] : engines(dir, corpus)) {
    INFO(name);
    QueryOptions options;
    options.site = SiteFilter::same_site;
    const auto matches = urls(index->query(query, options));
    CHECK(matches == std::vector<std::string>{"https://a.example/cocoa-far"});
  }
}

TEST_CASE("Posting lists follow adds, updates and removals across their segments") {
  TempDir dir;
  const auto path = dir / "segments.db";
  auto url = [](int i) { return "https://a.example/harbour-" + std::to_string(i); };
  auto index = open_index(path, OpenMode::write);
  std::vector<crbc::model::Article> batch;
  for (int i = 0; i < 1200; ++i) {
    batch.push_back(article(url(i), "Harbour news " + std::to_string(i),
                            "The harbour master spoke about word" + std::to_string(i) + "."));
    if (batch.size() == 250) {  // several transactions: appends to a half-full segment
      index->add(batch);
      batch.clear();
    }
  }
  index->add(batch);
  std::vector<std::string> removed;
  for (const int i : {0, 1, 500, 777, 1199}) {
    CHECK(index->remove(url(i)));
    removed.push_back(url(i));
  }
  auto changed = article(url(300), "Orchard news", "Apples and pears in the orchard.");
  index->add(std::span(&changed, 1));
  removed.push_back(url(300));

  const crbc::sqlite::Database db = open_file(path);
  const auto count = [&db](const char* sql) { return db.query_int(sql); };
  CHECK(count("SELECT count(*) FROM postings p JOIN terms t ON t.id = p.term "
              "WHERE t.term = 'harbour'") > 1);
  CHECK(count("SELECT df FROM terms WHERE term = 'harbour'") == 1200 - 6);
  CHECK(count("SELECT count(*) FROM terms t WHERE df <> "
              "(SELECT coalesce(sum(size), 0) FROM postings p WHERE p.term = t.id)") == 0);
  CHECK(count("SELECT count(*) FROM terms WHERE term = 'word0'") == 0);

  QueryOptions options;
  options.k = 2000;
  options.candidates = 2000;
  const auto matches =
      urls(index->query(article("https://q.example/", "Harbour", "harbour"), options));
  CHECK(matches.size() == 1200 - 6);
  for (const std::string& gone : removed)
    CHECK(std::find(matches.begin(), matches.end(), gone) == matches.end());
}

TEST_CASE("A reader sees what another connection wrote since its last query") {
  TempDir dir;
  const auto path = dir / "shared.db";
  const auto corpus = topic_corpus();
  auto writer = open_index(path, OpenMode::write);
  writer->add(std::span(corpus).first(3));  // cocoa only
  auto reader = open_index(path, OpenMode::read);
  const auto oil = corpus[3];
  for (const Match& match : reader->query(oil, {}))
    CHECK(match.url.find("oil") == std::string::npos);
  writer->add(std::span(corpus).subspan(4, 1));  // oil-2
  const auto after = reader->query(oil, {});
  REQUIRE(!after.empty());
  CHECK(after[0].url == "https://b.example/oil-2");
}

TEST_CASE("An index from an older crbc and damaged posting lists are refused without damage") {
  TempDir dir;
  const auto set = [](const std::filesystem::path& path, const char* sql) {
    open_file(path).exec(sql);
  };
  SECTION("older schema") {
    const auto path = dir / "older.db";
    open_index(path, OpenMode::write)->add(topic_corpus());
    set(path, "PRAGMA user_version = 1");
    const std::string before = file_bytes(path);
    CHECK(contains(write_refusal<IndexVersionError>(path, "an older index was accepted"),
                   "older crbc"));
    CHECK_THROWS_AS(open_index(path, OpenMode::read), IndexVersionError);
    CHECK(file_bytes(path) == before);
  }
  SECTION("damaged posting list") {
    const auto path = dir / "postings.db";
    open_index(path, OpenMode::write)->add(topic_corpus());
    set(path, "UPDATE postings SET articles = x'ffffff'");
    CHECK_THROWS_AS(open_index(path, OpenMode::read)->query(topic_corpus()[0], {}),
                    IndexFormatError);
  }
}
