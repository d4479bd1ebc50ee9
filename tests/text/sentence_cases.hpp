// Table-driven sentence-splitting tests: each row is an input and its sentences
// joined by " | ".
#pragma once

#include <catch2/catch.hpp>
#include <span>
#include <string>
#include <string_view>

#include "text/sentences.hpp"

namespace crbc::testing {

struct SentenceCase {
  std::string_view language;
  std::string_view input;
  std::string_view expected;  // sentences joined by " | "
};

inline std::string joined_sentences(std::string_view text, std::string_view language) {
  std::string out;
  for (const auto& sentence : text::split_sentences(text, language)) {
    if (!out.empty()) out += " | ";
    out += sentence.text;
  }
  return out;
}

inline void check_sentence_cases(std::span<const SentenceCase> cases) {
  for (const auto& c : cases) {
    INFO("language " << c.language << ", input: " << c.input);
    CHECK(joined_sentences(c.input, c.language) == c.expected);
  }
}

}  // namespace crbc::testing
