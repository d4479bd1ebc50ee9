// WARC/1.1: written by fetch, read back by the formats reader.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <vector>

#include "fetch/fetch.hpp"
#include "fetch/test_server.hpp"
#include "formats/warc.hpp"
#include "io/gzip.hpp"

using crbc::formats::RawPage;
using crbc::formats::SourcedDocument;
using crbc::formats::WarcExchange;
using crbc::formats::WarcWriter;

namespace {

struct ReadBack {
  std::vector<RawPage> pages;
  std::vector<std::string> errors;
};

ReadBack read_back(const std::string& bytes, std::size_t limit = std::size_t{1} << 20) {
  ReadBack result;
  std::istringstream in(bytes);
  crbc::formats::ReadOptions options;
  options.max_document_bytes = limit;
  crbc::formats::DocumentSink sink;
  sink.on_document = [&](SourcedDocument&& document) {
    result.pages.push_back(std::get<RawPage>(std::move(document.content)));
    return true;
  };
  sink.on_error = [&](const std::string&, const crbc::formats::FormatError& error) {
    result.errors.push_back(error.what());
    return true;
  };
  crbc::formats::read_warc(in, "test.warc", options, sink);
  return result;
}

const std::string kBody = "<html><body><p>caf\xC3\xA9</p></body></html>";

}  // namespace

TEST_CASE("WARC digests are base-32 SHA-1", "[warc]") {
  CHECK(crbc::formats::warc_sha1_digest("") == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

TEST_CASE("WARC record ids are random version-4 UUIDs", "[warc]") {
  std::ostringstream out;
  WarcWriter writer(out, false);
  writer.write_info("test");
  writer.write_info("test");
  const std::regex id_line(
      "WARC-Record-ID: <urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
      "[0-9a-f]{12}>\r\n");
  const std::string text = out.str();
  std::vector<std::string> ids;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), id_line);
       it != std::sregex_iterator(); ++it)
    ids.push_back(it->str());
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] != ids[1]);
}

TEST_CASE("WARC records written, gzip per record or plain, read back", "[warc]") {
  for (const bool gzip : {true, false}) {
    std::ostringstream out;
    WarcWriter writer(out, gzip);
    writer.write_info("crbc test");
    WarcExchange exchange;
    exchange.target_uri = "https://news.example/a";
    exchange.date = "2026-11-27T22:00:00Z";
    exchange.request_head = "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n";
    exchange.response_head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\nContent-Encoding: "
        "gzip\r\n"
        "Transfer-Encoding: chunked\r\nETag: \"x\"\r\n\r\n";
    exchange.payload = kBody;
    writer.write(exchange);
    exchange.target_uri = "https://news.example/b";
    exchange.request_head.clear();
    writer.write(exchange);
    const std::string bytes = out.str();
    if (gzip) {
      CHECK(bytes.substr(0, 2) == "\x1F\x8B");
    } else {
      CHECK(bytes.starts_with("WARC/1.1\r\nWARC-Type: warcinfo\r\n"));
      CHECK(bytes.find("WARC-Payload-Digest: " + crbc::formats::warc_sha1_digest(kBody)) !=
            std::string::npos);
      CHECK(bytes.find("WARC-Type: request") != std::string::npos);
      CHECK(bytes.find("Content-Encoding") == std::string::npos);
    }
    const ReadBack back = read_back(bytes);
    CHECK(back.errors.empty());
    REQUIRE(back.pages.size() == 2);
    CHECK(back.pages[0].url == "https://news.example/a");
    CHECK(back.pages[1].url == "https://news.example/b");
    CHECK(back.pages[0].bytes == kBody);
    CHECK(back.pages[0].content_type == "text/html; charset=ISO-8859-1");
    CHECK(back.pages[0].fetch->charset == "iso-8859-1");
    CHECK(back.pages[0].fetch->status == 200);
    CHECK(back.pages[0].fetch->fetched_at == "2026-11-27T22:00:00Z");
    CHECK(back.pages[0].fetch->header("etag") == "\"x\"");
  }
}

TEST_CASE("WARC from other tools: chunked and gzip-encoded payloads, redirects skipped", "[warc]") {
  const std::string compressed = crbc::io::gzip_compress(kBody);
  std::string chunked;
  const std::size_t half = compressed.size() / 2;
  auto hex = [](std::size_t n) {
    std::ostringstream text;
    text << std::hex << n;
    return text.str();
  };
  chunked += hex(half) + "\r\n" + compressed.substr(0, half) + "\r\n";
  chunked += hex(compressed.size() - half) + "\r\n" + compressed.substr(half) + "\r\n0\r\n\r\n";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      chunked;
  const std::string redirect = "HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n";
  auto record = [](const std::string& uri, const std::string& block) {
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <" + uri +
           ">\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  };
  const ReadBack back =
      read_back(record("https://x.example/a", redirect) + record("https://x.example/b", http));
  CHECK(back.errors.empty());
  REQUIRE(back.pages.size() == 1);
  CHECK(back.pages[0].url == "https://x.example/b");
  CHECK(back.pages[0].bytes == kBody);
}

TEST_CASE("damaged WARC input is reported, not trusted", "[warc]") {
  std::ostringstream out;
  WarcWriter writer(out, true);
  WarcExchange exchange{"https://x.example/", "2026-11-27T22:00:00Z", "",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", kBody};
  writer.write(exchange);
  writer.write(exchange);
  const std::string whole = out.str();
  CHECK_THROWS_AS(read_back(whole.substr(0, whole.size() - 10)), crbc::formats::FormatError);
  CHECK_THROWS_WITH(read_back("WARC/1.1\r\nWARC-Type: response\r\n\r\n"),
                    Catch::Contains("Content-Length"));
  CHECK_THROWS_WITH(read_back("GET / HTTP/1.1\r\n\r\n"), Catch::Contains("not a WARC record"));
  CHECK_THROWS_WITH(read_back("WARC/1.1\r\nContent-Length: 999\r\n\r\nshort"),
                    Catch::Contains("ends inside"));
  const ReadBack limited = read_back(whole, 10);
  CHECK(limited.pages.empty());
  CHECK(limited.errors.size() == 2);
}

TEST_CASE("a fetched page goes into a WARC and comes back the same", "[warc][fetch]") {
  crbc::fetch::testing::TestServer server([](httplib::Server& s) {
    s.Get("/page", [](const httplib::Request&, httplib::Response& response) {
      response.set_header("Content-Encoding", "gzip");
      response.set_content(crbc::io::gzip_compress(kBody), "text/html; charset=utf-8");
    });
  });
  auto options = crbc::fetch::testing::local_options();
  options.keep_raw_headers = true;
  crbc::fetch::Fetcher fetcher(options);
  const auto page = fetcher.fetch_one({server.url("/page")});
  REQUIRE(page.ok);
  CHECK(page.request_head.starts_with("GET /page HTTP/1.1\r\n"));
  CHECK(page.response_head.starts_with("HTTP/1.1 200"));
  std::ostringstream out;
  WarcWriter writer(out);
  writer.write({page.final_url, page.fetched_at, page.request_head, page.response_head, page.body});
  const ReadBack back = read_back(out.str());
  REQUIRE(back.pages.size() == 1);
  CHECK(back.pages[0].bytes == kBody);
  CHECK(back.pages[0].url == server.url("/page"));
  CHECK(back.pages[0].fetch->charset == "utf-8");
}
