// When the first choice of the article's container gives a poor body, a second opinion.
#include <catch2/catch.hpp>
#include <string>

#include "body_text.hpp"
#include "extract/extract.hpp"

using namespace crbc;

namespace {

const std::string kSentence =
    "The harbour authority opened the new ferry terminal on Monday, after three years of "
    "building work and a long argument about its cost, the mayor said at the ceremony. ";

const std::string kUrl = "https://news.example.org/2024/ferry.html";

// The body text of `html`, checked to hold every part of `kept` and none of `left_out`.
std::string check_body(const std::string& html, std::initializer_list<std::string_view> kept,
                       std::initializer_list<std::string_view> left_out = {}) {
  return testing::checked_body_text(html, kUrl, kept, left_out);
}

// `count` paragraphs of the article's one sentence.
std::string paragraphs_of(int count) {
  std::string paragraphs;
  for (int i = 0; i < count; ++i) paragraphs += "<p>" + kSentence + "</p>";
  return paragraphs;
}

// A paragraph of a later part of the article, the `part` ("section", "row") it is in
// named in its text.
std::string later_paragraph(const std::string& part) {
  return "<p>The second " + part +
         " says what the terminal cost, and who paid for it, in the end, after the long "
         "argument in the council.</p>";
}

// How many times `part` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++count;
  return count;
}

}  // namespace

TEST_CASE("an article wrapper named with a furniture word still gives the article",
          "[body][second-opinion]") {
  // Blog engines put taxonomy words on the post's wrapper ("author-NAME"); skipping it as
  // an author box leaves only the reply notes beside it in the page's main column.
  const std::string paragraphs = paragraphs_of(6);
  const std::string html =
      "<html><body><div id=wrap>"
      "<div class='post type-post author-jdoe'><h1>Ferry terminal opens</h1>"
      "<div class=entry-content>" +
      paragraphs +
      "</div></div>"
      "<h3>Leave a reply</h3><p>Your email address will not be published, required fields "
      "are marked, and replies are read by a moderator before they appear below.</p>"
      "<p>Please keep replies on topic, civil and short; links to other sites, advertising "
      "and personal attacks are removed without notice, as are replies in capitals.</p>"
      "</div></body></html>";
  const std::string text = check_body(html, {"opened the new ferry terminal"},
                                      {"will not be published", "keep replies on topic"});
  CHECK(text.size() > 5 * kSentence.size());
}

TEST_CASE("a page without any paragraph-like element gives its visible text",
          "[body][second-opinion]") {
  // Short lines straight under <body>, separated by <br>: nothing scores as a paragraph.
  const std::string html =
      "<html><body><b>Ferry news</b><br>Terminal opens Monday.<br>Boats every hour.<br>"
      "Tickets at the pier.<br></body></html>";
  check_body(html, {"Terminal opens Monday.", "Tickets at the pier."});
}

TEST_CASE("a short side block is not the article when the article's wrapper has a furniture name",
          "[body][second-opinion]") {
  // Sites wrap the whole story in a container for their share buttons ("share-wrapper");
  // leaving it out leaves a promotion box with one paragraph as the best candidate.
  const std::string paragraphs = paragraphs_of(5);
  const std::string html =
      "<html><body><div id=main><div class=share-wrapper><div class=story><h1>Ferry "
      "terminal opens</h1><div>" +
      paragraphs +
      "</div></div></div></div>"
      "<div id=side><div class=box><h3>Free report</h3><p>Download our free report on ports "
      "and shipping, with figures for every harbour in the region, by signing up "
      "today.</p><p>Readers who sign up also get our weekly letter on ferries, "
      "fares and timetables, and may leave at any time.</p>"
      "</div></div></body></html>";
  const std::string text = check_body(html, {"opened the new ferry terminal"}, {"free report"});
  CHECK(text.size() > 4 * kSentence.size());
}

TEST_CASE("a short post is not given up for the comment thread beside it",
          "[body][second-opinion]") {
  // A one-paragraph post in a wrapper with a taxonomy class ("author-NAME") and a long
  // thread of readers' comments: the thread has more text, but it is never the article.
  std::string comments;
  for (int i = 0; i < 8; ++i) {
    comments += "<li class='comment'><div class='comment-author'>Reader " + std::to_string(i) +
                "</div><p>What a lovely picture, the colours are wonderful and I would wear that "
                "coat every day of the winter, thank you for sharing it with us.</p></li>";
  }
  const std::string html =
      "<html><body><div id=container><div id=content>"
      "<div id=post-1 class='hentry post author-admin'><h2 class=entry-title>Red coat</h2>"
      "<div class=entry-content><p>The actress wore a bright red coat to the show on Friday, "
      "and the crowd outside cheered her.</p></div></div>"
      "<div id=comments><div class=comments><h3>8 Comments</h3><ol>" +
      comments + "</ol></div></div></div></div></body></html>";
  check_body(html, {"bright red coat"}, {"lovely picture"});
}

