#include "related/analysis.hpp"

#include <algorithm>
#include <unordered_map>

#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokens.hpp"
#include "text/utf8.hpp"

namespace crbc::related {
namespace {

// Stems remembered per language before the memory starts over (a few MB).
constexpr std::size_t kRememberedStems = 1 << 16;

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Occurrences of one folded word in an article.
struct WordTally {
  std::uint32_t count = 0;        // weighted: title words count title_weight times
  std::uint32_t occurrences = 0;  // as written, for choosing the display form
};

bool worth_indexing(const text::Token& token, std::string_view folded, bool numbers) {
  if (!numbers && token.kind == text::TokenKind::number) return false;
  return text::code_point_count(folded) >= 2;
}

// The words of an article grouped by stem: counts add up, and the display form is
// the word written most often (alphabetically first on a tie).
template <typename StemOf>
std::vector<TermCount> group_by_stem(const std::unordered_map<std::string, WordTally>& words,
                                     StemOf&& stem_of) {
  struct Stemmed {
    std::string stem;
    const std::string* word;
    WordTally tally;
  };
  std::vector<Stemmed> stemmed;
  stemmed.reserve(words.size());
  for (const auto& [word, tally] : words)
    stemmed.push_back({std::string(stem_of(word)), &word, tally});
  std::sort(stemmed.begin(), stemmed.end(), [](const Stemmed& a, const Stemmed& b) {
    if (a.stem != b.stem) return a.stem < b.stem;
    if (a.tally.occurrences != b.tally.occurrences)
      return a.tally.occurrences > b.tally.occurrences;
    return *a.word < *b.word;
  });
  std::vector<TermCount> terms;
  for (const Stemmed& entry : stemmed) {
    if (terms.empty() || terms.back().term != entry.stem)
      terms.push_back({entry.stem, *entry.word, 0});
    terms.back().count += entry.tally.count;
  }
  return terms;
}

}  // namespace

std::string comparable_text(const model::Article& article) {
  std::string text = article.title;
  for (const std::string* part : {&article.description}) {
    if (part->empty()) continue;
    text += "\n\n";
    text += *part;
  }
  const std::string body = model::body_text(article);
  if (!body.empty()) {
    text += "\n\n";
    text += body;
  }
  return text;
}

Analyzer::Analyzer(AnalyzerOptions options) : options_(std::move(options)) {}

std::string_view Analyzer::Stems::of(const std::string& folded_word) {
  if (const auto found = known_.find(folded_word); found != known_.end()) return found->second;
  if (known_.size() >= kRememberedStems) known_.clear();
  return known_.emplace(folded_word, stemmer_.stem(folded_word)).first->second;
}

Analyzer::Stems& Analyzer::stems_for(const std::string& language) {
  auto found = stems_.find(language);
  if (found == stems_.end()) found = stems_.try_emplace(language, language).first;
  return found->second;
}

std::string Analyzer::language_of(const model::Article& article) const {
  std::string language = text::primary_language(article.language);
  return language.empty() ? text::primary_language(options_.default_language) : language;
}

std::uint64_t Analyzer::fingerprint(const model::Article& article) const {
  const std::string language = language_of(article);
  const std::string options = std::to_string(options_.title_weight) + (options_.numbers ? "n" : "");
  const std::string body = model::body_text(article);
  std::uint64_t hash = kFnvOffset;
  for (const std::string_view part :
       {std::string_view(language), std::string_view(options), std::string_view(article.title),
        std::string_view(article.description), std::string_view(body)})
    hash = fnv1a(fnv1a(hash, part), "\x1f");  // separator: ("ab", "c") != ("a", "bc")
  return hash;
}

Analysis Analyzer::analyze(const model::Article& article) {
  return analyze(article, true);
}

Analysis Analyzer::analyze_terms(const model::Article& article) {
  return analyze(article, false);
}

Analysis Analyzer::analyze(const model::Article& article, bool with_signature) {
  const std::string language = language_of(article);
  const text::StopWords& stop_words = text::stop_words(language);

  Analysis analysis;
  std::unordered_map<std::string, WordTally> words;
  auto add_words = [&](std::string_view raw, std::uint32_t weight,
                       std::vector<std::string>* shingled) {
    const std::string valid = text::repair_utf8(raw);
    for (const text::Token& token : text::tokenize(valid)) {
      std::string folded = text::fold_case(token.text);
      if (folded.empty()) continue;
      ++analysis.words;
      if (worth_indexing(token, folded, options_.numbers) && !stop_words.contains(folded)) {
        WordTally& tally = words[folded];
        tally.count += weight;
        tally.occurrences += 1;
      }
      if (shingled != nullptr) shingled->push_back(std::move(folded));
    }
  };

  std::vector<std::string> body_words;
  std::vector<std::string>* shingled = with_signature ? &body_words : nullptr;
  add_words(article.title, options_.title_weight, nullptr);
  add_words(article.description, 1, nullptr);
  add_words(model::body_text(article), 1, shingled);
  Stems& stems = stems_for(language);
  analysis.terms = group_by_stem(words, [&](const std::string& word) { return stems.of(word); });
  if (!with_signature) return analysis;

  if (body_words.empty()) {  // no body: shingle what there is
    for (const std::string* part : {&article.description, &article.title}) {
      if (!body_words.empty()) break;
      const std::string valid = text::repair_utf8(*part);
      for (const text::Token& token : text::tokenize(valid))
        if (std::string folded = text::fold_case(token.text); !folded.empty())
          body_words.push_back(std::move(folded));
    }
  }
  const std::vector<std::string_view> views(body_words.begin(), body_words.end());
  analysis.signature = minhash_signature(views, options_.minhash);
  return analysis;
}

}  // namespace crbc::related
