#include "related/minhash.hpp"

#include <algorithm>
#include <limits>

namespace crbc::related {
namespace {

constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;
// A band shared by this many entries already (a flood of copies) stops growing: new
// copies still meet the earlier ones there, and each lookup stays bounded.
constexpr std::size_t kMaxBucket = 256;

std::uint64_t mix64(std::uint64_t x) noexcept {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) noexcept {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::uint64_t shingle_hash(std::span<const std::string_view> words) noexcept {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const std::string_view word : words) {
    hash = fnv1a(hash, word);
    hash = fnv1a(hash, "\x1f");  // word boundary: "ab c" != "a bc"
  }
  return mix64(hash);
}

}  // namespace

Signature minhash_signature(std::span<const std::string_view> words,
                            const MinHashOptions& options) {
  if (words.empty() || options.hashes == 0) return {};
  // Hash i of a shingle is the top half of a_i * shingle + b_i (multiply-shift, a_i
  // odd): a few instructions each, on shingle hashes that are already well mixed.
  std::vector<std::uint64_t> multipliers(options.hashes);
  std::vector<std::uint64_t> increments(options.hashes);
  for (std::size_t i = 0; i < options.hashes; ++i) {
    multipliers[i] = mix64((i + 1) * kGolden) | 1;
    increments[i] = mix64(~((i + 1) * kGolden));
  }
  const std::size_t width = std::max<std::size_t>(1, options.shingle_words);
  const std::size_t count = words.size() >= width ? words.size() - width + 1 : 1;
  Signature signature(options.hashes, std::numeric_limits<std::uint32_t>::max());
  for (std::size_t at = 0; at < count; ++at) {
    // A repeated shingle hashes to the same minima: no need to skip repeats.
    const std::uint64_t shingle =
        shingle_hash(words.subspan(at, std::min(width, words.size() - at)));
    for (std::size_t i = 0; i < options.hashes; ++i) {
      const auto value =
          static_cast<std::uint32_t>((multipliers[i] * shingle + increments[i]) >> 32);
      signature[i] = std::min(signature[i], value);
    }
  }
  return signature;
}

double estimated_similarity(const Signature& a, const Signature& b) noexcept {
  if (a.empty() || a.size() != b.size()) return 0.0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

std::vector<std::uint64_t> band_keys(const Signature& signature, const MinHashOptions& options) {
  std::vector<std::uint64_t> keys;
  if (signature.size() < options.bands * options.rows || options.rows == 0) return keys;
  keys.reserve(options.bands);
  for (std::size_t band = 0; band < options.bands; ++band) {
    std::uint64_t key = mix64(band + 1);
    for (std::size_t row = 0; row < options.rows; ++row)
      key = mix64(key ^ signature[band * options.rows + row]);
    // SQLite integers are signed: keep keys in range so they round-trip unchanged.
    keys.push_back(key >> 1);
  }
  return keys;
}

std::vector<DuplicateMatch> NearDuplicateFinder::find(const Signature& signature,
                                                      double threshold) const {
  std::vector<std::uint32_t> candidates;
  for (const std::uint64_t key : band_keys(signature, options_)) {
    if (const auto bucket = buckets_.find(key); bucket != buckets_.end())
      candidates.insert(candidates.end(), bucket->second.begin(), bucket->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<DuplicateMatch> matches;
  for (const std::uint32_t index : candidates) {
    const double similarity = estimated_similarity(signature, entries_[index].signature);
    if (similarity >= threshold) matches.push_back({entries_[index].url, similarity});
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
  return matches;
}

void NearDuplicateFinder::add(std::string url, Signature signature) {
  const auto index = static_cast<std::uint32_t>(entries_.size());
  for (const std::uint64_t key : band_keys(signature, options_)) {
    auto& bucket = buckets_[key];
    if (bucket.size() < kMaxBucket && (bucket.empty() || bucket.back() != index))
      bucket.push_back(index);
  }
  entries_.push_back({std::move(url), std::move(signature)});
}

}  // namespace crbc::related