TEST_CASE("an opinion piece named \"commentary\" is an article, not a comment thread",
          "[body][second-opinion]") {
  const std::string paragraphs = paragraphs_of(5);
  const std::string html =
      "<html><body><div id=main><div class='node commentary'><h1>Why the ferry matters</h1>" +
      paragraphs +
      "</div></div><div id=side><div class=teasers><p><a href=/islands>Read our guide to the "
      "islands, with every "
      "walk, beach and "
      "cafe worth the crossing, and the times of the last boats home.</a></p><p><a "
      "href=/letter>Our weekly "
      "letter brings the best of the coast to your inbox every Friday, with offers and "
      "events.</a></p><p><a href=/photos>Photographers of the year: the winners of our harbour "
      "competition, "
      "chosen by readers from more than a thousand pictures.</a></p></div></div></body></html>";
  check_body(html, {"opened the new ferry terminal"}, {"guide to the islands"});
}

TEST_CASE("an article written as list items is not given up for the comments below it",
          "[body][second-opinion]") {
  // A status report: headings and items of running text, each naming a linked ticket,
  // and not one <p>. The only paragraphs on the page are in the comment thread.
  std::string items;
  for (int i = 0; i < 6; ++i) {
    items += "<li>We fixed <a href='/bug/" + std::to_string(i) + "'>ticket " + std::to_string(i) +
             "</a>, which kept the ferry timetable from loading when the harbour feed was "
             "late, so travellers see the boats again.</li>";
  }
  const std::string html =
      "<html><body><main><article class='post hentry'><h1>Ferry app report</h1>"
      "<div class=entry-content><h3>Highlights</h3><ul>" +
      items +
      "</ul></div></article></main>"
      "<section id=comments><ol class=comment-list><li class=comment>"
      "<blockquote class=entry-content><p>Are there plans to show the ferry timetable on "
      "the watch too? I need to see it while cycling to the pier, and the phone is always "
      "in my bag when the boat leaves without me, which happens far too often.</p>"
      "</blockquote></li></ol></section></body></html>";
  check_body(html, {"kept the ferry timetable from loading", "ticket 5"},
             {"while cycling to the pier"});
}

TEST_CASE("a teaser line named like a story does not outrank the article",
          "[body][second-opinion]") {
  // A box of one-line teasers whose wrappers are named "story-…" beside an article in an
  // old table layout: runs of bare text separated by <br><br>, in unnamed wrappers.
  std::string teasers;
  for (int i = 1; i <= 4; ++i) {
    teasers += "<div class=story-subhead id=story_subhead_" + std::to_string(i) +
               "><span>Preview: ferry line " + std::to_string(i) + " tested, at last</span></div>";
  }
  std::string runs;
  for (int i = 0; i < 5; ++i) runs += kSentence + "<br><br>";
  const std::string html = "<html><body><div class=topbox>" + teasers +
                           "</div><div class=wrap><div class=pod><h1>Ferry terminal opens</h1>"
                           "<span class=intro>Three years late.</span><br>" +
                           runs + "</div></div></body></html>";
  const std::string text =
      check_body(html, {"opened the new ferry terminal"}, {"Preview: ferry line"});
  CHECK(text.size() > 4 * kSentence.size());
}

TEST_CASE("a page whose text is set in headings and list markup still gives its text",
          "[body][second-opinion]") {
  // Hand-written pages of the 1990s: <ul> to indent, a small heading as the font, lines
  // broken with <br>, and not one paragraph-like element.
  const std::string html =
      "<html><body><center><ul><ul><h1>Ferry news</h1><hr><h6><font color=purple><b>"
      "<br>Welcome aboard, we are happy to see you all.<br>"
      "<br>The harbour authority opened the new ferry terminal on Monday.<br>"
      "<br>Boats leave every hour, tickets at the pier.</b></font></h6></ul></ul>"
      "</center><a href=/>Home</a> <a href=/links>Links</a></body></html>";
  check_body(html, {"opened the new ferry terminal", "tickets at the pier"});
}

