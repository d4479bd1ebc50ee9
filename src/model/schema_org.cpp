#include "model/schema_org.hpp"

#include <algorithm>

namespace crbc::model::schema_org {

bool is_named_article_type(std::string_view type) {
  if (const auto slash = type.rfind('/'); slash != std::string_view::npos) {
    type.remove_prefix(slash + 1);  // "https://schema.org/NewsArticle"
  }
  return std::find(kArticleTypes.begin(), kArticleTypes.end(), type) != kArticleTypes.end();
}

std::string_view bare_type(std::string_view type) {
  for (std::string_view prefix : {"https://schema.org/", "http://schema.org/", "schema:"}) {
    if (type.substr(0, prefix.size()) == prefix) return type.substr(prefix.size());
  }
  return type;
}

bool is_article_family(std::string_view type) {
  return type.ends_with("Article") || type.ends_with("Posting") || type == "Report" ||
         type == "Review";
}

bool is_page_type(std::string_view type) {
  return type.ends_with(kWebPage);
}

const std::string* first_string_member(const nlohmann::json& object,
                                       std::initializer_list<const char*> keys) {
  if (!object.is_object()) return nullptr;
  for (const char* key : keys) {
    if (const auto it = object.find(key); it != object.end() && it->is_string())
      return &it->get_ref<const std::string&>();
  }
  return nullptr;
}

std::vector<std::string_view> comma_separated(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

}  // namespace crbc::model::schema_org
