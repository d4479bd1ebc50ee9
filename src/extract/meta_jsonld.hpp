// schema.org JSON-LD (<script type="application/ld+json">): what it says about the
// article. Internal to src/extract/: the public API is metadata.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crbc::extract::meta {

struct JsonLdArticle {
  bool found = false;  // some object described the page's article
  std::string headline;
  std::string description;
  std::vector<std::string> authors;
  std::string date_published;  // as written
  std::string date_modified;
  std::string section;
  std::vector<std::string> keywords;
  std::string image;
  std::string url;
  std::string language;
  std::string publisher;                 // publisher's name
  std::string name;                      // the article object's "name" (often the title again)
  std::string site_name;                 // a WebSite object's name
  std::vector<std::string> breadcrumbs;  // BreadcrumbList item names, in position order
  // The longest "articleBody" of any object, as declared (line breaks kept, not
  // cleaned): the fallback for pages that render their text with scripts.
  std::string article_body;
};

// Limits against hostile pages: blocks larger or deeper than this are skipped.
inline constexpr std::size_t kMaxJsonLdBytes = std::size_t{2} << 20;
inline constexpr int kMaxJsonLdDepth = 64;
inline constexpr std::size_t kMaxJsonLdObjects = 5000;

// Reads every block (the raw text of each script element). Invalid, oversized or
// too deeply nested blocks are ignored; the article object is the first one whose
// @type is an Article type (NewsArticle, BlogPosting, ...), else the first object with
// a headline or a datePublished. "@graph", arrays and "@id" references are followed.
JsonLdArticle read_json_ld(const std::vector<std::string_view>& blocks);

}  // namespace crbc::extract::meta