TEST_CASE("a long comma-separated list of names does not outweigh the article",
          "[body][second-opinion]") {
  // Fan-fiction and forum pages list everyone who liked the story, thousands of names
  // separated by commas, in one paragraph below it.
  std::string names;
  for (int i = 0; i < 2000; ++i) {
    if (i > 0) names += ", ";
    names += "<a href='/users/reader" + std::to_string(i) + "'>reader" + std::to_string(i) + "</a>";
  }
  const std::string html =
      "<html><body><div id=main><div class=chapter><h2>Chapter one</h2>"
      "<div class=userstuff>" +
      paragraphs_of(8) + "</div></div><div id=feedback><div id=likes><p class=likes>" + names +
      " liked this work.</p></div></div></div></body></html>";
  check_body(html, {"opened the new ferry terminal"}, {"reader1999"});
}

TEST_CASE("a declared articleBody that holds all the visible text and more becomes the body",
          "[body][second-opinion]") {
  // The markup shows the article from its fourth paragraph; a script renders the opening,
  // which the page declares, whole, in its JSON-LD.
  const std::string opening[] = {
      "The ferry line had been promised for a decade, and most people had stopped believing it.",
      "Then the harbour board found the money, and the builders arrived within the month.",
      "Three years later the terminal is open, and the first boat left on time this morning."};
  std::string declared;
  for (const std::string& line : opening) declared += line + "\\n";
  for (int i = 0; i < 2; ++i) declared += kSentence + "\\n";
  const std::string html =
      "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
      "\"@type\":\"NewsArticle\",\"headline\":\"Ferry terminal opens\",\"articleBody\":\"" +
      declared + "\"}</script></head><body><article><h1>Ferry terminal opens</h1>" +
      paragraphs_of(2) + "</article></body></html>";
  check_body(html,
             {"promised for a decade", "first boat left on time", "opened the new ferry terminal"});
}

TEST_CASE("a post wrapped in <aside> is the article when it holds the page's headline",
          "[body][second-opinion]") {
  // Some blog themes wrap the post in <aside>; the sidebar beside it is an <aside> too,
  // with <h1> widget titles that are not the page's headline.
  const std::string html =
      "<html><head><title>Ferry terminal opens | Harbour Blog</title></head><body>"
      "<section id=content><aside class=blog-post><h1>Ferry terminal opens</h1>"
      "<div class=post-text>" +
      paragraphs_of(4) +
      "</div></aside><aside id=sidebar><h1>Most popular</h1><p>Our readers liked the tide "
      "tables, the harbour webcam and the old photographs of the pier this week.</p>"
      "</aside></section></body></html>";
  const std::string text = check_body(html, {"opened the new ferry terminal"}, {"harbour webcam"});
  CHECK(text.size() > 3 * kSentence.size());
}

TEST_CASE("the gated part of a paywalled article, hidden by style, is part of the body",
          "[body][second-opinion]") {
  // The page sends everyone the whole article and hides the rest from non-subscribers;
  // what it hides from subscribers is the sign-up box, which stays out.
  const std::string gated =
      "<p>The second ferry, ordered last spring, is due in the summer and will double the "
      "number of crossings on weekdays, the operator said.</p>";
  const std::string html =
      "<html><body><article><h1>Ferry terminal opens</h1>" + paragraphs_of(2) +
      "<div class=subscriber-hide style='display:none'><p>Subscribe today to read the rest of "
      "this story, with unlimited access to every article on our site.</p></div>"
      "<div class=subscriber-only style='display: none'>" +
      gated + gated + "</div></article></body></html>";
  check_body(html, {"opened the new ferry terminal", "double the number of crossings"},
             {"Subscribe today"});
}

TEST_CASE("a short agency item wrapped in elements of its own beats a footer cell named text",
          "[body][second-opinion]") {
  // Old CMSs and agency feeds keep their own tags (<story>, <bodytext>) in the page; the
  // footer cell's class ("small-text") names it like content.
  const std::string html =
      "<html><body><table><tr><td><div class=detail><story><bodytext>"
      "<p>Two ferries were held in port on Tuesday after a fault in the new terminal's "
      "gangway.</p><p>A third ferry, on the northern route, sailed as planned.</p>"
      "<p>A harbour spokesman said the fault had been found during checks.</p>"
      "<p>He said such checks were made every morning.</p>"
      "</bodytext></story></div></td></tr><tr><td class=small-text><p>Copyright 2008 "
      "Harbour News Ltd. All rights reserved.</p><p>Page served in 531 ms</p></td></tr>"
      "</table></body></html>";
  check_body(html, {"Two ferries were held in port", "checks were made every morning"},
             {"All rights reserved"});
}

