// extract_metadata over small hand-written pages: each metadata source alone, their
// conflicts, and hostile inputs. Table-driven: every page states what must come out.
#include "extract/metadata.hpp"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract/document.hpp"

using crbc::extract::Document;
using crbc::extract::extract_metadata;
using crbc::model::Article;
using Names = std::vector<std::string>;

namespace {

struct Expected {
  std::optional<std::string> title;
  std::optional<Names> authors;
  std::optional<std::string> published;
  std::optional<std::string> modified;
  std::optional<std::string> language;
  std::optional<std::string> site_name;
  std::optional<std::string> section;
  std::optional<Names> tags;
  std::optional<std::string> image;
  std::optional<std::string> canonical;
  std::optional<std::string> description;
};

struct PageCase {
  const char* name;
  const char* url;
  std::string html;
  Expected expected;
  const char* fetched_at = "";  // the reference time of relative dates
};

Article run(const std::string& html, const char* url, const char* fetched_at = "") {
  const auto doc = Document::parse(html);
  Article article;
  extract_metadata(doc, url, article, fetched_at);
  return article;
}

void check_page(const PageCase& c) {
  INFO("page: " << c.name);
  const Article a = run(c.html, c.url, c.fetched_at);
  const Expected& e = c.expected;
  if (e.title) CHECK(a.title == *e.title);
  if (e.authors) CHECK(a.authors == *e.authors);
  if (e.published) CHECK(a.published == *e.published);
  if (e.modified) CHECK(a.modified == *e.modified);
  if (e.language) CHECK(a.language == *e.language);
  if (e.site_name) CHECK(a.site_name == *e.site_name);
  if (e.section) CHECK(a.section == *e.section);
  if (e.tags) CHECK(a.tags == *e.tags);
  if (e.image) {
    REQUIRE(a.image.has_value());
    CHECK(a.image->src == *e.image);
  }
  if (e.canonical) CHECK(a.canonical_url == *e.canonical);
  if (e.description) CHECK(a.description == *e.description);
}

std::string page(const std::string& head, const std::string& body, const char* lang = "en") {
  return std::string("<!doctype html><html lang=\"") + lang + "\"><head><meta charset=utf-8>" +
         head + "</head><body>" + body + "</body></html>";
}

std::string ld(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

const std::string kParagraph =
    "<p>The council met on Tuesday to discuss the budget for the coming year, and the "
    "members agreed on most of the proposals after a long debate.</p>";

}  // namespace

TEST_CASE("Each metadata source on its own") {
  const PageCase cases[] = {
      {"JSON-LD NewsArticle with a Person author",
       "https://news.example/a",
       page(ld(R"({"@context":"https://schema.org","@type":"NewsArticle",
                 "headline":"Council approves the budget","datePublished":"2026-11-27T10:00:00+01:00",
                 "dateModified":"2026-11-28T08:00:00+01:00",
                 "author":{"@type":"Person","name":"Jane Doe"},
                 "publisher":{"@type":"Organization","name":"Example News"},
                 "articleSection":"Politics","keywords":["budget","council"],
                 "image":{"@type":"ImageObject","url":"https://news.example/i.jpg"}})"),
            "<h1>Council approves the budget</h1>" + kParagraph),
       {.title = "Council approves the budget",
        .authors = Names{"Jane Doe"},
        .published = "2026-11-27T10:00:00+01:00",
        .modified = "2026-11-28T08:00:00+01:00",
        .site_name = "Example News",
        .section = "Politics",
        .tags = Names{"budget", "council"},
        .image = "https://news.example/i.jpg"}},
      {"JSON-LD @graph with @id references (Yoast)",
       "https://blog.example/p",
       page(ld(R"({"@context":"https://schema.org","@graph":[
                 {"@type":"WebSite","@id":"https://blog.example/#website","name":"Example Blog"},
                 {"@type":"WebPage","@id":"https://blog.example/p","datePublished":"2026-11-20T09:00:00+00:00"},
                 {"@type":"Article","headline":"A post","isPartOf":{"@id":"https://blog.example/p"},
                  "author":{"@id":"https://blog.example/#/person/1"}},
                 {"@type":"Person","@id":"https://blog.example/#/person/1","name":"Sam Porter"}]})"),
            "<h1>A post about things</h1>" + kParagraph),
       {.authors = Names{"Sam Porter"},
        .published = "2026-11-20T09:00:00Z",
        .site_name = "Example Blog"}},
      {"JSON-LD array of blocks, BlogPosting, author strings",
       "https://x.example/",
       page(ld(R"([{"@type":"Organization","name":"X"},
                  {"@type":"BlogPosting","headline":"Notes","author":["Ann Poe","John Roe"],
                   "datePublished":"2026-10-01"}])"),
            "<h1>Notes</h1>"),
       {.title = "Notes", .authors = Names{"Ann Poe", "John Roe"}, .published = "2026-10-01"}},
      {"JSON-LD author array of objects with a type list",
       "https://x.example/",
       page(ld(R"({"@type":["ReportageNewsArticle"],"headline":"Field report",
                 "author":[{"@type":"Person","name":"Ann Poe"},{"@type":"Person","name":"Bo Li"}],
                 "datePublished":"2026-09-09T12:00:00Z"})"),
            "<h1>Field report</h1>"),
       {.authors = Names{"Ann Poe", "Bo Li"}, .published = "2026-09-09T12:00:00Z"}},
      {"JSON-LD author string with two names",
       "https://x.example/",
       page(ld(R"({"@type":"Article","headline":"Two","author":"By Ann Poe and Bo Li"})"), ""),
       {.title = "Two", .authors = Names{"Ann Poe", "Bo Li"}}},
      {"OpenGraph only",
       "https://og.example/story",
       page(R"(<meta property="og:title" content="Rivers rise after storm">
               <meta property="og:site_name" content="OG Times">
               <meta property="og:image" content="/img/river.jpg">
               <meta property="og:description" content="Water levels rose overnight.">
               <meta property="og:locale" content="en_GB">
               <meta property="article:published_time" content="2026-11-27T06:30:00Z">
               <meta property="article:modified_time" content="2026-11-27T09:00:00Z">
               <meta property="article:section" content="Weather">
               <meta property="article:tag" content="storm"><meta property="article:tag" content="rivers">)",
            "", ""),
       {.title = "Rivers rise after storm",
        .published = "2026-11-27T06:30:00Z",
        .modified = "2026-11-27T09:00:00Z",
        .language = "en-GB",
        .site_name = "OG Times",
        .section = "Weather",
        .tags = Names{"storm", "rivers"},
        .image = "https://og.example/img/river.jpg",
        .description = "Water levels rose overnight."}},
      {"Twitter card only",
       "https://tw.example/s",
       page(R"(<meta name="twitter:title" content="Short title">
               <meta name="twitter:image" content="https://tw.example/t.png">)",
            ""),
       {.title = "Short title", .image = "https://tw.example/t.png"}},
      {"Dublin Core",
       "https://dc.example/s",
       page(R"(<meta name="DC.title" content="Annual report">
               <meta name="DC.creator" content="Ann Poe">
               <meta name="DC.date.issued" content="2026-03-01">
               <meta name="DC.language" content="de">)",
            "", ""),
       {.title = "Annual report",
        .authors = Names{"Ann Poe"},
        .published = "2026-03-01",
        .language = "de"}},
      {"meta name=author and pubdate",
       "https://m.example/s",
       page(R"(<title>Plain page</title><meta name="author" content="By Jane Doe">
               <meta name="pubdate" content="20261127">)",
            ""),
       {.title = "Plain page", .authors = Names{"Jane Doe"}, .published = "2026-11-27"}},
      {"article:author as a url is not a name",
       "https://m.example/s",
       page(
           R"(<title>T</title><meta property="article:author" content="https://facebook.com/jane">)",
           ""),
       {.authors = Names{}}},
      {"microdata Article with a Person author",
       "https://md.example/s",
       page("",
            R"(<article itemscope itemtype="https://schema.org/NewsArticle">
                 <h1 itemprop="headline">Bridge reopens</h1>
                 <span itemprop="author" itemscope itemtype="https://schema.org/Person">
                   By <span itemprop="name">Lee Chan</span></span>
                 <time itemprop="datePublished" datetime="2026-11-02T07:00:00-05:00">Nov 2</time>
                 <meta itemprop="dateModified" content="2026-11-03">
               </article>)"),
       {.title = "Bridge reopens",
        .authors = Names{"Lee Chan"},
        .published = "2026-11-02T07:00:00-05:00",
        .modified = "2026-11-03"}},
      {"visible byline with rel=author links",
       "https://v.example/s",
       page("<title>Story</title>",
            R"(<h1>Story of the day</h1><div class="byline">By <a rel="author" href="/a">Ann Poe</a>
               and <a rel="author" href="/b">Bo Li</a></div>)" +
                kParagraph),
       {.authors = Names{"Ann Poe", "Bo Li"}}},
      {"visible 'By' line without classes",
       "https://v.example/s",
       page("<title>Story of the day</title>",
            "<h1>Story of the day</h1><p>By Carla Gomez</p>" + kParagraph),
       {.authors = Names{"Carla Gomez"}}},
      {"byline class with job title and date",
       "https://v.example/s",
       page("<title>Story of the day</title>",
            R"(<h1>Story of the day</h1><div class="article-byline"><span>By</span>
               <a href="/x">Jane Doe</a><span>Senior Reporter</span>
               <time datetime="2026-11-27">Nov. 27, 2026</time></div>)"),
       {.authors = Names{"Jane Doe"}, .published = "2026-11-27"}},
      {"<time datetime> near the headline",
       "https://t.example/s",
       page("<title>Story of the day</title>",
            R"(<aside><time datetime="2020-01-01">old teaser</time></aside>
               <h1>Story of the day</h1><time datetime="2026-11-27T10:00:00+01:00">27 Nov</time>)"),
       {.published = "2026-11-27T10:00:00+01:00"}},
      {"date in the url only",
       "https://u.example/2026/11/27/story-title/",
       page("<title>Story</title>", "<h1>Story</h1>"),
       {.published = "2026-11-27"}},
      {"date shown in German text",
       "https://de.example/s",
       page("<title>Haushalt beschlossen</title>",
            "<h1>Haushalt beschlossen</h1><div class=\"meta\">27. November 2026, 14:30 Uhr</div>",
            "de"),
       {.published = "2026-11-27T14:30:00", .language = "de"}},
      {"date shown in Russian text",
       "https://ru.example/s",
       page("<title>Бюджет принят</title>",
            "<h1>Бюджет принят</h1><span>27 ноября 2026, 10:00</span>", "ru"),
       {.published = "2026-11-27T10:00:00", .language = "ru"}},
      {"date shown in French and Spanish",
       "https://fr.example/s",
       page("<title>Le budget adopté</title>",
            "<h1>Le budget adopté</h1><span>Publié le 3 mars 2026</span>", "fr"),
       {.published = "2026-03-03"}},
      {"canonical link resolves against the page url",
       "https://c.example/a/b?utm=1",
       page(R"(<title>T</title><link rel="canonical" href="/a/b">)", ""),
       {.canonical = "https://c.example/a/b"}},
  };
  for (const auto& c : cases) check_page(c);
}

