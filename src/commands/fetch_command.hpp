// `crbc fetch`: the CLI parses options into a FetchCommand and calls run_fetch();
// the inputs, feeds, site discovery, state, WARC archive and outputs are put
// together here over the fetch library.
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

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "fetch/fetch.hpp"

namespace crbc::commands {

// What --explore and --crawl write at most without --max-pages.
inline constexpr std::size_t kDefaultSitePages = 100;

struct FetchCommand {
  // Urls to fetch: the positional arguments, then those of the --input files (one
  // a line, "-": standard input); with neither, standard input unless a terminal.
  std::vector<std::string> urls;
  std::vector<std::string> url_files;
  // What the inputs are: pages to fetch, or (--feed) feeds, sitemaps or home pages
  // to expand, or (--explore, --crawl) pages of sites whose articles to find.
  enum class Source { urls, feeds, explore, crawl };
  Source source = Source::urls;
  fetch::FetchOptions options;
  fetch::ExpandOptions expand;
  // --max-pages: most pages written; 0: no bound, kDefaultSitePages for --explore and --crawl.
  std::size_t max_pages = 0;
  int max_depth = 2;       // --max-depth: links --crawl follows from a start page
  std::string state_path;  // --state FILE
  bool new_only = false;   // --new-only: pages never delivered before (the CLI requires --state)
  enum class Output { automatic, records, html };
  Output output = Output::automatic;  // --records / --html
  std::string output_file;            // -o FILE
  std::string output_dir;             // --output-dir DIR
  std::string warc_path;              // --warc FILE, written atomically
  // Whether standard output is a pipe or a socket; unset: looked at.
  std::optional<bool> stdout_is_pipe;
  bool quiet = false;
  bool progress = false;  // --progress: even when standard error is not a terminal
};

// Returns the exit status: 0 when every url was fetched, 1 when any failed (each
// failure is said on `err`) or the output cannot be written, 2 for unusable options.
int run_fetch(const FetchCommand& command, std::ostream& out, std::ostream& err);

}  // namespace crbc::commands
