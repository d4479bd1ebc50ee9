// The body of a page as typed blocks, without the page furniture around it.
#include <catch2/catch.hpp>
#include <string>

#include "extract/extract.hpp"

using namespace crbc;

namespace {

const std::string kParagraph =
    "The council voted on Tuesday to expand the tram network, a decision that will shape "
    "the city for decades, officials said, adding that construction starts in spring.";

extract::ExtractResult run(const std::string& html,
                           std::string url = "https://news.example.com/city/tram.html") {
  extract::ExtractOptions options;
  options.url = std::move(url);
  return extract::extract_article(html, options);
}

std::string page_with(const std::string& article) {
  return "<html><head><title>Tram plan | Example News</title></head><body>"
         "<header class=site-header><nav><a href=/>Home</a> <a href=/city>City</a></nav></header>"
         "<div class=cookie-banner><p>We use cookies to improve your experience, accept them all "
         "now please.</p></div>"
         "<main><article><h1>Tram plan approved</h1>" +
         article +
         "</article>"
         "<div class=share-bar><a href='https://facebook.com/share'>Share on Facebook</a></div>"
         "<section class=comments><h3>Comments</h3><p>First comment, which is long enough to look "
         "like a paragraph, sadly.</p></section>"
         "</main><footer><p>Copyright Example News, all rights reserved, reproduction "
         "prohibited.</p></footer></body></html>";
}

// A page whose body its scripts render: the body is empty, `scripts` in the head.
std::string script_rendered_page(const std::string& scripts) {
  return "<html><head>" + scripts + "</head><body><div id=app></div></body></html>";
}

// A JSON-LD NewsArticle whose articleBody is `body`, already escaped for JSON.
std::string declaring_body(const std::string& body) {
  return "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + body +
         "\"}</script>";
}

// kParagraph `count` times, each followed by `separator`.
std::string paragraphs_followed_by(const std::string& separator, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += kParagraph + separator;
  return out;
}

template <class T>
std::vector<const T*> blocks_of(const model::Article& article) {
  std::vector<const T*> out;
  for (const auto& block : article.body) {
    if (const auto* typed = std::get_if<T>(&block)) out.push_back(typed);
  }
  return out;
}

// The paragraphs extracted from `html`.
std::vector<model::Paragraph> paragraphs_of(const std::string& html) {
  const auto result = run(html);
  std::vector<model::Paragraph> out;
  for (const auto* paragraph : blocks_of<model::Paragraph>(result.article)) {
    out.push_back(*paragraph);
  }
  return out;
}

}  // namespace

TEST_CASE("paragraphs come out, furniture does not", "[body]") {
  const auto result = run(
      page_with("<p>" + kParagraph + "</p><p>" + kParagraph + "</p><p>Second thought, short.</p>"));
  const auto paragraphs = blocks_of<model::Paragraph>(result.article);
  REQUIRE(paragraphs.size() == 3);
  CHECK(paragraphs[0]->content.text == kParagraph);
  CHECK(paragraphs[2]->content.text == "Second thought, short.");
  const std::string text = model::body_text(result.article);
  CHECK(text.find("cookies") == std::string::npos);
  CHECK(text.find("Share") == std::string::npos);
  CHECK(text.find("comment") == std::string::npos);
  CHECK(text.find("Copyright") == std::string::npos);
  CHECK(text.find("Tram plan approved") == std::string::npos);  // the title is not body
  CHECK(result.warnings.empty());
}