TEST_CASE("Titles: the visible headline, cleaned of site labels") {
  const PageCase cases[] = {
      {"title suffix ' | Site' removed",
       "https://s.example/",
       page(R"(<title>Budget passes | Example News</title>
               <meta property="og:site_name" content="Example News">)",
            ""),
       {.title = "Budget passes"}},
      {"title suffix ' - Site' and section removed",
       "https://s.example/",
       page(R"(<title>Budget passes - Politics - Example News</title>
               <meta property="og:site_name" content="Example News">
               <meta property="article:section" content="Politics">)",
            ""),
       {.title = "Budget passes"}},
      {"title prefix 'Site: ' removed",
       "https://s.example/",
       page(R"(<title>Example News: Budget passes</title>
               <meta property="og:site_name" content="Example News">)",
            ""),
       {.title = "Budget passes"}},
      {"host name as suffix",
       "https://www.nytimes.example/x",
       page("<title>Budget passes - NYTimes.example</title>", ""),
       {.title = "Budget passes"}},
      {"h1 preferred over a reworded og:title when they agree",
       "https://s.example/",
       page(R"(<meta property="og:title" content="Budget passes after long debate | Example">)",
            "<h1>Budget passes after a long debate</h1>"),
       {.title = "Budget passes after a long debate"}},
      {"h1 section label set inside it is dropped",
       "https://s.example/",
       page("<title>Kids and labour laws</title>",
            "<h1><div><a href=\"/opinion\">Opinion | </a></div> Let kids be kids and labour laws "
            "alone</h1>"),
       {.title = "Let kids be kids and labour laws alone"}},
      {"logo h1 is not the headline",
       "https://s.example/",
       page(
           R"(<meta property="og:site_name" content="Example"><title>Real headline here | Example</title>)",
           "<header><h1><a href=\"/\">Example</a></h1></header><h2>Real headline here</h2>"),
       {.title = "Real headline here"}},
      {"entities decoded in JSON-LD headline",
       "https://s.example/",
       page(ld(R"({"@type":"NewsArticle","headline":"Tom &amp; Jerry&#8217;s day"})"), ""),
       {.title = "Tom & Jerry\u2019s day"}},
  };
  for (const auto& c : cases) check_page(c);
}

