#include "extract/content.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <unordered_map>

#include "text/ascii.hpp"

namespace crbc::extract {
namespace {

constexpr bool is_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& names) noexcept {
  return std::find(names.begin(), names.end(), value) != names.end();
}

constexpr std::array<std::string_view, 6> kHeadings = {"h1", "h2", "h3", "h4", "h5", "h6"};

// Bytes of `text` with every white-space run counted as one byte, leading ones dropped
// when the preceding text already ended in white space.
std::uint32_t collapsed_length(std::string_view text) noexcept {
  std::uint32_t length = 0;
  bool in_space = false;
  for (const char c : text) {
    if (text::is_ascii_space(c)) {
      if (!in_space) ++length;
      in_space = true;
    } else {
      ++length;
      in_space = false;
    }
  }
  // A text node made only of white space counts as nothing.
  return length == 1 && in_space ? 0 : length;
}

std::uint32_t count_commas(std::string_view text) noexcept {
  std::uint32_t commas = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') {
      ++commas;
    } else if (text[i] == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBC' &&
               text[i + 2] == '\x8C') {
      ++commas;  // U+FF0C FULLWIDTH COMMA
    } else if (text[i] == '\xE3' && i + 2 < text.size() && text[i + 1] == '\x80' &&
               text[i + 2] == '\x81') {
      ++commas;  // U+3001 IDEOGRAPHIC COMMA
    }
  }
  return commas;
}

// "printable", "print-area", "printReady": the part of the page meant for paper, which
// is the article, made the one word "printable". Other print words ("print-button",
// "d-print-none", "print-only") mark furniture.
void join_printable(std::span<std::string> word_tokens) {
  const auto names_part = [](std::string_view word) {
    return word == "area" || word == "region" || word == "ready" || word == "this" ||
           word == "content";
  };
  for (std::size_t i = 0; i + 1 < word_tokens.size(); ++i) {
    if (word_tokens[i] == "print" && names_part(word_tokens[i + 1])) word_tokens[i] = "printable";
  }
}

// Names split into lower-case words: "articleBody share-bar" -> article body share bar.
std::vector<std::string> words_of_names(std::initializer_list<std::string_view> names) {
  std::vector<std::string> tokens;
  std::size_t word_start = 0;
  const auto end_word = [&] {
    join_printable(std::span(tokens).subspan(word_start));
    word_start = tokens.size();
  };
  for (const std::string_view name : names) {
    std::string current;
    for (std::size_t i = 0; i < name.size(); ++i) {
      // Blog engines label a post with its taxonomy ("tag-social-media",
      // "category-comment"): words about the topic, not about the element.
      if (i == 0 || text::is_ascii_space(name[i - 1])) {
        if (!current.empty()) tokens.push_back(std::move(current));
        current.clear();
        end_word();
        const std::string_view rest = name.substr(i);
        if (rest.starts_with("tag-") || rest.starts_with("category-") || rest.starts_with("tax-")) {
          while (i < name.size() && !text::is_ascii_space(name[i])) ++i;
          continue;
        }
      }
      const char c = name[i];
      const bool camel_break =
          c >= 'A' && c <= 'Z' && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
      if (!is_alnum(c) || camel_break) {
        if (!current.empty()) tokens.push_back(std::move(current));
        current.clear();
        if (!is_alnum(c)) continue;
      }
      current.push_back(text::ascii_lower(c));
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    end_word();
  }
  return tokens;
}

// Class and id split into lower-case words.
std::vector<std::string> name_tokens(const Document& doc, NodeId n) {
  return words_of_names({doc.attr_or_empty(n, "class"), doc.attr_or_empty(n, "id")});
}

// Characters an anchor slug keeps: letters, digits and any non-ASCII byte.
constexpr bool is_slug_char(char c) noexcept {
  return is_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Number of words in `name`, as slug_of() splits them.
std::size_t slug_word_count(std::string_view name) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : name) {
    if (is_slug_char(c) && !in_word) ++words;
    in_word = is_slug_char(c);
  }
  return words;
}

