// The SQLite engine behind Index. One file in WAL mode: readers never block the
// writer, each add() is one IMMEDIATE transaction, so a killed writer leaves the
// last committed state. Tables:
//   articles  one row per entry: identity, display fields, date, TF-IDF norm, the
//             term vector (varint blob of term id deltas and counts) and MinHash
//   terms     stem -> id, a display form and its document frequency
//   postings  FTS5 (contentless; detail=full, as bm25() needs it) over each article's term ids: the
//             BM25 candidate retrieval
//   bands     MinHash LSH band keys -> article, for near-duplicate lookups
//   meta      counters and the MinHash parameters the file was built with
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "related/index.hpp"
#include "related/ranking.hpp"
#include "related/sqlite.hpp"
#include "text/text.hpp"

namespace crbc::related {
namespace {

using detail::idf;
using detail::is_same_article;
using detail::QueryTerm;
using detail::QueryVector;
using detail::Scored;
using detail::TermEntry;
using detail::tf_weight;

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
  norm REAL NOT NULL,
  terms BLOB NOT NULL,
  signature BLOB NOT NULL);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_canonical ON articles(canonical);
CREATE TABLE terms(id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, surface TEXT NOT NULL,
                   df INTEGER NOT NULL);
CREATE VIRTUAL TABLE postings USING fts5(terms, content='', detail=full, columnsize=0);
CREATE TABLE bands(key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY(key, article))
  WITHOUT ROWID;
)sql";

// Norms are exact when computed; as the collection grows the idf they used drifts.
// They are all recomputed when the article count has moved by this factor.
constexpr double kNormDrift = 1.2;
// Candidates examined for near-duplicates, whatever the band buckets hold.
constexpr std::size_t kMaxDuplicateCandidates = 2000;
// Entries of the per-connection document-frequency cache before it starts over.
constexpr std::size_t kMaxCachedFrequencies = 1 << 20;

// --- term vector blobs: varint(term id delta), varint(count), ids ascending --------

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

std::uint64_t get_varint(std::span<const std::uint8_t> bytes, std::size_t& at) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= bytes.size()) throw IndexFormatError("damaged term vector in the index");
    const std::uint8_t byte = bytes[at++];
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  throw IndexFormatError("damaged term vector in the index");
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
  std::size_t at = 0;
  std::int64_t id = 0;
  while (at < bytes.size()) {
    id += static_cast<std::int64_t>(get_varint(bytes, at));
    const std::uint64_t count = get_varint(bytes, at);
    if (count == 0 || count > 0xffffffffULL)
      throw IndexFormatError("damaged term vector in the index");
    entries.push_back({id, static_cast<std::uint32_t>(count)});
  }
  return entries;
}