TEST_CASE("every block type", "[body]") {
  const auto result =
      run(page_with("<p>" + kParagraph +
                    "</p>"
                    "<h2>What <em>changes</em></h2>"
                    "<blockquote><p>We waited twenty years for this line, and it is finally "
                    "coming.</p><footer>— Ana Ruiz, resident</footer></blockquote>"
                    "<ol><li>First stage, <b>2025</b><ul><li>Depot</li><li>Main "
                    "street</li></ul></li><li>Second stage</li></ol>"
                    "<figure><img src='/img/tram.jpg' alt='A tram'><figcaption>The new tram, in a "
                    "rendering.</figcaption></figure>"
                    "<pre><code class='language-python'>print(\"tram\")\n  indent</code></pre>"
                    "<table><thead><tr><th>Line</th><th>Length</th></tr></thead><tr><td>T1</"
                    "td><td>12 km</td></tr><tr><td>T2</td><td>8 km</td></tr></table>"
                    "<p>" +
                    kParagraph + "</p>"));
  const auto& body = result.article.body;
  REQUIRE(body.size() == 8);
  const auto& heading = std::get<model::Heading>(body[1]);
  CHECK(heading.level == 2);
  CHECK(heading.content.text == "What changes");
  REQUIRE(heading.content.marks.size() == 1);
  CHECK(heading.content.marks[0] == model::Mark{model::Mark::Kind::emphasis, 5, 12, ""});

  const auto& quote = std::get<model::Quote>(body[2]);
  CHECK(quote.content.text == "We waited twenty years for this line, and it is finally coming.");
  CHECK(quote.attribution == "Ana Ruiz, resident");

  const auto& list = std::get<model::List>(body[3]);
  CHECK(list.ordered);
  REQUIRE(list.items.size() == 2);
  CHECK(list.items[0].content.text == "First stage, 2025");
  REQUIRE(list.items[0].children.size() == 1);
  CHECK_FALSE(list.items[0].children[0].ordered);
  CHECK(list.items[0].children[0].items.size() == 2);
  CHECK(list.items[0].children[0].items[1].content.text == "Main street");

  const auto& image = std::get<model::Image>(body[4]);
  CHECK(image.src == "https://news.example.com/img/tram.jpg");
  CHECK(image.alt == "A tram");
  CHECK(image.caption == "The new tram, in a rendering.");

  const auto& pre = std::get<model::Preformatted>(body[5]);
  CHECK(pre.text == "print(\"tram\")\n  indent");
  CHECK(pre.language == "python");

  const auto& table = std::get<model::Table>(body[6]);
  CHECK(table.header);
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0] == std::vector<std::string>{"Line", "Length"});
  CHECK(table.rows[2] == std::vector<std::string>{"T2", "8 km"});
}

TEST_CASE("links resolve against the page url and <base>, marks count code points", "[body]") {
  const std::string article =
      "<p>Überall <a href='../plan.pdf'>the plan</a> and <strong>ça</strong> " + kParagraph +
      "</p>";
  auto result = run(page_with(article));
  const auto paragraphs = blocks_of<model::Paragraph>(result.article);
  REQUIRE(paragraphs.size() == 1);
  const auto& marks = paragraphs[0]->content.marks;
  REQUIRE(marks.size() == 2);
  CHECK(marks[0] ==
        model::Mark{model::Mark::Kind::link, 8, 16, "https://news.example.com/plan.pdf"});
  CHECK(marks[1] == model::Mark{model::Mark::Kind::strong, 21, 23, ""});

  const std::string with_base = page_with(article);
  const std::string based = "<base href='https://static.example.org/a/b/'>" + with_base;
  result = run(based);
  CHECK(blocks_of<model::Paragraph>(result.article).at(0)->content.marks.at(0).href ==
        "https://static.example.org/a/plan.pdf");
}

TEST_CASE("line breaks, and double breaks as paragraph ends", "[body]") {
  const auto paragraphs = paragraphs_of(
      page_with("<div>" + kParagraph + "<br><br>" + kParagraph + "<br>Next line here.</div>"));
  REQUIRE(paragraphs.size() == 2);
  CHECK(paragraphs[0].content.text == kParagraph);
  CHECK(paragraphs[1].content.text == kParagraph + "\nNext line here.");
}

TEST_CASE("lines made of links are not body text", "[body]") {
  const auto result = run(page_with(
      "<p>" + kParagraph +
      "</p><p>READ MORE: <a href='/x'>Another story about the trams of the city</a></p><p>" +
      kParagraph + "</p>"));
  CHECK(model::body_text(result.article).find("READ MORE") == std::string::npos);
  CHECK(blocks_of<model::Paragraph>(result.article).size() == 2);
}

