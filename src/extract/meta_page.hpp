// What the metadata extractors share: the facts one pass over the document collects,
// the page being read, and one fill function per field of the record, each in its own
// meta_<concern>.cpp. metadata.cpp calls them in order. Internal to src/extract/: the
// public API is metadata.hpp.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/document.hpp"
#include "extract/meta_jsonld.hpp"
#include "model/article.hpp"

namespace crbc::extract::meta {

// How far (in document nodes) from the headline a byline or <time> may sit.
inline constexpr NodeId kNearHeadlineAfter = 400;
inline constexpr NodeId kNearHeadlineBefore = 60;

// A link to a site's root: where it goes ("/", "https://host/") and what it says.
struct HomeLink {
  std::string href;
  std::string name;  // its text, or its logo's alt
};

// What one pass over the document collects; every list is bounded.
struct PageFacts {
  std::unordered_map<std::string, std::vector<std::string>> meta;  // lower-cased key
  std::vector<std::string> json_ld;
  std::string title_tag;
  std::vector<NodeId> headlines;  // <h1> and itemprop=headline elements
  std::vector<NodeId> h2s;        // <h2>: the headline of pages without <h1>
  std::vector<NodeId> times;      // <time> elements
  std::vector<NodeId> bylines;    // rel=author, class/id byline/author, "By …" lines
  std::vector<std::pair<std::string, NodeId>> microdata;  // itemprop, element
  std::string canonical;
  std::string image_src;
  std::string html_lang;
  std::vector<HomeLink> home_links;   // in page order
  NodeId breadcrumb_trail = kNoNode;  // the first visible breadcrumb trail
};

bool inside_tag(const Document& doc, NodeId n, std::string_view tag);

// The page being read (meta_page.cpp): its document, its facts and JSON-LD, and what
// the fill functions found that later ones use (the headline, the byline).
struct Page {
  Page(const Document& document, std::string_view url, std::string_view fetched_at);

  std::string meta_value(std::initializer_list<std::string_view> keys) const;
  std::vector<std::string> meta_values(std::string_view key) const;
  std::string base_url() const;
  std::string absolute(std::string_view url) const;
  std::string microdata_value(NodeId n) const;
  std::string microdata_first(std::string_view prop) const;

  const Document& doc;
  std::string_view page_url;
  std::string reference_time;  // when the page was fetched, normalised; may be empty
  PageFacts facts;
  JsonLdArticle ld;
  NodeId headline_node = kNoNode;
  NodeId byline_node = kNoNode;  // the visible byline the authors were read from
};

// meta_site.cpp
void fill_site(const Page& page, model::Article& article);
void fill_canonical(const Page& page, model::Article& article);
std::vector<std::string> site_labels(const Page& page, const model::Article& article);

// meta_section.cpp
void fill_section(const Page& page, model::Article& article);

// meta_headline.cpp: sets page.headline_node.
void fill_title(Page& page, model::Article& article);
void fill_description(const Page& page, model::Article& article);

// meta_authors.cpp: sets page.byline_node.
void fill_authors(Page& page, model::Article& article);

// meta_dates.cpp
void fill_dates(const Page& page, model::Article& article);

// The date a node shows, and whether it is announced as an update.
struct ShownDate {
  std::string date;
  bool update = false;
};

// Dates as written ("March 3, 2026"), or counted back from when the page was fetched
// ("2 hours ago"), which rank below every other date.
enum class DateForm { absolute, relative };

std::optional<ShownDate> date_in_node(const Page& page, NodeId n,
                                      DateForm form = DateForm::absolute);

// meta_tags.cpp, meta_image.cpp, meta_language.cpp
void fill_tags(const Page& page, model::Article& article);
void fill_image(const Page& page, model::Article& article);
void fill_language(const Page& page, model::Article& article);

}  // namespace crbc::extract::meta