TEST_CASE("Conflicts between sources are settled by the documented precedence") {
  const PageCase cases[] = {
      {"JSON-LD date wins over meta date",
       "https://k.example/2026/01/01/x",
       page(ld(R"({"@type":"NewsArticle","headline":"X","datePublished":"2026-11-27T10:00:00Z"})") +
                R"(<meta property="article:published_time" content="2026-11-20T10:00:00Z">)",
            ""),
       {.published = "2026-11-27T10:00:00Z"}},
      {"shown local day beats a UTC timestamp a day off",
       "https://k.example/x",
       page(
           ld(R"({"@type":"NewsArticle","headline":"Late news","datePublished":"2026-11-27T23:30:00Z"})"),
           "<h1>Late news</h1><div class=\"date\">November 28, 2026</div>"),
       {.published = "2026-11-28"}},
      {"an 'Updated' date gives way to the published one shown next to it",
       "https://k.example/x",
       page("<title>Late news</title>",
            R"(<h1>Late news</h1><time datetime="2026-11-28T09:00:00Z">Updated Nov. 28, 2026</time>
               <time datetime="2026-11-27T09:00:00Z">Published Nov. 27, 2026</time>)"),
       {.published = "2026-11-27T09:00:00Z"}},
      {"JSON-LD authors win over meta author",
       "https://k.example/x",
       page(ld(R"({"@type":"Article","headline":"H","author":{"name":"Ann Poe"}})") +
                R"(<meta name="author" content="Webmaster Team">)",
            ""),
       {.authors = Names{"Ann Poe"}}},
      {"site name as JSON-LD author gives way to the visible byline",
       "https://k.example/x",
       page(
           ld(R"({"@type":"NewsArticle","headline":"Harbour plan","author":{"@type":"Organization","name":"Example News"},
                 "publisher":{"@type":"Organization","name":"Example News"}})"),
           "<h1>Harbour plan</h1><div class=\"byline\">By Jane Doe</div>"),
       {.authors = Names{"Jane Doe"}}},
      {"visible byline completes a JSON-LD list holding only the first author",
       "https://k.example/x",
       page(
           ld(R"({"@type":"NewsArticle","headline":"Harbour plan","author":{"@type":"Person","name":"Jane Doe"}})"),
           "<h1>Harbour plan</h1><div class=\"byline\">By Jane Doe and John Roe</div>"),
       {.authors = Names{"Jane Doe", "John Roe"}}},
      {"outlet dropped when people are named",
       "https://k.example/x",
       page(
           ld(R"({"@type":"NewsArticle","headline":"H","author":[{"name":"Jane Doe"},{"name":"The Associated Press"}]})"),
           ""),
       {.authors = Names{"Jane Doe"}}},
      {"outlet kept when it is the only author",
       "https://k.example/x",
       page(
           ld(R"({"@type":"NewsArticle","headline":"H","author":{"name":"The Associated Press"}})"),
           ""),
       {.authors = Names{"The Associated Press"}}},
      {"html lang wins over og:locale",
       "https://k.example/x",
       page(R"(<meta property="og:locale" content="fr_FR"><title>T</title>)", "", "pt-br"),
       {.language = "pt-BR"}},
      {"teaser authors in related lists are ignored",
       "https://k.example/x",
       page(
           "<title>Main story headline</title>",
           R"(<h1>Main story headline</h1><div class="byline">By Jane Doe</div>)" + kParagraph +
               R"(<aside><ul><li><a href="/o">Other story about things</a><span class="author">By Zed Zee</span></li></ul></aside>)"),
       {.authors = Names{"Jane Doe"}}},
  };
  for (const auto& c : cases) check_page(c);
}

