// schema.org NewsArticle JSON-LD, and what a JSON object read from any format is.
//
// The JSON-LD mapping is lossy by nature (articleBody is plain text). crbc's own
// HTML pages add the whole record under "crbcRecord", declared in the @context as
// a JSON literal (JSON-LD 1.1 "@json"), so that crbc reads its pages back exactly.
#include <algorithm>
#include <array>

#include "formats/internal.hpp"
#include "io/base64.hpp"
#include "model/record_json.hpp"

namespace crbc::formats::detail {

using nlohmann::json;

namespace {

constexpr std::string_view kRecordKey = "crbcRecord";

constexpr std::array<std::string_view, 10> kArticleTypes{
    "NewsArticle",         "Article",
    "BlogPosting",         "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle",
    "ReviewNewsArticle",   "BackgroundNewsArticle",
    "LiveBlogPosting",     "TechArticle"};

bool is_article_type(const json& type) {
  const auto matches = [](const json& t) {
    if (!t.is_string()) return false;
    std::string_view name = t.get_ref<const std::string&>();
    if (const auto slash = name.rfind('/'); slash != std::string_view::npos) {
      name.remove_prefix(slash + 1);  // "https://schema.org/NewsArticle"
    }
    return std::find(kArticleTypes.begin(), kArticleTypes.end(), name) != kArticleTypes.end();
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

std::string string_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() && !value.empty()) return string_of(value.front());
  if (value.is_object()) {
    for (const char* key : {"name", "@value", "url", "@id"}) {
      if (auto it = value.find(key); it != value.end() && it->is_string())
        return it->get<std::string>();
    }
  }
  if (value.is_number()) return value.dump();
  return {};
}

std::string field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? std::string{} : string_of(*it);
}

std::vector<std::string> names_of(const json& value) {
  std::vector<std::string> names;
  const auto add = [&](const json& item) {
    std::string name = string_of(item);
    if (!name.empty()) names.push_back(std::move(name));
  };
  if (value.is_array()) {
    for (const json& item : value) add(item);
  } else {
    add(value);
  }
  return names;
}

std::vector<std::string> keywords_of(const json& value) {
  if (!value.is_string()) return names_of(value);
  std::vector<std::string> tags;
  const std::string& text = value.get_ref<const std::string&>();
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string tag = text.substr(start, comma - start);
    const auto first = tag.find_first_not_of(" \t\n");
    if (first != std::string::npos) {
      tag = tag.substr(first, tag.find_last_not_of(" \t\n") - first + 1);
      tags.push_back(std::move(tag));
    }
    start = comma + 1;
  }
  return tags;
}

std::optional<model::Image> image_of(const json& value) {
  const json& image = value.is_array() && !value.empty() ? value.front() : value;
  model::Image out;
  if (image.is_string()) {
    out.src = image.get<std::string>();
  } else if (image.is_object()) {
    out.src = field(image, "url");
    if (out.src.empty()) out.src = field(image, "contentUrl");
    out.caption = field(image, "caption");
    out.alt = field(image, "description");
  }
  if (out.src.empty()) return std::nullopt;
  return out;
}

// articleBody: paragraphs separated by blank lines.
std::vector<model::Block> paragraphs_of(const std::string& body) {
  std::vector<model::Block> blocks;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    std::string text = body.substr(start, end - start);
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos) {
      text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
      blocks.emplace_back(model::Paragraph{{std::move(text), {}}});
    }
    start = end + 2;
  }
  return blocks;
}

// The article node of a JSON-LD document: itself, or the first article in @graph.
const json* article_node(const json& value) {
  if (const auto graph = value.find("@graph"); graph != value.end() && graph->is_array()) {
    for (const json& node : *graph) {
      if (node.is_object() &&
          (is_article_type(node.value("@type", json())) || node.contains(kRecordKey))) {
        return &node;
      }
    }
    return nullptr;
  }
  return &value;
}

}  // namespace

bool looks_like_jsonld(const json& value) {
  return value.is_object() &&
         (value.contains("@context") || value.contains("@type") || value.contains("@graph"));
}

