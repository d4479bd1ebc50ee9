// `crbc fetch` as a library call: the CLI parses options into a FetchCommand and
// calls run_fetch(); everything else (inputs, feeds, state, outputs) happens here.
//
// What goes to standard output (or -o FILE):
//   - fetch records (NDJSON, one per page: {"url", "fetch": {...}, "html" or
//     "html_base64"}) with --records, when more than one page may come out
//     (several urls, --feed, --explore, --crawl), or when standard output is a pipe, so that
//     `crbc fetch URL | crbc parse` keeps the url and the HTTP charset;
//   - the raw HTML of the one page otherwise (a terminal, `> page.html`, -o),
//     or always with --html.
// With --output-dir, each page is written to its own file instead.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "fetch/fetch.hpp"

namespace crbc::fetch {

// What --explore and --crawl write at most without --max-pages.
inline constexpr std::size_t kDefaultSitePages = 100;

struct FetchCommand {
  std::vector<std::string> urls;       // positional arguments
  std::vector<std::string> url_files;  // --input FILE, one url a line ("-": stdin)
  bool read_stdin = false;             // no urls given and stdin is not a terminal
  // What the inputs are: pages to fetch, or (--feed) feeds, sitemaps or home pages
  // to expand, or (--explore, --crawl) pages of sites whose articles to find.
  enum class Source { urls, feeds, explore, crawl };
  Source source = Source::urls;
  FetchOptions options;
  ExpandOptions expand;
  // --max-pages: most pages written; 0: no bound, kDefaultSitePages for --explore and --crawl.
  std::size_t max_pages = 0;
  int max_depth = 2;       // --max-depth: links --crawl follows from a start page
  std::string state_path;  // --state FILE
  bool new_only = false;   // --new-only (needs --state)
  enum class Output { automatic, records, html };
  Output output = Output::automatic;  // --records / --html
  bool stdout_is_pipe = false;        // set by the CLI: is_pipe(STDOUT_FILENO)
  std::string output_file;            // -o FILE
  std::string output_dir;             // --output-dir DIR
  // Called with every page fetched with a body (not for 304s), before it is
  // reported; the CLI hangs the WARC writer here (--warc).
  std::function<void(const FetchResult&)> archive;
  bool quiet = false;
  bool progress = false;  // --progress: even when standard error is not a terminal
};

// Runs the command; returns the exit status: 0 when every url was fetched, 1
// when any failed (each failure is said on `err`), 2 for unusable options.
int run_fetch(const FetchCommand& command, std::ostream& out, std::ostream& err);

// True when `fd` is a pipe or a socket (not a terminal, not a file).
bool is_pipe(int fd);

}  // namespace crbc::fetch
