// Near-duplicate detection: MinHash signatures over word shingles, with LSH banding
// so that only articles sharing a band are compared.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crbc::related {

struct MinHashOptions {
  std::size_t shingle_words = 5;  // words per shingle
  std::size_t hashes = 64;        // signature length; must equal bands * rows
  std::size_t bands = 16;         // LSH bands: candidates share one whole band
  std::size_t rows = 4;           // hashes per band
};

using Signature = std::vector<std::uint32_t>;

// MinHash signature of the shingles of `words` (case-folded word tokens in order).
// Fewer words than a shingle make one shingle of them all; no words, an empty
// signature (never anyone's duplicate).
Signature minhash_signature(std::span<const std::string_view> words, const MinHashOptions& options);

// Estimated Jaccard similarity of the shingle sets: the share of equal hashes.
double estimated_similarity(const Signature& a, const Signature& b) noexcept;

// One key per LSH band of a signature (band number mixed in, so bands never collide
// with each other).
std::vector<std::uint64_t> band_keys(const Signature& signature, const MinHashOptions& options);

struct DuplicateMatch {
  std::string url;
  double similarity = 0;  // estimated Jaccard similarity of word shingles
};

// An in-memory set of signatures for streams and corpora: find the near-duplicates
// of a signature among those added so far.
class NearDuplicateFinder {
 public:
  explicit NearDuplicateFinder(MinHashOptions options = {}) : options_(options) {}

  // Earlier entries with estimated similarity >= threshold, most similar first.
  std::vector<DuplicateMatch> find(const Signature& signature, double threshold) const;
  void add(std::string url, Signature signature);
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  struct Entry {
    std::string url;
    Signature signature;
  };
  MinHashOptions options_;
  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets_;
};

}  // namespace crbc::related
