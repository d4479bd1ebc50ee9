#include "extract/meta_title.hpp"

#include <algorithm>
#include <array>

#include "extract/meta_text.hpp"

namespace crbc::extract::meta {
namespace {

constexpr std::string_view kSeparators[] = {
    " | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " ~ "};

bool looks_like_domain(std::string_view text) {
  const auto dot = text.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || text.size() - dot < 3 || text.size() - dot > 5)
    return false;
  for (char c : text.substr(dot + 1)) {
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;
  }
  return text.find(' ') == std::string_view::npos;
}

bool label_matches(std::string_view segment, const std::vector<std::string>& labels) {
  const std::string folded = fold_alnum(segment);
  if (folded.empty()) return true;  // a segment of punctuation only
  for (const auto& label : labels) {
    const std::string name = fold_alnum(label);
    if (name.empty()) continue;
    if (folded == name) return true;
    // "NYTimes.com" vs "nytimes", "The Verge" vs "Verge": one contains the other
    // and they differ by a few letters only.
    const bool contains =
        folded.find(name) != std::string::npos || name.find(folded) != std::string::npos;
    const std::size_t longer = std::max(folded.size(), name.size());
    const std::size_t shorter = std::min(folded.size(), name.size());
    if (contains && shorter >= 4 && longer - shorter <= 6) return true;
  }
  return false;
}

struct Split {
  std::size_t pos = std::string_view::npos;
  std::size_t length = 0;
};

Split last_separator(std::string_view title) {
  Split best;
  for (auto sep : kSeparators) {
    const auto pos = title.rfind(sep);
    if (pos != std::string_view::npos && (best.pos == std::string_view::npos || pos > best.pos))
      best = {pos, sep.size()};
  }
  return best;
}

Split first_separator(std::string_view title) {
  Split best;
  for (auto sep : kSeparators) {
    const auto pos = title.find(sep);
    if (pos != std::string_view::npos && pos < best.pos) best = {pos, sep.size()};
  }
  if (const auto colon = title.find(": "); colon != std::string_view::npos && colon < best.pos)
    best = {colon, 2};
  return best;
}

}  // namespace

std::vector<std::string> title_words(std::string_view text) {
  std::vector<std::string> words;
  const std::string lower = lowercase(text);
  std::string word;
  for (std::size_t i = 0; i <= lower.size(); ++i) {
    const auto c = i < lower.size() ? static_cast<unsigned char>(lower[i]) : ' ';
    const bool part = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    // Typographic apostrophes and quotes are multi-byte; treat U+2018..U+201F as breaks.
    if (c == 0xE2 && i + 2 < lower.size() && static_cast<unsigned char>(lower[i + 1]) == 0x80 &&
        static_cast<unsigned char>(lower[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(lower[i + 2]) <= 0xBF) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      i += 2;
      continue;
    }
    if (part) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  return words;
}

double title_similarity(std::string_view a, std::string_view b) {
  auto words_a = title_words(a);
  auto words_b = title_words(b);
  if (words_a.empty() || words_b.empty()) return 0.0;
  std::sort(words_a.begin(), words_a.end());
  std::sort(words_b.begin(), words_b.end());
  std::vector<std::string> common;
  std::set_intersection(words_a.begin(), words_a.end(), words_b.begin(), words_b.end(),
                        std::back_inserter(common));
  return static_cast<double>(common.size()) /
         static_cast<double>(std::max(words_a.size(), words_b.size()));
}

std::string strip_site_labels(std::string_view title, const std::vector<std::string>& labels) {
  std::string_view rest = title;
  // Suffixes: "Headline | Section | Site".
  for (int round = 0; round < 3; ++round) {
    const Split split = last_separator(rest);
    if (split.pos == std::string_view::npos || split.pos == 0) break;
    const std::string_view tail = rest.substr(split.pos + split.length);
    const bool pipe = rest.substr(split.pos, split.length) == " | ";
    if (!label_matches(tail, labels) && !(pipe && word_count(tail) <= 5)) break;
    rest = rest.substr(0, split.pos);
  }
  // Prefixes: "Site: Headline", "Site | Headline".
  for (int round = 0; round < 2; ++round) {
    const Split split = first_separator(rest);
    if (split.pos == std::string_view::npos) break;
    const std::string_view head = rest.substr(0, split.pos);
    if (!label_matches(head, labels)) break;
    const std::string_view after = rest.substr(split.pos + split.length);
    if (word_count(after) == 0) break;
    rest = after;
  }
  return collapse_whitespace(rest);
}

bool matches_site_label(std::string_view segment, const std::vector<std::string>& labels) {
  return looks_like_domain(segment) ||
         (!fold_alnum(segment).empty() && label_matches(segment, labels));
}

std::string main_segment(std::string_view title) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  for (std::size_t pos = title.find(" | "); pos != std::string_view::npos;
       pos = title.find(" | ", start)) {
    segments.push_back(title.substr(start, pos - start));
    start = pos + 3;
  }
  segments.push_back(title.substr(start));
  if (segments.size() < 2) return collapse_whitespace(title);
  std::size_t longest = 0;
  for (std::size_t i = 1; i < segments.size(); ++i) {
    if (word_count(segments[i]) > word_count(segments[longest])) longest = i;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (i != longest && word_count(segments[i]) > 3) return collapse_whitespace(title);
  }
  return collapse_whitespace(segments[longest]);
}

std::string first_segment(std::string_view title) {
  const Split split = first_separator(title);
  if (split.pos == std::string_view::npos || title.substr(split.pos, 2) == ": ")
    return collapse_whitespace(title);
  return collapse_whitespace(title.substr(0, split.pos));
}

}  // namespace crbc::extract::meta