TEST_CASE("the page's related-article list goes to related, not the body", "[body][related]") {
  const auto result = run(page_with(
      "<p>" + kParagraph + "</p><p>" + kParagraph +
      "</p>"
      "<h2>Similar Articles</h2><ul><li><a href='/city/bus-plan.html'>Bus plan delayed again by "
      "the council</a></li>"
      "<li><a href='https://other.example.com/x'>Bike lanes reach the old town at last</a></li>"
      "<li><a href='/city/bus-plan.html#top'>Bus plan delayed again by the council</a></li></ul>"));
  const auto& related = result.article.related;
  REQUIRE(related.size() == 2);
  CHECK(related[0].title == "Bus plan delayed again by the council");
  CHECK(related[0].url == "https://news.example.com/city/bus-plan.html");
  CHECK(related[0].source == "page");
  CHECK(related[1].url == "https://other.example.com/x");
  const std::string text = model::body_text(result.article);
  CHECK(text.find("Similar") == std::string::npos);
  CHECK(text.find("Bike lanes") == std::string::npos);
}

TEST_CASE("related lists are recognised in other languages", "[related]") {
  for (const std::string label :
       {"Читайте также", "Lesen Sie auch:", "À lire aussi", "Leia também", "相关文章"}) {
    const auto result = run(
        page_with("<p>" + kParagraph + "</p><p>" + kParagraph + "</p><div class=box><h3>" + label +
                  "</h3><a href='/a.html'>Une autre histoire du tramway en ville</a></div>"));
    INFO(label);
    REQUIRE(result.article.related.size() == 1);
    CHECK(result.article.related[0].url == "https://news.example.com/a.html");
  }
}

TEST_CASE("a page with no article says so", "[body]") {
  const auto result = run("<html><body><nav><a href=/>Home</a></nav></body></html>");
  CHECK(result.article.body.empty());
  REQUIRE_FALSE(result.warnings.empty());
  CHECK(result.warnings.back() == "no article body found");
}

TEST_CASE("hidden elements are not body text", "[body]") {
  const auto result =
      run(page_with("<p>" + kParagraph +
                    "</p><p hidden>Secret hidden paragraph text here.</p>"
                    "<div style='display: none'>Invisible block of text, quite long too.</div><p>" +
                    kParagraph + "</p>"));
  const std::string text = model::body_text(result.article);
  CHECK(text.find("Secret") == std::string::npos);
  CHECK(text.find("Invisible") == std::string::npos);
}

TEST_CASE("interface labels, captions and author boxes are not body text", "[body]") {
  const auto result = run(page_with(
      "<p>" + kParagraph +
      "</p><p>Advertisement</p><div class='photo-caption'>The mayor at the depot, on Monday.</div>"
      "<p>" +
      kParagraph +
      "</p><p>This slideshow requires JavaScript.</p>"
      "<div class='author-bio'><p>Ana Ruiz covers transport for Example News, from the city hall "
      "press room.</p></div>"));
  CHECK(blocks_of<model::Paragraph>(result.article).size() == 2);
  const std::string text = model::body_text(result.article);
  CHECK(text.find("Advertisement") == std::string::npos);
  CHECK(text.find("mayor at the depot") == std::string::npos);
  CHECK(text.find("JavaScript") == std::string::npos);
  CHECK(text.find("covers transport") == std::string::npos);
}

TEST_CASE("embedded posts stay, a sidebar wrapping the whole article does not hide it", "[body]") {
  const auto result =
      run("<html><body><div class='sticky-sidebar-wrapper'><article><p>" + kParagraph +
          "</p>"
          "<div class='social-embed'><blockquote class='twitter-tweet'><p>We are thrilled about "
          "the new tram line in town!</p>"
          "— Tram Fans (@tramfans)</blockquote></div><p>" +
          kParagraph +
          "</p></article></div>"
          "<aside class=sidebar><p>Most read: nothing of interest, just a long line of sidebar "
          "text here.</p></aside></body></html>");
  const std::string text = model::body_text(result.article);
  CHECK(text.find("thrilled about the new tram") != std::string::npos);
  CHECK(text.find("Most read") == std::string::npos);
  CHECK(blocks_of<model::Paragraph>(result.article).size() == 2);
}