TEST_CASE("Dates: the article's own, not an embedded story's or a cited one") {
  const PageCase cases[] = {
      {"a featured story embedded under the headline has its own date",
       "https://k.example/x",
       page("<title>Harbour plan</title>",
            R"(<article><div class="meta">December 21, 2026</div><h1>Harbour plan</h1>
               <article class="pick"><h3>Featured</h3><div>Stated on November 23, 2026</div></article>)" +
                kParagraph + kParagraph + "</article>"),
       {.published = "2026-12-21"}},
      {"an <article> wrapping the whole story is the story itself",
       "https://k.example/x",
       page("<title>Harbour plan</title>",
            R"(<h1>Harbour plan</h1><article><article class="wrapper">
               <div class="info">Dec 18, 2026</div>)" +
                kParagraph + "</article></article>"),
       {.published = "2026-12-18"}},
      {"a <time> marked as published in an embedded story is the story's",
       "https://k.example/x",
       page("", R"(<article><time datetime="2026-12-21">Today</time>)" + kParagraph + kParagraph +
                    R"(<article class="related"><a href="/o">Other story</a>
                       <time class="published" datetime="2026-11-23">Nov 23</time></article>)" +
                    kParagraph + "</article>"),
       {.published = "2026-12-21"}},
      {"dates the body cites, past its first paragraphs, are not the dateline",
       "https://k.example/x",
       page("<title>Harbour plan</title>",
            R"(<div class="date">December 21, 2026</div><h1>Harbour plan</h1>)" + kParagraph +
                kParagraph + R"(<p><a href="/minutes">Council minutes</a>, 13 December 2026</p>)"),
       {.published = "2026-12-21"}},
      {"the dateline may follow a long standfirst",
       "https://k.example/x",
       page("<title>Harbour plan</title>", "<h1>Harbour plan</h1>" + kParagraph +
                                               R"(<div class="date">December 21, 2026</div>)" +
                                               kParagraph),
       {.published = "2026-12-21"}},
  };
  for (const auto& c : cases) check_page(c);
}

