#include "extract/extract.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <functional>
#include <utility>
#include <variant>

#include "extract/blocks.hpp"
#include "extract/content.hpp"
#include "extract/declared_body.hpp"
#include "extract/document.hpp"
#include "extract/metadata.hpp"
#include "extract/related.hpp"
#include "extract/url.hpp"
#include "text/sentences.hpp"
#include "text/utf8.hpp"

namespace crbc::extract {
namespace {

std::string plain_text(const model::Block& block) {
  return model::block_text(block);
}

// Furniture that survives at the edges of the body: a trailing heading with nothing
// under it, a "Related" heading and the lists after it (unless they are all the text).
void trim_body(std::vector<model::Block>& body) {
  const auto has_text = [](auto first, auto last) {
    return std::any_of(first, last,
                       [](const model::Block& block) { return !plain_text(block).empty(); });
  };
  for (std::size_t i = 0; i < body.size(); ++i) {
    const model::RichText* label = nullptr;
    if (const auto* heading = std::get_if<model::Heading>(&body[i])) label = &heading->content;
    if (const auto* paragraph = std::get_if<model::Paragraph>(&body[i]))
      label = &paragraph->content;
    if (!label || label->text.size() > 40 || !is_related_heading(label->text)) continue;
    std::size_t end = i + 1;
    while (end < body.size() && std::holds_alternative<model::List>(body[end])) ++end;
    const auto at = [&](std::size_t k) { return body.begin() + static_cast<std::ptrdiff_t>(k); };
    if (!has_text(body.begin(), at(i)) && !has_text(at(end), body.end())) continue;
    body.erase(at(i), at(end));
    --i;
  }
  while (!body.empty() && std::holds_alternative<model::Heading>(body.back()) &&
         has_text(body.begin(), body.end() - 1)) {
    body.pop_back();
  }
  while (!body.empty() && plain_text(body.back()).empty() &&
         !std::holds_alternative<model::Image>(body.back())) {
    body.pop_back();
  }
}

std::size_t text_size(const std::vector<model::Block>& body) {
  std::size_t size = 0;
  for (const model::Block& block : body) size += plain_text(block).size();
  return size;
}

// Characters outside links of a line that reads as prose (25 or more of them: not a
// label such as "item" or "Home"); 0 for other lines. Marks count code points.
std::size_t prose_in(const model::RichText& line) {
  constexpr std::size_t kProseLine = 25;
  std::size_t linked = 0;
  for (const model::Mark& mark : line.marks) {
    if (mark.kind == model::Mark::Kind::link) linked += mark.end - mark.start;
  }
  const std::size_t characters = text::code_point_count(line.text);
  const std::size_t unlinked = characters - std::min(linked, characters);
  return unlinked >= kProseLine ? unlinked : 0;
}

// Size of the running text: paragraphs, and the lines of prose in headings (old pages
// set whole articles in a small heading, as a font size); not lists, tables or captions.
std::size_t prose_size(const std::vector<model::Block>& body) {
  std::size_t size = 0;
  for (const model::Block& block : body) {
    if (const auto* paragraph = std::get_if<model::Paragraph>(&block)) {
      size += paragraph->content.text.size();
    } else if (const auto* heading = std::get_if<model::Heading>(&block)) {
      size += prose_in(heading->content);
    }
  }
  return size;
}

// Bytes of text under which a body is as good as empty.
constexpr std::size_t kNearlyEmpty = 25;
// Under this, a body is not worth keeping while another opinion finds text.
constexpr std::size_t kTooShort = 100;
// Under this, a body is short enough to ask for a second opinion.
constexpr std::size_t kShortBody = 500;
// How much more text a second opinion on a short body must find to be taken.
constexpr std::size_t kSeveralTimes = 3;

// Whether any of `roots` is itself named as furniture (a comment, a share bar).
bool any_named_furniture(const Document& doc, const NodeStats& stats, const ContentRoots& roots) {
  return std::any_of(roots.nodes.begin(), roots.nodes.end(),
                     [&](NodeId n) { return is_boilerplate_by_name(doc, stats, n); });
}

// The body from the content roots, with second opinions when it looks poor (never
// from a comment thread or a related rail beside the first choice):
// - a short body gives way to the roots found without leaving out furniture-named
//   subtrees (the article's own wrapper can carry such a word: "share-wrapper",
//   "author-admin"), when those are other elements, not named furniture themselves,
//   and give several times the text;
// - a short body that is not next to nothing gives way to the same roots cleaned by
//   shape only, when that gives several times the text: names or styles cut the
//   article down to its lede (a slideshow sets its paragraphs in the slides, a
//   paywalled page in a "paywall" box or hidden until the reader subscribes, a "read
//   more" button shows the rest);
// - a body of next to nothing gives way to the first of: those roots, then each set
//   of roots with minimal cleaning, that is not next to nothing (else the longest);
//   a page where all of them are as good as empty gives its whole visible text,
//   unless that has next to no prose (then there is no article to find).
std::vector<model::Block> choose_body(const Document& doc, const NodeStats& stats,
                                      std::string_view base_url) {
  const ContentRoots first = find_content_roots(doc, stats);
  std::vector<model::Block> best = emit_blocks(doc, stats, first, base_url);
  std::size_t best_text = text_size(best);
  if (best_text >= kShortBody) return best;
  ContentRoots with_furniture = find_content_roots(doc, stats, false);
  // A comment thread or a related rail is never the article, however short that is.
  if (!first.nodes.empty() && in_region_beside(doc, stats, with_furniture.nodes, first.nodes))
    with_furniture = first;
  if (!with_furniture.nodes.empty() && with_furniture.nodes != first.nodes &&
      !any_named_furniture(doc, stats, with_furniture)) {
    std::vector<model::Block> body = emit_blocks(doc, stats, with_furniture, base_url);
    if (text_size(body) > best_text * kSeveralTimes) return body;
  }
  if (best_text >= kTooShort) {
    std::vector<model::Block> body = emit_blocks(doc, stats, first, base_url, Cleaning::by_shape);
    return text_size(body) > best_text * kSeveralTimes ? body : best;
  }
  const std::array<std::pair<const ContentRoots*, Cleaning>, 3> opinions = {
      {{&with_furniture, Cleaning::full},
       {&first, Cleaning::minimal},
       {&with_furniture, Cleaning::minimal}}};
  for (const auto& [roots, cleaning] : opinions) {
    std::vector<model::Block> body = emit_blocks(doc, stats, *roots, base_url, cleaning);
    const std::size_t body_text = text_size(body);
    if (body_text >= kTooShort) return body;
    if (body_text > best_text) {
      best = std::move(body);
      best_text = body_text;
    }
  }
  if (best_text >= kNearlyEmpty) return best;
  const NodeId page = doc.body() == kNoNode ? doc.document_node() : doc.body();
  std::vector<model::Block> visible =
      emit_blocks(doc, stats, ContentRoots{{page}, false}, base_url, Cleaning::minimal);
  return prose_size(visible) >= kNearlyEmpty ? visible : best;
}

// Whether every paragraph of `body` stands in `declared`, by its first 32 bytes (short
// enough that spacing or quoting differences further on do not matter): the body is
// part of the declared text.
bool within_declared(const std::vector<model::Block>& body, std::string_view declared) {
  constexpr std::size_t kOpening = 32;
  std::size_t paragraphs = 0;
  for (const model::Block& block : body) {
    const auto* paragraph = std::get_if<model::Paragraph>(&block);
    if (paragraph == nullptr || paragraph->content.text.size() < kOpening) continue;
    ++paragraphs;
    if (declared.find(std::string_view(paragraph->content.text).substr(0, kOpening)) ==
        std::string_view::npos)
      return false;
  }
  return paragraphs > 0;
}

// Pages that render their text with scripts leave little in the markup but may
// declare the whole text in JSON-LD: when that is richer, it becomes the body. Next
// to nothing in the markup, a declared news item of a few sentences is richer.
// Before that, the markup cleaned by shape only (`by_shape`, read only then) is tried:
// when it holds most of the declared text, names cut the article (its paragraphs
// classed "paywall"), and the page's own text keeps its links and what the declared
// copy leaves out.
void use_declared_body_if_richer(std::string_view declared, const ParseOptions& limits,
                                 std::string_view base_url,
                                 const std::function<std::vector<model::Block>()>& by_shape,
                                 std::vector<model::Block>& body,
                                 std::vector<std::string>& warnings) {
  const std::size_t found = text_size(body);
  const std::size_t least = found < kNearlyEmpty ? kTooShort : kShortBody;
  // Markup only adds to the declared size: what is too short here stays too short.
  if (declared.size() < least || declared.size() * 2 < found * 3) return;
  std::vector<model::Block> declared_body = declared_blocks(declared, limits, base_url);
  const std::size_t declared_size = text_size(declared_body);
  // Far longer, or longer and holding all that the markup shows (the rest of the text
  // is rendered by a script, or sits behind a button).
  const bool richer =
      declared_size >= least &&
      (declared_size >= found * 3 || (declared_size * 2 >= found * 3 &&
                                      within_declared(body, model::blocks_text(declared_body))));
  if (!richer) return;
  std::vector<model::Block> shaped = by_shape();
  if (text_size(shaped) * 3 >= declared_size * 2) {
    body = std::move(shaped);
    return;
  }
  body = std::move(declared_body);
  warnings.emplace_back("body taken from the page's JSON-LD articleBody");
}

// A page that declares no description gets the usual excerpt: its body's opening
// paragraph, or as many of that paragraph's first sentences as fit.
void describe_from_body(model::Article& article) {
  constexpr std::size_t kMaxExcerptBytes = 320;
  constexpr std::size_t kOpeningBlocks = 3;  // past a heading or a lead image
  if (!article.description.empty()) return;
  for (std::size_t i = 0; i < std::min(article.body.size(), kOpeningBlocks); ++i) {
    const auto* paragraph = std::get_if<model::Paragraph>(&article.body[i]);
    if (paragraph == nullptr) continue;
    const std::string& text = paragraph->content.text;
    std::size_t end = 0;
    // Only the opening matters: a paragraph can be megabytes long.
    const std::string_view opening = std::string_view(text).substr(0, kMaxExcerptBytes + 1);
    for (const text::Sentence& sentence : text::split_sentences(opening, article.language)) {
      if (sentence.end > kMaxExcerptBytes) break;
      end = sentence.end;
    }
    article.description = text.substr(0, end);
    return;
  }
}

}  // namespace

ExtractResult extract_article(std::string_view raw_bytes, const ExtractOptions& options) {
  ExtractResult result;
  model::Article& article = result.article;
  article.url = options.url;
  try {
    // The decoded copy of the page is freed as soon as the document is built.
    const io::Deadline& deadline = options.deadline;
    const ParseOptions limits{options.max_depth, options.max_errors, options.max_elements};
    const Document doc = Document::parse(decode_to_utf8(raw_bytes, options.content_type), limits);
    deadline.check();
    const std::string declared_body =
        extract_metadata(doc, options.url, article, options.reference_time);
    // A bare file has no address of its own: the page's declared one stands in,
    // so that its relative links still resolve.
    const std::string page_url = !options.url.empty()   ? options.url
                                 : !article.url.empty() ? article.url
                                                        : article.canonical_url;
    const std::string base_url = base_url_of(doc, page_url);
    const NodeStats stats = compute_stats(doc);
    deadline.check();
    article.body = choose_body(doc, stats, base_url);
    deadline.check();
    const auto by_shape = [&] {
      return emit_blocks(doc, stats, find_content_roots(doc, stats), base_url, Cleaning::by_shape);
    };
    use_declared_body_if_richer(declared_body, limits, base_url, by_shape, article.body,
                                result.warnings);
    trim_body(article.body);
    describe_from_body(article);
    article.related = find_related_links(doc, stats, base_url, page_url);
  } catch (const io::TimeLimitExceeded&) {
    throw;
  } catch (const std::bad_alloc&) {
    result.warnings.emplace_back("out of memory while parsing the page");
  } catch (const std::exception& error) {
    result.warnings.emplace_back(std::string("parse error: ") + error.what());
  }
  if (article.body.empty()) result.warnings.emplace_back("no article body found");
  return result;
}

}  // namespace crbc::extract