TEST_CASE("the JSON-LD articleBody stands in for a body rendered by scripts", "[body]") {
  const auto result = run(script_rendered_page(declaring_body(
      paragraphs_followed_by("\\n", 5) + "Caf\\u00e9 \\\"quoted\\\" \\ud83d\\ude8b")));
  const auto paragraphs = blocks_of<model::Paragraph>(result.article);
  REQUIRE(paragraphs.size() == 6);
  CHECK(paragraphs[0]->content.text == kParagraph);
  CHECK(paragraphs[5]->content.text == "Café \"quoted\" 🚋");
  CHECK(result.warnings.at(0) == "body taken from the page's JSON-LD articleBody");
}

TEST_CASE("a hand-made JSON-LD articleBody with raw line breaks keeps its paragraphs", "[body]") {
  // Raw line feeds inside a JSON string are invalid JSON, and common; the longest
  // articleBody wins, wherever it sits in the graph.
  const auto paragraphs = paragraphs_of(script_rendered_page(
      "<script type='application/ld+json'>{\"@graph\": [{\"@type\":\"WebPage\"},"
      "{\"@type\":\"NewsArticle\",\"articleBody\":\"" +
      paragraphs_followed_by("\n", 4) +
      "\"}]}</script><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"articleBody\":\"A teaser.\"}</script>"));
  REQUIRE(paragraphs.size() == 4);
  CHECK(paragraphs[3].content.text == kParagraph);
}

TEST_CASE("a JSON-LD articleBody written as markup gives its blocks, not its tags", "[body]") {
  // Some sites declare the body as the HTML of the article, escaped for JSON.
  const auto markup = run(script_rendered_page(
      declaring_body("<p>" + paragraphs_followed_by("<\\/p><p>", 3) +
                     "Fish &amp; chips, it&#8217;s said.<\\/p><h2>What comes next<\\/h2><ul><li>" +
                     kParagraph + "<\\/li><\\/ul>")));
  const auto paragraphs = blocks_of<model::Paragraph>(markup.article);
  REQUIRE(paragraphs.size() == 4);
  CHECK(paragraphs[0]->content.text == kParagraph);
  CHECK(paragraphs[3]->content.text == "Fish & chips, it\u2019s said.");
  const auto headings = blocks_of<model::Heading>(markup.article);
  REQUIRE(headings.size() == 1);
  CHECK(headings[0]->content.text == "What comes next");
  CHECK(blocks_of<model::List>(markup.article).size() == 1);
  CHECK(model::body_text(markup.article).find('<') == std::string::npos);

  // Plain lines keep their breaks and have their character references decoded; a "<"
  // that opens no tag is text.
  const auto plain = paragraphs_of(script_rendered_page(
      declaring_body(paragraphs_followed_by("\\n", 4) + "Fish &amp; chips for < 5 pounds.")));
  REQUIRE(plain.size() == 5);
  CHECK(plain[4].content.text == "Fish & chips for < 5 pounds.");
}

TEST_CASE("a short news item declared in JSON-LD stands in for a page with no text", "[body]") {
  const std::string item =
      "Storms closed the coast road on Monday. Crews expect to reopen it by Wednesday. "
      "Drivers are asked to use the inland route until then.";
  const std::string declared = declaring_body(item);
  const auto rendered_by_script = paragraphs_of(script_rendered_page(declared));
  REQUIRE(rendered_by_script.size() == 1);
  CHECK(rendered_by_script[0].content.text == item);

  // A page showing its own short text keeps it.
  const std::string shown =
      "The coast road reopened on Tuesday, a day early, after crews "
      "cleared the fallen trees overnight.";
  const auto with_text = paragraphs_of("<html><head>" + declared + "</head><body><article><p>" +
                                       shown + "</p></article></body></html>");
  REQUIRE(with_text.size() == 1);
  CHECK(with_text[0].content.text == shown);
}

