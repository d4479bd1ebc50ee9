#include "summarize/names.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "text/data_dir.hpp"
#include "text/normalize.hpp"
#include "text/sentences.hpp"
#include "text/stopwords.hpp"
#include "text/tokens.hpp"
#include "text/utf8.hpp"

namespace crbc::summarize::detail {
namespace {

std::string_view strip_possessive(std::string_view word, bool& possessive) {
  for (const std::string_view suffix : {"'s", "\xE2\x80\x99s", "'S"}) {
    if (word.size() > suffix.size() + 1 && word.ends_with(suffix)) {
      possessive = true;
      return word.substr(0, word.size() - suffix.size());
    }
  }
  if (word.size() > 2 && (word.ends_with("s'"))) {  // plural possessive: "the Smiths'"
    possessive = true;
    return word.substr(0, word.size() - 1);
  }
  return word;
}

bool is_short_capital(std::string_view token) {
  return !token.empty() && token.size() <= 2 && token[0] >= 'A' && token[0] <= 'Z' &&
         (token.size() == 1 || (token[1] >= 'A' && token[1] <= 'Z'));
}

// Endings of Russian, Ukrainian and Belarusian noun declension, trimmed from the
// end of a Cyrillic word (at most 3 letters, leaving at least 3).
bool is_cyrillic_ending(char32_t cp) {
  switch (cp) {
    case U'а':
    case U'е':
    case U'и':
    case U'і':
    case U'о':
    case U'у':
    case U'ы':
    case U'ю':
    case U'я':
    case U'ь':
    case U'й':
    case U'ё':
    case U'э':
    case U'м':
    case U'х':
    case U'ї':
    case U'є':
    case U'ў':
      return true;
    default:
      return false;
  }
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    char32_t cp = 0xFFFD;
    std::size_t len = 1;
    if (lead < 0x80) {
      cp = lead;
    } else if ((lead & 0xE0) == 0xC0 && pos + 1 < s.size()) {
      cp = ((lead & 0x1F) << 6) | (static_cast<unsigned char>(s[pos + 1]) & 0x3F);
      len = 2;
    } else if ((lead & 0xF0) == 0xE0 && pos + 2 < s.size()) {
      cp = ((lead & 0x0F) << 12) | ((static_cast<unsigned char>(s[pos + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[pos + 2]) & 0x3F);
      len = 3;
    } else if ((lead & 0xF8) == 0xF0 && pos + 3 < s.size()) {
      cp = ((lead & 0x07) << 18) | ((static_cast<unsigned char>(s[pos + 1]) & 0x3F) << 12) |
           ((static_cast<unsigned char>(s[pos + 2]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[pos + 3]) & 0x3F);
      len = 4;
    }
    out += cp;
    pos += len;
  }
  return out;
}

std::string trim_cyrillic_ending(const std::string& folded) {
  std::u32string word = decode(folded);
  if (word.empty() || word[0] < 0x0400 || word[0] > 0x04FF) return folded;
  for (int trimmed = 0; trimmed < 3 && word.size() > 3 && is_cyrillic_ending(word.back());
       ++trimmed) {
    word.pop_back();
  }
  std::string out;
  for (const char32_t cp : word) text::append_utf8(out, cp);
  return out;
}

}  // namespace

std::vector<Word> words_of(std::string_view passage, std::size_t begin, std::size_t end) {
  const std::string_view sentence = passage.substr(begin, end - begin);
  const auto tokens = text::tokenize(sentence);
  std::vector<Word> words;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t start = begin + tokens[i].offset;
    std::size_t stop = start + tokens[i].text.size();
    bool all_caps = tokens[i].all_caps;
    // "U.S.", "U.N.", "E.U.": letters joined by periods are one word.
    if (is_short_capital(tokens[i].text) && stop < end && passage[stop] == '.') {
      std::size_t j = i;
      while (j + 1 < tokens.size() && begin + tokens[j + 1].offset == stop + 1 &&
             is_short_capital(tokens[j + 1].text)) {
        ++j;
        stop = begin + tokens[j].offset + tokens[j].text.size();
        if (!(stop < end && passage[stop] == '.')) break;
      }
      if (j > i) {
        if (stop < end && passage[stop] == '.') ++stop;
        i = j;
        all_caps = true;
      }
    }
    Word word;
    word.begin = start;
    word.end = stop;
    word.text = strip_possessive(passage.substr(start, stop - start), word.possessive);
    word.folded = text::fold_case(word.text);
    word.capitalized = tokens[i].capitalized || all_caps;
    if (word.text.size() >= 2 && passage[start] >= 'A' && passage[start] <= 'Z')
      word.capitalized = true;
    word.all_caps = all_caps;
    word.number = tokens[i].kind == text::TokenKind::number;
    word.sentence_start = words.empty();
    words.push_back(std::move(word));
  }
  return words;
}

std::vector<SentenceWords> sentences_of(const std::vector<Passage>& passages,
                                        std::string_view language, std::size_t max_sentences,
                                        bool& truncated) {
  std::vector<SentenceWords> out;
  for (std::size_t p = 0; p < passages.size(); ++p) {
    if (!passages[p].candidate) continue;
    for (const auto& sentence : text::split_sentences(passages[p].text, language)) {
      if (out.size() >= max_sentences) {
        truncated = true;
        return out;
      }
      out.push_back({p, sentence.begin, sentence.end,
                     words_of(passages[p].text, sentence.begin, sentence.end)});
    }
  }
  return out;
}

bool only_space_between(std::string_view passage, const Word& left, const Word& right,
                        bool quotes) {
  if (right.begin < left.end) return false;
  const std::string_view gap = passage.substr(left.end, right.begin - left.end);
  std::size_t pos = 0;
  while (pos < gap.size()) {
    const char c = gap[pos];
    if (c == ' ' || c == '\t' || c == '\n') {
      ++pos;
      continue;
    }
    if (quotes) {
      bool matched = false;
      for (const std::string_view mark :
           {"\"", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9E"}) {
        if (gap.substr(pos).starts_with(mark)) {
          pos += mark.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    return false;
  }
  return true;
}

std::string name_key(std::string_view name) {
  std::string key;
  for (const auto& token : text::tokenize(name)) {
    if (!key.empty()) key += ' ';
    key += trim_cyrillic_ending(text::fold_case(token.text));
  }
  return key;
}

namespace {

void load_list(const std::filesystem::path& path, EntityType type,
               std::map<std::string, KnownName, std::less<>>& out) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string canonical;
    std::size_t pos = 0;
    while (pos <= line.size()) {
      const std::size_t bar = std::min(line.find('|', pos), line.size());
      const std::string form = line.substr(pos, bar - pos);
      if (!form.empty()) {
        if (canonical.empty()) canonical = form;
        out.try_emplace(name_key(form), KnownName{canonical, type});
      }
      pos = bar + 1;
    }
  }
}

struct SpeechVerbs {
  std::unordered_set<std::string> phrases;  // case-folded, words joined by one space
  std::size_t longest = 0;                  // words in the longest phrase
};

SpeechVerbs load_speech_verbs() {
  SpeechVerbs verbs;
  std::error_code error;
  const std::filesystem::path dir = std::filesystem::path(text::data_directory()) / "speechverbs";
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    if (entry.path().extension() != ".txt") continue;
    for (std::string& phrase : text::read_word_list(entry.path())) {
      verbs.longest = std::max(verbs.longest, text::count_words(phrase));
      verbs.phrases.insert(std::move(phrase));
    }
  }
  return verbs;
}

std::map<std::string, KnownName, std::less<>> load_gazetteer() {
  std::map<std::string, KnownName, std::less<>> names;
  const std::filesystem::path dir = std::filesystem::path(text::data_directory()) / "gazetteer";
  load_list(dir / "places.txt", EntityType::place, names);
  load_list(dir / "organizations.txt", EntityType::organization, names);
  return names;
}

}  // namespace

std::size_t speech_verb_at(const std::vector<Word>& words, std::size_t at) {
  static const SpeechVerbs verbs = load_speech_verbs();
  std::string phrase;
  std::size_t found = 0;
  for (std::size_t length = 1; length <= verbs.longest && at + length <= words.size(); ++length) {
    if (length > 1) phrase += ' ';
    phrase += words[at + length - 1].folded;
    if (verbs.phrases.contains(phrase)) found = length;
  }
  return found;
}

const std::map<std::string, KnownName, std::less<>>& gazetteer() {
  static const auto names = load_gazetteer();
  return names;
}

}  // namespace crbc::summarize::detail
