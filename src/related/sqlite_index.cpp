// The SQLite engine behind Index. One file in WAL mode: readers never block the
// writer, each add() is one IMMEDIATE transaction, so a killed writer leaves the
// last committed state. Tables:
//   articles  one row per entry: identity, display fields, date, the term vector
//             (varint blob of term id deltas and counts), MinHash and the
//             analyzer's fingerprint of the text (a query for an article held
//             unchanged takes its vector from here instead of analysing it again)
//   terms     stem -> id, a display form and its document frequency
//   postings  each term's posting list in segments of up to kSegmentBytes, keyed by
//             (term, first article), with their number of postings: varint article
//             id deltas, each with its impact byte (ranking.hpp). A new article's
//             id is above all others, so an add appends to a term's last segment;
//             a removal rewrites one segment per term.
//   bands     MinHash LSH band keys -> article, for near-duplicate lookups
//   meta      counters and the MinHash parameters the file was built with
#include <algorithm>
#include <limits>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "related/index.hpp"
#include "related/ranking.hpp"
#include "sqlite/database.hpp"

namespace crbc::related {
namespace {

using detail::is_same_article;
using detail::Posting;
using detail::QueryVector;
using detail::TermEntry;

// The IndexError for what SQLite reported.
void throw_index_error(const sqlite::Failure& failure) {
  switch (failure.kind) {
    case sqlite::Failure::Kind::not_a_database:
      throw IndexFormatError(failure.message + " (not a crbc index, or a damaged one)");
    case sqlite::Failure::Kind::read_only:
      throw IndexReadOnlyError(failure.message);
    case sqlite::Failure::Kind::busy:
      throw IndexBusyError(failure.message + " (another process holds the index)");
    case sqlite::Failure::Kind::other:
      break;
  }
  throw IndexError(failure.message);
}

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  canonical TEXT NOT NULL,
  title TEXT NOT NULL,
  site TEXT NOT NULL,
  published TEXT NOT NULL,
  day INTEGER,
  terms BLOB NOT NULL,
  signature BLOB NOT NULL,
  fingerprint INTEGER NOT NULL);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_canonical ON articles(canonical);
CREATE TABLE terms(id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, surface TEXT NOT NULL,
                   df INTEGER NOT NULL);
CREATE TABLE postings(term INTEGER NOT NULL, first INTEGER NOT NULL, size INTEGER NOT NULL,
                      articles BLOB NOT NULL, PRIMARY KEY(term, first)) WITHOUT ROWID;
CREATE TABLE bands(key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY(key, article))
  WITHOUT ROWID;
)sql";

// Candidates examined for near-duplicates, whatever the band buckets hold.
constexpr std::size_t kMaxDuplicateCandidates = 2000;
// Per-connection caches, each starting over past its bound: terms (stem -> id, id ->
// df and display form), decoded posting lists and article rows (in term entries).
// Queries share their common terms and many candidates: decoding those again cost
// more than the rest of a query. At 16 bytes a posting or entry, 16 MiB each; the
// terms, a few MiB. With SQLite's page cache (IndexOptions::cache_kib) they bound
// a connection's memory, whatever the size of the index.
constexpr std::size_t kMaxCachedTerms = 1 << 18;
constexpr std::size_t kMaxCachedPostings = 1 << 20;
constexpr std::size_t kMaxCachedEntries = 1 << 20;
// A posting segment takes postings until its blob reaches this size: small enough to
// stay inside its B-tree page (no overflow page to read), large enough that a common
// term's list is a few hundred rows at 100,000 articles.
constexpr std::size_t kSegmentBytes = 800;

// --- term vector blobs: varint(term id delta), varint(count), ids ascending --------

// Row ids (of terms and articles) are in [1, 2^63).
constexpr std::uint64_t kMaxRowid = std::numeric_limits<std::int64_t>::max();

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

[[noreturn]] void damaged(const char* what) {
  throw IndexFormatError(std::string("damaged ") + what + " in the index");
}

// Reads the varint at `at` (advanced past it), which must end before `end`.
inline std::uint64_t read_varint(const std::uint8_t*& at, const std::uint8_t* end,
                                 const char* what) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at == end) damaged(what);
    const std::uint8_t byte = *at++;
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (byte < 0x80) return value;
  }
  damaged(what);
}