TEST_CASE("Pages without declared metadata: headline and date from what is shown") {
  const std::string header =
      R"(<div id="header"><a href="/"><img src="/logo.png" alt="Valley Notes"></a></div>)";
  const std::string byline = R"(<div class="meta">By Helen Marsh &middot; March 3, 2025 &middot;
                                <a href="/c/town/">Town</a></div>)";
  const PageCase cases[] = {
      {"a <title> naming only the site gives way to the <h2> with a byline under it",
       "https://v.example/p",
       page("<title>Valley Notes</title>",
            header + "<h2><a href=\"/p\">Repair café marks its first year</a></h2>" + byline +
                kParagraph),
       {.title = "Repair café marks its first year",
        .authors = Names{"Helen Marsh"},
        .published = "2025-03-03",
        .site_name = "Valley Notes"}},
      {"an <h2> with a date under it, on a page without any title",
       "https://v.example/p",
       page("", header + "<h2>Flood wardens meet after the storms</h2><p>4 March 2025</p>" +
                    kParagraph),
       {.title = "Flood wardens meet after the storms", .published = "2025-03-04"}},
      {"an unmarked <h2> is not the headline when a declared title names the article",
       "https://v.example/p",
       page("<title>Bakery reopens on the square</title>",
            header + "<h2>Other news this week</h2>" + byline + kParagraph),
       {.title = "Bakery reopens on the square"}},
      {"the byline's date when no headline anchors the dateline",
       "https://v.example/p",
       page("<title>Valley Notes - News from the valley</title>",
            header + "<div class=\"post\">" + byline + kParagraph + "</div>"),
       {.authors = Names{"Helen Marsh"}, .published = "2025-03-03"}},
      {"a link home labelled as navigation does not name the site",
       "https://v.example/p",
       page("<title>Bakery reopens on the square</title>",
            "<div><a href=\"/\">Go to Home Page &raquo;</a></div>" + kParagraph),
       {.site_name = ""}},
      {"a blog's name, its <h1> linked to the blog's root, is the site and not the headline",
       "https://notes.example/2025/03/bakery.html",
       page("<title>Valley Notes: Bakery reopens on the square</title>",
            "<h1><a href=\"https://notes.example/\">Valley Notes</a></h1>"
            "<p><a href=\"https://other.example/\">Our sister paper</a></p>"
            "<h3>Bakery reopens on the square</h3>" +
                kParagraph),
       {.title = "Bakery reopens on the square", .site_name = "Valley Notes"}},
      {"a link to another site's root does not name this one",
       "https://notes.example/2025/03/bakery.html",
       page("<title>Bakery reopens on the square</title>",
            "<h2><a href=\"https://other.example/\">Other Paper</a></h2>" + kParagraph),
       {.site_name = ""}},
  };
  for (const auto& c : cases) check_page(c);
}