TEST_CASE("the part of the page marked for printing is the article, print buttons are not",
          "[body][second-opinion]") {
  // Old sites mark the printable region ("printReady", "print-area"), and put a print
  // button and share links, named with print words too, beside the story.
  const std::string html =
      "<html><body><div id=shell><div class=member-bar><p>Already a member? Sign in to rate "
      "this story, follow its author and join the conversation on our forums.</p></div>"
      "<div id=printReady><span class=headline>Ferry terminal opens</span>"
      "<div class=print-button><a href=/print>Print this page</a></div>"
      "<div id=text>" +
      kSentence + "<br><br>" + kSentence + "<br><br>" + kSentence +
      "</div></div>"
      "<div class=rating><p>Rate this story: readers gave it four stars, from one hundred and "
      "twelve votes, in the week since it was published on the site.</p></div>"
      "</div></body></html>";
  check_body(html, {"opened the new ferry terminal"},
             {"Print this page", "Already a member", "Rate this story"});
}

TEST_CASE("an article set in runs between double line breaks outweighs a thread of short notes",
          "[body][second-opinion]") {
  // No <p> per paragraph: the story is one element whose paragraphs are set apart with
  // <br><br>, and the readers' notes elsewhere on the page each have an element of their own.
  const std::string run =
      "The harbour authority opened the new ferry terminal on Monday, after three years of "
      "building work and a long argument about its cost in the town council. ";
  std::string story;
  for (int i = 0; i < 5; ++i) story += run + "<br><br>";
  std::string notes;
  for (int i = 0; i < 4; ++i) {
    notes +=
        "<div class=note>Great news for the town, I have waited years for this ferry "
        "line to open at last.</div>";
  }
  const std::string html = "<html><body><table><tr><td><div class=cell>" + story +
                           "</div></td></tr></table><table><tr><td><div class=notes>" + notes +
                           "</div></td></tr></table></body></html>";
  check_body(html, {"opened the new ferry terminal"}, {"I have waited years"});
}

TEST_CASE("an article set in the rows of a layout table keeps every row of it",
          "[body][second-opinion]") {
  // Old sites set each section in a row of its own, every section nested alike (a cell
  // holding a heading and a <font> of text), with a row of links at the foot.
  const auto section = [](const std::string& heading, const std::string& sentence, int count) {
    std::string paragraphs;
    for (int i = 0; i < count; ++i) paragraphs += "<p>" + sentence + "</p>";
    return "<tr><td colspan=2><font size=4><p><b>" + heading + "</b></p></font><font size=3>" +
           paragraphs + "</font></td></tr>";
  };
  const std::string second =
      "The second ferry, ordered last spring, is due in the summer and will double the number "
      "of crossings on weekdays, the operator said in its yearly report.";
  const std::string html =
      "<html><body><center><table>" + section("The new terminal", kSentence, 4) +
      "<tr><td width=90></td><td><font size=2><p>Note: the old pier stays open.</p></font></td>"
      "</tr>" +
      section("The second ferry", second, 3) +
      "<tr><td colspan=2><p><a href=/menu>To the harbour menu</a></p>"
      "<p><a href=/>To the main menu</a></p></td></tr></table></center></body></html>";
  check_body(html, {"opened the new ferry terminal", "double the number of crossings"},
             {"To the harbour menu", "To the main menu"});
}

TEST_CASE("the labels of a comment form never join a short post", "[body][second-opinion]") {
  // A post of one line: the second opinions keep more of the page around it, but a form's
  // field labels are never article text.
  const std::string html =
      "<html><body><div id=content><div class=post><h3><a href=/p/1>A short film</a></h3>"
      "<div class=storycontent><p><iframe src=https://video.example/1></iframe></p>"
      "<p>A short film about the ferry, made by the crew.</p></div></div>"
      "<h2 id=comments>0 Comments</h2><p>No comments yet.</p>"
      "<h2 id=postcomment>Leave a comment</h2><form action=/post method=post id=commentform>"
      "<p><input name=author><label for=author><small>Name (required)</small></label></p>"
      "<p><input name=email><label for=email><small>Mail (will not be published)</small>"
      "</label></p><p><input name=url><label for=url><small>Website</small></label></p>"
      "<p><textarea name=comment></textarea></p></form></div>"
      "<div id=sidebar><ul><li><a href=/>Home</a></li></ul></div></body></html>";
  check_body(html, {"A short film about the ferry"}, {"Name (required)", "Website"});
}