std::vector<std::uint8_t> encode_terms(const std::vector<TermEntry>& entries) {
  std::vector<std::uint8_t> out;
  out.reserve(entries.size() * 3);
  std::int64_t previous = 0;
  for (const TermEntry& entry : entries) {
    put_varint(out, static_cast<std::uint64_t>(entry.id - previous));
    put_varint(out, entry.count);
    previous = entry.id;
  }
  return out;
}

std::vector<TermEntry> decode_terms(std::span<const std::uint8_t> bytes) {
  std::vector<TermEntry> entries;
  entries.reserve(bytes.size() / 2);
  const std::uint8_t* at = bytes.data();
  const std::uint8_t* const end = at + bytes.size();
  std::uint64_t id = 0;
  while (at != end) {
    id += read_varint(at, end, "term vector");
    const std::uint64_t count = read_varint(at, end, "term vector");
    if (id == 0 || id > kMaxRowid || count == 0 || count > 0xffffffffULL) damaged("term vector");
    entries.push_back({static_cast<std::int64_t>(id), static_cast<std::uint32_t>(count)});
  }
  return entries;
}

// --- posting segments: varint(article id delta from the previous, the first from the
// segment's key), impact byte ---------------------------------------------------------

void encode_postings(std::vector<std::uint8_t>& blob, std::int64_t previous,
                     std::span<const Posting> postings) {
  for (const Posting& posting : postings) {
    put_varint(blob, static_cast<std::uint64_t>(posting.article - previous));
    blob.push_back(posting.impact);
    previous = posting.article;
  }
}

template <typename Visit>
void for_each_posting(std::span<const std::uint8_t> blob, std::int64_t first, Visit&& visit) {
  const std::uint8_t* at = blob.data();
  const std::uint8_t* const end = at + blob.size();
  auto article = static_cast<std::uint64_t>(first);
  while (at != end) {
    article += read_varint(at, end, "posting list");
    if (at == end || article == 0 || article > kMaxRowid) damaged("posting list");
    visit(Posting{static_cast<std::int64_t>(article), *at++});
  }
}

std::vector<Posting> decode_postings(std::span<const std::uint8_t> blob, std::int64_t first) {
  std::vector<Posting> postings;
  for_each_posting(blob, first, [&](const Posting& posting) { postings.push_back(posting); });
  return postings;
}

std::vector<std::uint8_t> encode_signature(const Signature& signature) {
  std::vector<std::uint8_t> out;
  out.reserve(signature.size() * 4);
  for (const std::uint32_t value : signature)
    for (int shift = 0; shift < 32; shift += 8)
      out.push_back(static_cast<std::uint8_t>(value >> shift));
  return out;
}

Signature decode_signature(std::span<const std::uint8_t> bytes) {
  Signature signature(bytes.size() / 4);
  for (std::size_t i = 0; i < signature.size(); ++i)
    for (int b = 0; b < 4; ++b)
      signature[i] |= static_cast<std::uint32_t>(bytes[i * 4 + b]) << (8 * b);
  return signature;
}

class SqliteIndex final : public Index {
 public:
  SqliteIndex(sqlite::Database db, std::string path, OpenMode mode, IndexOptions options)
      : db_(std::move(db)), path_(std::move(path)), mode_(mode), options_(std::move(options)) {
    prepare_connection();
    check_or_create_schema();
    analyzer_.emplace(options_.analyzer);
  }

