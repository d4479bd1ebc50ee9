// Typo suggestions: which of a few known words (subcommands, option names) a
// mistyped one most likely meant.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace crbc::text {

// Optimal string alignment distance, byte-wise: insertions, deletions, substitutions
// and swaps of two neighbouring bytes each count 1.
std::size_t edit_distance(std::string_view from, std::string_view to);

// The candidate nearest to `word`, when it is near enough to be a typo of it (at most
// one edit in three characters, and at least one); the first of equally near ones.
std::optional<std::string> nearest_spelling(std::string_view word,
                                            std::span<const std::string> candidates);

}  // namespace crbc::text
