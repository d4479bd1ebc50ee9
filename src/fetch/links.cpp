// The links of a page, and what each leads to (explore.hpp).
#include <algorithm>
#include <cctype>

#include "extract/charset.hpp"
#include "extract/document.hpp"
#include "extract/related.hpp"
#include "extract/url.hpp"
#include "fetch/detail.hpp"
#include "fetch/explore.hpp"
#include "text/ascii.hpp"

namespace crbc::fetch {
namespace {

using extract::Document;
using extract::NodeId;

constexpr std::size_t kMaxLinks = 10'000;
constexpr int kArticleScore = 3;
constexpr std::size_t kShortPath = 10;  // path and query this long or shorter: no article

// --- Where a link sits ------------------------------------------------------------

// Words of a class or id that name navigation: "main-menu", "navbar", "breadcrumbs".
bool names_navigation(std::string_view value) {
  static constexpr std::string_view kWords[] = {"nav",      "navbar",     "navigation",
                                                "menu",     "menubar",    "submenu",
                                                "megamenu", "breadcrumb", "breadcrumbs"};
  const std::string lower = text::ascii_lower(value);
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !std::isalnum(static_cast<unsigned char>(lower[i]))) ++i;
    const std::size_t start = i;
    while (i < lower.size() && std::isalnum(static_cast<unsigned char>(lower[i]))) ++i;
    const std::string_view word = std::string_view(lower).substr(start, i - start);
    if (std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) return true;
  }
  return false;
}

bool has_navigation_role(std::string_view role) {
  static constexpr std::string_view kRoles[] = {"navigation", "menu",   "menubar",
                                                "menuitem",   "banner", "contentinfo"};
  const std::string lower = text::ascii_lower(role);
  return std::find(std::begin(kRoles), std::end(kRoles), lower) != std::end(kRoles);
}

// Sectioning elements: a <header> or <footer> inside one belongs to it, not to the page.
bool is_section(std::string_view tag) {
  return tag == "article" || tag == "section" || tag == "main" || tag == "aside";
}

// Whether element `n` starts navigation: <nav>, the page's own <header> or
// <footer>, or an element whose role, class or id says menu or navigation.
bool starts_navigation(const Document& doc, NodeId n, bool inside_section) {
  const std::string_view tag = doc.tag(n);
  if (tag == "nav") return true;
  if ((tag == "header" || tag == "footer") && !inside_section) return true;
  return has_navigation_role(doc.attr_or_empty(n, "role")) ||
         names_navigation(doc.attr_or_empty(n, "class")) ||
         names_navigation(doc.attr_or_empty(n, "id"));
}

// For each node, whether it sits in navigation: one pass in document order, where
// every parent comes before its children.
std::vector<bool> navigation_nodes(const Document& doc) {
  std::vector<bool> navigation(doc.size(), false);
  std::vector<bool> sectioned(doc.size(), false);
  for (NodeId n = 1; n < doc.size(); ++n) {
    const NodeId parent = doc.parent(n);
    navigation[n] = navigation[parent];
    sectioned[n] = sectioned[parent];
    if (!doc.is_element(n)) continue;
    if (!navigation[n]) navigation[n] = starts_navigation(doc, n, sectioned[parent]);
    if (is_section(doc.tag(n))) sectioned[n] = true;
  }
  return navigation;
}

// --- What the url says -------------------------------------------------------------

// Path segments of pages that list others.
constexpr std::string_view kListingSegments[] = {
    "tag", "tags", "category", "categories", "topic", "topics", "author", "authors", "section",
    "sections", "archive", "archives", "label", "labels", "keyword", "keywords",
    // German
    "thema", "themen", "autor", "autoren", "kategorie", "rubrik", "schlagwort", "stichwort",
    "archiv",
    // French
    "categorie", "rubrique", "auteur", "auteurs", "sujet", "sujets", "mot-cle", "theme", "themes",
    // Spanish
    "etiqueta", "etiquetas", "categoria", "tema", "temas", "autora", "seccion", "archivo"};

// Path segments followed by a page number, and query keys that hold one.
constexpr std::string_view kPageSegments[] = {"page", "seite", "pagina", "pag"};
constexpr std::string_view kPageKeys[] = {"page", "paged", "seite", "pagina", "pg"};