TEST_CASE("class names in German, French, Spanish and Polish say article and comments too",
          "[body][second-opinion]") {
  // A German page: the article's wrapper says "artikel-inhalt", an advertisement inside it
  // "werbung", and the longer reader comments below sit in "kommentare".
  const std::string satz =
      "<p>Die Hafenbehörde hat am Montag das neue Fährterminal eröffnet, nach drei Jahren "
      "Bauzeit und einem langen Streit über die Kosten, sagte der Bürgermeister.</p>";
  std::string comments;
  for (int i = 0; i < 8; ++i) {
    comments +=
        "<div class=eintrag><p>Endlich, nach so vielen Jahren, fährt die Fähre wieder, "
        "und die Preise sind auch noch vernünftig, finde ich, danke an alle.</p></div>";
  }
  const std::string html =
      "<html><body><div class=artikel-inhalt>" + satz + satz +
      "<div class=werbung><p>Jetzt Angebot sichern, nur heute, mit Rabatt, für alle "
      "Leser.</p></div>" +
      satz + "</div><div class=kommentare>" + comments + "</div></body></html>";
  check_body(html, {"das neue Fährterminal eröffnet"},
             {"Endlich, nach so vielen Jahren", "Jetzt Angebot sichern"});
}

TEST_CASE("the opening paragraphs, each in a wrapper of its own, stay before the article's body",
          "[body][second-opinion]") {
  // Some sites wrap the first paragraphs one by one ("first-par", "second-par") above the
  // container of the rest, with a box of related links between them. An author's note in
  // a wrapper after the body stays out.
  const std::string html =
      "<html><body><div id=main-body><div class=first-par><p>Ferry service resumed across "
      "the bay on Monday, the first crossing since the storm closed the harbour in March, "
      "the port said.</p></div><div class=second-par><p>Passengers queued from dawn for "
      "the seven o'clock boat, and some had travelled from the far end of the county to be "
      "on board.</p></div><ul class=links><li><a href=/a>Harbour closed</a></li>"
      "<li><a href=/b>Storm damage</a></li></ul><div class=body>" +
      paragraphs_of(6) +
      "</div><div class=note><p>Jo Smith writes about shipping and the coast for the paper, "
      "and has covered the harbour for twenty years.</p></div></div></body></html>";
  check_body(html,
             {"Ferry service resumed across the bay", "Passengers queued from dawn",
              "opened the new ferry terminal"},
             {"Jo Smith writes about shipping"});
}

TEST_CASE("an article whose every paragraph sits in wrappers of its own outweighs a plain side box",
          "[body][second-opinion]") {
  // Page builders and some large news sites wrap each paragraph in a block of its own
  // (div > div > p). The article's container must score as if the wrappers were not
  // there, not lose to a box of two plain paragraphs beside it.
  std::string wrapped;
  for (int i = 0; i < 6; ++i) wrapped += "<div><div><p>" + kSentence + "</p></div></div>";
  const std::string html =
      "<html><body><div id=page><main><div>" + wrapped +
      "</div></main><div id=side><ul><li><a href=/>Home</a></li></ul><div><div class=box>"
      "<p>Our weekly letter brings you the tide tables, the timetable and the quayside "
      "news.</p><p>Readers can write to the editor about the car park, the market or the "
      "pier.</p></div></div></div></div></body></html>";
  check_body(html, {"opened the new ferry terminal"}, {"Our weekly letter"});
}

TEST_CASE("a consent notice with its accept button is never the article, whatever its names",
          "[body][second-opinion]") {
  // Consent tools hash or translate their class names; what stays is prose about
  // cookies and a button. Here the notice is longer than the short article.
  const std::string notice =
      "<div><div><p>We use cookies and similar technologies to improve your browsing "
      "experience, show personalised content and targeted ads, analyse site traffic, and "
      "understand where our audience is coming from, as our partners do.</p>"
      "<p>By choosing Accept, you consent to our use of cookies and other tracking "
      "technologies, which you can change at any time in the settings, as described in our "
      "policy.</p><button>Accept</button></div></div>";
  const std::string html = "<html><body>" + notice + "<div><h1>Ferry terminal opens</h1><div><p>" +
                           kSentence +
                           "</p><p>Boats leave every hour.</p></div></div></body></html>";
  check_body(html, {"opened the new ferry terminal"}, {"We use cookies", "By choosing Accept"});
}

