#include "text/stem.hpp"

#include <libstemmer.h>

#include <array>
#include <utility>

namespace crbc::text {
namespace {

// ISO 639-1 code to the Snowball algorithm name. Belarusian and Ukrainian fall back
// to Russian, the closest stemmer libstemmer ships: it strips the shared endings.
constexpr std::array<std::pair<std::string_view, const char*>, 30> kAlgorithms{{
    {"ar", "arabic"},   {"be", "russian"},    {"ca", "catalan"},   {"da", "danish"},
    {"de", "german"},   {"el", "greek"},      {"en", "english"},   {"es", "spanish"},
    {"eu", "basque"},   {"fi", "finnish"},    {"fr", "french"},    {"ga", "irish"},
    {"hi", "hindi"},    {"hu", "hungarian"},  {"hy", "armenian"},  {"id", "indonesian"},
    {"it", "italian"},  {"lt", "lithuanian"}, {"nb", "norwegian"}, {"ne", "nepali"},
    {"nl", "dutch"},    {"nn", "norwegian"},  {"no", "norwegian"}, {"pt", "portuguese"},
    {"ro", "romanian"}, {"ru", "russian"},    {"sr", "serbian"},   {"sv", "swedish"},
    {"ta", "tamil"},    {"tr", "turkish"},
}};

constexpr std::size_t kLongestStemmedWord = 64;  // longer "words" are not language

sb_stemmer* open_stemmer(std::string_view language) {
  const std::string code = primary_language(language);
  if (code == "uk") {
    if (sb_stemmer* ukrainian = sb_stemmer_new("ukrainian", "UTF_8")) return ukrainian;
    return sb_stemmer_new("russian", "UTF_8");
  }
  for (const auto& [iso, algorithm] : kAlgorithms) {
    if (iso == code) return sb_stemmer_new(algorithm, "UTF_8");
  }
  return nullptr;
}

}  // namespace

std::string primary_language(std::string_view tag) {
  std::string out;
  for (const char c : tag) {
    if (c == '-' || c == '_') break;
    if (out.size() >= 8) break;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

void Stemmer::Deleter::operator()(sb_stemmer* stemmer) const noexcept {
  sb_stemmer_delete(stemmer);
}

Stemmer::Stemmer(std::string_view language) : stemmer_(open_stemmer(language)) {}
Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string_view Stemmer::stem(std::string_view word) {
  if (!stemmer_ || word.size() > kLongestStemmedWord) return word;
  const sb_symbol* stemmed =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stemmed == nullptr) return word;
  return {reinterpret_cast<const char*>(stemmed),
          static_cast<std::size_t>(sb_stemmer_length(stemmer_.get()))};
}

}  // namespace crbc::text