  AddSummary add(std::span<const model::Article> articles) override {
    require_writable();
    sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::write);
    start_writing();
    try {
      AddSummary summary = add_all(articles);
      transaction.commit();
      return summary;
    } catch (...) {
      written_term_ids_.clear();  // ids of terms the rollback took back
      throw;
    }
  }

  bool remove(std::string_view url) override {
    require_writable();
    if (url.empty()) return false;
    sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::write);
    start_writing();
    const std::vector<std::int64_t> ids = matching_ids(url, url);
    for (const std::int64_t id : ids) remove_entry(id);
    if (!ids.empty())
      set_meta("articles", meta("articles") - static_cast<std::int64_t>(ids.size()));
    transaction.commit();
    return !ids.empty();
  }

  IndexStats stats() const override {
    sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::read);
    IndexStats stats;
    stats.path = path_;
    stats.articles = meta("articles");
    stats.terms = db_.query_int("SELECT count(*) FROM terms");
    stats.sites = db_.query_int("SELECT count(DISTINCT site) FROM articles");
    stats.oldest =
        db_.query_text("SELECT substr(min(published), 1, 10) FROM articles WHERE day IS NOT NULL");
    stats.newest =
        db_.query_text("SELECT substr(max(published), 1, 10) FROM articles WHERE day IS NOT NULL");
    stats.bytes = db_.query_int("PRAGMA page_count") * db_.query_int("PRAGMA page_size");
    stats.schema_version = static_cast<int>(db_.query_int("PRAGMA user_version"));
    transaction.commit();
    return stats;
  }

  std::vector<Match> query(const model::Article& article, const QueryOptions& options) override {
    const detail::CandidateFilter filter(article, options);
    sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::read);
    forget_stale_caches();
    const std::int64_t documents = meta("articles");
    const QueryVector vector = query_vector(article, documents);
    if (options.k == 0 || vector.terms.empty()) return {};

    const auto terms = detail::retrieval_terms(vector, options, documents);
    detail::CandidateScores candidates(static_cast<std::size_t>(last_article_id()) + 1);
    for (const detail::QueryTerm* term : terms) candidates.add(*term, posting_list(term->id));
    std::vector<Match> matches = detail::rank(candidates, vector, options, filter,
                                              [&](std::int64_t id) { return stored_article(id); });
    transaction.commit();
    return matches;
  }

  std::vector<DuplicateMatch> near_duplicates(const model::Article& article,
                                              double threshold) override {
    const Analysis analysis = analyzer_->analyze(article);
    if (analysis.signature.empty()) return {};
    sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::read);
    std::vector<std::int64_t> ids;
    auto& lookup = statement("SELECT article FROM bands WHERE key = ?1 LIMIT 1000");
    for (const std::uint64_t key : band_keys(analysis.signature, options_.analyzer.minhash)) {
      lookup.bind(1, static_cast<std::int64_t>(key));
      while (lookup.step()) ids.push_back(lookup.column_int(0));
      lookup.reset();
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > kMaxDuplicateCandidates) ids.resize(kMaxDuplicateCandidates);

    std::vector<DuplicateMatch> matches;
    auto& row = statement("SELECT url, canonical, signature FROM articles WHERE id = ?1");
    for (const std::int64_t id : ids) {
      row.bind(1, id);
      if (row.step()) {
        const std::string url(row.column_text(0));
        const std::string canonical(row.column_text(1));
        const bool itself = is_same_article(article, url, canonical);
        const double similarity =
            estimated_similarity(analysis.signature, decode_signature(row.column_blob(2)));
        if (!itself && similarity >= threshold)
          matches.push_back({canonical.empty() ? url : canonical, similarity});
      }
      row.reset();
    }
    transaction.commit();
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
    return matches;
  }

 private:
  // Articles analysed in add() and not yet written: their term rows exist (df not
  // yet counted), their article rows and postings do not.
  struct Batch {
    struct Entry {
      const model::Article* article = nullptr;
      std::vector<TermEntry> entries;  // ascending term id
      Signature signature;
      std::uint64_t fingerprint = 0;
    };
    std::vector<Entry> entries;
    std::unordered_set<std::string> keys;  // urls and canonical urls

    bool holds(const model::Article& article) const {
      return keys.contains(article.url) || keys.contains(article.canonical_url);
    }
    void add(const model::Article& article, std::vector<TermEntry> terms, Signature signature,
             std::uint64_t fingerprint) {
      for (const std::string* key : {&article.url, &article.canonical_url})
        if (!key->empty()) keys.insert(*key);
      entries.push_back({&article, std::move(terms), std::move(signature), fingerprint});
    }
  };

  struct CachedTerm {
    std::int64_t id = 0;  // 0: not in the index
    std::int64_t df = 0;
  };

  void prepare_connection() {
    db_.set_busy_timeout(options_.busy_timeout_ms);
    db_.exec("PRAGMA cache_size = -" +
             std::to_string(std::max<std::int64_t>(1024, options_.cache_kib)));
  }

  void check_or_create_schema() {
    const std::int64_t application_id = db_.query_int("PRAGMA application_id");
    const std::int64_t objects = db_.query_int("SELECT count(*) FROM sqlite_master");
    if (application_id == 0 && objects == 0) {
      if (mode_ == OpenMode::read)
        throw IndexFormatError(path_ +
                               ": empty file, not a crbc index (build it with 'index add')");
      create_schema();
    } else {
      check_identity(application_id);
    }
    if (mode_ == OpenMode::write && path_ != ":memory:") {
      if (db_.read_only()) throw IndexReadOnlyError(path_ + ": the index file cannot be written");
      db_.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
    }
    // The file's own MinHash parameters win: signatures must stay comparable.
    auto& minhash = options_.analyzer.minhash;
    minhash.hashes = static_cast<std::size_t>(meta("minhash_hashes"));
    minhash.bands = static_cast<std::size_t>(meta("minhash_bands"));
    minhash.rows = static_cast<std::size_t>(meta("minhash_rows"));
    minhash.shingle_words = static_cast<std::size_t>(meta("shingle_words"));
    if (minhash.hashes == 0 || minhash.bands * minhash.rows > minhash.hashes ||
        minhash.hashes > 4096 || minhash.shingle_words == 0 || minhash.shingle_words > 64)
      throw IndexFormatError(path_ + ": damaged index (bad MinHash parameters)");
  }

  void check_identity(std::int64_t application_id) {
    if (application_id != kIndexApplicationId)
      throw IndexFormatError(path_ + ": not a crbc index (an SQLite database of another program)");
    const std::int64_t version = db_.query_int("PRAGMA user_version");
    if (version > kIndexSchemaVersion)
      throw IndexVersionError(path_ + ": index written by a newer crbc (schema " +
                              std::to_string(version) + "; this build reads up to " +
                              std::to_string(kIndexSchemaVersion) + ")");
    if (version < 1) throw IndexFormatError(path_ + ": damaged crbc index (no schema version)");
    if (version < kIndexSchemaVersion)
      throw IndexVersionError(path_ + ": index written by an older crbc (schema " +
                              std::to_string(version) +
                              "); build it again with 'crbc related index add'");
  }

  void create_schema() {
    if (mode_ == OpenMode::write && db_.read_only())
      throw IndexReadOnlyError(path_ + ": the index file cannot be written");
    sqlite::Transaction transaction(db_, sqlite::Transaction::Kind::write);
    // Another process may have created it while we waited for the lock.
    if (db_.query_int("SELECT count(*) FROM sqlite_master") == 0) {
      db_.exec(kSchema);
      const auto& minhash = options_.analyzer.minhash;
      set_meta("articles", 0);
      set_meta("minhash_hashes", static_cast<std::int64_t>(minhash.hashes));
      set_meta("minhash_bands", static_cast<std::int64_t>(minhash.bands));
      set_meta("minhash_rows", static_cast<std::int64_t>(minhash.rows));
      set_meta("shingle_words", static_cast<std::int64_t>(minhash.shingle_words));
      db_.exec("PRAGMA application_id = " + std::to_string(kIndexApplicationId) +
               "; PRAGMA user_version = " + std::to_string(kIndexSchemaVersion));
    }
    transaction.commit();
    check_identity(db_.query_int("PRAGMA application_id"));
  }

  void require_writable() const {
    if (mode_ == OpenMode::read) throw IndexReadOnlyError(path_ + ": index opened read-only");
  }

  sqlite::Statement& statement(const char* sql) const {
    auto found = statements_.find(sql);
    if (found == statements_.end()) found = statements_.emplace(sql, db_.prepare(sql)).first;
    return found->second;
  }

  std::int64_t meta(const char* key) const {
    auto& value = statement("SELECT value FROM meta WHERE key = ?1");
    value.bind(1, std::string_view(key));
    const std::int64_t result = value.step() ? value.column_int(0) : 0;
    value.reset();
    return result;
  }

  void set_meta(const char* key, std::int64_t value) {
    statement(
        "INSERT INTO meta(key, value) VALUES(?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, std::string_view(key))
        .bind(2, value)
        .run();
  }

  // --- writing ----------------------------------------------------------------------

  // In a write transaction, before the first change: what queries cached is about to
  // change (and this connection's own writes do not move data_version).
  void start_writing() {
    forget_stale_caches();
    forget_query_caches();
  }

  AddSummary add_all(std::span<const model::Article> articles) {
    AddSummary summary;
    std::int64_t count = meta("articles");
    Batch batch;
    for (std::size_t position = 0; position < articles.size(); ++position) {
      const model::Article& article = articles[position];
      std::optional<Analysis> analysis = analyze_for_adding(*analyzer_, article, position, summary);
      if (!analysis) continue;
      // Removals and repeats within the batch see the batch written first.
      if (batch.holds(article)) write(batch);
      const std::vector<std::int64_t> replaced = matching_ids(article.url, article.canonical_url);
      if (!replaced.empty()) write(batch);
      for (const std::int64_t id : replaced) remove_entry(id);
      count += 1 - static_cast<std::int64_t>(replaced.size());
      batch.add(article, term_entries(*analysis), std::move(analysis->signature),
                analyzer_->fingerprint(article));
      (replaced.empty() ? summary.added : summary.updated) += 1;
    }
    write(batch);
    set_meta("articles", count);
    return summary;
  }

  // The entries whose url or canonical url is `url` or `canonical`.
  std::vector<std::int64_t> matching_ids(std::string_view url, std::string_view canonical) {
    std::vector<std::int64_t> ids;
    auto& find = statement(
        "SELECT id FROM articles WHERE url = ?1 UNION ALL "
        "SELECT id FROM articles WHERE canonical = ?1");
    for (const std::string_view key : {url, canonical}) {
      if (key.empty()) continue;
      find.bind(1, key);
      while (find.step()) ids.push_back(find.column_int(0));
      find.reset();
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

  void remove_entry(std::int64_t id) {
    auto& row = statement("SELECT terms, signature FROM articles WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) {
      row.reset();
      return;
    }
    const std::vector<TermEntry> entries = decode_terms(row.column_blob(0));
    const Signature signature = decode_signature(row.column_blob(1));
    row.reset();

    auto& decrement = statement("UPDATE terms SET df = df - 1 WHERE id = ?1 RETURNING df");
    auto& forget = statement("DELETE FROM terms WHERE id = ?1");
    for (const TermEntry& entry : entries) {
      decrement.bind(1, entry.id);
      const bool unused = decrement.step() && decrement.column_int(0) <= 0;
      decrement.reset();
      if (unused) {
        forget.bind(1, entry.id).run();
        written_term_ids_.clear();  // it may hold the forgotten term
      }
      remove_posting(entry.id, id);
    }
    auto& unband = statement("DELETE FROM bands WHERE key = ?1 AND article = ?2");
    for (const std::uint64_t key : band_keys(signature, options_.analyzer.minhash))
      unband.bind(1, static_cast<std::int64_t>(key)).bind(2, id).run();
    statement("DELETE FROM articles WHERE id = ?1").bind(1, id).run();
  }

  // Rewrites the segment of `term` that holds `article` without it.
  void remove_posting(std::int64_t term, std::int64_t article) {
    auto& find = statement(
        "SELECT first, articles FROM postings WHERE term = ?1 AND first <= ?2 "
        "ORDER BY first DESC LIMIT 1");
    find.bind(1, term).bind(2, article);
    if (!find.step()) {
      find.reset();
      return;
    }
    const std::int64_t first = find.column_int(0);
    std::vector<Posting> postings = decode_postings(find.column_blob(1), first);
    find.reset();
    std::erase_if(postings, [&](const Posting& posting) { return posting.article == article; });
    if (postings.empty()) {
      statement("DELETE FROM postings WHERE term = ?1 AND first = ?2")
          .bind(1, term)
          .bind(2, first)
          .run();
      return;
    }
    std::vector<std::uint8_t> blob;
    encode_postings(blob, first, postings);
    save_segment(term, first, postings.size(), blob);
  }

  void save_segment(std::int64_t term, std::int64_t first, std::size_t size,
                    std::span<const std::uint8_t> blob) {
    statement("INSERT OR REPLACE INTO postings(term, first, size, articles) VALUES(?1, ?2, ?3, ?4)")
        .bind(1, term)
        .bind(2, first)
        .bind(3, static_cast<std::int64_t>(size))
        .bind_blob(4, blob)
        .run();
  }

  // The term's id, creating its row (with df 0 until the batch is written).
  std::int64_t term_id(const TermCount& term) {
    if (const auto found = written_term_ids_.find(term.term); found != written_term_ids_.end())
      return found->second;
    auto& find = statement("SELECT id FROM terms WHERE term = ?1");
    find.bind(1, std::string_view(term.term));
    std::int64_t id = find.step() ? find.column_int(0) : 0;
    find.reset();
    if (id == 0) {
      statement("INSERT INTO terms(term, surface, df) VALUES(?1, ?2, 0)")
          .bind(1, std::string_view(term.term))
          .bind(2, std::string_view(term.surface))
          .run();
      id = db_.last_insert_rowid();
    }
    written_term_ids_.emplace(term.term, id);
    return id;
  }

  std::vector<TermEntry> term_entries(const Analysis& analysis) {
    std::vector<TermEntry> entries;
    entries.reserve(analysis.terms.size());
    for (const TermCount& term : analysis.terms) entries.push_back({term_id(term), term.count});
    std::sort(entries.begin(), entries.end(),
              [](const TermEntry& a, const TermEntry& b) { return a.id < b.id; });
    return entries;
  }

  // Writes the batch: document frequencies, article rows, postings appended to each
  // term's last segment, band keys.
  void write(Batch& batch) {
    if (batch.entries.empty()) return;
    count_documents(batch);
    std::vector<std::pair<std::int64_t, Posting>> postings;  // (term, posting)
    for (const Batch::Entry& entry : batch.entries) {
      const std::int64_t id = insert_article(*entry.article, entry);
      const double length = detail::tf_length(entry.entries);
      for (const TermEntry& term : entry.entries)
        postings.push_back({term.id, {id, detail::impact_code(term.count, length)}});
      insert_bands(id, entry.signature);
    }
    std::stable_sort(postings.begin(), postings.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Posting> list;
    for (std::size_t at = 0; at < postings.size();) {
      const std::int64_t term = postings[at].first;
      list.clear();
      for (; at < postings.size() && postings[at].first == term; ++at)
        list.push_back(postings[at].second);
      append_postings(term, list);
    }
    batch = {};
  }

  // Adds the batch's articles to the document frequencies of their terms.
  void count_documents(const Batch& batch) {
    detail::IdTable<std::int64_t> added;
    for (const Batch::Entry& entry : batch.entries)
      for (const TermEntry& term : entry.entries) ++added[term.id];
    auto& bump = statement("UPDATE terms SET df = df + ?2 WHERE id = ?1");
    added.for_each(
        [&](std::int64_t id, std::int64_t count) { bump.bind(1, id).bind(2, count).run(); });
  }

  std::int64_t insert_article(const model::Article& article, const Batch::Entry& entry) {
    statement(
        "INSERT INTO articles(url, canonical, title, site, published, day, terms, signature, "
        "fingerprint) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, std::string_view(article.url))
        .bind(2, std::string_view(article.canonical_url))
        .bind(3, std::string_view(article.title))
        .bind(4, std::string_view(site_key(article)))
        .bind(5, std::string_view(article.published))
        .bind(6, parse_day(article.published))
        .bind_blob(7, encode_terms(entry.entries))
        .bind_blob(8, encode_signature(entry.signature))
        .bind(9, static_cast<std::int64_t>(entry.fingerprint))
        .run();
    return db_.last_insert_rowid();
  }

  // One statement for all the bands of an article: statements, not rows, are the
  // dear part of an insert.
  void insert_bands(std::int64_t article, const Signature& signature) {
    const std::vector<std::uint64_t> keys = band_keys(signature, options_.analyzer.minhash);
    if (keys.empty()) return;
    if (band_insert_sql_.empty()) {
      band_insert_sql_ = "INSERT OR IGNORE INTO bands(key, article) VALUES";
      for (std::size_t band = 1; band <= keys.size(); ++band)
        band_insert_sql_ += (band > 1 ? ", (?" : "(?") + std::to_string(band + 1) + ", ?1)";
    }
    auto& insert = statement(band_insert_sql_.c_str());
    insert.bind(1, article);
    for (std::size_t band = 0; band < keys.size(); ++band)
      insert.bind(static_cast<int>(band) + 2, static_cast<std::int64_t>(keys[band]));
    insert.run();
  }

  // Appends postings of articles newer than any in the term's list: to its last
  // segment while that has room, then to new ones.
  void append_postings(std::int64_t term, std::span<const Posting> postings) {
    auto& last = statement(
        "SELECT first, articles FROM postings WHERE term = ?1 ORDER BY first DESC LIMIT 1");
    last.bind(1, term);
    std::int64_t first = postings.front().article;
    std::int64_t previous = first;
    std::size_t size = 0;
    std::vector<std::uint8_t> blob;
    if (last.step() && last.column_blob(1).size() < kSegmentBytes) {
      first = last.column_int(0);
      const auto existing = last.column_blob(1);
      blob.assign(existing.begin(), existing.end());
      for_each_posting(existing, first, [&](const Posting& posting) {
        previous = posting.article;
        ++size;
      });
    }
    last.reset();
    for (const Posting& posting : postings) {
      if (blob.size() >= kSegmentBytes) {
        save_segment(term, first, size, blob);
        blob.clear();
        size = 0;
        first = previous = posting.article;
      }
      encode_postings(blob, previous, std::span(&posting, 1));
      previous = posting.article;
      ++size;
    }
    save_segment(term, first, size, blob);
  }

  // --- reading ----------------------------------------------------------------------

  std::int64_t last_article_id() {
    auto& last = statement("SELECT max(id) FROM articles");
    const std::int64_t id = last.step() ? last.column_int(0) : 0;
    last.reset();
    return std::max<std::int64_t>(0, id);
  }

  // The stored vector of the article when the index holds it unchanged, else the
  // vector of its analysis. io::InputError when it has no text.
  QueryVector query_vector(const model::Article& article, std::int64_t documents) {
    if (const auto entries = stored_entries(article))
      return detail::query_vector(*entries, documents,
                                  [&](std::int64_t id) { return term_by_id(id); });
    const Analysis analysis = analyzer_->analyze_terms(article);
    if (analysis.terms.empty()) throw io::InputError("record has no text to compare");
    return detail::query_vector(analysis, documents,
                                [&](const std::string& term) { return cached_term(term); });
  }

  std::optional<std::vector<TermEntry>> stored_entries(const model::Article& article) {
    if (article.url.empty()) return std::nullopt;
    auto& find = statement("SELECT terms FROM articles WHERE url = ?1 AND fingerprint = ?2");
    find.bind(1, std::string_view(article.url))
        .bind(2, static_cast<std::int64_t>(analyzer_->fingerprint(article)));
    std::optional<std::vector<TermEntry>> entries;
    if (find.step()) entries = decode_terms(find.column_blob(0));
    find.reset();
    return entries;
  }

  // An article row through the article cache (which holds it until the next query).
  const detail::IndexedArticle* stored_article(std::int64_t id) {
    std::unique_ptr<detail::IndexedArticle>& cached = article_cache_[id];
    if (cached) return cached.get();
    auto& row = statement(
        "SELECT url, canonical, site, day, title, published, terms FROM articles WHERE id = ?1");
    row.bind(1, id);
    if (!row.step()) {
      row.reset();
      return nullptr;
    }
    auto article = std::make_unique<detail::IndexedArticle>();
    article->url = row.column_text(0);
    article->canonical = row.column_text(1);
    article->site = row.column_text(2);
    if (!row.column_is_null(3)) article->day = row.column_int(3);
    article->title = row.column_text(4);
    article->published = row.column_text(5);
    const std::vector<TermEntry> entries = decode_terms(row.column_blob(6));
    row.reset();
    article->vector = detail::weighted_vector(entries);
    cached_entries_ += entries.size();
    cached = std::move(article);
    return cached.get();
  }

  // A term's whole posting list, through the posting cache.
  const std::vector<Posting>& posting_list(std::int64_t term) {
    std::vector<Posting>& list = posting_cache_[term];
    if (!list.empty()) return list;
    auto& segments = statement("SELECT first, articles FROM postings WHERE term = ?1");
    segments.bind(1, term);
    while (segments.step())
      for_each_posting(segments.column_blob(1), segments.column_int(0),
                       [&](const Posting& posting) { list.push_back(posting); });
    segments.reset();
    cached_postings_ += list.size();
    return list;
  }

  // The id and document frequency of a stem, through the term cache.
  std::optional<std::pair<std::int64_t, std::int64_t>> cached_term(const std::string& term) {
    auto [slot, inserted] = term_cache_.try_emplace(term);
    if (inserted) {
      auto& find = statement("SELECT id, df FROM terms WHERE term = ?1");
      find.bind(1, std::string_view(term));
      if (find.step()) slot->second = {find.column_int(0), find.column_int(1)};
      find.reset();
    }
    if (slot->second.id == 0) return std::nullopt;
    return std::pair(slot->second.id, slot->second.df);
  }

  // Document frequency and display form of a term id, through the cache.
  detail::TermInfo term_by_id(std::int64_t id) {
    detail::TermInfo& known = terms_by_id_[id];
    if (known.df == 0) {
      auto& find = statement("SELECT df, surface FROM terms WHERE id = ?1");
      find.bind(1, id);
      if (find.step()) {
        known.df = find.column_int(0);
        known.surface = find.column_text(1);
      }
      find.reset();
    }
    return known;
  }

  // The caches hold while no other connection has changed the file (PRAGMA
  // data_version), and up to their bounds: past one, it starts over.
  void forget_stale_caches() {
    auto& data_version = statement("PRAGMA data_version");
    const std::int64_t version = data_version.step() ? data_version.column_int(0) : -1;
    data_version.reset();
    if (version != cached_version_ || written_term_ids_.size() > kMaxCachedTerms)
      written_term_ids_.clear();
    if (version != cached_version_ || term_cache_.size() + terms_by_id_.size() > kMaxCachedTerms ||
        cached_postings_ > kMaxCachedPostings || cached_entries_ > kMaxCachedEntries)
      forget_query_caches();
    cached_version_ = version;
  }

  void forget_query_caches() {
    term_cache_.clear();
    terms_by_id_ = detail::IdTable<detail::TermInfo>();
    posting_cache_ = detail::IdTable<std::vector<Posting>>();
    article_cache_ = detail::IdTable<std::unique_ptr<detail::IndexedArticle>>();
    cached_postings_ = 0;
    cached_entries_ = 0;
  }

  sqlite::Database db_;
  std::string path_;
  OpenMode mode_;
  IndexOptions options_;
  std::optional<Analyzer> analyzer_;
  mutable std::unordered_map<const char*, sqlite::Statement> statements_;
  std::unordered_map<std::string, CachedTerm> term_cache_;
  detail::IdTable<detail::TermInfo> terms_by_id_;                   // df 0: not read yet
  std::unordered_map<std::string, std::int64_t> written_term_ids_;  // stem -> id, for add()
  std::string band_insert_sql_;  // for the file's band count, built on first use
  detail::IdTable<std::vector<Posting>> posting_cache_;                     // by term id
  detail::IdTable<std::unique_ptr<detail::IndexedArticle>> article_cache_;  // by article id
  std::size_t cached_postings_ = 0;
  std::size_t cached_entries_ = 0;
  std::int64_t cached_version_ = -1;
};
}  // namespace

std::unique_ptr<Index> open_index(const std::filesystem::path& path, OpenMode mode,
                                  IndexOptions options) {
  const std::string name = path.string();
  std::error_code error;
  if (mode == OpenMode::read && !std::filesystem::exists(path, error))
    throw IndexError(name + ": no such index");
  if (std::filesystem::is_directory(path, error)) throw IndexError(name + ": is a directory");
  const auto access =
      mode == OpenMode::read ? sqlite::Database::Access::read : sqlite::Database::Access::write;
  try {
    return std::make_unique<SqliteIndex>(sqlite::Database(name, access, throw_index_error), name,
                                         mode, std::move(options));
  } catch (const IndexFormatError& e) {
    const std::string message = e.what();
    if (message.starts_with(name)) throw;
    throw IndexFormatError(name + ": " + message);
  }
}

}  // namespace crbc::related
