// Key phrases: runs of content words between stop words and punctuation, counted
// as 1- to 3-word n-grams over stems, scored by how often the phrase and its words
// occur (multi-word phrases favoured), and pruned of phrases that only ever occur
// inside a better one.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "summarize/extractors.hpp"
#include "summarize/names.hpp"
#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokens.hpp"
#include "text/utf8.hpp"

namespace crbc::summarize::detail {
namespace {

constexpr std::size_t kMaxPhraseWords = 3;

struct Candidate {
  std::vector<std::string> stems;
  std::size_t count = 0;
  std::unordered_map<std::string, std::size_t> surfaces;  // as written
  bool always_capitalized = true;
  bool seen_inside_sentence = false;  // capitalisation is telling only there
  double score = 0.0;
};

struct Term {
  std::string stem;
  std::string surface;
  bool title_word = false;
  bool capitalized = false;
  bool sentence_start = false;
};

// Titles are not key phrases, nor part of one: "President Alexander Lukashenko" is
// the name, found without the title.
const std::unordered_set<std::string_view> kTitleWords{
    "president",   "minister",  "prime",      "mr",      "mrs",       "ms",           "dr",
    "prof",        "gen",       "sen",        "gov",     "rep",       "spokesperson", "spokesman",
    "spokeswoman", "secretary", "chancellor", "king",    "queen",     "pope",         "mayor",
    "governor",    "senator",   "президент",  "министр", "прэзідэнт", "міністр"};

bool contains_sequence(const std::vector<std::string>& haystack,
                       const std::vector<std::string>& needle) {
  if (needle.size() > haystack.size()) return false;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

class PhraseCounter {
 public:
  PhraseCounter(std::string_view language, text::Stemmer& stemmer)
      : stops_(text::stop_words(language)), stemmer_(stemmer) {}

  void add_sentence(std::string_view passage, const std::vector<Word>& words) {
    std::vector<Term> run;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const Word& word = words[i];
      if (i > 0 && (words[i - 1].possessive || !only_space_between(passage, words[i - 1], word))) {
        flush(run);
      }
      if (word.number || stops_.contains(word.folded) || text::code_point_count(word.folded) < 2) {
        flush(run);
        continue;
      }
      const std::string stem(stemmer_.stem(word.folded));
      ++word_counts_[stem];
      run.push_back({stem, std::string(word.text), kTitleWords.contains(word.folded),
                     word.capitalized, word.sentence_start});
    }
    flush(run);
  }

  void add_title(std::string_view title) {
    for (const auto& token : text::tokenize(title)) {
      const std::string folded = text::fold_case(token.text);
      if (!stops_.contains(folded)) title_stems_.insert(std::string(stemmer_.stem(folded)));
    }
  }

  std::vector<Keyword> best(std::size_t limit, std::size_t total_words) {
    const std::size_t min_count = total_words < 150 ? 1 : 2;
    std::vector<Candidate*> ranked;
    for (auto& [key, candidate] : candidates_) {
      if (candidate.count < min_count) continue;
      double word_weight = 0.0;
      bool in_title = false;
      for (const auto& stem : candidate.stems) {
        word_weight += std::log2(1.0 + static_cast<double>(word_counts_[stem]));
        in_title = in_title || title_stems_.contains(stem);
      }
      const double n = static_cast<double>(candidate.stems.size());
      candidate.score = static_cast<double>(candidate.count) * word_weight / n *
                        (1.0 + 1.5 * (n - 1.0)) * (in_title ? 1.3 : 1.0);
      ranked.push_back(&candidate);
    }
    std::sort(ranked.begin(), ranked.end(), [](const Candidate* a, const Candidate* b) {
      if (a->score != b->score) return a->score > b->score;
      return a->stems < b->stems;
    });
    std::vector<const Candidate*> chosen;
    for (const Candidate* candidate : ranked) {
      if (chosen.size() >= limit) break;
      const bool redundant = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate* other) {
        // A phrase that mostly occurs inside a chosen one, or a chosen one that
        // occurs only inside this one, adds nothing.
        const bool inside = contains_sequence(other->stems, candidate->stems);
        const bool around = contains_sequence(candidate->stems, other->stems);
        if ((inside || around) && is_name(*candidate) && is_name(*other)) return true;
        if (inside) return candidate->count <= other->count + 1;
        if (around) return 2 * candidate->count >= other->count;
        return false;
      });
      if (!redundant) chosen.push_back(candidate);
    }
    std::vector<Keyword> out;
    const double top = chosen.empty() ? 1.0 : chosen.front()->score;
    for (const Candidate* candidate : chosen) {
      out.push_back({display_form(*candidate), candidate->score / top});
    }
    return out;
  }

 private:
  void flush(std::vector<Term>& run) {
    std::string key;
    std::string surface;
    for (std::size_t start = 0; start < run.size(); ++start) {
      key.clear();
      surface.clear();
      bool capitalized = true;
      for (std::size_t n = 1; n <= kMaxPhraseWords && start + n <= run.size(); ++n) {
        const Term& last = run[start + n - 1];
        if (last.title_word) break;
        if (n > 1) {
          key += ' ';
          surface += ' ';
        }
        key += last.stem;
        surface += last.surface;
        capitalized = capitalized && last.capitalized;
        Candidate& candidate = candidates_[key];
        if (candidate.stems.empty()) {
          for (std::size_t k = start; k < start + n; ++k) candidate.stems.push_back(run[k].stem);
        }
        ++candidate.count;
        ++candidate.surfaces[surface];
        candidate.always_capitalized = candidate.always_capitalized && capitalized;
        candidate.seen_inside_sentence =
            candidate.seen_inside_sentence || !run[start].sentence_start;
      }
    }
    run.clear();
  }

  // Most frequent written form; lower case unless the phrase is a proper name.
  static std::string display_form(const Candidate& candidate) {
    const auto best = std::max_element(
        candidate.surfaces.begin(), candidate.surfaces.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
    if (best == candidate.surfaces.end()) return {};
    return is_name(candidate) ? best->first : text::fold_case(best->first);
  }

  static bool is_name(const Candidate& candidate) {
    return candidate.always_capitalized && candidate.seen_inside_sentence;
  }

  const text::StopWords& stops_;
  text::Stemmer& stemmer_;
  std::unordered_map<std::string, Candidate> candidates_;
  std::unordered_map<std::string, std::size_t> word_counts_;
  std::unordered_set<std::string> title_stems_;
};

}  // namespace

std::vector<Keyword> extract_keywords(const std::vector<Passage>& passages,
                                      const std::vector<SentenceWords>& sentences,
                                      std::string_view title, std::string_view language,
                                      text::Stemmer& stemmer, std::size_t max_keywords) {
  if (max_keywords == 0) return {};
  PhraseCounter counter(language, stemmer);
  std::size_t words = 0;
  for (const SentenceWords& sentence : sentences) {
    counter.add_sentence(passages[sentence.passage].text, sentence.words);
    words += sentence.words.size();
  }
  counter.add_title(title);
  return counter.best(max_keywords, words);
}

}  // namespace crbc::summarize::detail
