// Internal to src/summarize: words of a sentence as the entity and quote finders
// see them (dotted acronyms kept whole, possessives split off), the verbs of speech
// (data/speechverbs), the matching key of a name, and the gazetteer of known places
// and organisations (data/gazetteer).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "summarize/summarize.hpp"

namespace crbc::summarize::detail {

struct Word {
  std::string_view text;  // surface, possessive ('s) removed
  std::size_t begin = 0;  // byte range of the whole token in the passage
  std::size_t end = 0;
  std::string folded;        // case-folded `text`
  bool capitalized = false;  // starts with an upper-case letter
  bool all_caps = false;
  bool possessive = false;
  bool number = false;
  bool sentence_start = false;
};

// Words of `sentence`, a range [begin, end) of `passage`.
std::vector<Word> words_of(std::string_view passage, std::size_t begin, std::size_t end);

// A sentence of a candidate passage with its words: computed once per article and
// shared by the summary, key phrases, entities and quotes.
struct SentenceWords {
  std::size_t passage = 0;  // index in the passages
  std::size_t begin = 0;    // byte range in the passage text
  std::size_t end = 0;
  std::vector<Word> words;
};

// Sentences of the candidate passages, in order, at most `max_sentences`.
std::vector<SentenceWords> sentences_of(const std::vector<Passage>& passages,
                                        std::string_view language, std::size_t max_sentences,
                                        bool& truncated);

// Whether only spaces (and, with `quotes`, quotation marks) separate two words.
bool only_space_between(std::string_view passage, const Word& left, const Word& right,
                        bool quotes = false);

// Length in words of the verb of speech that starts at words[at] ("said": 1, French
// "a dit": 2), 0 when none does. The verbs of every language are one list, read once
// from data/speechverbs/<lang>.txt.
std::size_t speech_verb_at(const std::vector<Word>& words, std::size_t at);

// Matching key of a name: case-folded words, Cyrillic case endings trimmed so that
// "Минск", "Минска" and "Минске" agree, joined by spaces.
std::string name_key(std::string_view name);

struct KnownName {
  std::string canonical;
  EntityType type = EntityType::place;
};

// Known places and organisations by name_key of every listed form. Loaded once.
const std::map<std::string, KnownName, std::less<>>& gazetteer();

}  // namespace crbc::summarize::detail
