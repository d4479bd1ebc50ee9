// WARC/1.1 (ISO 28500), the web-archiving format: a writer for `crbc fetch --warc`
// and a reader for `crbc parse` (each 2xx HTML/XML/text response record becomes a
// RawPage SourcedDocument; requests, metadata, redirects and images are skipped).
//
// Both sides handle "gzip per record" (each record its own gzip member, so a
// damaged archive loses one record, not the rest) and plain WARC.
#pragma once

#include <cstdint>
#include <istream>
#include <ostream>
#include <random>
#include <string>
#include <string_view>

#include "formats/types.hpp"

namespace crbc::formats {

void read_warc(std::istream& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink);

// One HTTP exchange to archive.
struct WarcExchange {
  std::string target_uri;
  std::string date;           // ISO 8601 UTC, "2026-11-27T22:15:03Z"
  std::string request_head;   // the request as sent (no request record when empty)
  std::string response_head;  // status line and headers as received
  std::string_view payload;   // the body, content and transfer encodings removed
};

class WarcWriter {
 public:
  // `out` must be binary-safe; with gzip, each record is its own gzip member.
  explicit WarcWriter(std::ostream& out, bool gzip = true);

  // The warcinfo record that starts a file.
  void write_info(std::string_view software);
  // A response record and, when the request head is known, its request record.
  // The response head is rewritten to match the stored payload: Content-Encoding
  // and Transfer-Encoding lines are dropped (curl decoded them) and Content-Length
  // is set to the payload's size.
  void write(const WarcExchange& exchange);

 private:
  std::string record_id();
  void write_record(std::string_view head, std::string_view block);

  std::ostream& out_;
  bool gzip_;
  std::mt19937_64 random_;
};

// "sha1:" and the base-32 SHA-1 of `bytes`, as WARC digests are written.
std::string warc_sha1_digest(std::string_view bytes);

}  // namespace crbc::formats
