// Quotes: speech between quotation marks, with the speaker named next to it
// ("…," Karbalevich said / said Karbalevich / X said: "…"), carried over to a
// quote that follows on its own, and resolved to the full name of an entity; a
// pronoun names the person last written about.
#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>
#include <utility>

#include "summarize/extractors.hpp"
#include "summarize/names.hpp"
#include "text/ascii.hpp"
#include "text/normalize.hpp"
#include "text/sentences.hpp"
#include "text/stopwords.hpp"
#include "text/tokens.hpp"

namespace crbc::summarize::detail {
namespace {

constexpr std::size_t kMaxQuoteBytes = 4000;
constexpr std::size_t kMaxSpeakerWords = 8;
// Words before a verb of speech that may hold its subject: a name with an apposition
// or a relative clause ("Anna Berg, who leads the largest union, said").
constexpr std::size_t kMaxSubjectWords = 16;
constexpr std::size_t kMinQuoteWords = 4;
constexpr std::size_t kMinAttributedQuoteWords = 2;

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

const std::unordered_set<std::string_view> kPronouns{"he",  "she",  "they", "он",   "она", "они",
                                                     "він", "вона", "вони", "ён",   "яна", "яны",
                                                     "er",  "sie",  "il",   "elle", "él",  "ella"};

// Words that open a relative clause after a name ("Anna Berg, who leads the union,").
const std::unordered_set<std::string_view> kRelativePronouns{
    "who", "whom", "whose", "which", "that",    "der",     "die",     "das",
    "qui", "que",  "quien", "кто",   "который", "которая", "которые", "которое",
    "хто", "який", "яка",   "які",   "каторы",  "каторая", "якія",    "якая"};

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

// Speech, not a phrase in quotation marks: several words (fewer when a speaker is
// named next to them), and ending as a clause does (inside the marks, or just after
// them as Russian and French write it: «…», — сказал).
bool is_speech(std::string_view inner, std::string_view after, bool attributed) {
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  const bool clause_follows = after.starts_with(",") || after.starts_with("\xE2\x80\x94") ||
                              after.starts_with("\xE2\x80\x93");
  const std::size_t words = text::count_words(inner);
  if (words < (attributed ? kMinAttributedQuoteWords : kMinQuoteWords)) return false;
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

// Whether text[at, at + length) is whole words: no letter or digit joins it on either side.
bool whole_words_at(std::string_view text, std::size_t at, std::size_t length) {
  const auto joins = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) || (byte >= 0x80 && byte != 0xE2);  // 0xE2: quotes, dashes
  };
  const std::size_t after = at + length;
  return (at == 0 || !joins(text[at - 1])) && (after == text.size() || !joins(text[after]));
}

// Offset of the first whole-word occurrence of `words` in `text`, or npos.
std::size_t find_whole_words(std::string_view text, std::string_view words) {
  for (std::size_t at = text.find(words); at != std::string_view::npos;
       at = text.find(words, at + 1)) {
    if (whole_words_at(text, at, words.size())) return at;
  }
  return std::string_view::npos;
}

// words[begin, end) cut at the commas between them: "Anna Berg, who leads the union"
// is two parts.
std::vector<std::pair<std::size_t, std::size_t>> comma_parts(std::string_view passage,
                                                             const std::vector<Word>& words,
                                                             std::size_t begin, std::size_t end) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  for (std::size_t k = begin + 1; k <= end; ++k) {
    if (k == end || passage.substr(words[k - 1].end, words[k].begin - words[k - 1].end).find(',') !=
                        std::string_view::npos) {
      parts.emplace_back(begin, k);
      begin = k;
    }
  }
  return parts;
}

class QuoteFinder {
 public:
  QuoteFinder(const std::vector<Entity>& entities, std::string_view language)
      : entities_(entities), stops_(text::stop_words(language)) {}

