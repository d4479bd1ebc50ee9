#include "summarize/term_document.hpp"

#include <string>
#include <unordered_map>

#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokens.hpp"

namespace crbc::summarize::detail {
namespace {

class TermTable {
 public:
  TermTable(std::string_view language, text::Stemmer& stemmer)
      : stop_words_(text::stop_words(language)), stemmer_(stemmer) {}

  // Content terms of a text (stop words and bare numbers left out).
  std::vector<TermId> terms_of(std::string_view text) {
    std::vector<TermId> terms;
    for (const auto& token : text::tokenize(text)) {
      if (token.kind == text::TokenKind::number) continue;
      add(text::fold_case(token.text), terms);
    }
    return terms;
  }

  std::vector<TermId> terms_of(const std::vector<Word>& words) {
    std::vector<TermId> terms;
    for (const Word& word : words) {
      if (!word.number) add(word.folded, terms);
    }
    return terms;
  }

  std::size_t size() const noexcept { return ids_.size(); }

 private:
  void add(const std::string& folded, std::vector<TermId>& terms) {
    if (folded.empty() || stop_words_.contains(folded)) return;
    const std::string_view stem = stemmer_.stem(folded);
    auto [it, inserted] = ids_.try_emplace(std::string(stem), static_cast<TermId>(ids_.size()));
    terms.push_back(it->second);
  }

  const text::StopWords& stop_words_;
  text::Stemmer& stemmer_;
  std::unordered_map<std::string, TermId> ids_;
};

}  // namespace

TermDocument build_term_document(const std::vector<Passage>& passages,
                                 const std::vector<SentenceWords>& sentences,
                                 std::string_view title, std::string_view language,
                                 text::Stemmer& stemmer) {
  TermDocument document;
  TermTable table(language, stemmer);
  document.title_terms = table.terms_of(title);
  for (const SentenceWords& sentence : sentences) {
    SentenceInfo info;
    const std::string_view passage_text = passages[sentence.passage].text;
    info.text = passage_text.substr(sentence.begin, sentence.end - sentence.begin);
    info.passage = sentence.passage;
    info.block = passages[sentence.passage].block;
    info.begin = sentence.begin;
    info.words = sentence.words.size();
    info.candidate = info.words >= 3 && info.words <= kMaxSentenceWords;
    if (info.candidate) info.terms = table.terms_of(sentence.words);
    document.sentences.push_back(std::move(info));
  }
  document.vocabulary = table.size();
  return document;
}

}  // namespace crbc::summarize::detail