// Pages that are neither articles nor lead to any: search, feeds, accounts, furniture.
constexpr std::string_view kIgnoredSegments[] = {"search",
                                                 "suche",
                                                 "recherche",
                                                 "buscar",
                                                 "busqueda",
                                                 "feed",
                                                 "feeds",
                                                 "rss",
                                                 "atom",
                                                 "login",
                                                 "logout",
                                                 "signin",
                                                 "sign-in",
                                                 "signup",
                                                 "sign-up",
                                                 "register",
                                                 "account",
                                                 "my-account",
                                                 "wp-login",
                                                 "wp-admin",
                                                 "anmelden",
                                                 "registrieren",
                                                 "konto",
                                                 "connexion",
                                                 "inscription",
                                                 "mon-compte",
                                                 "iniciar-sesion",
                                                 "registro",
                                                 "mi-cuenta",
                                                 "about",
                                                 "about-us",
                                                 "contact",
                                                 "contact-us",
                                                 "privacy",
                                                 "privacy-policy",
                                                 "terms",
                                                 "terms-of-use",
                                                 "terms-of-service",
                                                 "cookies",
                                                 "cookie-policy",
                                                 "imprint",
                                                 "impressum",
                                                 "datenschutz",
                                                 "kontakt",
                                                 "mentions-legales",
                                                 "contacto",
                                                 "aviso-legal",
                                                 "privacidad",
                                                 "newsletter",
                                                 "newsletters",
                                                 "subscribe",
                                                 "abo",
                                                 "abonnement",
                                                 "suscripcion",
                                                 "jobs",
                                                 "careers",
                                                 "advertise",
                                                 "faq",
                                                 "help"};
constexpr std::string_view kIgnoredKeys[] = {"q", "s", "query", "search", "feed", "replytocom"};

// File endings of anything but a page: media, documents, feeds, assets.
constexpr std::string_view kIgnoredExtensions[] = {
    "jpg",  "jpeg", "png",  "gif", "webp", "avif", "svg",   "ico", "bmp",  "tif", "tiff",
    "pdf",  "mp3",  "mp4",  "m4a", "m4v",  "mov",  "webm",  "ogg", "oga",  "ogv", "wav",
    "flac", "avi",  "mkv",  "zip", "gz",   "tar",  "rar",   "7z",  "css",  "js",  "json",
    "xml",  "rss",  "atom", "doc", "docx", "xls",  "xlsx",  "ppt", "pptx", "odt", "epub",
    "exe",  "dmg",  "apk",  "ics", "vcf",  "woff", "woff2", "ttf", "eot",  "txt", "csv"};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

int number(std::string_view digits) {
  int value = 0;
  for (const char c : digits.substr(0, 8)) value = value * 10 + (c - '0');
  return value;
}

bool is_year(std::string_view text) {
  return text.size() == 4 && text::is_ascii_digits(text) && number(text) >= 1990 &&
         number(text) <= 2099;
}
bool is_month(std::string_view text) {
  return text.size() <= 2 && text::is_ascii_digits(text) && number(text) >= 1 && number(text) <= 12;
}
bool is_day(std::string_view text) {
  return text.size() <= 2 && text::is_ascii_digits(text) && number(text) >= 1 && number(text) <= 31;
}

// A lower-case url cut into what the classifier reads; views into `lower`.
struct UrlShape {
  explicit UrlShape(std::string_view lower) {
    const auto mark = lower.find('?');
    path = lower.substr(0, mark);
    if (mark != std::string_view::npos) query = lower.substr(mark + 1);
    for (std::size_t start = 0; start < path.size();) {
      const std::size_t end = std::min(path.find('/', start), path.size());
      if (end > start) segments.push_back(path.substr(start, end - start));
      start = end + 1;
    }
    if (!segments.empty() && !path.ends_with('/')) {
      const std::string_view last = segments.back();
      if (const auto dot = last.rfind('.'); dot != std::string_view::npos && dot > 0) {
        stem = last.substr(0, dot);
        extension = last.substr(dot + 1);
      } else {
        stem = last;
      }
    } else if (!segments.empty()) {
      stem = segments.back();
    }
  }

  std::string_view path;
  std::string_view query;
  std::vector<std::string_view> segments;
  std::string_view stem;       // the last segment without its extension
  std::string_view extension;  // of the last segment, when the path does not end in "/"

  // Path and query, without the slashes that end the path.
  std::size_t length() const {
    std::string_view trimmed = path;
    while (trimmed.ends_with('/')) trimmed.remove_suffix(1);
    return trimmed.size() + (query.empty() ? 0 : query.size() + 1);
  }

  // The query's keys ("a=1&b" gives a, b) and values.
  template <typename Visit>
  void for_each_parameter(Visit&& visit) const {
    for (std::size_t start = 0; start < query.size();) {
      const std::size_t end = std::min(query.find('&', start), query.size());
      const std::string_view pair = query.substr(start, end - start);
      const auto equals = pair.find('=');
      visit(pair.substr(0, equals),
            equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1));
      start = end + 1;
    }
  }
};

// A segment without its extension, for the word lists ("search.php" is "search").
std::string_view without_extension(std::string_view segment) {
  const auto dot = segment.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? segment : segment.substr(0, dot);
}

bool is_ignored(const UrlShape& url) {
  if (is_one_of(url.extension, kIgnoredExtensions)) return true;
  for (const std::string_view segment : url.segments) {
    if (is_one_of(without_extension(segment), kIgnoredSegments)) return true;
  }
  bool ignored = false;
  url.for_each_parameter([&](std::string_view key, std::string_view) {
    ignored = ignored || is_one_of(key, kIgnoredKeys);
  });
  return ignored;
}

