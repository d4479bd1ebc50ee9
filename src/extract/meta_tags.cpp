// The tags: article:tag, JSON-LD keywords, then the keywords <meta>. Internal to
// src/extract/ (meta_page.hpp).
#include <string>
#include <string_view>
#include <unordered_set>

#include "extract/meta_page.hpp"
#include "extract/meta_text.hpp"
#include "text/entities.hpp"

namespace crbc::extract::meta {
namespace {

constexpr std::size_t kMaxTags = 100;

}  // namespace

// Tags from the first source that has any, de-duplicated, at most kMaxTags.
void fill_tags(const Page& page, model::Article& article) {
  if (!article.tags.empty()) return;
  std::unordered_set<std::string> seen;
  const auto add = [&](std::string_view raw) {
    std::string tag = meta::collapse_whitespace(text::decode_html_references(raw));
    if (tag.empty() || article.tags.size() >= kMaxTags) return;
    if (seen.insert(meta::fold_alnum(tag)).second) article.tags.push_back(std::move(tag));
  };
  for (const auto& tag : page.meta_values("article:tag")) add(tag);
  if (article.tags.empty()) {
    for (const auto& keyword : page.ld.keywords) add(keyword);
  }
  if (article.tags.empty()) {
    const std::string keywords = page.meta_value({"news_keywords", "keywords"});
    std::size_t start = 0;
    while (start < keywords.size() && article.tags.size() < kMaxTags) {
      std::size_t end = keywords.find(',', start);
      if (end == std::string::npos) end = keywords.size();
      add(std::string_view(keywords).substr(start, end - start));
      start = end + 1;
    }
  }
}

}  // namespace crbc::extract::meta
