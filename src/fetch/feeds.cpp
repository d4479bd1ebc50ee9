// Feed and sitemap reading with expat (streaming, non-recursive, with its own
// protection against entity expansion), plus feed discovery in HTML pages.
#include <expat.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <optional>
#include <unordered_set>

#include "fetch/detail.hpp"
#include "fetch/fetch.hpp"
#include "io/gzip.hpp"
#include "text/ascii.hpp"
#include "text/entities.hpp"

namespace crbc::fetch {
namespace {

constexpr std::size_t kMaxUrlText = 8192;
constexpr std::size_t kMaxInflatedFeed = std::size_t{64} << 20;
constexpr std::size_t kMaxLinkTags = 10'000;

std::string_view local_name(std::string_view name) {
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool has_prefix(std::string_view name) {
  return name.find(':') != std::string_view::npos;
}

std::string_view attribute(const XML_Char** attributes, std::string_view wanted) {
  for (std::size_t i = 0; attributes[i] != nullptr && attributes[i + 1] != nullptr; i += 2) {
    if (local_name(attributes[i]) == wanted) return attributes[i + 1];
  }
  return {};
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

bool looks_like_html(std::string_view document, std::string_view content_type) {
  const std::string type = text::ascii_lower(content_type);
  if (type.find("html") != std::string::npos && type.find("xhtml+xml") == std::string::npos)
    return true;
  std::size_t start = 0;
  if (document.starts_with("\xEF\xBB\xBF")) start = 3;
  while (start < document.size() && std::isspace(static_cast<unsigned char>(document[start])))
    ++start;
  const std::string_view head = document.substr(start, 64);
  return starts_with_ignoring_case(head, "<!doctype html") ||
         starts_with_ignoring_case(head, "<html");
}

// What the expat callbacks build.
struct FeedReader {
  std::string base_url;
  FeedLinks links;
  std::vector<std::string> path;  // local names of the open elements
  std::string text;               // character data of the element being captured
  bool capturing = false;
  bool item_has_link = false;
  std::string item_guid;  // RSS guid that is a permalink, used when an item has no <link>
  XML_Parser parser = nullptr;

  // Open elements that give context, counted so that checking stays O(1) however deep the document.
  int open_items = 0, open_entries = 0, open_urls = 0, open_sitemaps = 0;

  int* context_counter(std::string_view local) {
    if (local == "item") return &open_items;
    if (local == "entry") return &open_entries;
    if (local == "url") return &open_urls;
    if (local == "sitemap") return &open_sitemaps;
    return nullptr;
  }

  void add_page(std::string_view url) {
    std::string resolved = resolve_http_url(base_url, url);
    if (!resolved.empty()) links.pages.push_back(std::move(resolved));
  }

  void add_feed(std::string_view url) {
    std::string resolved = resolve_http_url(base_url, url);
    if (!resolved.empty()) links.feeds.push_back(std::move(resolved));
  }

  void on_start(std::string_view name, const XML_Char** attributes) {
    const std::string_view local = local_name(name);
    if (path.empty()) {
      if (local == "rss" || local == "RDF")
        links.kind = FeedKind::rss;
      else if (local == "feed")
        links.kind = FeedKind::atom;
      else if (local == "urlset")
        links.kind = FeedKind::sitemap;
      else if (local == "sitemapindex")
        links.kind = FeedKind::sitemap_index;
      else if (local == "html")
        links.kind = FeedKind::html;
    }
    path.emplace_back(local);
    if (int* counter = context_counter(local)) ++*counter;
    switch (links.kind) {
      case FeedKind::rss:
        if (local == "item") {
          item_has_link = false;
          item_guid.clear();
        } else if (open_items > 0 && !has_prefix(name) && (local == "link" || local == "guid")) {
          const std::string_view permalink = attribute(attributes, "isPermaLink");
          capturing = local == "link" || permalink != "false";
          text.clear();
        }
        break;
      case FeedKind::atom:
        if (local == "link" && open_entries > 0) {
          const std::string_view rel = attribute(attributes, "rel");
          if (rel.empty() || rel == "alternate") add_page(attribute(attributes, "href"));
        }
        break;
      case FeedKind::sitemap:
      case FeedKind::sitemap_index:
        if (local == "loc" && !has_prefix(name)) {
          capturing = true;
          text.clear();
        }
        break;
      default:
        break;
    }
  }

  void on_end() {
    if (path.empty()) return;
    const std::string local = std::move(path.back());
    path.pop_back();
    if (int* counter = context_counter(local)) --*counter;
    if (capturing) {
      capturing = false;
      if (links.kind == FeedKind::rss && local == "link" && !item_has_link) {
        item_has_link = true;
        add_page(text);
      } else if (links.kind == FeedKind::rss && local == "guid") {
        item_guid = text;
      } else if (links.kind == FeedKind::sitemap && local == "loc" && open_urls > 0) {
        add_page(text);
      } else if (links.kind == FeedKind::sitemap_index && local == "loc" && open_sitemaps > 0) {
        add_feed(text);
      }
    }
    if (links.kind == FeedKind::rss && local == "item" && !item_has_link && !item_guid.empty()) {
      add_page(item_guid);
    }
  }

  void on_text(std::string_view data) {
    if (capturing && text.size() + data.size() <= kMaxUrlText) text.append(data);
  }
};

void XMLCALL start_element(void* user, const XML_Char* name, const XML_Char** attributes) {
  static_cast<FeedReader*>(user)->on_start(name, attributes);
}
void XMLCALL end_element(void* user, const XML_Char*) {
  static_cast<FeedReader*>(user)->on_end();
}
void XMLCALL character_data(void* user, const XML_Char* data, int length) {
  static_cast<FeedReader*>(user)->on_text(std::string_view(data, static_cast<std::size_t>(length)));
}
// Feeds have no business declaring entities; refusing them rules out expansion attacks.
void XMLCALL entity_declaration(void* user, const XML_Char*, int, const XML_Char*, int,
                                const XML_Char*, const XML_Char*, const XML_Char*,
                                const XML_Char*) {
  XML_StopParser(static_cast<FeedReader*>(user)->parser, XML_FALSE);
}

struct ParserDeleter {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

// The value of attribute `name` inside one tag's text (between "<link" and ">").
std::string tag_attribute(std::string_view tag, std::string_view name) {
  std::size_t i = 0;
  while (i < tag.size()) {
    while (i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/'))
      ++i;
    const std::size_t name_start = i;
    while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i])) && tag[i] != '=' &&
           tag[i] != '/')
      ++i;
    const std::string key = text::ascii_lower(tag.substr(name_start, i - name_start));
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    std::string value;
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const char quote = tag[i++];
        const std::size_t end = std::min(tag.find(quote, i), tag.size());
        value = tag.substr(i, end - i);
        i = end + 1;
      } else {
        const std::size_t start = i;
        while (i < tag.size() && !std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
        value = tag.substr(start, i - start);
      }
    }
    if (key == name) return value;
    if (key.empty() && i == name_start) ++i;  // stray character: step over it
  }
  return {};
}

}  // namespace

