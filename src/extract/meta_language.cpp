// The language: declared (<html lang>, <meta>, og:locale, JSON-LD), else detected
// by CLD2 in the text. Internal to src/extract/ (meta_page.hpp).
#include <cstdio>
#include <string>
#include <string_view>

// compact_lang_det.h uses FILE (<cstdio>) without including it.
#include <cld2/public/compact_lang_det.h>

#include "extract/meta_page.hpp"

namespace crbc::extract::meta {
namespace {

constexpr std::size_t kLanguageSampleBytes = 16 * 1024;

// "en_US" -> "en-US", "EN" -> "en"; empty when it does not look like a language tag.
std::string normalize_language(std::string_view tag) {
  std::string out;
  for (char c : tag.substr(0, 35)) {
    if (c == '_') c = '-';
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) break;
    out += c;
  }
  const auto dash = out.find('-');
  const std::size_t primary = dash == std::string::npos ? out.size() : dash;
  if (primary < 2 || primary > 3) return {};
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (i < primary && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    // Two-letter regions are upper case ("pt-BR").
    if (dash != std::string::npos && i > dash && out.size() - dash - 1 == 2 && c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 32);
  }
  return out;
}

std::string detected_language(const Page& page) {
  std::string sample;
  for (NodeId p : page.doc.elements_by_tag("p", page.doc.body() == kNoNode ? 0 : page.doc.body())) {
    if (sample.size() >= kLanguageSampleBytes) break;
    sample += page.doc.normalized_text(p);
    sample += '\n';
  }
  if (sample.size() < 200 && page.doc.body() != kNoNode)
    sample = page.doc.normalized_text(page.doc.body()).substr(0, kLanguageSampleBytes);
  if (sample.empty()) return {};
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguage(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) return {};
  return CLD2::LanguageCode(language);
}

}  // namespace

void fill_language(const Page& page, model::Article& article) {
  if (!article.language.empty()) return;
  for (const std::string& declared :
       {page.facts.html_lang, page.meta_value({"content-language", "language", "dc.language"}),
        page.meta_value({"og:locale"}), page.ld.language}) {
    article.language = normalize_language(declared);
    if (!article.language.empty()) return;
  }
  article.language = detected_language(page);
}

}  // namespace crbc::extract::meta
