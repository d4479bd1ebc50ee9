// WARC/1.1 writer and reader. Hand-written: Debian has no C/C++ WARC library;
// the format is simple (a header block and a length-delimited body per record).
#include "formats/warc.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

#include "formats/internal.hpp"
#include "io/digest.hpp"
#include "io/gzip.hpp"
#include "io/media_type.hpp"
#include "text/ascii.hpp"

namespace crbc::formats {
namespace {

constexpr std::size_t kMaxRecordHead = 1 << 20;
constexpr std::size_t kChunk = 64 * 1024;

std::string base32(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  std::uint64_t buffer = 0;
  int bits = 0;
  for (const char byte : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(byte);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += kAlphabet[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  while (out.size() % 8 != 0) out += '=';
  return out;
}

// "Name: value" lines of a header block, names in lower case; the first line
// (a WARC version or an HTTP status line) is returned apart.
struct HeaderBlock {
  std::string first_line;
  std::vector<std::pair<std::string, std::string>> fields;

  std::string get(std::string_view name) const {
    for (const auto& [key, value] : fields) {
      if (key == name) return value;
    }
    return {};
  }
};

// Removes the first line from `text` and returns it without its "\n" or "\r\n".
std::string_view take_line(std::string_view& text) {
  const auto end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

HeaderBlock parse_header_block(std::string_view text) {
  HeaderBlock block;
  bool first = true;
  while (!text.empty()) {
    const std::string_view line = take_line(text);
    if (first) {
      block.first_line = std::string(line);
      first = false;
      continue;
    }
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !block.fields.empty()) {  // folded line
      block.fields.back().second += " " + std::string(text::trim_ascii(line));
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    block.fields.emplace_back(text::ascii_lower(text::trim_ascii(line.substr(0, colon))),
                              std::string(text::trim_ascii(line.substr(colon + 1))));
  }
  return block;
}

std::optional<std::size_t> parse_size(std::string_view text) {
  std::size_t value = 0;
  text = text::trim_ascii(text);
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// The bytes of a WARC file, a chunk at a time.
class WarcBytes {
 public:
  explicit WarcBytes(std::istream& in) : in_(in) {}

  // Appends up to one chunk to `out`; false at the end of input.
  bool read(std::string& out) {
    std::array<char, kChunk> chunk{};
    in_.read(chunk.data(), chunk.size());
    const auto got = static_cast<std::size_t>(in_.gcount());
    out.append(chunk.data(), got);
    return got > 0;
  }

 private:
  std::istream& in_;
};

// A window over WarcBytes with look-ahead, compacted as it is consumed.
class RecordStream {
 public:
  explicit RecordStream(WarcBytes& bytes) : bytes_(bytes) {}

  // Ensures at least `count` bytes are buffered; false when the input ends first.
  bool want(std::size_t count) {
    while (buffer_.size() - position_ < count) {
      if (position_ > kChunk && position_ * 2 > buffer_.size()) {
        buffer_.erase(0, position_);
        position_ = 0;
      }
      if (!bytes_.read(buffer_)) return false;
    }
    return true;
  }
  std::string_view view() const { return std::string_view(buffer_).substr(position_); }
  void consume(std::size_t count) { position_ += std::min(count, buffer_.size() - position_); }

  // Reads up to "\r\n\r\n" (or "\n\n"); nullopt at a clean end of input.
  std::optional<std::string> head() {
    // Blank lines between records are tolerated.
    while (want(1) && (view().front() == '\r' || view().front() == '\n')) consume(1);
    if (!want(1)) return std::nullopt;
    std::size_t searched = 0;
    while (true) {
      const std::string_view data = view();
      const std::size_t from = searched > 3 ? searched - 3 : 0;
      auto end = data.find("\r\n\r\n", from);
      std::size_t skip = 4;
      if (const auto bare = data.find("\n\n", from); bare != std::string_view::npos && bare < end) {
        end = bare;
        skip = 2;
      }
      if (end != std::string_view::npos) {
        std::string head(data.substr(0, end));
        consume(end + skip);
        return head;
      }
      searched = data.size();
      if (searched > kMaxRecordHead) throw FormatError("a WARC record header longer than 1 MiB");
      if (!want(data.size() + 1)) throw FormatError("the WARC file ends inside a record header");
    }
  }

  // Reads `length` bytes into `block`, or skips them when `keep` is false.
  void body(std::size_t length, bool keep, std::string& block) {
    block.clear();
    while (length > 0) {
      if (!want(1)) throw FormatError("the WARC file ends inside a record");
      const std::size_t take = std::min(length, view().size());
      if (keep) block.append(view().substr(0, take));
      consume(take);
      length -= take;
    }
  }

 private:
  WarcBytes& bytes_;
  std::string buffer_;
  std::size_t position_ = 0;
};

std::optional<std::string> dechunk(std::string_view body, std::size_t limit) {
  std::string out;
  while (true) {
    const auto line_end = body.find('\n');
    if (line_end == std::string_view::npos) return std::nullopt;
    std::string_view size_text = text::trim_ascii(body.substr(0, line_end));
    size_text = size_text.substr(0, size_text.find(';'));
    std::size_t size = 0;
    const auto [end, error] =
        std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (error != std::errc{} || size_text.empty()) return std::nullopt;
    body.remove_prefix(line_end + 1);
    if (size == 0) return out;
    if (size > body.size() || out.size() + size > limit) return std::nullopt;
    out.append(body.substr(0, size));
    body.remove_prefix(size);
    if (body.starts_with("\r\n"))
      body.remove_prefix(2);
    else if (body.starts_with("\n"))
      body.remove_prefix(1);
  }
}

// The RawPage of a response record, nullopt for records that are not a page.
std::optional<RawPage> page_of(const HeaderBlock& warc, std::string_view block, std::size_t limit) {
  if (text::ascii_lower(warc.get("warc-type")) != "response") return std::nullopt;
  if (!block.starts_with("HTTP/")) return std::nullopt;
  auto head_end = block.find("\r\n\r\n");
  std::size_t skip = 4;
  if (head_end == std::string_view::npos) {
    head_end = block.find("\n\n");
    skip = 2;
  }
  if (head_end == std::string_view::npos)
    throw FormatError("an HTTP response without the end of its headers");
  const HeaderBlock http = parse_header_block(block.substr(0, head_end + 2));
  std::string_view status_text = http.first_line;
  status_text = status_text.substr(std::min(status_text.find(' '), status_text.size()));
  status_text = text::trim_ascii(status_text).substr(0, 3);
  int status = 0;
  std::from_chars(status_text.data(), status_text.data() + status_text.size(), status);
  if (status < 200 || status >= 300) return std::nullopt;
  const std::string content_type = http.get("content-type");
  if (!io::is_page_media_type(content_type)) return std::nullopt;

  std::string body(block.substr(head_end + skip));
  if (text::ascii_lower(http.get("transfer-encoding")).find("chunked") != std::string::npos) {
    auto decoded = dechunk(body, limit);
    if (!decoded) throw FormatError("malformed chunked transfer encoding in a response record");
    body = std::move(*decoded);
  }
  const std::string encoding = text::ascii_lower(http.get("content-encoding"));
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    auto decoded = io::inflate_bounded(body, limit);
    if (!decoded && encoding == "deflate")
      decoded = io::inflate_bounded(body, limit, io::DeflateHeader::none);
    if (!decoded)
      throw FormatError("corrupt or oversized " + encoding + " body in a response record");
    body = std::move(*decoded);
  } else if (!encoding.empty() && encoding != "identity") {
    throw FormatError("a response record with the unsupported content encoding " + encoding);
  }

  RawPage page;
  page.bytes = std::move(body);
  page.url = warc.get("warc-target-uri");
  if (page.url.size() >= 2 && page.url.front() == '<' && page.url.back() == '>') {
    page.url = page.url.substr(1, page.url.size() - 2);  // WARC/1.0 writers bracket it
  }
  page.content_type = content_type;
  model::FetchInfo& fetch = page.fetch.emplace();
  fetch.final_url = page.url;
  fetch.status = status;
  fetch.headers.emplace();
  for (const auto& [name, value] : http.fields) {
    if (name == "content-type" || name == "content-language" || name == "etag" ||
        name == "last-modified" || name == "date" || name == "link") {
      (*fetch.headers)[name] = value;
    }
  }
  fetch.fetched_at = warc.get("warc-date");
  fetch.charset = io::charset_parameter(content_type);
  return page;
}

}  // namespace

std::string warc_sha1_digest(std::string_view bytes) {
  return "sha1:" + base32(io::digest(io::DigestAlgorithm::sha1, bytes));
}

WarcWriter::WarcWriter(std::ostream& out, bool gzip)
    : out_(out), gzip_(gzip), random_(std::random_device{}()) {}

std::string WarcWriter::record_id() {
  // A random (version 4) UUID.
  std::string bytes(16, '\0');
  for (std::size_t i = 0; i < bytes.size(); i += 8) {
    const std::uint64_t value = random_();
    for (std::size_t j = 0; j < 8; ++j) bytes[i + j] = static_cast<char>(value >> (8 * j));
  }
  bytes[6] = static_cast<char>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<char>((bytes[8] & 0x3F) | 0x80);
  const std::string hex = io::to_hex(bytes);
  return "<urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20) + ">";
}

void WarcWriter::write_record(std::string_view head, std::string_view block) {
  std::string record;
  record.reserve(head.size() + block.size() + 64);
  record.append("WARC/1.1\r\n").append(head);
  record.append("Content-Length: ").append(std::to_string(block.size())).append("\r\n\r\n");
  record.append(block).append("\r\n\r\n");
  if (gzip_) {
    const std::string compressed = io::gzip_compress(record);
    out_.write(compressed.data(), static_cast<std::streamsize>(compressed.size()));
  } else {
    out_.write(record.data(), static_cast<std::streamsize>(record.size()));
  }
}

void WarcWriter::write_info(std::string_view software) {
  const std::string block =
      "software: " + std::string(software) + "\r\nformat: WARC File Format 1.1\r\n";
  std::string head = "WARC-Type: warcinfo\r\nWARC-Record-ID: " + record_id() + "\r\n";
  head += "Content-Type: application/warc-fields\r\n";
  write_record(head, block);
}

void WarcWriter::write(const WarcExchange& exchange) {
  // The stored head must describe the stored payload: curl removed the encodings.
  std::string http_head;
  std::string_view rest = exchange.response_head;
  bool first = true;
  while (!rest.empty()) {
    const std::string_view line = take_line(rest);
    if (line.empty()) continue;
    if (!first) {
      const std::string name = text::ascii_lower(text::trim_ascii(line.substr(0, line.find(':'))));
      if (name == "content-encoding" || name == "transfer-encoding" || name == "content-length")
        continue;
    }
    first = false;
    http_head.append(line).append("\r\n");
  }
  if (http_head.empty()) http_head = "HTTP/1.1 200 OK\r\n";
  http_head += "Content-Length: " + std::to_string(exchange.payload.size()) + "\r\n\r\n";
  std::string block = http_head;
  block.append(exchange.payload);

  const std::string response_id = record_id();
  std::string head = "WARC-Type: response\r\nWARC-Record-ID: " + response_id + "\r\n";
  head += "WARC-Date: " + exchange.date + "\r\n";
  head += "WARC-Target-URI: " + exchange.target_uri + "\r\n";
  head += "Content-Type: application/http;msgtype=response\r\n";
  head += "WARC-Payload-Digest: " + warc_sha1_digest(exchange.payload) + "\r\n";
  head += "WARC-Block-Digest: " + warc_sha1_digest(block) + "\r\n";
  write_record(head, block);

  if (exchange.request_head.empty()) return;
  std::string request_head = "WARC-Type: request\r\nWARC-Record-ID: " + record_id() + "\r\n";
  request_head += "WARC-Date: " + exchange.date + "\r\n";
  request_head += "WARC-Target-URI: " + exchange.target_uri + "\r\n";
  request_head += "WARC-Concurrent-To: " + response_id + "\r\n";
  request_head += "Content-Type: application/http;msgtype=request\r\n";
  request_head += "WARC-Block-Digest: " + warc_sha1_digest(exchange.request_head) + "\r\n";
  write_record(request_head, exchange.request_head);
}

void read_warc(std::istream& in, const std::string& source, const ReadOptions& options,
               const DocumentSink& sink) {
  if (in.peek() == static_cast<unsigned char>(io::kGzipMagic[0])) {
    detail::read_gunzipped(*in.rdbuf(),
                           [&](std::istream& warc) { read_warc(warc, source, options, sink); });
    return;
  }
  WarcBytes bytes(in);
  RecordStream records(bytes);
  std::string block;
  while (true) {
    const std::optional<std::string> head = records.head();
    if (!head) return;
    const HeaderBlock warc = parse_header_block(*head + "\r\n");
    if (!warc.first_line.starts_with("WARC/")) {
      throw FormatError("not a WARC record (it starts with \"" + warc.first_line.substr(0, 40) +
                        "\")");
    }
    const auto length = parse_size(warc.get("content-length"));
    if (!length) throw FormatError("a WARC record without a valid Content-Length");
    const bool too_large = *length > options.max_document_bytes;
    const bool wanted = text::ascii_lower(warc.get("warc-type")) == "response";
    records.body(*length, wanted && !too_large, block);
    if (!wanted) continue;
    try {
      if (too_large) {
        throw FormatError("a response record of " + std::to_string(*length) +
                          " bytes, more than the limit of " +
                          std::to_string(options.max_document_bytes));
      }
      std::optional<RawPage> page = page_of(warc, block, options.max_document_bytes);
      if (!page) continue;
      SourcedDocument document;
      document.source = source;
      document.content = std::move(*page);
      if (!sink.on_document(std::move(document))) return;
    } catch (const FormatError& error) {
      const std::string target = warc.get("warc-target-uri");
      const FormatError located(target.empty() ? error.what() : target + ": " + error.what());
      if (!sink.on_error || !sink.on_error(source, located)) return;
    }
  }
}

}  // namespace crbc::formats
