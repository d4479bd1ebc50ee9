// Quotes: speech between quotation marks, with the speaker named next to it
// ("…," Karbalevich said / said Karbalevich / X said: "…"), carried over to a
// quote that follows on its own, and resolved to the full name of an entity.
#include <algorithm>
#include <array>
#include <unordered_set>

#include "summarize/extractors.hpp"
#include "summarize/names.hpp"

namespace crbc::summarize::detail {
namespace {

constexpr std::size_t kMaxQuoteBytes = 4000;
constexpr std::size_t kMaxSpeakerWords = 8;
constexpr std::size_t kMinQuoteWords = 4;

struct QuotePair {
  std::string_view open;
  std::string_view close;
};

// Opening mark and the marks that close it, by typographic convention.
constexpr std::array<QuotePair, 7> kPairs{{
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"\xC2\xAB", "\xC2\xBB"},          // « »
    {"\xE2\x80\x9E", "\xE2\x80\x9C"},  // „ “
    {"\xE2\x80\x9E", "\xE2\x80\x9D"},  // „ ”
    {"\xC2\xBB", "\xC2\xAB"},          // » « (German)
    {"\"", "\""},
    {"``", "''"},  // tokenised corpora
}};

const std::unordered_set<std::string_view> kSpeechVerbs{
    "said",      "says",      "say",        "told",      "tells",     "added",      "adds",
    "stated",    "noted",     "notes",      "explained", "asked",     "wrote",      "writes",
    "argued",    "warned",    "insisted",   "declared",  "announced", "replied",    "recalled",
    "continued", "stressed",  "claimed",    "commented", "sagte",     "sagt",       "erklärte",
    "betonte",   "a",         "dit",        "déclaré",   "affirmé",   "dijo",       "afirmó",
    "declaró",   "señaló",    "сказал",     "сказала",   "сказали",   "заявил",     "заявила",
    "заявили",   "отметил",   "отметила",   "добавил",   "добавила",  "подчеркнул", "подчеркнула",
    "сообщил",   "сообщила",  "сообщили",   "пояснил",   "пояснила",  "написал",    "написала",
    "сказав",    "сказала",   "заявив",     "заявила",   "зазначив",  "зазначила",  "додав",
    "додала",    "повідомив", "повідомили", "сказаў",    "сказала",   "заявіў",     "заявіла",
    "заявілі",   "адзначыў",  "адзначыла",  "дадаў",     "паведаміў", "паведамілі"};

const std::unordered_set<std::string_view> kPronouns{"he",  "she",  "they", "он",   "она", "они",
                                                     "він", "вона", "вони", "ён",   "яна", "яны",
                                                     "er",  "sie",  "il",   "elle", "él",  "ella"};

struct Found {
  std::size_t open = 0;   // byte offset of the opening mark
  std::size_t close = 0;  // byte offset just after the closing mark
  std::string_view inner;
};

// Quoted spans of a passage, left to right, none longer than kMaxQuoteBytes.
std::vector<Found> quoted_spans(std::string_view passage) {
  std::vector<Found> spans;
  std::size_t pos = 0;
  while (pos < passage.size()) {
    const char c = passage[pos];
    if (c != '"' && c != '`' && c != '\xC2' && c != '\xE2') {
      ++pos;
      continue;
    }
    const QuotePair* pair = nullptr;
    for (const auto& candidate : kPairs) {
      if (passage.substr(pos).starts_with(candidate.open)) {
        pair = &candidate;
        break;
      }
    }
    if (pair == nullptr) {
      ++pos;
      continue;
    }
    const std::size_t inner_start = pos + pair->open.size();
    const std::size_t window = std::min(kMaxQuoteBytes, passage.size() - inner_start);
    const std::size_t close = passage.substr(inner_start, window).find(pair->close);
    if (close == std::string_view::npos) {
      pos = inner_start;
      continue;
    }
    spans.push_back(
        {pos, inner_start + close + pair->close.size(), passage.substr(inner_start, close)});
    pos = inner_start + close + pair->close.size();
  }
  return spans;
}

// Speech, not a phrase in quotation marks: several words, and ending as a clause does
// (inside the marks, or just after them as Russian and French write it: «…», — сказал).
bool is_speech(std::string_view inner, std::string_view after) {
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  const bool clause_follows = after.starts_with(",") || after.starts_with("\xE2\x80\x94") ||
                              after.starts_with("\xE2\x80\x93");
  const std::size_t words = text::count_words(inner);
  if (words < kMinQuoteWords) return false;
  std::size_t end = inner.size();
  while (end > 0 && (inner[end - 1] == ' ')) --end;
  if (end == 0) return false;
  const char last = inner[end - 1];
  const bool clause_end = last == ',' || last == '.' || last == '!' || last == '?' ||
                          inner.substr(0, end).ends_with("\xE2\x80\xA6");
  return clause_end || clause_follows || words >= 8;
}

std::string join_words(const std::vector<Word>& words, std::size_t from, std::size_t to,
                       std::string_view passage) {
  if (from >= to) return {};
  // Keep the written text (possessives included) between the first and last word.
  return std::string(passage.substr(words[from].begin, words[to - 1].end - words[from].begin));
}

class QuoteFinder {
 public:
  QuoteFinder(const std::vector<Entity>& entities) : entities_(entities) {
    for (const Entity& entity : entities_) {
      if (entity.type == EntityType::person) person_keys_.insert(name_key(entity.name));
    }
  }