  // `sentences`: the passage's sentences, in order.
  void add_passage(const Passage& passage, const std::vector<text::Sentence>& sentences) {
    std::size_t previous_close = 0;  // end of the quotation before, in this passage
    for (const Found& span : quoted_spans(passage.text)) {
      note_people(passage.text, sentences, previous_close, span.open);
      const std::size_t after_previous = std::exchange(previous_close, span.close);
      const auto containing = [&](std::size_t offset) {
        return std::find_if(sentences.begin(), sentences.end(),
                            [&](const auto& s) { return s.begin <= offset && offset < s.end; });
      };
      const auto first = containing(span.open);
      const auto last = containing(span.close - 1);
      const bool placed = first != sentences.end() && last != sentences.end();
      std::string speaker;
      if (placed) {
        speaker = speaker_after(passage.text, span, last->end);
        if (speaker.empty()) {
          speaker = speaker_before(passage.text, span, std::max(first->begin, after_previous));
        }
      }
      if (speaker.empty()) speaker = speaker_inside(passage.text, span);
      if (!is_speech(span.inner, passage.text.substr(span.close, 8), !speaker.empty())) continue;
      // A quote that is whole sentences on its own continues the previous speaker.
      if (placed && speaker.empty() && !quotes_.empty() && span.open <= first->begin + 1 &&
          span.close + 2 >= last->end) {
        speaker = quotes_.back().speaker;
      }
      QuoteFound quote;
      quote.text = std::string(text::trim_ascii(span.inner));
      quote.block = passage.block;
      quote.speaker = resolve(std::move(speaker));
      if (!quote.speaker.empty()) last_person_ = quote.speaker;
      quotes_.push_back(std::move(quote));
    }
    note_people(passage.text, sentences, previous_close, passage.text.size());
  }

  std::vector<QuoteFound> take() { return std::move(quotes_); }

 private:
  // `"…," Karbalevich said` · `"…," said Karbalevich, a ...` · `«…», — сказал он`.
  std::string speaker_after(std::string_view passage, const Found& span,
                            std::size_t sentence_end) const {
    if (span.close >= sentence_end) return {};
    return speaker_of(passage, words_of(passage, span.close, sentence_end));
  }

