// The image: og/twitter image, JSON-LD image, <link rel=image_src>. Internal to
// src/extract/ (meta_page.hpp).
#include <string>
#include <utility>

#include "extract/meta_page.hpp"

namespace crbc::extract::meta {

void fill_image(const Page& page, model::Article& article) {
  if (article.image) return;
  std::string src = page.meta_value(
      {"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"});
  if (src.empty()) src = page.ld.image;
  if (src.empty()) src = page.facts.image_src;
  if (src.empty()) return;
  model::Image image;
  image.src = page.absolute(src);
  image.alt = page.meta_value({"og:image:alt", "twitter:image:alt"});
  article.image = std::move(image);
}

}  // namespace crbc::extract::meta
