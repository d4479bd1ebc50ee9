// Article metadata from every source a page may carry, reconciled.
//
// Sources, and which wins when they disagree (the first that gives a usable value):
//   title      the visible headline (<h1>, itemprop=headline) when it matches a declared
//              title (JSON-LD headline, og:title, twitter:title, <title>) or when it is
//              the page's only headline. Without <h1>: an <h2 class="…title…"> that a
//              declared title confirms, or any <h2> with a byline or date under it when
//              the declared titles only name the site. Else JSON-LD headline, og:title,
//              twitter:title, <title> — each cleaned of site-name labels ("Headline | Site").
//   authors    JSON-LD author (objects, arrays, strings, @id references), microdata
//              itemprop=author, the visible byline (rel=author, class/id "byline" or
//              "author", a short "By …" line) near the headline, then <meta name=author>
//              and its variants (article:author, parsely-author, dc.creator, ...).
//   published  JSON-LD datePublished, then article:published_time and the other date
//              <meta> tags, microdata; the date shown under the headline (or just above
//              it) wins over them when it names another day. Without a declared date:
//              the shown date, a date in the byline's line, a <time> (one marked as the
//              publication date, else the one nearest the headline), the date in the
//              url, and last a relative date shown there ("2 hours ago"), counted back
//              from the time the page was fetched, only when that is known. Dates of
//              embedded stories (a small <article> inside another), of teasers, captions
//              and asides, and dates after the body's first paragraphs are not the
//              article's. Dates are normalised to ISO 8601 (dates.hpp).
//   modified   JSON-LD dateModified, article:modified_time, og:updated_time, microdata.
//   language   <html lang>, content-language, og:locale, JSON-LD inLanguage, then the
//              language CLD2 detects in the text.
//   site_name  og:site_name, JSON-LD publisher or WebSite name, application-name.
//   section    JSON-LD articleSection, article:section, microdata, JSON-LD BreadcrumbList,
//              then the visible breadcrumb trail (nav/ol/ul/div named "breadcrumb",
//              microdata BreadcrumbList): its last crumb that is neither the article
//              (its headline, or an unlinked last crumb) nor "Home" nor the site.
//   tags       article:tag, JSON-LD keywords, news_keywords / keywords meta.
//   image, description, canonical_url: og/twitter/JSON-LD/<link rel=canonical>.
#pragma once

#include <string>
#include <string_view>

#include "extract/document.hpp"
#include "model/article.hpp"

namespace crbc::extract {

// Fills the metadata fields of `article` (title, site_name, section, description,
// authors, published, modified, language, tags, image, canonical_url, and url when it
// is empty) from `doc`. `page_url` resolves relative urls and gives a date when the
// page declares none; it may be empty. `reference_time` is when the page was fetched
// (ExtractOptions::reference_time): relative dates ("2 hours ago") are read only when
// it is given. Fields the page does not give are left as they were. Never throws on
// hostile pages.
//
// Returns the article text the page declares in its JSON-LD ("articleBody", the
// longest when several, unescaped), empty when there is none: the body's fallback.
std::string extract_metadata(const Document& doc, std::string_view page_url,
                             model::Article& article, std::string_view reference_time = {});

}  // namespace crbc::extract