std::vector<std::string> discover_feeds(std::string_view html, std::string_view base_url) {
  std::vector<std::string> feeds;
  const std::string lower = text::ascii_lower(html);
  std::size_t at = 0;
  std::size_t seen_tags = 0;
  while ((at = lower.find("<link", at)) != std::string::npos && ++seen_tags <= kMaxLinkTags) {
    const std::size_t end = lower.find('>', at);
    if (end == std::string::npos) break;
    const std::string_view tag = std::string_view(html).substr(at + 5, end - at - 5);
    at = end;
    const std::string type = text::ascii_lower(tag_attribute(tag, "type"));
    if (!text::has_token(tag_attribute(tag, "rel"), "alternate")) continue;
    if (type != "application/rss+xml" && type != "application/atom+xml") continue;
    std::string resolved =
        resolve_http_url(base_url, text::decode_html_references(tag_attribute(tag, "href")));
    if (!resolved.empty() && std::find(feeds.begin(), feeds.end(), resolved) == feeds.end()) {
      feeds.push_back(std::move(resolved));
    }
  }
  return feeds;
}

FeedLinks parse_feed(std::string_view document, std::string_view base_url,
                     std::string_view content_type) {
  std::optional<std::string> inflated;
  if (document.size() >= 2 && static_cast<unsigned char>(document[0]) == 0x1F &&
      static_cast<unsigned char>(document[1]) == 0x8B) {
    inflated = io::inflate_bounded(document, kMaxInflatedFeed);
    if (!inflated) {
      FeedLinks failed;
      failed.error = "corrupt or oversized gzip data";
      return failed;
    }
    document = *inflated;
  }
  if (looks_like_html(document, content_type)) {
    FeedLinks links;
    links.kind = FeedKind::html;
    links.feeds = discover_feeds(document, base_url);
    return links;
  }
  FeedReader reader;
  reader.base_url = std::string(base_url);
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  reader.parser = parser.get();
  XML_SetUserData(parser.get(), &reader);
  XML_SetElementHandler(parser.get(), start_element, end_element);
  XML_SetCharacterDataHandler(parser.get(), character_data);
  XML_SetEntityDeclHandler(parser.get(), entity_declaration);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  // expat takes int lengths: feed the document in slices.
  constexpr std::size_t kSlice = 1 << 20;
  XML_Status status = XML_STATUS_OK;
  for (std::size_t offset = 0; status == XML_STATUS_OK; offset += kSlice) {
    const bool last = offset + kSlice >= document.size();
    const std::string_view slice = document.substr(std::min(offset, document.size()), kSlice);
    status = XML_Parse(parser.get(), slice.data(), static_cast<int>(slice.size()),
                       last ? XML_TRUE : XML_FALSE);
    if (last) break;
  }
  if (status != XML_STATUS_OK) {
    const XML_Error code = XML_GetErrorCode(parser.get());
    reader.links.error =
        "line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) + ", column " +
        std::to_string(XML_GetCurrentColumnNumber(parser.get()) + 1) + ": " +
        (code == XML_ERROR_ABORTED ? "entity declarations are not accepted in feeds"
                                   : XML_ErrorString(code));
  } else if (reader.links.kind == FeedKind::unknown) {
    reader.links.error = "not an RSS, Atom or sitemap document";
  } else if (reader.links.kind == FeedKind::html) {
    reader.links.feeds = discover_feeds(document, base_url);
  }
  return reader.links;
}

