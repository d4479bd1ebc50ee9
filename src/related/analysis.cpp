#include "related/analysis.hpp"

#include <algorithm>
#include <unordered_map>

#include "text/utf8.hpp"

namespace crbc::related {
namespace {

struct TermTally {
  std::uint32_t count = 0;
  std::unordered_map<std::string, std::uint32_t> surfaces;
};

bool worth_indexing(const text::Token& token, std::string_view folded, bool numbers) {
  if (!numbers && token.kind == text::TokenKind::number) return false;
  return text::code_point_count(folded) >= 2;
}

std::string most_frequent_surface(const TermTally& tally) {
  const auto best = std::max_element(
      tally.surfaces.begin(), tally.surfaces.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second < b.second : a.first > b.first;
      });
  return best == tally.surfaces.end() ? std::string() : best->first;
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

text::Stemmer& Analyzer::stemmer_for(const std::string& language) {
  auto found = stemmers_.find(language);
  if (found == stemmers_.end()) found = stemmers_.emplace(language, text::Stemmer(language)).first;
  return found->second;
}

Analysis Analyzer::analyze(const model::Article& article) {
  std::string language = text::primary_language(article.language);
  if (language.empty()) language = text::primary_language(options_.default_language);
  text::Stemmer& stemmer = stemmer_for(language);
  const text::StopWords& stop_words = text::stop_words(language);

  Analysis analysis;
  std::unordered_map<std::string, TermTally> tallies;
  auto add_terms = [&](std::string_view raw, std::uint32_t weight,
                       std::vector<std::string>* words) {
    const std::string valid = text::repair_utf8(raw);
    for (const text::Token& token : text::tokenize(valid)) {
      std::string folded = text::fold_case(token.text);
      if (folded.empty()) continue;
      ++analysis.words;
      if (worth_indexing(token, folded, options_.numbers) && !stop_words.contains(folded)) {
        TermTally& tally = tallies[std::string(stemmer.stem(folded))];
        tally.count += weight;
        tally.surfaces[folded] += 1;
      }
      if (words != nullptr) words->push_back(std::move(folded));
    }
  };

  std::vector<std::string> body_words;
  add_terms(article.title, options_.title_weight, nullptr);
  add_terms(article.description, 1, nullptr);
  add_terms(model::body_text(article), 1, &body_words);
  if (body_words.empty()) {  // no body: shingle what there is
    for (const std::string* part : {&article.description, &article.title}) {
      if (!body_words.empty()) break;
      const std::string valid = text::repair_utf8(*part);
      for (const text::Token& token : text::tokenize(valid))
        if (std::string folded = text::fold_case(token.text); !folded.empty())
          body_words.push_back(std::move(folded));
    }
  }

  analysis.terms.reserve(tallies.size());
  for (auto& [term, tally] : tallies)
    analysis.terms.push_back({term, most_frequent_surface(tally), tally.count});
  std::sort(analysis.terms.begin(), analysis.terms.end(),
            [](const TermCount& a, const TermCount& b) { return a.term < b.term; });

  const std::vector<std::string_view> views(body_words.begin(), body_words.end());
  analysis.signature = minhash_signature(views, options_.minhash);
  return analysis;
}

}  // namespace crbc::related