// `name` as an anchor slug: lower-case letters and digits (and any non-ASCII byte),
// every other run of characters one hyphen, none at either end.
std::string slug_of(std::string_view name) {
  std::string slug;
  for (const char c : name) {
    if (is_slug_char(c)) {
      slug.push_back(text::ascii_lower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  if (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

// The heading an id on `n` would be the anchor of: `n` itself, the heading it sits in
// (a headline span), or the heading that opens it (a section); kNoNode when none.
NodeId anchored_heading(const Document& doc, NodeId n) {
  const auto is_heading = [&](NodeId e) { return e != kNoNode && one_of(doc.tag(e), kHeadings); };
  if (is_heading(n)) return n;
  if (is_heading(doc.parent(n))) return doc.parent(n);
  for (const NodeId child : doc.children(n)) {
    if (doc.is_element(child)) return is_heading(child) ? child : kNoNode;
    if (collapsed_length(doc.text(child)) > 0) return kNoNode;
  }
  return kNoNode;
}

// Documentation and wiki generators give a heading, or the section it opens, the slug
// of the heading's words as id ("sharing-with-a-single-developer"): words of its topic,
// not of a role. Only slugs of three words or more count ("related-posts" over a
// "Related posts" rail names a role), and for a section only a long one: a box headed
// "About the author" is short.
bool id_is_topic_slug(const Document& doc, const NodeStats& stats, NodeId n) {
  constexpr std::size_t kFewestWords = 3;
  constexpr std::uint32_t kLongSection = 1000;
  // Counted before any copy is made: this runs for every element with an id.
  const std::string_view id = doc.attr_or_empty(n, "id");
  if (slug_word_count(id) < kFewestWords) return false;
  const NodeId heading = anchored_heading(doc, n);
  if (heading == kNoNode ||
      (heading != n && heading != doc.parent(n) && stats.text[n] < kLongSection))
    return false;
  return slug_of(doc.normalized_text(heading)).starts_with(slug_of(id));
}

bool starts_with_any(std::string_view token, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view prefix) { return token.starts_with(prefix); });
}

enum class Furniture { none, weak, strong };

// What a word of a class or id says: page furniture for sure (comments, share bars),
// layout that may wrap the article too (sidebar, widget), or nothing.
Furniture furniture_token(std::string_view token) {
  static constexpr std::array<std::string_view, 21> kLayout = {
      "nav",     "navbar",  "navigation", "menu",    "footer",   "sidebar", "widget",
      "widgets", "popup",   "modal",      "toolbar", "masthead", "banner",  "tools",
      "toolbox", "overlay", "rail",       "skip",    "sticky",   "header",  "aside"};
  static constexpr std::array<std::string_view, 42> kExact = {
      "ad",        "ads",        "adv",      "advertisement", "tags",        "alert",
      "trending",  "popular",    "byline",   "breadcrumb",    "breadcrumbs", "pagination",
      "pager",     "disclaimer", "dateline", "follow",        "donate",      "donation",
      "signup",    "login",      "paywall",  "outbrain",      "taboola",     "caption",
      "captions",  "credit",     "credits",  "copyright",     "date",        "dates",
      "timestamp", "pubdate",    "gallery",  "slideshow",     "carousel",    "bio",
      "biography", "authorbio",  "author",   "authors",       "contributor"};
  // The same words in German, French, Spanish, Portuguese and Polish.
  static constexpr std::array<std::string_view, 12> kExactElsewhere = {
      "werbung", "anzeige",  "publicite", "publicidad", "publicidade", "reklama",
      "teilen",  "partager", "partage",   "compartir",  "udostepnij",  "autor"};
  if (one_of(token, kExact) || one_of(token, kExactElsewhere)) return Furniture::strong;
  // Paywalled sites mark the gated article text itself for subscribers
  // ("subscriber-only"); their sign-up boxes say "subscribe" or "subscription".
  // The part meant for paper is the article; print buttons are "print" words.
  if (token == "subscriber" || token == "printable") return Furniture::none;
  // Opinion pieces: "commentary", "commentaire" name the article, not its comments.
  if (token.starts_with("commentar")) return Furniture::none;
  if (starts_with_any(token,
                      {"share",    "sharing", "social",  "comment",      "related",   "newsletter",
                       "subscri",  "advert",  "sponsor", "promo",        "recommend", "cookie",
                       "consent",  "gdpr",    "disqus",  "notification", "readmore",  "morestories",
                       "jumplink", "print",   "tooltip", "popover",      "hovercard"}) ||
      starts_with_any(token, {"kommentar", "komentarz", "comentarios", "verwandt", "empfehlung",
                              "relacionad", "similaires"})) {
    return Furniture::strong;
  }
  if (one_of(token, kLayout)) return Furniture::weak;
  return Furniture::none;
}

bool is_caption_token(std::string_view token) {
  return token == "caption" || token == "captions" || token == "credit" || token == "credits";
}

bool is_boilerplate_token(std::string_view token) {
  return furniture_token(token) != Furniture::none && token != "sticky" && token != "header" &&
         token != "aside";
}

// Words that name the article text itself in German, French, Spanish, Portuguese and
// Polish ("artikel-inhalt", "contenido-noticia", "tresc-artykulu").
bool is_main_text_token_elsewhere(std::string_view token) {
  static constexpr std::array<std::string_view, 10> kExact = {
      "artikel", "inhalt",   "contenu", "contenido", "conteudo",
      "noticia", "articulo", "artigo",  "artykul",   "tresc"};
  return one_of(token, kExact);
}

bool is_content_token(std::string_view token) {
  static constexpr std::array<std::string_view, 14> kExact = {
      "article", "body",  "content", "entry", "hentry",   "main",        "post",
      "text",    "story", "blog",    "prose", "richtext", "articlebody", "storybody"};
  return one_of(token, kExact) || is_main_text_token_elsewhere(token) || token == "beitrag";
}

// Narrower than is_content_token: words that name the article text itself.
// "hentry" is the microformat name of a blog post, whose other classes label it
// with its taxonomy ("author-admin").
bool is_main_text_token(std::string_view token) {
  static constexpr std::array<std::string_view, 10> kExact = {
      "article", "articlebody", "content",   "entry",    "hentry",
      "main",    "story",       "storybody", "richtext", "prose"};
  return one_of(token, kExact) || is_main_text_token_elsewhere(token);
}

// Elements that hold the article's own text, as opposed to containers: paragraphs,
// headings (also those made of a <div> by their ARIA role), quotes, lists, figures.
bool is_text_element(const Document& doc, NodeId n) {
  const std::string_view tag = doc.tag(n);
  return tag == "p" || tag == "blockquote" || tag == "ul" || tag == "ol" || tag == "li" ||
         tag == "figure" || tag == "table" || one_of(tag, kHeadings) ||
         doc.attr_or_empty(n, "role") == "heading";
}

// Paywalled sites mark the gated text itself with the class "paywall": the story's own
// container ("article__story paywall"), or each of its paragraphs and headings. There
// the word says the text is gated, not that it is the sign-up box ("paywall-modal").
bool marks_gated_text(const Document& doc, NodeId n, std::span<const std::string> tokens) {
  if (!doc.has_class(n, "paywall")) return false;
  return is_text_element(doc, n) || std::any_of(tokens.begin(), tokens.end(), is_main_text_token);
}

// The words that say what `n` is for: its class, and its id unless that is a topic;
// without a "paywall" that marks gated text.
std::vector<std::string> role_tokens(const Document& doc, const NodeStats& stats, NodeId n) {
  std::vector<std::string> tokens = id_is_topic_slug(doc, stats, n)
                                        ? words_of_names({doc.attr_or_empty(n, "class")})
                                        : name_tokens(doc, n);
  if (marks_gated_text(doc, n, tokens)) std::erase(tokens, "paywall");
  return tokens;
}

// <rt> and <rp> are ruby annotations (readings shown above the text, and the brackets
// for browsers without ruby): read inline, they interrupt the sentence.
constexpr std::array<std::string_view, 29> kNonContentTags = {
    "script", "style",  "noscript", "template", "svg",    "math",  "canvas",   "iframe",
    "object", "embed",  "button",   "select",   "option", "input", "textarea", "nav",
    "aside",  "footer", "dialog",   "menu",     "map",    "audio", "video",    "head",
    "title",  "link",   "meta",     "rt",       "rp"};

}  // namespace

bool is_non_content_tag(std::string_view tag) noexcept {
  return one_of(tag, kNonContentTags);
}

namespace {

// Whether `n` holds the page's headline: an <h1> whose text the page's <title> holds.
bool holds_headline(const Document& doc, NodeId n) {
  constexpr std::size_t kShortestHeadline = 10;
  const NodeId scope = doc.head() == kNoNode ? doc.document_node() : doc.head();
  const std::vector<NodeId> titles = doc.elements_by_tag("title", scope);
  if (titles.empty()) return false;
  const std::string title = doc.normalized_text(titles.front());
  for (const NodeId heading : doc.elements_by_tag("h1", n)) {
    const std::string text = doc.normalized_text(heading);
    if (text.size() >= kShortestHeadline && title.find(text) != std::string::npos) return true;
  }
  return false;
}

// Paywalled pages send every reader the whole article and hide its gated part from
// non-subscribers with a style ("subscriber-only"): that text is the article. What
// they hide from subscribers ("subscriber-hide") is the sign-up box.
bool is_gated_text(const Document& doc, NodeId n) {
  const std::vector<std::string> tokens = name_tokens(doc, n);
  const auto has = [&](std::string_view word) {
    return std::find(tokens.begin(), tokens.end(), word) != tokens.end();
  };
  return has("subscriber") && !has("hide") && !has("hidden");
}

}  // namespace

bool is_non_content_element(const Document& doc, NodeId n) {
  const std::string_view tag = doc.tag(n);
  if (!is_non_content_tag(tag)) return false;
  // Some themes wrap the post itself in <aside>.
  return tag != "aside" || !holds_headline(doc, n);
}

bool is_hidden(const Document& doc, NodeId n, bool styles_count) {
  if (doc.attr(n, "hidden")) return true;
  if (!styles_count) return false;
  // aria-hidden="true" is left alone: it hides from screen readers only, and pages
  // put it on visible text such as drop capitals.
  const std::string_view style = doc.attr_or_empty(n, "style");
  if (style.empty()) return false;
  std::string compact;
  compact.reserve(style.size());
  for (const char c : style) {
    if (!text::is_ascii_space(c)) compact.push_back(text::ascii_lower(c));
  }
  const bool hidden_by_style = compact.find("display:none") != std::string::npos ||
                               compact.find("visibility:hidden") != std::string::npos;
  return hidden_by_style && !is_gated_text(doc, n);
}

int class_weight(const Document& doc, const NodeStats& stats, NodeId n) {
  int weight = 0;
  bool negative = false;
  bool positive = false;
  bool embed = false;
  bool caption = false;
  for (const std::string& token : role_tokens(doc, stats, n)) {
    caption = caption || is_caption_token(token);
    negative = negative || is_boilerplate_token(token) || token == "hidden" || token == "meta" ||
               token == "foot" || token == "contact" || token == "shopping";
    positive = positive || is_content_token(token);
    embed = embed || token == "embed" || token == "embedded" || token == "tweet";
  }
  negative = negative && (!embed || caption);
  if (negative) weight -= 25;
  if (positive) weight += 25;
  if (doc.attr_or_empty(n, "itemprop") == "articleBody") weight += 50;
  if (doc.tag(n) == "article") weight += 10;
  return weight;
}

bool is_boilerplate_by_name(const Document& doc, const NodeStats& stats, NodeId n,
                            bool unless_content_named) {
  if (doc.attr_or_empty(n, "itemprop") == "articleBody") return false;
  Furniture furniture = Furniture::none;
  const std::string_view role = doc.attr_or_empty(n, "role");
  // Tooltips and hover cards show on pointing only: read inline, they cut into the text.
  if (role == "navigation" || role == "menu" || role == "tooltip") furniture = Furniture::strong;
  if (role == "banner" || role == "complementary" || role == "contentinfo" || role == "dialog" ||
      role == "alert") {
    furniture = Furniture::weak;
  }
  bool embed = false;
  bool caption = false;
  for (const std::string& token : role_tokens(doc, stats, n)) {
    if (unless_content_named && is_main_text_token(token)) return false;
    embed = embed || token == "embed" || token == "embedded" || token == "tweet";
    caption = caption || is_caption_token(token);
    furniture = std::max(furniture, furniture_token(token));
  }
  // Embedded posts (tweets, videos with their text) are part of the story; the
  // captions and credits of embedded images are not.
  if (embed && !caption) return false;
  if (furniture == Furniture::weak) {
    // Layout names wrap the article itself on some pages ("sticky-sidebar" around the
    // post): they only count for a minor part of the page.
    const NodeId body = doc.body() == kNoNode ? doc.document_node() : doc.body();
    return stats.text[n] * 10 < stats.text[body] * 4;
  }
  return furniture == Furniture::strong;
}

namespace {

// A control a reader dismisses a notice with: a button, or an element acting as one.
bool is_control(const Document& doc, NodeId n) {
  const std::string_view tag = doc.tag(n);
  return tag == "button" || tag == "input" || doc.attr_or_empty(n, "role") == "button";
}

// From each control up, the nearest short container whose prose speaks of cookies: the
// notice, whatever the names of its elements (which consent tools hash or translate).
// A menu or footer with a "Cookie Policy" link is mostly links, and left to other rules.
// Climbs a few levels at most and checks each container once.
void mark_consent_notices(const Document& doc, NodeStats& stats) {
  constexpr std::uint32_t kLongestNotice = 1500;
  constexpr int kMostLevels = 8;
  stats.consent_notice.assign(doc.size(), false);
  std::vector<bool> checked(doc.size(), false);
  for (NodeId n = 1; n < doc.size(); ++n) {
    if (!doc.is_element(n) || !is_control(doc, n)) continue;
    NodeId container = doc.parent(n);
    for (int level = 0; level < kMostLevels && container != kNoNode && doc.is_element(container) &&
                        stats.text[container] <= kLongestNotice && !checked[container];
         ++level, container = doc.parent(container)) {
      checked[container] = true;
      if (stats.link_density(container) < 0.5 &&
          text::contains_ignoring_case(doc.normalized_text(container), "cookie")) {
        stats.consent_notice[container] = true;
        break;
      }
    }
  }
}

}  // namespace

NodeStats compute_stats(const Document& doc) {
  const std::size_t size = doc.size();
  NodeStats stats;
  for (auto* column :
       {&stats.text, &stats.link_text, &stats.commas, &stats.paragraphs, &stats.images,
        &stats.list_items, &stats.inputs, &stats.quotes, &stats.figures, &stats.direct_text}) {
    column->assign(size, 0);
  }
  // Children always come after their parent: a backward pass sees every child first.
  for (NodeId n = static_cast<NodeId>(size); n-- > 1;) {
    const NodeId parent = doc.parent(n);
    if (doc.is_text(n)) {
      const std::uint32_t length = collapsed_length(doc.text(n));
      stats.text[n] = length;
      stats.commas[n] = count_commas(doc.text(n));
      stats.direct_text[parent] += length;
    } else if (doc.is_element(n)) {
      const std::string_view tag = doc.tag(n);
      if (is_non_content_tag(tag) && tag != "nav" && tag != "aside" && tag != "footer" &&
          tag != "menu") {
        // Their text is never shown as article text; form controls still count.
        stats.text[n] = stats.link_text[n] = stats.commas[n] = 0;
        stats.paragraphs[n] = stats.images[n] = stats.list_items[n] = 0;
        if (tag == "input" || tag == "select" || tag == "textarea" || tag == "button") {
          stats.inputs[n] += 1;
        }
      }
      if (tag == "a") stats.link_text[n] = stats.text[n];
      if (tag == "p") stats.paragraphs[n] += 1;
      if (tag == "img") stats.images[n] += 1;
      if (tag == "li") stats.list_items[n] += 1;
      if (tag == "blockquote") stats.quotes[n] += 1;
      if (tag == "figure") stats.figures[n] += 1;
    }
    stats.text[parent] += stats.text[n];
    stats.link_text[parent] += stats.link_text[n];
    stats.commas[parent] += stats.commas[n];
    stats.paragraphs[parent] += stats.paragraphs[n];
    stats.images[parent] += stats.images[n];
    stats.list_items[parent] += stats.list_items[n];
    stats.inputs[parent] += stats.inputs[n];
    stats.quotes[parent] += stats.quotes[n];
    stats.figures[parent] += stats.figures[n];
  }
  mark_consent_notices(doc, stats);
  return stats;
}

bool is_conditionally_junk(const Document& doc, const NodeStats& stats, NodeId n,
                           bool names_count) {
  const std::string_view tag = doc.tag(n);
  const bool is_list = tag == "ul" || tag == "ol";
  if (!(tag == "div" || tag == "section" || tag == "table" || tag == "form" || is_list ||
        tag == "header" || tag == "center")) {
    return false;
  }
  const int weight =
      names_count ? class_weight(doc, stats, n) : std::max(class_weight(doc, stats, n), 0);
  if (weight < 0 && stats.text[n] < 2000) return true;
  if (stats.commas[n] >= 10) return false;
  const double paragraphs = stats.paragraphs[n];
  const double images = stats.images[n];
  const double items = stats.list_items[n] > 0 ? stats.list_items[n] - 100.0 : 0.0;
  const double link_density = stats.link_density(n);
  const std::uint32_t text = stats.text[n];
  if (images > 1 && paragraphs / images < 0.5 && stats.figures[n] == 0) return true;
  // A quotation or an embedded post with its text is part of the story.
  if (stats.quotes[n] > 0 && link_density < 0.5 && text >= 25) return false;
  if (!is_list && items > paragraphs) return true;
  if (stats.inputs[n] > paragraphs / 3) return true;
  if (weight < 25 && link_density > 0.2 && !is_list) return true;
  if (is_list && link_density > 0.5) return true;
  if (weight >= 25 && link_density > 0.5) return true;
  if (text < 25 && images == 0 && tag != "table" && !is_list) {
    // A short line such as "Advertisement" or an empty wrapper: drop it unless it is
    // plain prose (a sentence with its end mark).
    return stats.link_text[n] > 0 || text < 2;
  }
  return false;
}

namespace {

struct Candidate {
  double score;
  NodeId node;
};

// For each child of `parent`, the best candidate inside it (itself included).
std::unordered_map<NodeId, Candidate> best_inside_children(
    const Document& doc, NodeId parent, const std::unordered_map<NodeId, double>& scores) {
  std::unordered_map<NodeId, Candidate> best;
  const NodeId end = doc.subtree_end(parent);
  for (const auto& [node, score] : scores) {
    if (node <= parent || node >= end) continue;
    NodeId child = node;
    while (doc.parent(child) != parent) child = doc.parent(child);
    auto [it, inserted] = best.try_emplace(child, Candidate{score, node});
    if (!inserted && score > it->second.score) it->second = {score, node};
  }
  return best;
}

// Whether `a` sits inside `a_root` as `b` sits inside `b_root`: the same tags on the way
// up (the repeated markup of one template).
bool same_nesting(const Document& doc, NodeId a, NodeId a_root, NodeId b, NodeId b_root) {
  while (a != a_root && b != b_root) {
    if (doc.tag(a) != doc.tag(b)) return false;
    a = doc.parent(a);
    b = doc.parent(b);
  }
  return a == a_root && b == b_root;
}

double initial_score(const Document& doc, const NodeStats& stats, NodeId n) {
  const std::string_view tag = doc.tag(n);
  // A name such as "story" is evidence only for a container with a paragraph's worth
  // of text: a teaser line named "story-subhead" is not the article.
  constexpr double kParagraphWorth = 250.0;
  const int weight = class_weight(doc, stats, n);
  double score = weight <= 0 ? weight : weight * std::min(1.0, stats.text[n] / kParagraphWorth);
  // Feeds and old CMSs wrap the story in elements of their own (<story>, <bodytext>):
  // containers, as <div>s are.
  if (tag == "div" || tag == "article" || tag == "section" || tag == "main" ||
      doc.is_custom_element(n)) {
    score += 5;
  }
  if (tag == "pre" || tag == "td" || tag == "blockquote") score += 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form")
    score -= 3;
  if (one_of(tag, kHeadings) || tag == "th") score -= 5;
  return score;
}

// Bytes of running text that `n` contributes as a paragraph, or 0 when it is not one.
std::uint32_t paragraph_text(const Document& doc, const NodeStats& stats, NodeId n,
                             bool list_items) {
  const std::string_view tag = doc.tag(n);
  if (tag == "p" || tag == "pre") return stats.text[n];
  // A layout cell holding <p>s is not a paragraph: its <p>s score.
  if (tag == "td") return stats.paragraphs[n] > 0 ? 0 : stats.text[n];
  if (tag == "div" || tag == "section" || tag == "article" || tag == "span" || tag == "font")
    return stats.direct_text[n];
  // An item of a list written as prose (a status report, a list of changes) scores by
  // its text outside links; menus and link lists score nothing.
  if (list_items && tag == "li" && stats.paragraphs[n] == 0)
    return stats.text[n] - stats.link_text[n];
  return 0;
}

// Points for the length of a paragraph of `text` bytes. Pages without <p> set their
// paragraphs apart with double line breaks (<br><br>): each such run of text outside
// links scores as a paragraph of its own, so one cell of running text is not
// outweighed by a thread of short comments, each in its own element.
double length_points(const Document& doc, const NodeStats& stats, NodeId n, std::uint32_t text) {
  constexpr std::uint32_t kShortestRun = 25;
  constexpr int kMostRuns = 5;
  double run_points = 0.0;
  int runs = 0;
  std::uint32_t run = 0;
  int breaks = 0;
  const auto close_run = [&] {
    if (run >= kShortestRun && runs < kMostRuns) {
      run_points += 1.0 + std::min(run / 100.0, 3.0);
      ++runs;
    }
    run = 0;
  };
  for (const NodeId child : doc.children(n)) {
    if (doc.is_element(child) && doc.tag(child) == "br") {
      ++breaks;
      continue;
    }
    if (stats.text[child] == 0) continue;
    if (breaks >= 2) close_run();
    breaks = 0;
    run += doc.is_text(child) ? stats.text[child] : stats.text[child] - stats.link_text[child];
  }
  close_run();
  return runs >= 2 ? run_points : 1.0 + std::min(text / 100.0, 3.0);
}

// The <p> that `n`, a <div> or <section>, holds alone, through wrappers of wrappers
// (div > div > p); kNoNode when it holds text of its own, several elements or no <p>.
NodeId wrapped_paragraph(const Document& doc, const NodeStats& stats, NodeId n) {
  for (NodeId wrapper = n;;) {
    const std::string_view tag = doc.tag(wrapper);
    if (tag == "p" && wrapper != n) return wrapper;
    if ((tag != "div" && tag != "section") || stats.direct_text[wrapper] != 0) return kNoNode;
    NodeId only = kNoNode;
    for (const NodeId child : doc.children(wrapper)) {
      if (!doc.is_element(child)) continue;
      if (only != kNoNode) return kNoNode;
      only = child;
    }
    if (only == kNoNode) return kNoNode;
    wrapper = only;
  }
}

// The outermost <div> or <section> holding nothing but paragraph `p`, if any.
NodeId paragraph_wrapper(const Document& doc, const NodeStats& stats, NodeId p) {
  constexpr int kMostWrappers = 4;
  NodeId wrapper = kNoNode;
  NodeId ancestor = doc.parent(p);
  for (int i = 0; i < kMostWrappers && ancestor != kNoNode && doc.is_element(ancestor); ++i) {
    const std::string_view tag = doc.tag(ancestor);
    if ((tag != "div" && tag != "section") || stats.text[ancestor] > stats.text[p] + 2) break;
    wrapper = ancestor;
    ancestor = doc.parent(ancestor);
  }
  return wrapper;
}

// Whether the next element after `n` among its siblings wraps a paragraph alone.
bool next_wraps_paragraph(const Document& doc, const NodeStats& stats, NodeId n) {
  constexpr int kMostSkipped = 4;  // text and comments between the two
  NodeId next = doc.next_sibling(n);
  for (int i = 0; i < kMostSkipped && next != kNoNode && !doc.is_element(next); ++i)
    next = doc.next_sibling(next);
  return next != kNoNode && doc.is_element(next) && wrapped_paragraph(doc, stats, next) != kNoNode;
}

// Pass 1: every paragraph-like element gives points to its nearest ancestors.
std::unordered_map<NodeId, double> score_ancestors(const Document& doc, const NodeStats& stats,
                                                   NodeId body, bool skip_unlikely,
                                                   bool list_items) {
  std::unordered_map<NodeId, double> scores;
  NodeId previous_wrapper = kNoNode;
  const NodeId end = doc.subtree_end(body);
  for (NodeId n = body + 1; n < end; ++n) {
    if (!doc.is_element(n)) continue;
    if (is_non_content_element(doc, n) || is_hidden(doc, n) || stats.consent_notice[n] ||
        (skip_unlikely && is_boilerplate_by_name(doc, stats, n, true))) {
      n = doc.subtree_end(n) - 1;
      continue;
    }
    const std::uint32_t text = paragraph_text(doc, stats, n, list_items);
    if (text < 25) continue;
    // Commas are evidence of prose that saturates, as length does: one element (a
    // list of thousands of names) never outweighs an article.
    constexpr std::uint32_t kMostCommas = 20;
    const double points =
        std::min(stats.commas[n], kMostCommas) + length_points(doc, stats, n, text);
    NodeId ancestor = doc.parent(n);
    // Page builders wrap each <p> in a <div> or two of its own: in a run of such
    // wrappers, the points go to the run's container, as they would without them.
    if (const NodeId wrapper = doc.tag(n) == "p" ? paragraph_wrapper(doc, stats, n) : kNoNode;
        wrapper != kNoNode) {
      const bool in_run =
          (previous_wrapper != kNoNode && doc.parent(previous_wrapper) == doc.parent(wrapper)) ||
          next_wraps_paragraph(doc, stats, wrapper);
      if (in_run) ancestor = doc.parent(wrapper);
      previous_wrapper = wrapper;
    }
    for (int level = 0; level < 5 && ancestor != kNoNode && ancestor != doc.document_node();
         ++level) {
      if (!doc.is_element(ancestor)) break;
      auto [it, inserted] = scores.try_emplace(ancestor, 0.0);
      if (inserted) it->second = initial_score(doc, stats, ancestor);
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      it->second += points / divider;
      ancestor = doc.parent(ancestor);
    }
  }
  return scores;
}

// Pass 2: each score scaled by the share of text that is not links; best first.
std::vector<Candidate> rank_candidates(const NodeStats& stats,
                                       std::unordered_map<NodeId, double>& scores) {
  std::vector<Candidate> ranked;
  ranked.reserve(scores.size());
  for (auto& [node, score] : scores) {
    score *= 1.0 - stats.link_density(node);
    ranked.push_back({score, node});
  }
  std::sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.node < b.node;
  });
  return ranked;
}

// A candidate nearly as strong as the best that holds `top` and several times its text,
// with as few links, is the article's container: old pages set an article of lists and
// bare text in table cells, where every line scores low and a notice above it wins.
// `top` otherwise. A short item (a few sentences) keeps its own wrapper: the longer
// container around it holds its author's box or a rail.
NodeId container_of_low_scoring_text(const Document& doc, const NodeStats& stats,
                                     const std::vector<Candidate>& ranked, NodeId top,
                                     NodeId body) {
  constexpr std::uint32_t kShortItem = 400;
  if (stats.text[top] < kShortItem) return top;
  const double least = ranked.front().score * 2 / 3;
  for (std::size_t i = 1; i < ranked.size() && ranked[i].score >= least; ++i) {
    const NodeId outer = ranked[i].node;
    if (outer != body && doc.contains(outer, top) && stats.text[outer] >= stats.text[top] * 3 &&
        stats.link_density(outer) <= std::max(0.1, stats.link_density(top) * 2)) {
      return outer;
    }
  }
  return top;
}

// The element holding the article, from the ranked candidates: when several strong
// ones share an ancestor, that ancestor (paragraphs split across sibling wrappers);
// then up through wrappers that hold nothing else.
NodeId choose_top(const Document& doc, const NodeStats& stats, const std::vector<Candidate>& ranked,
                  NodeId body) {
  NodeId top = ranked.front().node;
  const double top_score = ranked.front().score;
  std::vector<NodeId> alternatives;
  for (std::size_t i = 1; i < ranked.size() && alternatives.size() < 5; ++i) {
    if (ranked[i].score >= 0.75 * top_score) alternatives.push_back(ranked[i].node);
  }
  if (alternatives.size() >= 3) {
    for (NodeId parent = doc.parent(top); parent != kNoNode && parent != body && parent != 0;
         parent = doc.parent(parent)) {
      const auto containing = std::count_if(alternatives.begin(), alternatives.end(),
                                            [&](NodeId a) { return doc.contains(parent, a); });
      if (containing >= 3) {
        top = parent;
        break;
      }
    }
  }
  top = container_of_low_scoring_text(doc, stats, ranked, top, body);
  while (doc.parent(top) != kNoNode && doc.parent(top) != body && doc.parent(top) != 0) {
    const NodeId parent = doc.parent(top);
    if (stats.text[parent] > stats.text[top] + 2) break;
    top = parent;
  }
  return top;
}

// A paragraph, or a block of bare text such as a summary above the article.
bool is_text_block_beside(const Document& doc, const NodeStats& stats, NodeId n) {
  const std::string_view tag = doc.tag(n);
  const bool text_block = tag == "p" || ((tag == "div" || tag == "section") &&
                                         stats.direct_text[n] * 10 >= stats.text[n] * 9);
  if (!text_block) return false;
  const double density = stats.link_density(n);
  const std::uint32_t length = stats.text[n];
  if (length > 80) return density < 0.25;
  if (length == 0 || density != 0) return false;
  const std::string text = doc.normalized_text(n);
  return text.find(". ") != std::string::npos || text.ends_with('.');
}

// Whether `n` can never continue the article: not content, hidden, a consent notice,
// named as furniture (a footer line ends in a full stop too), or `thread`, the comments
// found beside the article (kNoNode when none were), or holding them.
bool never_continues(const Document& doc, const NodeStats& stats, NodeId n, NodeId thread) {
  return is_non_content_element(doc, n) || is_hidden(doc, n) || stats.consent_notice[n] ||
         is_boilerplate_by_name(doc, stats, n, true) || n == thread || doc.contains(n, thread);
}

// Pass 3: `top` and its siblings that look like more of the same article, except one
// that holds `thread`, the list of comments found beside it (or kNoNode).
std::vector<NodeId> with_continuing_siblings(const Document& doc, const NodeStats& stats,
                                             const std::unordered_map<NodeId, double>& scores,
                                             const std::vector<Candidate>& ranked, NodeId top,
                                             NodeId thread) {
  const NodeId parent = doc.parent(top);
  if (parent == kNoNode || parent == 0) return {top};
  const double top_score = ranked.front().score;
  const auto top_entry = scores.find(top);
  const double top_final = top_entry != scores.end() ? top_entry->second : top_score;
  const std::string_view top_class = doc.attr_or_empty(top, "class");
  const double threshold = std::max(10.0, top_final * 0.2);
  // Page builders and old table layouts put each part of the article in a wrapper of
  // its own: a sibling holding a strong candidate nested as the best one is in `top`,
  // with few links, continues the article.
  const auto inside = best_inside_children(doc, parent, scores);
  const NodeId best = ranked.front().node;
  const bool best_inside_top = best != top && doc.contains(top, best);
  const double inner_threshold = std::max(10.0, top_score * 0.2);
  const auto continues_article = [&](NodeId sibling) {
    if (never_continues(doc, stats, sibling, thread)) return false;
    const double bonus = !top_class.empty() && doc.attr_or_empty(sibling, "class") == top_class
                             ? top_final * 0.2
                             : 0.0;
    if (const auto it = scores.find(sibling); it != scores.end() && it->second + bonus >= threshold)
      return true;
    if (const auto inner = inside.find(sibling);
        best_inside_top && inner != inside.end() && inner->second.score >= inner_threshold &&
        stats.link_density(sibling) < 0.25 &&
        same_nesting(doc, inner->second.node, sibling, best, top))
      return true;
    return is_text_block_beside(doc, stats, sibling);
  };
  // Sites wrap the lede's paragraphs one by one above the article's container. One such
  // wrapper alone is more often a notice (a sign-in prompt); after the article, an
  // author's bio or a promotion.
  const auto is_wrapped_paragraph = [&](NodeId sibling) {
    if (sibling > top || is_hidden(doc, sibling)) return false;
    const NodeId paragraph = wrapped_paragraph(doc, stats, sibling);
    return paragraph != kNoNode && is_text_block_beside(doc, stats, paragraph);
  };
  std::vector<NodeId> siblings;
  for (const NodeId sibling : doc.children(parent)) {
    if (doc.is_element(sibling)) siblings.push_back(sibling);
  }
  std::vector<bool> wrapped(siblings.size());
  std::transform(siblings.begin(), siblings.end(), wrapped.begin(), is_wrapped_paragraph);
  std::vector<NodeId> roots;
  for (std::size_t i = 0; i < siblings.size(); ++i) {
    const bool in_run_of_wrapped =
        wrapped[i] && ((i > 0 && wrapped[i - 1]) || (i + 1 < siblings.size() && wrapped[i + 1]));
    if (siblings[i] == top || in_run_of_wrapped || continues_article(siblings[i]))
      roots.push_back(siblings[i]);
  }
  return roots;
}

// Pass 3 a level up: sites set each part of an article in a container of its own, with
// a line or a share bar beside the text (section > div > p, then the next section).
// Where `top` is most of the text of its ancestors, a sibling of the highest such
// ancestor continues the article when it holds a candidate nested as the best one is
// there, with few links, and either that candidate is half as strong as the best or the
// sibling is one of a run of such parts. A lone weaker box is a promotion.
std::vector<NodeId> with_continuing_parts(const Document& doc, const NodeStats& stats,
                                          const std::unordered_map<NodeId, double>& scores,
                                          const std::vector<Candidate>& ranked, NodeId top,
                                          NodeId body, NodeId thread, std::vector<NodeId> roots) {
  const NodeId best = ranked.front().node;
  if (best != top && !doc.contains(top, best)) return roots;
  NodeId part = top;
  for (NodeId parent = doc.parent(part); parent != kNoNode && parent != body && parent != 0 &&
                                         stats.text[parent] * 4 <= stats.text[top] * 5;
       parent = doc.parent(parent)) {
    part = parent;
  }
  if (part == top) return roots;
  const double best_score = ranked.front().score;
  const double threshold = std::max(10.0, best_score * 0.2);
  const auto inside = best_inside_children(doc, doc.parent(part), scores);
  // Each sibling with some text, and the score of the part of the article it holds (0:
  // none). Embeds and captions between the parts are passed over.
  constexpr std::uint32_t kSomeText = 100;
  std::vector<std::pair<NodeId, double>> siblings;
  for (const NodeId sibling : doc.children(doc.parent(part))) {
    if (sibling == part || !doc.is_element(sibling) || stats.text[sibling] < kSomeText) continue;
    double part_score = 0.0;
    const auto inner = inside.find(sibling);
    if (inner != inside.end() && inner->second.score >= threshold &&
        !never_continues(doc, stats, sibling, thread) && stats.link_density(sibling) < 0.25 &&
        same_nesting(doc, inner->second.node, sibling, best, part))
      part_score = inner->second.score;
    siblings.emplace_back(sibling, part_score);
  }
  for (std::size_t i = 0; i < siblings.size(); ++i) {
    const bool in_run = (i > 0 && siblings[i - 1].second > 0) ||
                        (i + 1 < siblings.size() && siblings[i + 1].second > 0);
    if (siblings[i].second > 0 && (in_run || siblings[i].second * 2 >= best_score))
      roots.push_back(siblings[i].first);
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

// Pass 3 for table layouts: old sites set each part of the article in a row of its own,
// the parts nested alike in their cells (tr > td > font). In the table's other rows, the best
// candidate nested as `top` is in its row, scoring as a part of the article would, continues it.
std::vector<NodeId> with_continuing_rows(const Document& doc, const NodeStats& stats,
                                         const std::unordered_map<NodeId, double>& scores,
                                         const std::vector<Candidate>& ranked, NodeId top,
                                         std::vector<NodeId> roots) {
  const NodeId cell = doc.tag(top) == "td" ? top : doc.parent(top);
  if (cell == kNoNode || doc.tag(cell) != "td" || stats.text[top] * 2 < stats.text[cell])
    return roots;
  const NodeId row = doc.parent(cell);
  if (row == kNoNode || doc.tag(row) != "tr") return roots;
  const double threshold = std::max(10.0, ranked.front().score * 0.2);
  for (const NodeId other : doc.children(doc.parent(row))) {
    if (other == row || doc.tag(other) != "tr") continue;
    NodeId part = kNoNode;
    double part_score = threshold;
    for (NodeId n = other + 1; n < doc.subtree_end(other); ++n) {
      const auto it = scores.find(n);
      if (it != scores.end() && it->second >= part_score && same_nesting(doc, n, other, top, row)) {
        part = n;
        part_score = it->second;
      }
    }
    if (part != kNoNode && stats.link_density(part) < 0.25) roots.push_back(part);
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

// The markup an entry of a list is made of: its tag, down through single children, then
// its children's tags in order, a run of paragraphs counted once (li/div[div,p,div] for
// a comment of any number of paragraphs). Empty for an element with fewer than two
// children other than paragraphs, such as a wrapper of paragraphs.
std::string record_shape(const Document& doc, NodeId n) {
  constexpr int kMostWrappers = 3;
  std::string shape;
  for (int depth = 0; depth <= kMostWrappers; ++depth) {
    shape += doc.tag(n);
    std::vector<std::string_view> kinds;
    NodeId only = kNoNode;
    int children = 0;
    for (const NodeId child : doc.children(n)) {
      if (!doc.is_element(child)) continue;
      ++children;
      only = child;
      if (kinds.empty() || kinds.back() != "p" || doc.tag(child) != "p")
        kinds.push_back(doc.tag(child));
    }
    if (children != 1) {
      if (kinds.size() < 2) return {};
      shape += '[';
      for (const std::string_view kind : kinds) (shape += kind) += ',';
      shape.back() = ']';
      return shape;
    }
    shape += '/';
    n = only;
  }
  return {};
}

bool holds_heading(const Document& doc, NodeId n) {
  for (NodeId d = n + 1; d < doc.subtree_end(n); ++d) {
    if (doc.is_element(d) && one_of(doc.tag(d), kHeadings)) return true;
  }
  return false;
}

constexpr int kFewestRecords = 3;  // entries made alike that make a list

bool is_record_tag(std::string_view tag) {
  return tag == "div" || tag == "li" || tag == "article" || tag == "section";
}

// `n` or the nearest of its ancestors that is one record of a list: an entry made
// alike with at least two of its siblings (avatar, name, date, text), and without a
// heading, which would make the entries an article's sections. kNoNode when none is.
NodeId enclosing_record(const Document& doc, NodeId n) {
  constexpr int kMostLevels = 4;
  for (int level = 0; level < kMostLevels && n != kNoNode && doc.is_element(n);
       ++level, n = doc.parent(n)) {
    if (!is_record_tag(doc.tag(n))) continue;
    const NodeId parent = doc.parent(n);
    if (parent == kNoNode) break;
    const std::string shape = record_shape(doc, n);
    if (shape.empty()) continue;
    int alike = 0;
    for (const NodeId sibling : doc.children(parent)) {
      if (doc.is_element(sibling) && (sibling == n || record_shape(doc, sibling) == shape) &&
          ++alike == kFewestRecords)
        break;
    }
    if (alike == kFewestRecords && !holds_heading(doc, n)) return n;
  }
  return kNoNode;
}

// Whether `n` is itself a list of records: children made alike, without headings, that
// hold two thirds of its text or more (a comment thread scoring as one block).
bool is_list_of_records(const Document& doc, const NodeStats& stats, NodeId n) {
  std::unordered_map<std::string, std::pair<int, std::uint32_t>> shapes;  // entries, text
  for (const NodeId child : doc.children(n)) {
    if (!doc.is_element(child) || !is_record_tag(doc.tag(child))) continue;
    std::string shape = record_shape(doc, child);
    if (shape.empty() || holds_heading(doc, child)) continue;
    auto& [entries, text] = shapes[std::move(shape)];
    ++entries;
    text += stats.text[child];
  }
  std::uint32_t in_records = 0;
  for (const auto& [shape, entry] : shapes) {
    if (entry.first >= kFewestRecords) in_records += entry.second;
  }
  return in_records > 0 && in_records * 3 >= stats.text[n] * 2;
}

// A comment thread puts each entry in a record of the same markup, and one long entry,
// or the whole thread, can outscore a short article. When the best candidate is inside
// a record, or is a list of records, and a strong candidate lies outside the list and
// inside no record of its own (before the list, when the best is the list: an article
// comes before the comments on it), the list and the elements that are mostly the list
// are left out of the ranking. Returns the list, or kNoNode.
NodeId rank_outside_lists(const Document& doc, const NodeStats& stats,
                          std::vector<Candidate>& ranked) {
  const NodeId best = ranked.front().node;
  const NodeId record = enclosing_record(doc, best);
  const bool best_is_list = record == kNoNode && is_list_of_records(doc, stats, best);
  if (record == kNoNode && !best_is_list) return kNoNode;
  const NodeId list = best_is_list ? best : doc.parent(record);
  const auto in_list = [&](const Candidate& c) {
    return c.node == list || doc.contains(list, c.node) ||
           (doc.contains(c.node, list) && stats.text[list] * 2 > stats.text[c.node]);
  };
  constexpr double kLeastShare = 0.4;
  constexpr int kMostTried = 16;  // candidates outside the list looked at
  const double least = ranked.front().score * kLeastShare;
  int tried = 0;
  for (auto it = ranked.begin() + 1; it != ranked.end() && it->score >= least && tried < kMostTried;
       ++it) {
    if (in_list(*it) || doc.contains(it->node, list) || (best_is_list && it->node > list)) continue;
    ++tried;
    if (enclosing_record(doc, it->node) != kNoNode) continue;
    std::erase_if(ranked, in_list);
    return list;
  }
  return kNoNode;
}

// Readability-style scoring in three passes; empty when no paragraph scores.
std::vector<NodeId> find_roots(const Document& doc, const NodeStats& stats, bool skip_unlikely,
                               bool list_items = false) {
  const NodeId body = doc.body() == kNoNode ? doc.document_node() : doc.body();
  std::unordered_map<NodeId, double> scores =
      score_ancestors(doc, stats, body, skip_unlikely, list_items);
  if (scores.empty()) return {};
  std::vector<Candidate> ranked = rank_candidates(stats, scores);
  const NodeId thread = rank_outside_lists(doc, stats, ranked);
  const NodeId top = choose_top(doc, stats, ranked, body);
  std::vector<NodeId> roots = with_continuing_siblings(doc, stats, scores, ranked, top, thread);
  roots = with_continuing_parts(doc, stats, scores, ranked, top, body, thread, std::move(roots));
  roots = with_continuing_rows(doc, stats, scores, ranked, top, std::move(roots));
  // A table row joined one level up may also hold the part found in it: keep the row.
  std::erase_if(roots, [&](NodeId root) {
    return std::any_of(roots.begin(), roots.end(),
                       [&](NodeId other) { return doc.contains(other, root); });
  });
  return roots;
}

// Comment threads and related-story rails: regions that sit beside an article and
// are never one, whatever their text. Whole words: a "commentary" is an article.
constexpr std::array<std::string_view, 13> kRegionsBesideArticle = {
    "comment",      "comments",    "commentlist",     "disqus",   "related",
    "relateds",     "recommended", "recommendations", "readnext", "kommentare",
    "commentaires", "comentarios", "komentarze"};

}  // namespace

bool is_region_beside_article(const Document& doc, const NodeStats& stats, NodeId n) {
  const std::vector<std::string> tokens = role_tokens(doc, stats, n);
  return std::any_of(tokens.begin(), tokens.end(),
                     [](std::string_view token) { return one_of(token, kRegionsBesideArticle); });
}

bool in_region_beside(const Document& doc, const NodeStats& stats, const std::vector<NodeId>& roots,
                      const std::vector<NodeId>& article) {
  const auto holds_article = [&](NodeId n) {
    return std::any_of(article.begin(), article.end(),
                       [&](NodeId root) { return doc.contains(n, root); });
  };
  return std::any_of(roots.begin(), roots.end(), [&](NodeId root) {
    for (NodeId n = root; n != kNoNode && doc.is_element(n); n = doc.parent(n)) {
      if (holds_article(n)) return false;
      if (is_region_beside_article(doc, stats, n)) return true;
    }
    return false;
  });
}

ContentRoots find_content_roots(const Document& doc, const NodeStats& stats,
                                bool ignore_furniture) {
  // First without the subtrees whose names say they are furniture (comments, related
  // rails); when that leaves too little, with them.
  if (!ignore_furniture) return {find_roots(doc, stats, false), false};
  ContentRoots roots{find_roots(doc, stats, true), true};
  std::uint32_t text = 0;
  for (const NodeId root : roots.nodes) text += stats.text[root];
  if (text >= 200) return roots;
  ContentRoots all{find_roots(doc, stats, false), false};
  if (text > 0) {
    if (!in_region_beside(doc, stats, all.nodes, roots.nodes)) roots = std::move(all);
    return roots;
  }
  // No paragraph outside the furniture: the article may be written as list items
  // (a status report, a list of changes), which beat a comment thread or a rail.
  if (in_region_beside(doc, stats, all.nodes, {})) {
    ContentRoots items{find_roots(doc, stats, true, true), true};
    if (!items.nodes.empty()) return items;
  }
  return all;
}

}  // namespace crbc::extract