std::vector<std::string> expand_feeds(
    Fetcher& fetcher, const std::vector<std::string>& feed_urls, const ExpandOptions& options,
    const std::function<void(const std::string&, const std::string&)>& on_error) {
  std::vector<std::string> pages;
  std::unordered_set<std::string> seen_pages;
  std::unordered_set<std::string> seen_documents;
  std::vector<std::string> level;
  for (const std::string& url : feed_urls) {
    const std::string normalized = normalize_url(url);
    if (normalized.empty()) {
      on_error(url, "not an absolute http or https url");
    } else if (seen_documents.insert(normalized).second) {
      level.push_back(normalized);
    }
  }
  std::size_t fetched = 0;
  for (int depth = 0; !level.empty(); ++depth) {
    std::vector<FetchRequest> batch;
    for (const std::string& url : level) {
      if (fetched >= options.max_documents) {
        on_error(url, "skipped: more than " + std::to_string(options.max_documents) +
                          " feeds and sitemaps");
        continue;
      }
      ++fetched;
      batch.push_back({url, {}, {}});
    }
    std::vector<std::string> next;
    fetcher.run(batch, [&](FetchResult&& document) {
      if (!document.ok) {
        on_error(document.url, document.error);
        return;
      }
      FeedLinks links = parse_feed(document.body, document.final_url, document.content_type);
      if (!links.error.empty()) {
        on_error(document.url, "malformed feed: " + links.error);
        return;
      }
      if (links.kind == FeedKind::html && links.feeds.empty()) {
        on_error(document.url, "an HTML page that links to no RSS or Atom feed");
      }
      for (std::string& page : links.pages) {
        if (pages.size() >= options.max_pages) break;
        if (seen_pages.insert(page).second) pages.push_back(std::move(page));
      }
      for (std::string& feed : links.feeds) {
        if (!seen_documents.insert(feed).second) continue;
        if (depth + 1 > options.max_depth) {
          on_error(feed, "skipped: feeds nested deeper than " + std::to_string(options.max_depth));
        } else {
          next.push_back(std::move(feed));
        }
      }
    });
    level = std::move(next);
  }
  return pages;
}

}  // namespace crbc::fetch