// The FTS5 row text of an article: its term ids in ascending order. Regenerated
// identically for the contentless table's 'delete' command.
std::string postings_text(const std::vector<TermEntry>& entries) {
  std::string out;
  out.reserve(entries.size() * 7);
  for (const TermEntry& entry : entries) {
    if (!out.empty()) out += ' ';
    out += std::to_string(entry.id);
  }
  return out;
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
  SqliteIndex(sql::Database db, std::string path, OpenMode mode, IndexOptions options)
      : db_(std::move(db)), path_(std::move(path)), mode_(mode), options_(std::move(options)) {
    prepare_connection();
    check_or_create_schema();
    analyzer_.emplace(options_.analyzer);
  }

  AddSummary add(std::span<const model::Article> articles) override {
    require_writable();
    df_cache_.clear();
    AddSummary summary;
    sql::Transaction transaction(db_, sql::Transaction::Kind::write);
    std::int64_t count = meta("articles");
    for (std::size_t position = 0; position < articles.size(); ++position) {
      const model::Article& article = articles[position];
      if (article_key(article).empty()) {
        summary.skipped.push_back({position, "record has no url"});
        continue;
      }
      Analysis analysis = analyzer_->analyze(article);
      if (analysis.terms.empty()) {
        summary.skipped.push_back({position, "record has no text to compare"});
        continue;
      }
      const std::size_t replaced = remove_matching(article.url, article.canonical_url);
      count -= static_cast<std::int64_t>(replaced);
      ++count;
      insert(article, analysis, count);
      (replaced > 0 ? summary.updated : summary.added) += 1;
    }
    set_meta("articles", count);
    refresh_norms_if_drifted(count);
    transaction.commit();
    return summary;
  }

  bool remove(std::string_view url) override {
    require_writable();
    df_cache_.clear();
    if (url.empty()) return false;
    sql::Transaction transaction(db_, sql::Transaction::Kind::write);
    const std::size_t removed = remove_matching(url, url);
    if (removed > 0) set_meta("articles", meta("articles") - static_cast<std::int64_t>(removed));
    transaction.commit();
    return removed > 0;
  }

  IndexStats stats() const override {
    sql::Transaction transaction(db_, sql::Transaction::Kind::read);
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
    const std::optional<std::int64_t> since = detail::option_day(options.since, "--since");
    const std::optional<std::int64_t> until = detail::option_day(options.until, "--until");
    const Analysis analysis = analyzer_->analyze(article);
    if (analysis.terms.empty()) throw InputError("record has no text to compare");
    if (options.k == 0) return {};

    sql::Transaction transaction(db_, sql::Transaction::Kind::read);
    const std::int64_t documents = meta("articles");
    if (documents == 0) return {};
    auto& find_term = statement("SELECT id, df FROM terms WHERE term = ?1");
    const QueryVector vector = detail::query_vector(
        analysis, documents,
        [&](const std::string& term) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
          find_term.bind(1, std::string_view(term));
          std::optional<std::pair<std::int64_t, std::int64_t>> found;
          if (find_term.step()) found.emplace(find_term.column_int(0), find_term.column_int(1));
          find_term.reset();
          return found;
        });
    if (vector.terms.empty()) return {};

    std::vector<Scored> scored;
    for (const Candidate& candidate :
         candidates(article, vector, documents, options, since, until)) {
      if (auto loaded = load(candidate, article)) {
        detail::score_cosine(*loaded, vector);
        scored.push_back(std::move(*loaded));
      }
    }
    forget_stale_frequencies();
    auto& find_df = statement("SELECT df FROM terms WHERE id = ?1");
    detail::rescore_expanded(scored, vector, options, [&](std::int64_t id) {
      auto [slot, inserted] = df_cache_.try_emplace(id, 1);
      if (inserted) {
        find_df.bind(1, id);
        if (find_df.step()) slot->second = find_df.column_int(0);
        find_df.reset();
      }
      return idf(slot->second, documents);
    });
    transaction.commit();
    return detail::finish(scored, vector, options, article);
  }

  std::vector<DuplicateMatch> near_duplicates(const model::Article& article,
                                              double threshold) override {
    const Analysis analysis = analyzer_->analyze(article);
    if (analysis.signature.empty()) return {};
    sql::Transaction transaction(db_, sql::Transaction::Kind::read);
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

    const std::string key = article_key(article);
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
  struct Candidate {
    std::int64_t id = 0;
    double bm25 = 0;
  };

  void prepare_connection() {
    sqlite3_busy_timeout(db_.handle(), options_.busy_timeout_ms);
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
  }

  void create_schema() {
    if (mode_ == OpenMode::write && db_.read_only())
      throw IndexReadOnlyError(path_ + ": the index file cannot be written");
    sql::Transaction transaction(db_, sql::Transaction::Kind::write);
    // Another process may have created it while we waited for the lock.
    if (db_.query_int("SELECT count(*) FROM sqlite_master") == 0) {
      db_.exec(kSchema);
      const auto& minhash = options_.analyzer.minhash;
      set_meta("articles", 0);
      set_meta("norm_basis", 0);
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

  sql::Statement& statement(const char* sql) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) found = statements_.emplace(sql, db_.prepare(sql)).first;
    return found->second;
  }

  std::int64_t meta(const char* key) const {
    auto statement = db_.prepare("SELECT value FROM meta WHERE key = ?1");
    statement.bind(1, std::string_view(key));
    return statement.step() ? statement.column_int(0) : 0;
  }

  void set_meta(const char* key, std::int64_t value) {
    statement(
        "INSERT INTO meta(key, value) VALUES(?1, ?2) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, std::string_view(key))
        .bind(2, value)
        .run();
  }

  // Deletes the entries whose url or canonical url is `url` or `canonical`.
  std::size_t remove_matching(std::string_view url, std::string_view canonical) {
    std::vector<std::int64_t> ids;
    auto& find =
        statement("SELECT id FROM articles WHERE url IN (?1, ?2) OR canonical IN (?1, ?2)");
    if (url.empty())
      find.bind_null(1);
    else
      find.bind(1, url);
    if (canonical.empty())
      find.bind_null(2);
    else
      find.bind(2, canonical);
    while (find.step()) ids.push_back(find.column_int(0));
    find.reset();
    for (const std::int64_t id : ids) remove_entry(id);
    return ids.size();
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

    auto& decrement = statement("UPDATE terms SET df = df - 1 WHERE id = ?1");
    for (const TermEntry& entry : entries) decrement.bind(1, entry.id).run();
    statement("DELETE FROM terms WHERE df <= 0").run();
    statement("INSERT INTO postings(postings, rowid, terms) VALUES('delete', ?1, ?2)")
        .bind(1, id)
        .bind(2, std::string_view(postings_text(entries)))
        .run();
    auto& unband = statement("DELETE FROM bands WHERE key = ?1 AND article = ?2");
    for (const std::uint64_t key : band_keys(signature, options_.analyzer.minhash))
      unband.bind(1, static_cast<std::int64_t>(key)).bind(2, id).run();
    statement("DELETE FROM articles WHERE id = ?1").bind(1, id).run();
  }

  void insert(const model::Article& article, const Analysis& analysis, std::int64_t documents) {
    std::vector<TermEntry> entries;
    entries.reserve(analysis.terms.size());
    double norm_squared = 0;
    auto& find = statement("SELECT id, df FROM terms WHERE term = ?1");
    auto& bump = statement("UPDATE terms SET df = df + 1 WHERE id = ?1");
    auto& create = statement("INSERT INTO terms(term, surface, df) VALUES(?1, ?2, 1)");
    for (const TermCount& term : analysis.terms) {
      find.bind(1, std::string_view(term.term));
      std::int64_t id = 0;
      std::int64_t df = 1;
      if (find.step()) {
        id = find.column_int(0);
        df = find.column_int(1) + 1;
        find.reset();
        bump.bind(1, id).run();
      } else {
        find.reset();
        create.bind(1, std::string_view(term.term)).bind(2, std::string_view(term.surface)).run();
        id = sqlite3_last_insert_rowid(db_.handle());
      }
      const double weight = tf_weight(term.count) * idf(df, documents);
      norm_squared += weight * weight;
      entries.push_back({id, term.count});
    }
    std::sort(entries.begin(), entries.end(),
              [](const TermEntry& a, const TermEntry& b) { return a.id < b.id; });

    const std::string published = article.published;
    statement(
        "INSERT INTO articles(url, canonical, title, site, published, day, norm, terms, "
        "signature) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, std::string_view(article.url))
        .bind(2, std::string_view(article.canonical_url))
        .bind(3, std::string_view(article.title))
        .bind(4, std::string_view(site_key(article)))
        .bind(5, std::string_view(published))
        .bind(6, parse_day(published))
        .bind(7, std::sqrt(norm_squared))
        .bind_blob(8, encode_terms(entries))
        .bind_blob(9, encode_signature(analysis.signature))
        .run();
    const std::int64_t id = sqlite3_last_insert_rowid(db_.handle());
    statement("INSERT INTO postings(rowid, terms) VALUES(?1, ?2)")
        .bind(1, id)
        .bind(2, std::string_view(postings_text(entries)))
        .run();
    auto& band = statement("INSERT OR IGNORE INTO bands(key, article) VALUES(?1, ?2)");
    for (const std::uint64_t key : band_keys(analysis.signature, options_.analyzer.minhash))
      band.bind(1, static_cast<std::int64_t>(key)).bind(2, id).run();
  }

  // Norms use the idf of the moment they were computed; recompute them all once the
  // collection has grown or shrunk by kNormDrift since the last time.
  void refresh_norms_if_drifted(std::int64_t documents) {
    const std::int64_t basis = meta("norm_basis");
    const auto now = static_cast<double>(documents);
    if (documents == basis || (now <= basis * kNormDrift && now * kNormDrift >= basis)) return;
    std::unordered_map<std::int64_t, std::int64_t> df;
    auto& terms = statement("SELECT id, df FROM terms");
    while (terms.step()) df.emplace(terms.column_int(0), terms.column_int(1));
    terms.reset();
    std::vector<std::pair<std::int64_t, double>> norms;
    auto& rows = statement("SELECT id, terms FROM articles");
    while (rows.step()) {
      double squared = 0;
      for (const TermEntry& entry : decode_terms(rows.column_blob(1))) {
        const auto found = df.find(entry.id);
        const double weight =
            tf_weight(entry.count) * idf(found == df.end() ? 1 : found->second, documents);
        squared += weight * weight;
      }
      norms.emplace_back(rows.column_int(0), std::sqrt(squared));
    }
    rows.reset();
    auto& update = statement("UPDATE articles SET norm = ?2 WHERE id = ?1");
    for (const auto& [id, norm] : norms) update.bind(1, id).bind(2, norm).run();
    set_meta("norm_basis", documents);
  }

  std::vector<Candidate> candidates(const model::Article& article, const QueryVector& vector,
                                    std::int64_t documents, const QueryOptions& options,
                                    std::optional<std::int64_t> since,
                                    std::optional<std::int64_t> until) {
    const auto max_df = std::max<std::int64_t>(
        10,
        static_cast<std::int64_t>(options.retrieval_max_df_share * static_cast<double>(documents)));
    const std::vector<const QueryTerm*> heaviest =
        detail::heaviest_terms(vector, std::max<std::size_t>(1, options.query_terms), max_df);
    if (heaviest.empty()) return {};
    const std::size_t keep = heaviest.size();
    std::string match;
    for (std::size_t i = 0; i < keep; ++i) {
      if (!match.empty()) match += " OR ";
      match += '"' + std::to_string(heaviest[i]->id) + '"';
    }

    // The join with articles costs a row lookup per FTS match: only with filters.
    const bool filtered = since || until || options.site != SiteFilter::any;
    auto& find = filtered
                     ? statement(
                           "SELECT a.id, bm25(postings) FROM postings JOIN articles a ON a.id = "
                           "postings.rowid "
                           "WHERE postings MATCH ?1 "
                           "AND (?2 IS NULL OR a.day >= ?2) AND (?3 IS NULL OR a.day <= ?3) "
                           "AND (?4 IS NULL OR a.site = ?4) AND (?5 IS NULL OR a.site <> ?5) "
                           "ORDER BY bm25(postings) LIMIT ?6")
                     : statement(
                           "SELECT rowid, bm25(postings) FROM postings WHERE postings MATCH ?1 "
                           "ORDER BY bm25(postings) LIMIT ?6");
    find.bind(1, std::string_view(match));
    if (filtered) {
      const std::string site = site_key(article);
      find.bind(2, since).bind(3, until);
      if (options.site == SiteFilter::same_site) find.bind(4, std::string_view(site));
      if (options.site == SiteFilter::other_site) find.bind(5, std::string_view(site));
    }
    // Room for the article itself, dropped when scored.
    find.bind(6, static_cast<std::int64_t>(std::max(options.candidates, options.k) + 2));
    std::vector<Candidate> found;
    while (find.step()) found.push_back({find.column_int(0), -find.column_double(1)});
    find.reset();
    return found;
  }

  // Reads a candidate; nullopt for the article itself.
  std::optional<Scored> load(const Candidate& candidate, const model::Article& article) {
    auto& row = statement(
        "SELECT url, canonical, title, site, published, day, norm, terms FROM articles "
        "WHERE id = ?1");
    row.bind(1, candidate.id);
    if (!row.step()) {
      row.reset();
      return std::nullopt;
    }
    Scored scored;
    Match& match = scored.match;
    const std::string url(row.column_text(0));
    const std::string canonical(row.column_text(1));
    if (is_same_article(article, url, canonical)) {
      row.reset();
      return std::nullopt;
    }
    match.url = canonical.empty() ? url : canonical;
    match.title = row.column_text(2);
    match.site = row.column_text(3);
    match.published = row.column_text(4);
    match.bm25 = candidate.bm25;
    if (!row.column_is_null(5)) scored.day = row.column_int(5);
    scored.norm = row.column_double(6);
    scored.owned = decode_terms(row.column_blob(7));
    scored.entries = scored.owned;
    row.reset();
    return scored;
  }

  // Document frequencies by term id, read for query expansion. Valid while no
  // connection has changed the file (PRAGMA data_version), and capped in size.
  void forget_stale_frequencies() {
    const std::int64_t version = db_.query_int("PRAGMA data_version");
    if (version != cached_version_ || df_cache_.size() > kMaxCachedFrequencies) df_cache_.clear();
    cached_version_ = version;
  }

  sql::Database db_;
  std::string path_;
  OpenMode mode_;
  IndexOptions options_;
  std::optional<Analyzer> analyzer_;
  std::unordered_map<const char*, sql::Statement> statements_;
  std::unordered_map<std::int64_t, std::int64_t> df_cache_;
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
  const int flags =
      mode == OpenMode::read ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  try {
    return std::make_unique<SqliteIndex>(sql::Database(name, flags), name, mode,
                                         std::move(options));
  } catch (const IndexFormatError& e) {
    const std::string message = e.what();
    if (message.starts_with(name)) throw;
    throw IndexFormatError(name + ": " + message);
  }
}

}  // namespace crbc::related