TEST_CASE("paragraphs classed as gated are read from the page, not from a declared copy",
          "[body]") {
  // Paywalled sites class the gated paragraphs themselves "paywall". Left out by name,
  // they leave the open part, and the JSON-LD copy (which here leaves out the lede, as
  // such copies do, and has no links) would stand in for the article.
  const std::string lede =
      "<p class=has-dropcap>The tram depot will move to the old gasworks, the council "
      "said on Tuesday, <a href=/depot>ending a ten-year search</a> for a new site.</p>";
  std::string open;
  for (int i = 0; i < 3; ++i) open += "<p>" + kParagraph + "</p>";
  std::string gated;
  for (int i = 0; i < 10; ++i) gated += "<p class=paywall>" + kParagraph + "</p>";
  const auto result = run("<html><head>" + declaring_body(paragraphs_followed_by("\\n", 13)) +
                          "</head><body><article><h1>Tram depot to move</h1>" + lede + open +
                          gated + "</article></body></html>");
  const auto paragraphs = blocks_of<model::Paragraph>(result.article);
  REQUIRE(paragraphs.size() == 14);
  CHECK(paragraphs[0]->content.text.starts_with("The tram depot will move"));
  CHECK(paragraphs[0]->content.marks.size() == 1);
  CHECK(paragraphs[13]->content.text == kParagraph);
  CHECK(result.warnings.empty());
}

TEST_CASE("a story container classed \"paywall\" is the gated article, a paywall box is not",
          "[body]") {
  // The class "paywall" on the story's own container marks its text as gated; beside a
  // long photo caption, a short story left out by that name gave the caption instead.
  // A paragraph classed "paywall-prompt" is the sign-up box.
  std::string caption = "Officers at the ceremony, from left:";
  for (int i = 0; i < 30; ++i) caption += " Officer " + std::to_string(i) + ",";
  const std::string html =
      "<html><body><main><article class=h-entry><h1>Sixteen officers sworn in</h1>"
      "<figure class=article__image><img src=/photo.jpg><figcaption>" +
      caption +
      " and the chief.</figcaption></figure>"
      "<div class='article__story paywall'><div class=entry-content>"
      "<p>Sixteen new officers joined the city's police department on Wednesday.</p>"
      "<p>They were sworn in at a ceremony in the council chambers, with their families "
      "watching from the public gallery.</p></div></div>"
      "<p class=paywall-prompt>Subscribe today to keep reading: one dollar for the first "
      "month of unlimited access to every story we publish.</p>"
      "</article></main></body></html>";
  const auto paragraphs = paragraphs_of(html);
  REQUIRE(paragraphs.size() >= 2);
  std::string text;
  for (const auto& paragraph : paragraphs) text += paragraph.content.text + "\n";
  CHECK(text.find("Sixteen new officers joined") != std::string::npos);
  CHECK(text.find("with their families") != std::string::npos);
  CHECK(text.find("Subscribe today") == std::string::npos);
}

TEST_CASE("WordPress shortcodes left in a JSON-LD articleBody are not text", "[body]") {
  // An embed's shortcode is dropped whole, with its closing tag; what a shortcode wraps
  // stays, and so does an editor's bracket, which has no attribute.
  const auto paragraphs = paragraphs_of(script_rendered_page(declaring_body(
      paragraphs_followed_by("\\n", 4) +
      "[related id=\\\"31\\\" title=\\\"Trams [video] and more\\\" thumb='true']\\n"
      "[video width=\\\"640\\\" mp4=\\\"https://example.org/tram.mp4\\\"][/video]\\n"
      "[caption id=\\\"7\\\" align=\\\"left\\\"]The first tram, in 1901.[/caption]\\n"
      "He said it [the line] would open in May.")));
  REQUIRE(paragraphs.size() == 6);
  CHECK(paragraphs[4].content.text == "The first tram, in 1901.");
  CHECK(paragraphs[5].content.text == "He said it [the line] would open in May.");
}

