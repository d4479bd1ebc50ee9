#include "extract/meta_jsonld.hpp"

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "extract/byline.hpp"
#include "extract/meta_text.hpp"
#include "model/schema_org.hpp"
#include "text/ascii.hpp"
#include "text/entities.hpp"
#include "text/json_strings.hpp"

namespace crbc::extract::meta {
namespace {

using nlohmann::json;
namespace so = model::schema_org;

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

template <typename Predicate>
bool any_type(const json& object, Predicate&& predicate) {
  const auto it = object.find(so::kType);
  if (it == object.end()) return false;
  if (it->is_string()) return predicate(so::bare_type(it->get_ref<const std::string&>()));
  if (it->is_array()) {
    for (const auto& t : *it)
      if (t.is_string() && predicate(so::bare_type(t.get_ref<const std::string&>()))) return true;
  }
  return false;
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
        const auto id = value->find(so::kId);
        if (id != value->end() && id->is_string() && value->size() > 1)
          ids_.try_emplace(id->get<std::string>(), value);
        for (const auto& [key, member] : value->items())
          if (member.is_structured()) queue.push_back(&member);
      }
    }
  }

  const json& resolve(const json& value) const {
    if (!value.is_object() || value.size() != 1) return value;
    const auto id = value.find(so::kId);
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
      return any_type(o, so::is_article_family) &&
             (has(o, so::kHeadline) || has(o, so::kDatePublished));
    });
    add_if([&](const json& o) { return any_type(o, so::is_article_family); });
    add_if([&](const json& o) { return any_type(o, so::is_page_type); });
    add_if([&](const json& o) {
      return has(o, so::kHeadline) || (has(o, so::kDatePublished) && !any_type(o, [](auto t) {
                                         return t == so::kPerson || t == so::kOrganization ||
                                                t == so::kImageObject || t == so::kVideoObject;
                                       }));
    });
    return ranked;
  }

  std::string longest_article_body() const {
    const std::string* longest = nullptr;
    for (const json* object : objects_) {
      const auto it = object->find(so::kArticleBody);
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
    if (const std::string* text =
            so::first_string_member(value, {so::kName, so::kValue, so::kText}))
      return clean(*text);
    if (value.is_array() && !value.empty()) return text_of(value.front());
    return {};
  }

  std::string url_of(const json& raw) const {
    const json& value = resolve(raw);
    if (value.is_string())
      return std::string(text::trim_ascii(value.get_ref<const std::string&>()));
    if (const std::string* url =
            so::first_string_member(value, {so::kUrl, so::kContentUrl, so::kId}))
      return std::string(text::trim_ascii(*url));
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
    if (const auto it = value.find(so::kName); it != value.end()) name = text_of(*it);
    if (name.empty()) {
      const auto part = [&](const char* key) {
        const auto it = value.find(key);
        return it != value.end() && it->is_string() ? clean(it->get_ref<const std::string&>())
                                                    : std::string{};
      };
      name = collapse_whitespace(part(so::kGivenName) + " " + part(so::kFamilyName));
    }
    for (auto& piece : split_byline(name)) add_unique_name(names, std::move(piece));
  }

  std::vector<std::string> people(const json& raw) const {
    std::vector<std::string> names;
    so::for_each_item(resolve(raw), [&](const json& item) { add_person(item, names); });
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
    fill_text(out.headline, {so::kHeadline, so::kAlternativeHeadline});
    fill_text(out.description, {so::kDescription});
    fill_text(out.date_published, {so::kDatePublished, so::kDateCreated, so::kUploadDate});
    fill_text(out.date_modified, {so::kDateModified});
    fill_text(out.section, {so::kArticleSection});
    fill_text(out.language, {so::kInLanguage});
    if (out.authors.empty()) {
      for (const char* key : {so::kAuthor, so::kCreator}) {
        if (const json* v = field(key); v && out.authors.empty()) out.authors = people(*v);
      }
    }
    if (out.keywords.empty()) {
      if (const json* v = field(so::kKeywords)) {
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
      if (const json* v = field(so::kImage)) out.image = url_of(*v);
      if (const json* v = field(so::kThumbnailUrl); v && out.image.empty()) out.image = url_of(*v);
    }
    if (out.url.empty()) {
      if (const json* v = field(so::kUrl)) out.url = url_of(*v);
      if (const json* v = field(so::kMainEntityOfPage); v && out.url.empty()) out.url = url_of(*v);
    }
    if (out.publisher.empty()) {
      if (const json* v = field(so::kPublisher)) out.publisher = text_of(*v);
    }
    if (out.name.empty()) {
      if (const json* v = field(so::kName)) out.name = text_of(*v);
    }
  }

  void fill_site(JsonLdArticle& out) const {
    for (const json* object : objects_) {
      if (out.site_name.empty() && any_type(*object, [](auto t) { return t == so::kWebSite; })) {
        if (const auto it = object->find(so::kName); it != object->end())
          out.site_name = text_of(*it);
      }
      if (out.breadcrumbs.empty() &&
          any_type(*object, [](auto t) { return t == so::kBreadcrumbList; }))
        out.breadcrumbs = breadcrumbs(*object);
    }
  }

  std::vector<std::string> breadcrumbs(const json& list) const {
    std::vector<std::pair<double, std::string>> items;
    const auto elements = list.find(so::kItemListElement);
    if (elements == list.end() || !elements->is_array()) return {};
    for (const auto& raw : *elements) {
      const json& item = resolve(raw);
      if (!item.is_object()) continue;
      std::string name;
      if (const auto it = item.find(so::kName); it != item.end()) name = text_of(*it);
      if (const auto it = item.find(so::kItem); name.empty() && it != item.end())
        name = text_of(*it);
      double position = static_cast<double>(items.size());
      if (const auto it = item.find(so::kPosition); it != item.end() && it->is_number())
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
    for (const std::string_view part : so::comma_separated(text)) {
      auto word = collapse_whitespace(part);
      if (!word.empty() && words.size() < kMaxKeywords) words.push_back(std::move(word));
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
