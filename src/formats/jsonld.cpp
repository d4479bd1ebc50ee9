// schema.org NewsArticle JSON-LD, and what a JSON object read from any format is.
//
// The JSON-LD mapping is lossy by nature (articleBody is plain text). crbc's own
// HTML pages add the whole record under "crbcRecord", declared in the @context as
// a JSON literal (JSON-LD 1.1 "@json"), so that crbc reads its pages back exactly.
#include <algorithm>

#include "formats/internal.hpp"
#include "io/base64.hpp"
#include "model/record_json.hpp"
#include "model/schema_org.hpp"

namespace crbc::formats::detail {

using nlohmann::json;
namespace so = model::schema_org;

namespace {

constexpr std::string_view kRecordKey = "crbcRecord";

bool is_article_type(const json& type) {
  const auto matches = [](const json& t) {
    return t.is_string() && so::is_named_article_type(t.get_ref<const std::string&>());
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

std::string string_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() && !value.empty()) return string_of(value.front());
  if (const std::string* text =
          so::first_string_member(value, {so::kName, so::kValue, so::kUrl, so::kId}))
    return *text;
  if (value.is_number()) return value.dump();
  return {};
}

std::string field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? std::string{} : string_of(*it);
}

std::vector<std::string> names_of(const json& value) {
  std::vector<std::string> names;
  so::for_each_item(value, [&](const json& item) {
    std::string name = string_of(item);
    if (!name.empty()) names.push_back(std::move(name));
  });
  return names;
}

std::vector<std::string> keywords_of(const json& value) {
  if (!value.is_string()) return names_of(value);
  std::vector<std::string> tags;
  for (const std::string_view part : so::comma_separated(value.get_ref<const std::string&>())) {
    const auto first = part.find_first_not_of(" \t\n");
    if (first != std::string_view::npos)
      tags.emplace_back(part.substr(first, part.find_last_not_of(" \t\n") - first + 1));
  }
  return tags;
}

std::optional<model::Image> image_of(const json& value) {
  const json& image = value.is_array() && !value.empty() ? value.front() : value;
  model::Image out;
  if (image.is_string()) {
    out.src = image.get<std::string>();
  } else if (image.is_object()) {
    out.src = field(image, so::kUrl);
    if (out.src.empty()) out.src = field(image, so::kContentUrl);
    out.caption = field(image, so::kCaption);
    out.alt = field(image, so::kDescription);
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
  if (const auto graph = value.find(so::kGraph); graph != value.end() && graph->is_array()) {
    for (const json& node : *graph) {
      if (node.is_object() &&
          (is_article_type(node.value(so::kType, json())) || node.contains(kRecordKey))) {
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
         (value.contains(so::kContext) || value.contains(so::kType) || value.contains(so::kGraph));
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
    return ordered_json{{so::kType, type}, {so::kName, name}};
  };
  if (with_record) {
    // The record is a JSON literal (JSON-LD 1.1 "@json") under its own term.
    out[so::kContext] = ordered_json::array(
        {so::kSchemaOrg, {{kRecordKey, {{so::kType, "@json"}, {so::kId, "urn:crbc:record"}}}}});
  } else {
    out[so::kContext] = so::kSchemaOrg;
  }
  out[so::kType] = so::kNewsArticle;
  put(so::kDescription, article.description);
  put(so::kUrl, article.url);
  if (article.image) {
    ordered_json image = {{so::kType, so::kImageObject}};
    if (!article.image->alt.empty()) image[so::kDescription] = article.image->alt;
    image[so::kUrl] = article.image->src;
    if (!article.image->caption.empty()) image[so::kCaption] = article.image->caption;
    out[so::kImage] = std::move(image);
  }
  if (!article.tags.empty()) out[so::kKeywords] = article.tags;
  put(so::kArticleBody, model::body_text(article));
  put(so::kArticleSection, article.section);
  if (!article.authors.empty()) {
    ordered_json authors = ordered_json::array();
    for (const std::string& name : article.authors) authors.push_back(typed(so::kPerson, name));
    out[so::kAuthor] = std::move(authors);
  }
  if (with_record) out[kRecordKey] = model::to_json(article);
  put(so::kDateModified, article.modified);
  put(so::kDatePublished, article.published);
  put(so::kHeadline, article.title);
  put(so::kInLanguage, article.language);
  put(so::kMainEntityOfPage, article.canonical_url);
  if (!article.site_name.empty()) out[so::kPublisher] = typed(so::kOrganization, article.site_name);
  if (!article.related.empty()) {
    ordered_json links = ordered_json::array();
    for (const model::RelatedArticle& related : article.related) links.push_back(related.url);
    out[so::kRelatedLink] = std::move(links);
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
  article.title = field(*node, so::kHeadline);
  if (article.title.empty()) article.title = field(*node, so::kName);
  article.description = field(*node, so::kDescription);
  article.url = field(*node, so::kUrl);
  article.canonical_url = field(*node, so::kMainEntityOfPage);
  article.section = field(*node, so::kArticleSection);
  if (const auto it = node->find(so::kAuthor); it != node->end()) article.authors = names_of(*it);
  article.site_name = field(*node, so::kPublisher);
  article.published = field(*node, so::kDatePublished);
  article.modified = field(*node, so::kDateModified);
  article.language = field(*node, so::kInLanguage);
  if (const auto it = node->find(so::kKeywords); it != node->end()) article.tags = keywords_of(*it);
  if (const auto it = node->find(so::kImage); it != node->end()) article.image = image_of(*it);
  article.body = paragraphs_of(field(*node, so::kArticleBody));
  if (const auto it = node->find(so::kRelatedLink); it != node->end()) {
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
