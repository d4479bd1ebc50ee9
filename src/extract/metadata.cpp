#include "extract/metadata.hpp"

#include <string>
#include <utility>

#include "extract/meta_page.hpp"

// Each field is read in its own file (meta_page.hpp): the site and canonical url in
// meta_site.cpp, the section in meta_section.cpp, the title and description in
// meta_headline.cpp, the authors in meta_authors.cpp, the dates in meta_dates.cpp, the
// tags, image and language in meta_tags.cpp, meta_image.cpp and meta_language.cpp.
// The order matters: the section and the title read the site's name, the authors and
// dates read the headline, the dates read the byline and the canonical url.
namespace crbc::extract {

std::string extract_metadata(const Document& doc, std::string_view page_url,
                             model::Article& article, std::string_view reference_time) {
  meta::Page page(doc, page_url, reference_time);
  if (article.url.empty()) article.url = std::string(page_url);
  meta::fill_site(page, article);
  meta::fill_canonical(page, article);
  if (article.url.empty()) article.url = article.canonical_url;
  meta::fill_section(page, article);
  meta::fill_title(page, article);
  meta::fill_description(page, article);
  meta::fill_authors(page, article);
  meta::fill_dates(page, article);
  meta::fill_tags(page, article);
  meta::fill_image(page, article);
  meta::fill_language(page, article);
  // Called once, after the fill functions: the declared body moves out.
  return std::move(page.ld.article_body);
}

}  // namespace crbc::extract
