// Snowball stemming (libstemmer) per language, and the primary language subtag
// that selects a language's stemmer, stop words and abbreviations.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;  // libstemmer

namespace crbc::text {

// Primary language subtag of a BCP 47 tag, lower case: "pt-BR" -> "pt", "EN" -> "en".
std::string primary_language(std::string_view bcp47);

// A Snowball stemmer for one language. Not thread-safe: one instance per thread.
// Unknown languages (and "") stem to the input unchanged. Belarusian uses the
// Russian stemmer (closest available); Ukrainian too when libstemmer has none.
class Stemmer {
 public:
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of an already case-folded word. The view stays valid until the next call.
  std::string_view stem(std::string_view folded_word);
  bool available() const noexcept { return stemmer_ != nullptr; }

 private:
  struct Deleter {
    void operator()(sb_stemmer* stemmer) const noexcept;
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace crbc::text