TEST_CASE("a short post outweighs the one long comment in the thread below it",
          "[body][second-opinion]") {
  // No class names: the thread is known by its entries, each made alike (avatar, name,
  // date, text), and the post by lying outside them.
  const auto comment = [](const std::string& text) {
    return "<div><div><a href='/u/1'><img src='/a.png' alt=''></a></div><div>"
           "<div><a href='/u/1'>reader</a></div><div>2 days ago</div><div>" +
           text + "</div><div>Rating: 3 votes</div></div></div>";
  };
  std::string long_comment;
  for (int i = 0; i < 6; ++i)
    long_comment +=
        "I disagree, the old terminal was fine and the money, all of it, "
        "should have gone to the buses, the schools and the roads.<br><br>";
  const std::string html =
      "<html><body><div><h1>Ferry terminal opens</h1><div>" + kSentence + "<br><br>" + kSentence +
      "</div></div><div><h2>Comments</h2>" +
      comment("Lovely building, well done to all who worked on it.") + comment(long_comment) +
      comment("Will the night boats stop here too, or only by day?") +
      comment("About time, the queues were getting long.") + "</div></body></html>";
  check_body(html, {"opened the new ferry terminal"}, {"I disagree", "Lovely building"});
}

TEST_CASE("an article's sections, made alike with their headings, are not a thread",
          "[body][second-opinion]") {
  const auto section = [](const std::string& heading, const std::string& paragraphs) {
    return "<div><h2>" + heading + "</h2><p>Boats leave every hour from the new pier.</p>" +
           paragraphs + "</div>";
  };
  const std::string side =
      "<div><p>Our newsletter brings you the city's news every morning, with the weather, "
      "the traffic and what is on in the evening, free of charge.</p><p>Sign up today and "
      "get a year of the city's news in your inbox, with offers from our partners.</p></div>";
  const std::string html =
      "<html><body><div>" + section("Opening", paragraphs_of(1)) +
      section("Cost", paragraphs_of(4)) + section("Timetable", paragraphs_of(1)) +
      section("Next year", paragraphs_of(1)) + "</div>" + side + "</body></html>";
  const std::string text =
      check_body(html, {"Cost", "opened the new ferry terminal"}, {"Our newsletter"});
  CHECK(text.size() > 4 * kSentence.size());
}

TEST_CASE("an article set in sibling sections, a caption beside the first, keeps every section",
          "[body][second-opinion]") {
  // No class names. The best candidate is the first section's text; its section also
  // holds a caption, so the other sections are the siblings of its section.
  const auto section = [](const std::string& inside) {
    return "<section><div>" + inside + "</div></section>";
  };
  const std::string later = later_paragraph("section");
  const std::string html =
      "<html><body><div><h1>Ferry terminal opens</h1><div>"
      "<section><div>" +
      paragraphs_of(6) + "</div><div>Photo: the harbour authority</div></section>" +
      section(later + later) +
      "<section><div><a href='/x'>View this post on the photo site</a></div></section>" +
      section(later + later) + section(later + later) +
      "<section><ul><li><a href='/a'>Night trains return to the coast line</a></li>"
      "<li><a href='/b'>Bus lanes for the old town</a></li>"
      "<li><a href='/c'>The bridge that nobody wanted, ten years on</a></li></ul></section>" +
      section(
          "<p>Our morning newsletter brings you the harbour's news, the tides, the "
          "weather and the timetable, every day, free of charge, to your inbox.</p>") +
      "</div></div></body></html>";
  const std::string text =
      check_body(html, {"opened the new ferry terminal", "second section says"},
                 {"morning newsletter", "Night trains"});
  CHECK(occurrences(text, "second section") == 6);
}

TEST_CASE("a layout table's rows, the first with a credit line in its cell, each come once",
          "[body][second-opinion]") {
  // The rows are found both as parts one level up and as rows of the table.
  const auto row = [](const std::string& paragraphs) {
    return "<tr><td><font>" + paragraphs + "</font><i>x</i></td></tr>";
  };
  const std::string later = later_paragraph("row");
  const std::string html = "<html><body><table><tr><td><b>Photo by the harbour desk</b><font>" +
                           paragraphs_of(3) + "</font><i>x</i></td></tr>" + row(later + later) +
                           row(later + later) + "</table></body></html>";
  const std::string text = check_body(html, {"opened the new ferry terminal", "second row says"});
  CHECK(occurrences(text, "second row says") == 4);
}

