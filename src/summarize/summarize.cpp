#include "summarize/summarize.hpp"

#include <array>
#include <cmath>
#include <deque>
#include <utility>

#include "summarize/extractors.hpp"
#include "summarize/term_document.hpp"
#include "text/stem.hpp"
#include "text/tokens.hpp"
#include "text/utf8.hpp"

namespace crbc::summarize {
namespace {

constexpr double kWordsPerMinute = 230.0;

// Candidate passages of the body: paragraphs, block quotes and list items (nested
// lists walked with an explicit stack). Everything else is never summarised.
std::vector<Passage> body_passages(const model::Article& article) {
  std::vector<Passage> passages;
  for (std::size_t b = 0; b < article.body.size(); ++b) {
    const model::Block& block = article.body[b];
    if (const auto* paragraph = std::get_if<model::Paragraph>(&block)) {
      passages.push_back({paragraph->content.text, b, true});
    } else if (const auto* quote = std::get_if<model::Quote>(&block)) {
      passages.push_back({quote->content.text, b, true});
    } else if (const auto* list = std::get_if<model::List>(&block)) {
      std::vector<const model::List*> stack{list};
      while (!stack.empty()) {
        const model::List* current = stack.back();
        stack.pop_back();
        for (auto it = current->items.rbegin(); it != current->items.rend(); ++it) {
          for (const auto& child : it->children) stack.push_back(&child);
        }
        for (const auto& item : current->items) passages.push_back({item.content.text, b, true});
      }
    }
  }
  return passages;
}

// The passages the analysis reads: valid UTF-8 (invalid bytes repaired into
// `storage`) and no more than kMaxAnalysedBytes in all.
std::vector<Passage> bounded(const std::vector<Passage>& passages, std::deque<std::string>& storage,
                             bool& cut, bool& repaired) {
  std::vector<Passage> out;
  std::size_t total = 0;
  for (const Passage& passage : passages) {
    if (total >= detail::kMaxAnalysedBytes) {
      cut = true;
      break;
    }
    Passage copy = passage;
    if (total + copy.text.size() > detail::kMaxAnalysedBytes) {
      std::size_t keep = detail::kMaxAnalysedBytes - total;
      while (keep > 0 && text::is_continuation_byte(copy.text[keep])) --keep;
      copy.text = copy.text.substr(0, keep);
      cut = true;
    }
    if (!text::is_valid_utf8(copy.text)) {
      copy.text = storage.emplace_back(text::repair_utf8(copy.text));
      repaired = true;
    }
    total += copy.text.size();
    out.push_back(copy);
  }
  return out;
}

}  // namespace

namespace {

struct NamedMethod {
  std::string_view name;
  Method method;
};

constexpr std::array<NamedMethod, 5> kMethodNames = {{{"default", Method::hybrid},
                                                      {"lead", Method::lead},
                                                      {"textrank", Method::textrank},
                                                      {"lexrank", Method::lexrank},
                                                      {"hybrid", Method::hybrid}}};

}  // namespace

std::optional<Method> parse_method(std::string_view name) {
  for (const NamedMethod& named : kMethodNames) {
    if (named.name == name) return named.method;
  }
  return std::nullopt;
}

std::vector<std::string_view> method_names() {
  std::vector<std::string_view> names;
  for (const NamedMethod& named : kMethodNames) names.push_back(named.name);
  return names;
}

std::string_view method_name(Method method) {
  switch (method) {
    case Method::lead:
      return "lead";
    case Method::textrank:
      return "textrank";
    case Method::lexrank:
      return "lexrank";
    case Method::hybrid:
      return "hybrid";
  }
  return "hybrid";
}

Summarizer::Summarizer(Options options) : options_(std::move(options)) {}

text::Stemmer& Summarizer::stemmer_for(std::string_view language) {
  const std::string code = text::primary_language(language);
  auto it = stemmers_.find(code);
  if (it == stemmers_.end()) it = stemmers_.emplace(code, text::Stemmer(code)).first;
  return it->second;
}

Analysis Summarizer::analyze(const std::vector<Passage>& passages, std::string_view title,
                             std::string_view language) {
  Analysis analysis;
  analysis.method = options_.method;
  if (language.empty()) language = options_.default_language;
  text::Stemmer& stemmer = stemmer_for(language);

  bool cut = false;
  bool repaired = false;
  std::deque<std::string> storage;
  const std::vector<Passage> analysed = bounded(passages, storage, cut, repaired);
  if (repaired) analysis.warnings.push_back("invalid UTF-8 in the text, replaced by U+FFFD");
  if (cut) {
    analysis.warnings.push_back("text beyond the first " +
                                std::to_string(detail::kMaxAnalysedBytes) +
                                " bytes is not analysed");
  }
  bool truncated = false;
  const auto sentences = detail::sentences_of(analysed, language, detail::kMaxSentences, truncated);
  if (truncated) {
    analysis.warnings.push_back("more than " + std::to_string(detail::kMaxSentences) +
                                " sentences: the rest is not analysed");
  }
  const detail::TermDocument document =
      detail::build_term_document(analysed, sentences, title, language, stemmer);
  const auto scores = detail::score_sentences(document, options_.method, options_.max_candidates);
  for (const std::size_t index :
       detail::select_sentences(document, scores, options_.method, options_)) {
    const detail::SentenceInfo& info = document.sentences[index];
    const std::string_view passage_text = analysed[info.passage].text;
    SummarySentence sentence;
    sentence.text = std::string(info.text);
    sentence.block = info.block;
    sentence.position = index;
    sentence.offset = text::code_point_count(passage_text.substr(0, info.begin));
    sentence.length = text::code_point_count(info.text);
    analysis.summary.push_back(std::move(sentence));
  }
  if (analysis.summary.empty()) {
    analysis.warnings.push_back(document.sentences.empty()
                                    ? "no text to summarise (no paragraphs, quotes or list items)"
                                    : "no usable sentence to summarise (too short, too long or "
                                      "unpunctuated text)");
  }

  analysis.keywords = detail::extract_keywords(analysed, sentences, title, language, stemmer,
                                               options_.max_keywords);
  analysis.entities = detail::extract_entities(analysed, sentences, language);
  analysis.quotes = detail::extract_quotes(analysed, sentences, analysis.entities, language);

  analysis.stats.sentences = document.sentences.size();
  for (const Passage& passage : passages) {
    if (passage.candidate) analysis.stats.words += text::count_words(passage.text);
  }
  analysis.stats.reading_minutes =
      std::round(static_cast<double>(analysis.stats.words) / kWordsPerMinute * 10.0) / 10.0;
  return analysis;
}

Analysis Summarizer::analyze(const model::Article& article) {
  return analyze(body_passages(article), article.title, article.language);
}

Analysis Summarizer::summarize(model::Article& article) {
  Analysis analysis = analyze(article);
  if (!article.extra.is_object()) article.extra = nlohmann::json::object();
  const nlohmann::ordered_json fields = to_json(analysis);
  for (const auto& [key, value] : fields.items()) article.extra[key] = value;
  return analysis;
}

nlohmann::ordered_json to_json(const Analysis& analysis) {
  return {{"summary", model::Summary{std::string(method_name(analysis.method)), analysis.summary}},
          {"keywords", analysis.keywords},
          {"entities", analysis.entities},
          {"quotes", analysis.quotes},
          {"stats", analysis.stats}};
}

}  // namespace crbc::summarize
