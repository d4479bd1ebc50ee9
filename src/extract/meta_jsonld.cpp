#include "extract/meta_jsonld.hpp"

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "extract/byline.hpp"
#include "extract/meta_text.hpp"
#include "text/ascii.hpp"
#include "text/entities.hpp"
#include "text/json_strings.hpp"

namespace crbc::extract::meta {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxKeywords = 200;

std::string_view strip_wrappers(std::string_view text) {
  text = text::trim_ascii(text);
  for (std::string_view prefix : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (text.substr(0, prefix.size()) == prefix)
      text = text::trim_ascii(text.substr(prefix.size()));
  }
  for (std::string_view suffix : {"-->", "//]]>", "]]>", ";"}) {
    if (text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix)
      text = text::trim_ascii(text.substr(0, text.size() - suffix.size()));
  }
  return text;
}

// A copy fit for a strict JSON parser, or nullopt when the block nests deeper than
// kMaxJsonLdDepth. Raw control characters inside strings (frequent in hand-made
// JSON-LD, and fatal to a strict parser) become spaces, except line feeds, which
// become "\n": they separate the paragraphs of an articleBody.
std::optional<std::string> sanitize(std::string_view raw) {
  const std::string_view text = strip_wrappers(raw);
  std::string out;
  out.reserve(text.size());
  int depth = 0;
  text::JsonStringTracker strings;
  for (const char c : text) {
    const text::JsonByte byte = strings.next(c);
    if (byte == text::JsonByte::in_string && static_cast<unsigned char>(c) < 0x20) {
      out += c == '\n' ? "\\n" : " ";
      continue;
    }
    if (byte == text::JsonByte::outside_string) {
      if (text::is_json_open_bracket(c) && ++depth > kMaxJsonLdDepth) return std::nullopt;
      if (text::is_json_close_bracket(c)) --depth;
    }
    out += c;
  }
  return out;
}

std::string_view bare_type(std::string_view type) {
  for (std::string_view prefix : {"https://schema.org/", "http://schema.org/", "schema:"}) {
    if (type.substr(0, prefix.size()) == prefix) return type.substr(prefix.size());
  }
  return type;
}

template <typename Predicate>
bool any_type(const json& object, Predicate&& predicate) {
  const auto it = object.find("@type");
  if (it == object.end()) return false;
  if (it->is_string()) return predicate(bare_type(it->get_ref<const std::string&>()));
  if (it->is_array()) {
    for (const auto& t : *it)
      if (t.is_string() && predicate(bare_type(t.get_ref<const std::string&>()))) return true;
  }
  return false;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Article, NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report, ...
bool is_article_type(std::string_view type) {
  return ends_with(type, "Article") || ends_with(type, "Posting") || type == "Report" ||
         type == "Review";
}

bool is_page_type(std::string_view type) {
  return ends_with(type, "WebPage") || type == "WebPage";
}

std::string clean(std::string_view text) {
  return collapse_whitespace(text::decode_html_references(text));
}

class Reader {
 public:
  void add_block(std::string_view raw) {
    if (raw.size() > kMaxJsonLdBytes) return;
    const auto text = sanitize(raw);
    if (!text) return;
    json value = json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return;
    roots_.push_back(std::move(value));
  }

  JsonLdArticle result() {
    for (const auto& root : roots_) collect(root);
    JsonLdArticle out;
    out.article_body = longest_article_body();
    std::vector<const json*> sources = ranked_sources();
    if (sources.empty()) {
      fill_site(out);
      return out;
    }
    out.found = true;
    for (const json* object : sources) fill(*object, out);
    fill_site(out);
    return out;
  }

 private:
  // Every object, breadth first (top-level objects before nested ones), bounded.
  void collect(const json& root) {
    std::deque<const json*> queue{&root};
    while (!queue.empty() && objects_.size() < kMaxJsonLdObjects) {
      const json* value = queue.front();
      queue.pop_front();
      if (value->is_array()) {
        for (const auto& item : *value) queue.push_back(&item);
      } else if (value->is_object()) {
        objects_.push_back(value);
        const auto id = value->find("@id");
        if (id != value->end() && id->is_string() && value->size() > 1)
          ids_.try_emplace(id->get<std::string>(), value);
        for (const auto& [key, member] : value->items())
          if (member.is_structured()) queue.push_back(&member);
      }
    }
  }

  const json& resolve(const json& value) const {
    if (!value.is_object() || value.size() != 1) return value;
    const auto id = value.find("@id");
    if (id == value.end() || !id->is_string()) return value;
    const auto found = ids_.find(id->get<std::string>());
    return found == ids_.end() ? value : *found->second;
  }

  // The objects that describe the article, best first: article types with a headline
  // or date, other article types, then web pages. Missing fields of the first are
  // filled from the next (Yoast puts datePublished on the WebPage, author on Article).
  std::vector<const json*> ranked_sources() const {
    std::vector<const json*> ranked;
    const auto add_if = [&](auto&& predicate) {
      for (const json* object : objects_) {
        if (predicate(*object) && std::find(ranked.begin(), ranked.end(), object) == ranked.end())
          ranked.push_back(object);
      }
    };
    const auto has = [](const json& o, const char* key) { return o.contains(key); };
    add_if([&](const json& o) {
      return any_type(o, is_article_type) && (has(o, "headline") || has(o, "datePublished"));
    });
    add_if([&](const json& o) { return any_type(o, is_article_type); });
    add_if([&](const json& o) { return any_type(o, is_page_type); });
    add_if([&](const json& o) {
      return has(o, "headline") || (has(o, "datePublished") && !any_type(o, [](auto t) {
                                      return t == "Person" || t == "Organization" ||
                                             t == "ImageObject" || t == "VideoObject";
                                    }));
    });
    return ranked;
  }

  std::string longest_article_body() const {
    const std::string* longest = nullptr;
    for (const json* object : objects_) {
      const auto it = object->find("articleBody");
      if (it == object->end() || !it->is_string()) continue;
      if (!longest || it->get_ref<const std::string&>().size() > longest->size())
        longest = &it->get_ref<const std::string&>();
    }
    return longest ? *longest : std::string{};
  }

  // Text of a property value: a string, a number, an object's name/@value, or the
  // first item of an array.
  std::string text_of(const json& raw) const {
    const json& value = resolve(raw);
    if (value.is_string()) return clean(value.get_ref<const std::string&>());
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_object()) {
      for (const char* key : {"name", "@value", "text"}) {
        const auto it = value.find(key);
        if (it != value.end() && it->is_string()) return clean(it->get_ref<const std::string&>());
      }
    }
    if (value.is_array() && !value.empty()) return text_of(value.front());
    return {};
  }

  std::string url_of(const json& raw) const {
    const json& value = resolve(raw);
    if (value.is_string())
      return std::string(text::trim_ascii(value.get_ref<const std::string&>()));
    if (value.is_object()) {
      for (const char* key : {"url", "contentUrl", "@id"}) {
        const auto it = value.find(key);
        if (it != value.end() && it->is_string())
          return std::string(text::trim_ascii(it->get_ref<const std::string&>()));
      }
    }
    if (value.is_array() && !value.empty()) return url_of(value.front());
    return {};
  }

  void add_person(const json& raw, std::vector<std::string>& names) const {
    const json& value = resolve(raw);
    if (value.is_string()) {
      for (auto& name : split_byline(value.get_ref<const std::string&>()))
        add_unique_name(names, std::move(name));
      return;
    }
    if (!value.is_object()) return;
    std::string name;
    if (const auto it = value.find("name"); it != value.end()) name = text_of(*it);
    if (name.empty()) {
      const auto part = [&](const char* key) {
        const auto it = value.find(key);
        return it != value.end() && it->is_string() ? clean(it->get_ref<const std::string&>())
                                                    : std::string{};
      };
      name = collapse_whitespace(part("givenName") + " " + part("familyName"));
    }
    for (auto& piece : split_byline(name)) add_unique_name(names, std::move(piece));
  }

  std::vector<std::string> people(const json& raw) const {
    std::vector<std::string> names;
    const json& value = resolve(raw);
    if (value.is_array()) {
      for (const auto& item : value) add_person(item, names);
    } else {
      add_person(value, names);
    }
    return names;
  }

  void fill(const json& object, JsonLdArticle& out) const {
    const auto field = [&](const char* key) -> const json* {
      const auto it = object.find(key);
      return it == object.end() || it->is_null() ? nullptr : &*it;
    };
    const auto fill_text = [&](std::string& target, std::initializer_list<const char*> keys) {
      for (const char* key : keys) {
        if (!target.empty()) return;
        if (const json* v = field(key)) target = text_of(*v);
      }
    };
    fill_text(out.headline, {"headline", "alternativeHeadline"});
    fill_text(out.description, {"description"});
    fill_text(out.date_published, {"datePublished", "dateCreated", "uploadDate"});
    fill_text(out.date_modified, {"dateModified"});
    fill_text(out.section, {"articleSection"});
    fill_text(out.language, {"inLanguage"});
    if (out.authors.empty()) {
      for (const char* key : {"author", "creator"}) {
        if (const json* v = field(key); v && out.authors.empty()) out.authors = people(*v);
      }
    }
    if (out.keywords.empty()) {
      if (const json* v = field("keywords")) {
        const json& k = resolve(*v);
        if (k.is_array()) {
          for (const auto& item : k) {
            if (out.keywords.size() >= kMaxKeywords) break;
            if (auto word = text_of(item); !word.empty()) out.keywords.push_back(std::move(word));
          }
        } else {
          out.keywords = split_keywords(text_of(k));
        }
      }
    }
    if (out.image.empty()) {
      if (const json* v = field("image")) out.image = url_of(*v);
      if (const json* v = field("thumbnailUrl"); v && out.image.empty()) out.image = url_of(*v);
    }
    if (out.url.empty()) {
      if (const json* v = field("url")) out.url = url_of(*v);
      if (const json* v = field("mainEntityOfPage"); v && out.url.empty()) out.url = url_of(*v);
    }
    if (out.publisher.empty()) {
      if (const json* v = field("publisher")) out.publisher = text_of(*v);
    }
    if (out.name.empty()) {
      if (const json* v = field("name")) out.name = text_of(*v);
    }
  }

  void fill_site(JsonLdArticle& out) const {
    for (const json* object : objects_) {
      if (out.site_name.empty() && any_type(*object, [](auto t) { return t == "WebSite"; })) {
        if (const auto it = object->find("name"); it != object->end()) out.site_name = text_of(*it);
      }
      if (out.breadcrumbs.empty() &&
          any_type(*object, [](auto t) { return t == "BreadcrumbList"; }))
        out.breadcrumbs = breadcrumbs(*object);
    }
  }

  std::vector<std::string> breadcrumbs(const json& list) const {
    std::vector<std::pair<double, std::string>> items;
    const auto elements = list.find("itemListElement");
    if (elements == list.end() || !elements->is_array()) return {};
    for (const auto& raw : *elements) {
      const json& item = resolve(raw);
      if (!item.is_object()) continue;
      std::string name;
      if (const auto it = item.find("name"); it != item.end()) name = text_of(*it);
      if (const auto it = item.find("item"); name.empty() && it != item.end()) name = text_of(*it);
      double position = static_cast<double>(items.size());
      if (const auto it = item.find("position"); it != item.end() && it->is_number())
        position = it->get<double>();
      if (!name.empty()) items.emplace_back(position, std::move(name));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> names;
    for (auto& [position, name] : items) names.push_back(std::move(name));
    return names;
  }

  static std::vector<std::string> split_keywords(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find(',', start);
      if (end == std::string::npos) end = text.size();
      auto word = collapse_whitespace(std::string_view(text).substr(start, end - start));
      if (!word.empty() && words.size() < kMaxKeywords) words.push_back(std::move(word));
      start = end + 1;
    }
    return words;
  }

  std::vector<json> roots_;
  std::vector<const json*> objects_;
  std::unordered_map<std::string, const json*> ids_;
};

}  // namespace

JsonLdArticle read_json_ld(const std::vector<std::string_view>& blocks) {
  Reader reader;
  std::size_t total = 0;
  for (auto block : blocks) {
    total += block.size();
    if (total > 4 * kMaxJsonLdBytes) break;
    reader.add_block(block);
  }
  return reader.result();
}

}  // namespace crbc::extract::meta