TEST_CASE("an article in a slideshow or a paywall box is not cut down to its lede by their names",
          "[body][second-opinion]") {
  // The lede stands alone above the box whose name ("gallery", "paywall") marks furniture
  // on most pages; here the box holds the rest of the article, a slide or a gated part
  // at a time. A photo credit in the box is still left out: its shape is furniture.
  const std::string lede = "<p>" + kSentence + "</p>";
  const std::string credit = "<div class=credit><a href=/photos>Photo: Harbour Desk</a></div>";
  for (const std::string box : {"image-gallery slides", "paywall"}) {
    DYNAMIC_SECTION(box) {
      std::string slides;
      for (const std::string part : {"first", "second", "third"}) {
        slides += "<div class='" + box + "-item'><h4></h4>" + credit + "<p>The " + part +
                  " part says what the terminal cost, and who paid for it in the end.</p><p>" +
                  "Harbour traffic doubled in its first month, the port said.</p></div>";
      }
      const std::string html = "<html><body><article><h1>Ferry terminal opens</h1>" + lede +
                               "<div class='" + box + "'>" + slides +
                               "</div></article></body></html>";
      check_body(html,
                 {"opened the new ferry terminal on Monday,", "The first part says",
                  "The third part says", "doubled in its first month"},
                 {"Harbour Desk"});
    }
  }
}

TEST_CASE("an article whose rest is hidden by a style until a click is not cut down to its lede",
          "[body][second-opinion]") {
  // A "read more" button or a paywall meter: the page sends the whole article and hides
  // all but the lede with an inline style, whatever its names.
  std::string rest;
  for (const std::string part : {"first", "second", "third", "fourth", "fifth"}) {
    rest += "<div style='display: none'><p>The " + part +
            " hidden part says what the terminal cost, and who paid for it in the end.</p></div>";
  }
  const std::string html = "<html><body><main><h1>Ferry terminal opens</h1><div><p>" + kSentence +
                           "</p></div>" + rest +
                           "<div><button>Read more</button></div></main></body></html>";
  check_body(html, {"opened the new ferry terminal", "The first hidden part says",
                    "The fifth hidden part says"});
}

TEST_CASE("text hidden by a style stays out of an article that is not short",
          "[body][second-opinion]") {
  const std::string html = "<html><body><main><h1>Ferry terminal opens</h1>" + paragraphs_of(5) +
                           "<div style='display:none'><p>Thank you for subscribing, your "
                           "account is ready and the newsletter comes every morning.</p></div>"
                           "</main></body></html>";
  check_body(html, {"opened the new ferry terminal"}, {"Thank you for subscribing"});
}

TEST_CASE("a short post outweighs the thread below it when the thread scores as one block",
          "[body][second-opinion]") {
  // No class names: each comment is an entry made alike (name, date, text, reply), and
  // the thread as a whole outscores the post that comes before it.
  const auto comment = [](const std::string& text) {
    return "<div><div><a href='/u/1'>reader</a></div><div>2 days ago</div><p>" + text +
           "</p><p>Reply</p></div>";
  };
  std::string thread;
  for (const std::string_view text :
       {"I took the first boat this morning, and the new waiting room is warm, bright and "
        "clean, which is more than the old one ever was.",
        "The cafe in the terminal is far too dear, three euros for a coffee, and the seats by "
        "the windows are always taken by noon.",
        "My daughter works on the night boats, and she says the new pier is safer, with better "
        "lights, wider gangways and a proper shelter.",
        "Parking is still a problem, the new car park fills up by eight, and the bus from the "
        "station only runs twice an hour on weekdays.",
        "We waited years for this, and it was worth it, even if the cost went up twice and the "
        "opening was late by a whole summer.",
        "The old terminal had character, the new one looks like an airport, all glass and "
        "steel, but at least the roof does not leak."}) {
    thread += comment(std::string(text));
  }
  const std::string html = "<html><body><div><h1>Ferry terminal opens</h1><div>" +
                           paragraphs_of(2) + "</div></div><div>" + thread + "</div></body></html>";
  check_body(html, {"opened the new ferry terminal"},
             {"2 days ago", "first boat this morning", "roof does not leak"});
}