  // `sentences`: the passage's sentences, in order.
  void add_passage(const Passage& passage, const std::vector<text::Sentence>& sentences) {
    for (const Found& span : quoted_spans(passage.text)) {
      if (!is_speech(span.inner, passage.text.substr(span.close, 8))) continue;
      QuoteFound quote;
      quote.text = std::string(trim(span.inner));
      quote.block = passage.block;
      const auto containing = [&](std::size_t offset) {
        return std::find_if(sentences.begin(), sentences.end(),
                            [&](const auto& s) { return s.begin <= offset && offset < s.end; });
      };
      const auto first = containing(span.open);
      const auto last = containing(span.close - 1);
      if (first != sentences.end() && last != sentences.end()) {
        quote.speaker = speaker_after(passage.text, span, last->end);
        if (quote.speaker.empty()) quote.speaker = speaker_before(passage.text, span, first->begin);
        // A quote that is whole sentences on its own continues the previous speaker.
        if (quote.speaker.empty() && !quotes_.empty() && span.open <= first->begin + 1 &&
            span.close + 2 >= last->end) {
          quote.speaker = quotes_.back().speaker;
        }
      }
      quote.speaker = resolve(quote.speaker);
      if (!quote.speaker.empty()) last_speaker_ = quote.speaker;
      quotes_.push_back(std::move(quote));
    }
  }

  std::vector<QuoteFound> take() { return std::move(quotes_); }

 private:
  static std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return s;
  }

  // `"…," Karbalevich said` · `"…," said Karbalevich, a ...` · `«…», — сказал он`.
  std::string speaker_after(std::string_view passage, const Found& span, std::size_t sentence_end) {
    if (span.close >= sentence_end) return {};
    const auto words = words_of(passage, span.close, sentence_end);
    const std::size_t limit = std::min(words.size(), kMaxSpeakerWords + 1);
    for (std::size_t v = 0; v < limit; ++v) {
      if (!kSpeechVerbs.contains(words[v].folded) ||
          (words[v].folded == "a" && v + 1 < words.size() && words[v + 1].folded != "dit")) {
        continue;
      }
      if (v > 0) return join_words(words, 0, v, passage);
      // Verb first: the speaker is the name (or pronoun) after it.
      std::size_t end = 1;
      while (end < words.size() && end <= kMaxSpeakerWords &&
             (words[end].capitalized || kPronouns.contains(words[end].folded)) &&
             only_space_between(passage, words[end - 1], words[end])) {
        ++end;
        if (kPronouns.contains(words[end - 1].folded)) break;
      }
      return join_words(words, 1, end, passage);
    }
    return {};
  }

  // `Karbalevich said: "…"` · `He told reporters, "…"`.
  std::string speaker_before(std::string_view passage, const Found& span,
                             std::size_t sentence_begin) {
    if (span.open <= sentence_begin) return {};
    std::string_view before = passage.substr(sentence_begin, span.open - sentence_begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.empty() || (before.back() != ':' && before.back() != ',')) return {};
    const auto words = words_of(passage, sentence_begin, sentence_begin + before.size());
    for (std::size_t v = 1; v < words.size(); ++v) {
      if (kSpeechVerbs.contains(words[v].folded) && v <= kMaxSpeakerWords) {
        return join_words(words, 0, v, passage);
      }
    }
    return {};
  }

  // Pronouns become the last speaker or person; a surname the full name.
  std::string resolve(std::string speaker) const {
    if (speaker.empty()) return speaker;
    const std::string folded = text::fold_case(speaker);
    if (kPronouns.contains(folded)) return last_speaker_.empty() ? speaker : last_speaker_;
    if (text::count_words(speaker) > kMaxSpeakerWords) return {};
    for (const Entity& entity : entities_) {
      for (const auto& alias : entity.aliases) {
        if (speaker.find(entity.name) != std::string::npos) break;
        const std::size_t at = speaker.find(alias);
        if (at == std::string::npos) continue;
        const std::size_t after = at + alias.size();
        const bool word_start = at == 0 || speaker[at - 1] == ' ';
        const bool word_end = after == speaker.size() || speaker[after] == ' ' ||
                              speaker[after] == '\'' || speaker[after] == ',' ||
                              static_cast<unsigned char>(speaker[after]) == 0xE2;
        if (word_start && word_end) speaker.replace(at, alias.size(), entity.name);
        break;
      }
    }
    return speaker;
  }

  const std::vector<Entity>& entities_;
  std::unordered_set<std::string> person_keys_;
  std::vector<QuoteFound> quotes_;
  std::string last_speaker_;
};

}  // namespace

std::vector<QuoteFound> extract_quotes(const std::vector<Passage>& passages,
                                       const std::vector<SentenceWords>& sentences,
                                       const std::vector<Entity>& entities) {
  QuoteFinder finder(entities);
  std::size_t next = 0;
  std::vector<text::Sentence> ranges;
  for (std::size_t p = 0; p < passages.size(); ++p) {
    ranges.clear();
    while (next < sentences.size() && sentences[next].passage == p) {
      const auto& s = sentences[next++];
      ranges.push_back({s.begin, s.end, passages[p].text.substr(s.begin, s.end - s.begin)});
    }
    if (!ranges.empty()) finder.add_passage(passages[p], ranges);
  }
  return finder.take();
}

}  // namespace crbc::summarize::detail