TEST_CASE("a page without a declared description is described by its opening paragraph", "[body]") {
  const std::string second =
      "<p>Work on the first line begins next spring, and the council expects the trams to run "
      "within four years.</p>";
  const auto opening = run(page_with("<p>" + kParagraph + "</p>" + second)).article;
  CHECK(opening.description == kParagraph);

  // A long opening paragraph gives the sentences that fit; none when the first is too long.
  const std::string sentence = "The vote was close. ";
  std::string long_paragraph;
  for (int i = 0; i < 30; ++i) long_paragraph += sentence;
  const auto cut = run(page_with("<p>" + long_paragraph + "</p>" + second)).article;
  CHECK(cut.description.starts_with("The vote was close. The vote was close."));
  CHECK(cut.description.ends_with("close."));
  CHECK(cut.description.size() <= 320);
  const std::string run_on(400, 'a');
  const auto none = run(page_with("<p>" + kParagraph + " " + run_on + "</p>" + second)).article;
  CHECK(none.description.empty());

  const auto declared =
      run("<html><head><meta name=description content='The declared one.'></head><body>"
          "<article><h1>Tram plan approved</h1><p>" +
          kParagraph + "</p>" + second + "</article></body></html>")
          .article;
  CHECK(declared.description == "The declared one.");
}

TEST_CASE("ruby annotations stay out of the text", "[body][ruby]") {
  const std::string ruby =
      "<p>今日は<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>で新しい路面電車の"
      "計画が発表され、市民の多くが歓迎した。工事は来年の春に始まる予定で、完成まで五年かかる。"
      "</p>";
  const auto result = run(page_with(ruby + "<p>" + kParagraph + "</p>"));
  const std::string text = model::body_text(result.article);
  CHECK(text.find("今日は東京で新しい路面電車") != std::string::npos);
  CHECK(text.find("とうきょう") == std::string::npos);
  CHECK(text.find("(") == std::string::npos);
}

TEST_CASE("prose indented with a bare list element is kept as paragraphs", "[body][bare-text]") {
  // Old pages wrap whole sections in <ul> (or <ol>) with no <li>, for the indent only.
  const auto paragraphs = paragraphs_of(
      page_with("<ul>" + kParagraph + "<br><br>" + kParagraph + "<p>" + kParagraph + "</p></ul>"));
  REQUIRE(paragraphs.size() == 3);
  CHECK(paragraphs[0].content.text == kParagraph);
  CHECK(paragraphs[2].content.text == kParagraph);
}

TEST_CASE("text marked for subscribers is the article, a subscribe box is not",
          "[body][subscriber]") {
  // Paywalled pages wrap each gated paragraph in an element named for subscribers.
  std::string gated;
  for (int i = 0; i < 4; ++i) gated += "<div class=subscriber-only><p>" + kParagraph + "</p></div>";
  const auto paragraphs = paragraphs_of(
      page_with("<div class=article-body>" + gated +
                "<div class=subscribe-box><p>Subscribe now for unlimited access to every story, "
                "cancel any time you like.</p></div></div>"));
  REQUIRE(paragraphs.size() == 4);
  CHECK(paragraphs[3].content.text == kParagraph);
}

TEST_CASE("paragraphs indented with a list element that has no items are prose", "[body]") {
  // Old pages indent their text with <ul> around <p>s; read as a list, it has no items.
  const std::string second =
      "Work on the first line begins next spring, and the council "
      "expects the trams to run within four years, officials added.";
  const auto paragraphs = paragraphs_of(
      "<html><body><table><tr><td><a href=/>Home</a></td><td><h3>Tram plan</h3><ul><p>" +
      kParagraph + "</p><p>" + second +
      "</p><li>Map of the lines</li></ul></td></tr>"
      "</table></body></html>");
  REQUIRE(paragraphs.size() >= 2);
  CHECK(paragraphs[0].content.text == kParagraph);
  CHECK(paragraphs[1].content.text == second);
}

TEST_CASE("trimming the edges of a body never leaves it empty", "[body]") {
  // All the text sits under a "Recommended" heading: it is the page's content, not a rail
  // after the article.
  const auto result =
      run("<html><body><div id=main><h2>Recommended recordings</h2><ul>"
          "<li><p>Symphony No. 3, a recording that the critics of the day called the finest of the "
          "decade, with a long essay on the score and its first performance.</p></li>"
          "<li><p>Piano works, played by the composer in a small hall in the winter of 1989, with "
          "notes on every piece and on the instrument he chose for them.</p></li>"
          "</ul></div></body></html>");
  CHECK_FALSE(result.article.body.empty());
  CHECK(model::body_text(result.article).find("Symphony No. 3") != std::string::npos);
}