TEST_CASE("a page that is a list of entries made alike keeps them when nothing strong is beside",
          "[body][second-opinion]") {
  // A calendar of events: the entries are the content, the one line above is no article.
  std::string events;
  for (const std::string_view place : {"the old pier", "the town hall", "the harbour museum",
                                       "the lighthouse", "the fish market"}) {
    events += "<div><div>Saturday, 10:00</div><div>" + std::string(place) +
              "</div><p>A guided walk about the new ferry terminal, its building, its cost and "
              "the boats that will call there, for all ages, free of charge.</p></div>";
  }
  const std::string html =
      "<html><body><h1>What is on</h1><div><p>Events this week.</p></div><div>" + events +
      "</div></body></html>";
  check_body(html, {"the old pier", "the fish market", "A guided walk"});
}

TEST_CASE("sections whose ids are the slugs of their headings are named by their topic",
          "[body][second-opinion]") {
  // Documentation generators give each section the slug of its heading as id; a topic
  // about sharing or related work puts furniture words in it. A short box headed the
  // same way ("About the author") is still furniture.
  const std::string html =
      "<html><body><div class=header><h2><a href=/>Harbour handbook</a></h2></div>"
      "<div class=topnav><p><a href=/a>Previous</a> :: <a href=/>Contents</a> :: "
      "<a href=/b>Next</a></p></div><div class=content>"
      "<div class=section id=sharing-the-terminal-with-freight>"
      "<h1>Sharing the terminal with freight</h1>" +
      paragraphs_of(6) +
      "<div class=section id=related-work-on-older-piers><h2>Related work on older piers</h2>" +
      later_paragraph("section") + paragraphs_of(6) +
      "</div></div><div id=about-the-author><h3>About the author</h3><p>Jo Pier has "
      "written about harbours, ferries and the people who run them for twenty years, from a "
      "desk by the quay.</p></div></div>"
      "<div class=footer>Copyright 2024, the harbour authority. Made with a site "
      "generator.</div></body></html>";
  const std::string text =
      check_body(html, {"opened the new ferry terminal", "The second section says"},
                 {"Jo Pier has written", "Copyright 2024"});
  CHECK(occurrences(text, "opened the new ferry terminal") == 12);
}

// A list of six items on `topic`, after a line saying what it is when `label` is given.
std::string labelled_list(const std::string& label, const std::string& topic) {
  std::string list = label.empty() ? "<ul>" : "<p>" + label + "</p><ul>";
  for (int i = 1; i <= 6; ++i) {
    list += "<li>Point " + std::to_string(i) + " about " + topic +
            ", with the details a visitor needs, and where to find more.";
  }
  return list + "</ul>";
}

// A page of one column: `opening` in a wrapper of its own, then `lists`.
std::string opening_then(const std::string& opening, const std::string& lists) {
  return "<html><body><div id=nav><a href=/>Home</a> <a href=/about>About</a></div>"
         "<div id=guide><div class=opening><p>" +
         opening + "</p></div>" + lists + "</div></body></html>";
}

TEST_CASE("an article of lists outweighs the longer notice above it", "[body][second-opinion]") {
  // Every line of the article is short and scores low; the notice, one long paragraph,
  // outscores each, but the column holding both is nearly as strong and far longer.
  const std::string notice =
      "The harbour society is pleased to present this guide to ferry users, visitors, walkers "
      "and sailors, and to anyone who cares for the coast. If you find it useful, we ask that "
      "you consider a small gift to help with the costs of keeping it free; write to the "
      "society's office, by the quay, and say which guide you used, so that we can plan the "
      "next ones. If you have questions, write to the same address. Thank you.";
  check_body(
      opening_then(notice, labelled_list("This part covers timetables, in short:", "timetables") +
                               labelled_list("This part covers fares, in short:", "fares")),
      {"Point 1 about timetables", "Point 6 about fares"});

  // A news item of a few sentences keeps its own wrapper: the lists beside it are the
  // site's other pages.
  const std::string item =
      "Storms closed the coast road on Monday, and crews, working through the night, cleared "
      "it by Wednesday, the council said, adding that drivers, cyclists and walkers should "
      "still take care near the cliffs.";
  check_body(opening_then(item, labelled_list("Our other guides, for visitors:", "timetables") +
                                    labelled_list("", "fares")),
             {"Storms closed the coast road"}, {"Point 1 about timetables"});
}
