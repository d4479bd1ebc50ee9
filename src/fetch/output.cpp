// What a fetch produces: records, content hashes, output files.
#include <openssl/evp.h>
#include <zlib.h>

#include <array>
#include <cctype>

#include "fetch/detail.hpp"
#include "fetch/fetch.hpp"
#include "io/atomic_file.hpp"
#include "text/utf8.hpp"

namespace crbc::fetch {

std::string detail::ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool detail::gunzip_bounded(std::string_view compressed, std::size_t max_output,
                            std::string& output) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) return false;  // +32: gzip or zlib header
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(std::min<std::size_t>(compressed.size(), 0x7FFFFFFF));
  std::array<char, 64 * 1024> chunk{};
  int status = Z_OK;
  output.clear();
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = chunk.size();
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) break;
    const std::size_t produced = chunk.size() - stream.avail_out;
    if (output.size() + produced > max_output) {
      status = Z_MEM_ERROR;
      break;
    }
    output.append(chunk.data(), produced);
    if (status == Z_OK && produced == 0 && stream.avail_in == 0) break;  // truncated input
  }
  inflateEnd(&stream);
  return status == Z_STREAM_END;
}

nlohmann::json fetch_metadata(const FetchResult& page) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : page.headers) headers[name] = text::repair_utf8(value);
  nlohmann::json fetch = {{"final_url", page.final_url.empty() ? page.url : page.final_url},
                          {"status", page.status},
                          {"headers", std::move(headers)},
                          {"fetched_at", page.fetched_at},
                          {"charset", page.charset}};
  if (page.not_modified) fetch["not_modified"] = true;
  return fetch;
}

nlohmann::json fetch_record(const FetchResult& page) {
  nlohmann::json record = {{"url", page.url}, {"fetch", fetch_metadata(page)}};
  if (text::is_valid_utf8(page.body) && page.body.find('\0') == std::string::npos) {
    record["html"] = page.body;
  } else {
    record["html_base64"] = base64_encode(page.body);
  }
  return record;
}

std::string content_hash(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string output_file_name(std::string_view url) {
  std::string_view rest = url;
  if (const auto scheme = rest.find("://"); scheme != std::string_view::npos)
    rest.remove_prefix(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::string name;
  for (const char c : rest) {
    if (name.size() >= 120) break;
    const bool safe =
        std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    if (safe) {
      name += c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && (name.back() == '_' || name.back() == '.')) name.pop_back();
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.empty()) name = "page";
  return name + "_" + content_hash(url).substr(0, 10) + ".html";
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  io::AtomicFile file(path);
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.commit();
}

}  // namespace crbc::fetch
