// The schema.org vocabulary of articles (https://schema.org/NewsArticle), in one place:
// the properties and the record field each holds, the Article @type names, and the
// shapes schema.org lets a value take (one value or an array of them, a string or an
// object). formats/jsonld.cpp writes records with it and reads them back;
// extract/meta_jsonld.cpp reads the JSON-LD a page embeds, more leniently (other
// dates, thumbnails, @id references, the whole Article family of types).
#pragma once

#include <array>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace crbc::model::schema_org {

// Article properties, with the record field each holds. "(pages)": read from the
// JSON-LD of pages only; "(records)": written and read back by crbc only.
inline constexpr char kHeadline[] = "headline";                        // title
inline constexpr char kAlternativeHeadline[] = "alternativeHeadline";  // title (pages)
inline constexpr char kName[] = "name";                                // title, when no headline
inline constexpr char kDescription[] = "description";                  // description
inline constexpr char kAuthor[] = "author";                            // authors
inline constexpr char kCreator[] = "creator";                          // authors (pages)
inline constexpr char kDatePublished[] = "datePublished";              // published
inline constexpr char kDateCreated[] = "dateCreated";                  // published (pages)
inline constexpr char kUploadDate[] = "uploadDate";                    // published (pages)
inline constexpr char kDateModified[] = "dateModified";                // modified
inline constexpr char kImage[] = "image";                              // image
inline constexpr char kThumbnailUrl[] = "thumbnailUrl";                // image (pages)
inline constexpr char kKeywords[] = "keywords";                        // tags
inline constexpr char kArticleSection[] = "articleSection";            // section
inline constexpr char kInLanguage[] = "inLanguage";                    // language
inline constexpr char kPublisher[] = "publisher";                      // site_name
inline constexpr char kUrl[] = "url";                                  // url
inline constexpr char kMainEntityOfPage[] = "mainEntityOfPage";        // canonical_url
inline constexpr char kArticleBody[] = "articleBody";                  // body, as plain text
inline constexpr char kRelatedLink[] = "relatedLink";                  // related (records)

// Properties of the things an article names: a Person or Organization (author,
// publisher), an ImageObject (image: url or contentUrl, caption, description = alt),
// a BreadcrumbList, a value given as {"@value": …}.
inline constexpr char kGivenName[] = "givenName";
inline constexpr char kFamilyName[] = "familyName";
inline constexpr char kContentUrl[] = "contentUrl";
inline constexpr char kCaption[] = "caption";
inline constexpr char kText[] = "text";  // a thing's text, read like its name
inline constexpr char kItemListElement[] = "itemListElement";
inline constexpr char kItem[] = "item";
inline constexpr char kPosition[] = "position";
inline constexpr char kType[] = "@type";
inline constexpr char kId[] = "@id";
inline constexpr char kValue[] = "@value";
inline constexpr char kGraph[] = "@graph";
inline constexpr char kContext[] = "@context";

inline constexpr char kSchemaOrg[] = "https://schema.org";  // the @context

// Types.
inline constexpr char kNewsArticle[] = "NewsArticle";  // the type crbc writes
inline constexpr char kPerson[] = "Person";
inline constexpr char kOrganization[] = "Organization";
inline constexpr char kImageObject[] = "ImageObject";
inline constexpr char kVideoObject[] = "VideoObject";
inline constexpr char kWebSite[] = "WebSite";
inline constexpr char kWebPage[] = "WebPage";
inline constexpr char kBreadcrumbList[] = "BreadcrumbList";

// The Article types crbc knows by name.
inline constexpr std::array<std::string_view, 10> kArticleTypes{
    "NewsArticle",         "Article",
    "BlogPosting",         "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle",
    "ReviewNewsArticle",   "BackgroundNewsArticle",
    "LiveBlogPosting",     "TechArticle"};

// Whether `type` names one of kArticleTypes, written bare or as a url
// ("https://schema.org/NewsArticle": what follows the last '/'). How records are read.
bool is_named_article_type(std::string_view type);

// `type` without its schema.org prefix ("https://schema.org/", "http://schema.org/",
// "schema:"); `type` itself when it has none.
std::string_view bare_type(std::string_view type);

// Whether a bare type is of the Article family, named or not: Article, NewsArticle,
// ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report, Review, … How pages are read.
bool is_article_family(std::string_view type);

// Whether a bare type is a web page: WebPage, MedicalWebPage, …
bool is_page_type(std::string_view type);

// --- Shapes of values --------------------------------------------------------------

// Calls `visit(item)` for each item of an array, or once for any other value: schema.org
// gives a property one value or several (an author, or a list of them).
template <typename Visit>
void for_each_item(const nlohmann::json& value, Visit&& visit) {
  if (value.is_array()) {
    for (const auto& item : value) visit(item);
  } else {
    visit(value);
  }
}

// The first of `keys` that `object` holds as a string ({"name": …}, {"url": …}), or
// nullptr (also when `object` is not an object).
const std::string* first_string_member(const nlohmann::json& object,
                                       std::initializer_list<const char*> keys);

// The parts of a comma-separated list, as written ("a, b,,c" -> "a", " b", "", "c"):
// keywords given as one string. Each reader trims and drops empty parts its own way.
std::vector<std::string_view> comma_separated(std::string_view text);

}  // namespace crbc::model::schema_org