TEST_CASE("Section from a visible breadcrumb trail when nothing declares it") {
  const std::string headline = "<h1>Harbour plan approved after long debate</h1>" + kParagraph;
  const PageCase cases[] = {
      {"nav trail ending in the unlinked page",
       "https://b.example/x",
       page("<title>Harbour plan</title>",
            R"(<nav aria-label="Breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/world">World</a>
               &rsaquo; <a href="/world/europe">Europe</a> &rsaquo;
               <span>Harbour plan approved after long debate</span></nav>)" +
                headline),
       {.section = "Europe"}},
      {"list trail whose last item links to the article itself",
       "https://b.example/x",
       page("<title>Harbour plan</title>",
            R"(<ol class="breadcrumbs"><li><a href="/">Home</a> /</li><li><a href="/local">Local
               news</a> /</li><li><a href="/x">Harbour plan approved after long debate</a></li></ol>)" +
                headline),
       {.section = "Local news"}},
      {"microdata BreadcrumbList",
       "https://b.example/x",
       page("<title>Harbour plan</title>",
            R"(<div itemscope itemtype="https://schema.org/BreadcrumbList">
               <span itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
                 <a itemprop="item" href="/"><span itemprop="name">Startseite</span></a></span> »
               <span itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">
                 <a itemprop="item" href="/wirtschaft"><span itemprop="name">Wirtschaft</span></a></span>
               </div>)" +
                headline),
       {.section = "Wirtschaft"}},
      {"a trail drawn twice (for small screens) is read once",
       "https://b.example/x",
       page("<title>Harbour plan</title>",
            R"(<nav class="breadcrumbs"><div><a href="/">Home</a> <a href="/news">News</a>
               <a href="/news/all">All news</a> <span>Harbour plan</span></div>
               <div><a href="/news/all">Back to all news</a></div></nav>)" +
                headline),
       {.section = "All news"}},
      {"a trail of only Home and the article gives no section",
       "https://b.example/x",
       page("<title>Harbour plan</title>",
            R"(<ul class="breadcrumb"><li><a href="/">Home</a></li>
               <li>Harbour plan approved after long debate</li></ul>)" +
                headline),
       {.section = ""}},
      {"declared articleSection wins over the trail",
       "https://b.example/x",
       page(ld(R"({"@type":"NewsArticle","headline":"Harbour plan","articleSection":"Politics"})"),
            R"(<nav class="breadcrumb"><a href="/">Home</a> <a href="/local">Local</a></nav>)" +
                headline),
       {.section = "Politics"}},
  };
  for (const auto& c : cases) check_page(c);
}

TEST_CASE("Relative dates: counted from the fetch time, below every absolute date") {
  const char* fetched = "Fri, 27 Nov 2026 10:30:00 GMT";
  const std::string headline = "<h1>Harbour plan approved</h1>";
  const std::string ago = R"(<div class="meta">By Jane Doe &middot; 2 hours ago</div>)";
  const PageCase cases[] = {
      {"'2 hours ago' under the headline",
       "https://r.example/harbour",
       page("<title>Harbour plan approved</title>", headline + ago + kParagraph),
       {.published = "2026-11-27T08:30:00Z"},
       fetched},
      {"'vor 3 Tagen' in the byline line of a page without headline",
       "https://r.example/hafen",
       page("<title>Hafen</title>",
            R"(<div class="byline">Von Anna Berg, vor 3 Tagen</div>)" + kParagraph, "de"),
       {.authors = Names{"Anna Berg"}, .published = "2026-11-24"},
       fetched},
      {"no fetch time, no relative date",
       "https://r.example/harbour",
       page("<title>Harbour plan approved</title>", headline + ago + kParagraph),
       {.published = ""}},
      {"a date in the url wins over a relative one",
       "https://r.example/2026/11/20/harbour",
       page("<title>Harbour plan approved</title>", headline + ago + kParagraph),
       {.published = "2026-11-20"},
       fetched},
      {"an absolute date shown anywhere near the headline wins",
       "https://r.example/harbour",
       page("<title>Harbour plan approved</title>",
            headline + ago + "<div>Filed November 25, 2026</div>" + kParagraph),
       {.published = "2026-11-25"},
       fetched},
      {"a <time datetime> wins over its relative label",
       "https://r.example/harbour",
       page("<title>Harbour plan approved</title>",
            headline + R"(<time datetime="2026-11-26T09:00:00Z">yesterday</time>)" + kParagraph),
       {.published = "2026-11-26T09:00:00Z"},
       fetched},
  };
  for (const auto& c : cases) check_page(c);
}