  // `Karbalevich said: "…"` · `He told reporters, "…"` · `In a statement, the ministry said:`
  // · `"…," said Berg, "…"`, from `from`: the sentence's start or the quotation before.
  std::string speaker_before(std::string_view passage, const Found& span, std::size_t from) const {
    if (span.open <= from) return {};
    std::string_view before = passage.substr(from, span.open - from);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.empty() || (before.back() != ':' && before.back() != ',')) return {};
    return speaker_of(passage, words_of(passage, from, from + before.size()));
  }

  // «…, — сказал глава города Андрей Ветлугин. — …»: the speaker named between dashes
  // inside the quotation marks.
  std::string speaker_inside(std::string_view passage, const Found& span) const {
    constexpr std::string_view kOpening = ", \xE2\x80\x94 ";  // ", — "
    constexpr std::string_view kClosing = " \xE2\x80\x94";    // " —"
    const std::size_t inner_end = span.inner.data() - passage.data() + span.inner.size();
    const std::size_t opening = passage.substr(0, inner_end).find(kOpening, span.open);
    if (opening == std::string_view::npos) return {};
    const std::size_t from = opening + kOpening.size();
    const std::size_t to = std::min(passage.find(kClosing, from), inner_end);
    const auto words = words_of(passage, from, to);
    const std::size_t verb_words = words.empty() ? 0 : speech_verb_at(words, 0);
    return verb_words == 0 ? std::string() : name_after_verb(passage, words, verb_words);
  }

  // The speaker in `words` around their verb of speech: the subject before it, or the
  // name after a verb that comes first. A capitalised first word is not such a verb
  // ("Asked about the strike, a spokesman said:").
  std::string speaker_of(std::string_view passage, const std::vector<Word>& words) const {
    const std::size_t limit = std::min(words.size(), kMaxSubjectWords + 1);
    for (std::size_t v = 0; v < limit; ++v) {
      const std::size_t verb_words = speech_verb_at(words, v);
      if (verb_words == 0 || (v == 0 && words[0].capitalized)) continue;
      return v > 0 ? subject(passage, words, v) : name_after_verb(passage, words, verb_words);
    }
    return {};
  }

  // The name after a verb that comes first, starting at words[from]: right after it
  // (`said Anna Berg, who …`), a person's name ending its clause (`сказал на церемонии
  // глава города Андрей Ветлугин`), or a later part between commas (`said the
  // union's leader, Anna Berg`).
  std::string name_after_verb(std::string_view passage, const std::vector<Word>& words,
                              std::size_t from) const {
    std::size_t end = from;
    while (end < words.size() && end < from + kMaxSpeakerWords &&
           (words[end].capitalized || kPronouns.contains(words[end].folded)) &&
           only_space_between(passage, words[end - 1], words[end])) {
      ++end;
      if (kPronouns.contains(words[end - 1].folded)) break;
    }
    if (end > from) return join_words(words, from, end, passage);
    const auto parts = comma_parts(passage, words, from, words.size());
    if (parts.empty()) return {};
    const auto [clause, clause_end] = parts.front();
    std::size_t name = clause_end;
    while (name > clause && is_name(words, name - 1, clause_end)) --name;
    const std::string at_end = join_words(words, name, clause_end, passage);
    if (!at_end.empty() && first_person(at_end) != nullptr) return at_end;
    const auto named = std::find_if(parts.begin(), parts.end(), [&](const auto& part) {
      return is_name(words, part.first, part.second);
    });
    return named == parts.end() ? std::string()
                                : join_words(words, named->first, named->second, passage);
  }

  // The subject of a verb at words[verb], from the words before it: the part (between
  // commas) that is a name, else the nearest part that is not a relative clause, so
  // that neither "In a statement," nor ", who leads the union," is taken for a speaker.
  std::string subject(std::string_view passage, const std::vector<Word>& words,
                      std::size_t verb) const {
    const auto parts = comma_parts(passage, words, 0, verb);
    const auto named = std::find_if(parts.rbegin(), parts.rend(), [&](const auto& part) {
      return is_name(words, part.first, part.second);
    });
    if (named != parts.rend()) return join_words(words, named->first, named->second, passage);
    const auto plain = std::find_if(parts.rbegin(), parts.rend(), [&](const auto& part) {
      return part.first == 0 || !kRelativePronouns.contains(words[part.first].folded);
    });
    if (plain == parts.rend() || plain->second - plain->first > kMaxSpeakerWords) return {};
    return join_words(words, plain->first, plain->second, passage);
  }

  // A pronoun, or capitalised words none of which is a capitalised function word ("In").
  bool is_name(const std::vector<Word>& words, std::size_t from, std::size_t to) const {
    if (to - from == 1 && kPronouns.contains(words[from].folded)) return true;
    if (to - from > kMaxSpeakerWords) return false;
    return std::all_of(words.begin() + from, words.begin() + to, [&](const Word& word) {
      return word.capitalized && (word.all_caps || !stops_.contains(word.folded));
    });
  }

  // Pronouns become the person last written about; a surname the full name.
  std::string resolve(std::string speaker) const {
    if (speaker.empty()) return speaker;
    const std::string folded = text::fold_case(speaker);
    if (kPronouns.contains(folded)) return last_person_.empty() ? speaker : last_person_;
    if (text::count_words(speaker) > kMaxSpeakerWords) return {};
    for (const Entity& entity : entities_) {
      for (const auto& alias : entity.aliases) {
        if (speaker.find(entity.name) != std::string::npos) break;
        const std::size_t at = speaker.find(alias);
        if (at == std::string::npos) continue;
        if (whole_words_at(speaker, at, alias.size())) {
          speaker.replace(at, alias.size(), entity.name);
        }
        break;
      }
    }
    return speaker;
  }

  // Remembers the person a pronoun after passage[from, to) refers to: of the last
  // sentence there that names a person, the one named first, its subject as a rule
  // ("Graham Petts, who voted against, said … \"…,\" he said").
  void note_people(std::string_view passage, const std::vector<text::Sentence>& sentences,
                   std::size_t from, std::size_t to) {
    auto sentence = std::partition_point(sentences.begin(), sentences.end(),
                                         [&](const auto& s) { return s.end <= from; });
    for (; sentence != sentences.end() && sentence->begin < to; ++sentence) {
      const std::size_t begin = std::max(sentence->begin, from);
      const std::size_t end = std::min(sentence->end, to);
      if (const Entity* person = first_person(passage.substr(begin, end - begin))) {
        last_person_ = person->name;
      }
    }
  }

  // The person named first in `text`, by full name or another form, or none.
  const Entity* first_person(std::string_view text) const {
    const Entity* first = nullptr;
    std::size_t first_at = std::string_view::npos;
    const auto consider = [&](const Entity& entity, std::string_view form) {
      const std::size_t at = find_whole_words(text, form);
      if (at < first_at) {
        first_at = at;
        first = &entity;
      }
    };
    for (const Entity& entity : entities_) {
      if (entity.type != EntityType::person) continue;
      consider(entity, entity.name);
      for (const std::string& alias : entity.aliases) consider(entity, alias);
    }
    return first;
  }

  const std::vector<Entity>& entities_;
  const text::StopWords& stops_;
  std::vector<QuoteFound> quotes_;
  std::string last_person_;
};

}  // namespace

std::vector<QuoteFound> extract_quotes(const std::vector<Passage>& passages,
                                       const std::vector<SentenceWords>& sentences,
                                       const std::vector<Entity>& entities,
                                       std::string_view language) {
  QuoteFinder finder(entities, language);
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