namespace {

// Members in the order crbc has always written them: @context, @type, then
// description, url, image and keywords, then the others alphabetically.
nlohmann::ordered_json jsonld(const model::Article& article, bool with_record) {
  using nlohmann::ordered_json;
  ordered_json out = ordered_json::object();
  const auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  const auto typed = [](const char* type, const std::string& name) {
    return ordered_json{{"@type", type}, {"name", name}};
  };
  if (with_record) {
    // The record is a JSON literal (JSON-LD 1.1 "@json") under its own term.
    out["@context"] = ordered_json::array(
        {"https://schema.org", {{kRecordKey, {{"@type", "@json"}, {"@id", "urn:crbc:record"}}}}});
  } else {
    out["@context"] = "https://schema.org";
  }
  out["@type"] = "NewsArticle";
  put("description", article.description);
  put("url", article.url);
  if (article.image) {
    ordered_json image = {{"@type", "ImageObject"}};
    if (!article.image->alt.empty()) image["description"] = article.image->alt;
    image["url"] = article.image->src;
    if (!article.image->caption.empty()) image["caption"] = article.image->caption;
    out["image"] = std::move(image);
  }
  if (!article.tags.empty()) out["keywords"] = article.tags;
  put("articleBody", model::body_text(article));
  put("articleSection", article.section);
  if (!article.authors.empty()) {
    ordered_json authors = ordered_json::array();
    for (const std::string& name : article.authors) authors.push_back(typed("Person", name));
    out["author"] = std::move(authors);
  }
  if (with_record) out[kRecordKey] = model::to_json(article);
  put("dateModified", article.modified);
  put("datePublished", article.published);
  put("headline", article.title);
  put("inLanguage", article.language);
  put("mainEntityOfPage", article.canonical_url);
  if (!article.site_name.empty()) out["publisher"] = typed("Organization", article.site_name);
  if (!article.related.empty()) {
    ordered_json links = ordered_json::array();
    for (const model::RelatedArticle& related : article.related) links.push_back(related.url);
    out["relatedLink"] = std::move(links);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json jsonld_from_article(const model::Article& article) {
  return jsonld(article, false);
}

nlohmann::ordered_json jsonld_with_record(const model::Article& article) {
  return jsonld(article, true);
}

model::Article article_from_jsonld(const json& value) {
  const json* node = article_node(value);
  if (node == nullptr) throw model::RecordError("/@graph", "no article in the JSON-LD graph");
  if (const auto record = node->find(kRecordKey); record != node->end()) {
    return model::article_from_json(*record);
  }
  model::Article article;
  article.title = field(*node, "headline");
  if (article.title.empty()) article.title = field(*node, "name");
  article.description = field(*node, "description");
  article.url = field(*node, "url");
  article.canonical_url = field(*node, "mainEntityOfPage");
  article.section = field(*node, "articleSection");
  if (const auto it = node->find("author"); it != node->end()) article.authors = names_of(*it);
  article.site_name = field(*node, "publisher");
  article.published = field(*node, "datePublished");
  article.modified = field(*node, "dateModified");
  article.language = field(*node, "inLanguage");
  if (const auto it = node->find("keywords"); it != node->end()) article.tags = keywords_of(*it);
  if (const auto it = node->find("image"); it != node->end()) article.image = image_of(*it);
  article.body = paragraphs_of(field(*node, "articleBody"));
  if (const auto it = node->find("relatedLink"); it != node->end()) {
    for (std::string& url : names_of(*it)) {
      article.related.push_back({{}, std::move(url), std::nullopt, "page", {}, json::object()});
    }
  }
  model::normalize(article);
  return article;
}

// A fetch record (`crbc fetch --records`): {"url", "fetch": {…}, "html" or
// "html_base64"}, the page still to be parsed.
std::optional<RawPage> fetched_page(const json& value) {
  const auto html = value.find("html");
  const auto html_base64 = value.find("html_base64");
  RawPage page;
  if (html != value.end() && html->is_string()) {
    page.bytes = html->get<std::string>();
  } else if (html_base64 != value.end() && html_base64->is_string()) {
    auto bytes = io::base64_decode(html_base64->get_ref<const std::string&>());
    if (!bytes) throw model::RecordError("/html_base64", "not valid base64");
    page.bytes = std::move(*bytes);
  } else {
    return std::nullopt;
  }
  page.url = field(value, "url");
  if (const auto fetch = value.find("fetch"); fetch != value.end() && fetch->is_object()) {
    page.fetch = fetch->get<model::FetchInfo>();
    if (!page.fetch->final_url.value_or("").empty()) page.url = *page.fetch->final_url;
    page.content_type = page.fetch->header("content-type");
  }
  return page;
}

std::variant<RawPage, model::Article> content_from_json(json&& value) {
  if (!value.is_object()) {
    throw model::RecordError("", std::string("expected a record (a JSON object), found ") +
                                     (value.is_array() ? "a list" : value.type_name()));
  }
  if (!value.contains("schema_version") && looks_like_jsonld(value)) {
    return article_from_jsonld(value);
  }
  if (auto page = fetched_page(value)) return std::move(*page);
  return model::article_from_json(value);
}

}  // namespace crbc::formats::detail