TEST_CASE("Language is detected from the text when nothing declares it") {
  const std::string german =
      "<p>Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. Nach "
      "einer langen Debatte stimmten die meisten Mitglieder den Vorschlägen der Verwaltung zu, "
      "obwohl einige Fraktionen Bedenken wegen der steigenden Kosten geäußert hatten.</p>";
  const Article a =
      run("<html><head><title>Haushalt</title></head><body>" + german + german + "</body></html>",
          "https://x.example/");
  CHECK(a.language == "de");
}

TEST_CASE("Hostile pages: huge, deep, invalid JSON-LD and empty input") {
  SECTION("invalid JSON-LD is skipped, other sources still read") {
    const Article a = run(page(ld(R"({"@type":"NewsArticle","headline":"Broken",)") +
                                   R"(<meta property="og:title" content="From OG">)",
                               ""),
                          "https://h.example/");
    CHECK(a.title == "From OG");
  }
  SECTION("raw control characters inside JSON-LD strings are tolerated") {
    const Article a = run(
        page(ld("{\"@type\":\"NewsArticle\",\"headline\":\"Line\none\",\"author\":\"Ann\tPoe\"}"),
             ""),
        "https://h.example/");
    CHECK(a.title == "Line one");
    CHECK(a.authors == Names{"Ann Poe"});
  }
  SECTION("deeply nested JSON-LD is refused without recursion trouble") {
    std::string deep = R"({"@type":"NewsArticle","headline":"Deep","x":)";
    for (int i = 0; i < 200000; ++i) deep += "[";
    for (int i = 0; i < 200000; ++i) deep += "]";
    deep += "}";
    const Article a =
        run(page(ld(deep) + "<title>Fallback title</title>", ""), "https://h.example/");
    CHECK(a.title == "Fallback title");
  }
  SECTION("huge JSON-LD with thousands of authors and keywords stays bounded") {
    std::string big = R"({"@type":"NewsArticle","headline":"Big","author":[)";
    for (int i = 0; i < 20000; ++i)
      big += (i ? "," : "") + std::string(R"({"name":"Ann Poe)") + "\"}";
    big += R"(],"keywords":")";
    for (int i = 0; i < 20000; ++i) big += "k" + std::to_string(i) + ",";
    big += "\"}";
    const Article a = run(page(ld(big), ""), "https://h.example/");
    CHECK(a.title == "Big");
    CHECK(a.authors == Names{"Ann Poe"});
    CHECK(a.tags.size() <= 200);
  }
  SECTION("many meta tags and bylines stay bounded") {
    std::string head;
    for (int i = 0; i < 10000; ++i)
      head += "<meta name=\"k" + std::to_string(i) +
              "\" content=\"v\"><meta name=keywords content=\"a" + std::to_string(i) + "\">";
    std::string body;
    for (int i = 0; i < 5000; ++i) body += "<div class=\"byline\">By Someone Else</div>";
    const Article a = run(page(head, body), "https://h.example/");
    CHECK(a.tags.size() <= 100);
  }
  SECTION("empty and garbage documents give empty metadata") {
    for (const std::string& html : {std::string(), std::string("\x00\xff\xfe<<<>>>", 9),
                                    std::string("<html><head><title></title></head></html>")}) {
      const Article a = run(html, "");
      CHECK(a.title.empty());
      CHECK(a.authors.empty());
      CHECK(a.published.empty());
    }
  }
  SECTION("fields already set are kept") {
    const auto doc = Document::parse(page("<title>Page title</title>", ""));
    Article article;
    article.title = "Given title";
    extract_metadata(doc, "https://h.example/", article);
    CHECK(article.title == "Given title");
    CHECK(article.url == "https://h.example/");
  }
}