bool is_listing(const UrlShape& url) {
  for (std::size_t i = 0; i < url.segments.size(); ++i) {
    if (is_one_of(url.segments[i], kListingSegments)) return true;
    if (is_one_of(url.segments[i], kPageSegments) && i + 1 < url.segments.size() &&
        text::is_ascii_digits(url.segments[i + 1])) {
      return true;
    }
  }
  bool paged = false;
  url.for_each_parameter(
      [&](std::string_view key, std::string_view) { paged = paged || is_one_of(key, kPageKeys); });
  return paged;
}

// /2026/03/04/slug or /2026/03/slug: a year and a month segment with more after them.
// Not extract::date_from_url, which reads the day a url gives: a month is enough here,
// and a date with nothing after it (/2026/03/04/) is the day's archive, not an article.
bool has_date_segments(const UrlShape& url) {
  const auto& segments = url.segments;
  for (std::size_t i = 0; i + 2 < segments.size(); ++i) {
    if (!is_year(segments[i]) || !is_month(segments[i + 1])) continue;
    std::size_t after = i + 2;
    if (is_day(segments[after])) ++after;
    if (after < segments.size()) return true;
  }
  return false;
}

// The runs of digits of `text`, and what their separators make of them.
struct DigitRuns {
  bool date = false;  // 2026-03-04, 2026_03_04 or 20260304
  bool id = false;    // five digits or more that are not a date
};

DigitRuns digit_runs(std::string_view text) {
  DigitRuns found;
  std::vector<std::string_view> runs;
  std::vector<char> separator_before;  // the character before each run
  for (std::size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    runs.push_back(text.substr(start, i - start));
    separator_before.push_back(start > 0 ? text[start - 1] : '\0');
  }
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::string_view run = runs[r];
    const bool compact_date = run.size() == 8 && is_year(run.substr(0, 4)) &&
                              is_month(run.substr(4, 2)) && is_day(run.substr(6, 2));
    const bool separated_date = r + 2 < runs.size() && is_year(run) && runs[r + 1].size() == 2 &&
                                is_month(runs[r + 1]) && runs[r + 2].size() == 2 &&
                                is_day(runs[r + 2]) &&
                                (separator_before[r + 1] == '-' || separator_before[r + 1] == '_');
    found.date = found.date || compact_date || separated_date;
    found.id = found.id || (run.size() >= 5 && !compact_date);
  }
  return found;
}

// Words of a slug: parts between '-' and '_' holding a letter.
std::size_t slug_words(std::string_view stem) {
  std::size_t words = 0;
  for (std::size_t start = 0; start <= stem.size();) {
    const std::size_t end = std::min(stem.find_first_of("-_", start), stem.size());
    const std::string_view part = stem.substr(start, end - start);
    if (std::any_of(part.begin(), part.end(),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      ++words;
    }
    start = end + 1;
  }
  return words;
}

int url_score(const UrlShape& url) {
  const DigitRuns path_digits = digit_runs(url.path);
  const DigitRuns query_digits = digit_runs(url.query);
  int score = 0;
  if (has_date_segments(url) || path_digits.date) score += 3;
  if (slug_words(url.stem) >= 3) score += 3;
  if (path_digits.id || query_digits.id) score += 2;
  if ((url.extension == "html" || url.extension == "htm" || url.extension == "shtml") &&
      url.stem != "index" && url.stem != "default") {
    score += 1;
  }
  if (url.length() <= kShortPath) score -= 2;
  return score;
}

int text_score(const Link& link) {
  return extract::is_article_link_text(link.text) ? 2 : 0;
}

}  // namespace

std::vector<Link> page_links(std::string_view body, std::string_view page_url,
                             std::string_view content_type) {
  const Document doc = Document::parse(extract::decode_to_utf8(body, content_type));
  const std::string base = extract::base_url_of(doc, page_url);
  const std::vector<bool> navigation = navigation_nodes(doc);
  std::vector<Link> links;
  for (const NodeId a : doc.elements_by_tag("a")) {
    if (links.size() >= kMaxLinks) break;
    const auto href = doc.attr(a, "href");
    if (!href || href->empty() || href->starts_with('#')) continue;
    std::string url = resolve_http_url(base, *href);
    if (url.empty()) continue;
    links.push_back({std::move(url), doc.normalized_text(a),
                     navigation[a] ? Link::Place::navigation : Link::Place::content});
  }
  return links;
}

LinkKind classify_link(const Link& link, std::string_view site) {
  if (site_of(link.url) != site) return LinkKind::ignored;
  const std::string lower = text::ascii_lower(detail::path_and_query(link.url));
  const UrlShape url(lower);
  if (is_ignored(url)) return LinkKind::ignored;
  if (link.place == Link::Place::navigation || is_listing(url)) return LinkKind::listing;
  const int sitemap_score = link.place == Link::Place::sitemap ? 1 : 0;
  return url_score(url) + text_score(link) + sitemap_score >= kArticleScore ? LinkKind::article
                                                                            : LinkKind::listing;
}

}  // namespace crbc::fetch
