// Url handling through libcurl's own parser (CURLU), so that what we check is
// exactly what curl will request.
#include "extract/url.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <array>
#include <cstring>
#include <memory>

#include "fetch/curl_library.hpp"
#include "fetch/detail.hpp"
#include "fetch/fetch.hpp"
#include "text/ascii.hpp"

namespace crbc::fetch {
namespace {

using detail::curl;

struct UrlDeleter {
  void operator()(CURLU* url) const { curl().url_cleanup(url); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

struct CurlStringDeleter {
  void operator()(char* text) const { curl().free(text); }
};

std::string get_part(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl().url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) return {};
  std::unique_ptr<char, CurlStringDeleter> owned(raw);
  return std::string(raw);
}

bool is_http_scheme(CURLU* url) {
  const std::string scheme = get_part(url, CURLUPART_SCHEME);
  return scheme == "http" || scheme == "https";
}

constexpr std::size_t kMaxUrlLength = 8192;

// Parses `text` into an http(s) url without fragment.
UrlHandle parse(std::string_view text) {
  if (text.size() > kMaxUrlLength) return nullptr;
  UrlHandle url(curl().url());
  if (!url) return nullptr;
  // Trim the blanks feeds and link attributes often carry around a url.
  text = text::trim_ascii(text);
  if (text.empty() || text.find('\0') != std::string_view::npos) return nullptr;
  if (curl().url_set(url.get(), CURLUPART_URL, std::string(text).c_str(), CURLU_URLENCODE) !=
      CURLUE_OK) {
    return nullptr;
  }
  if (!is_http_scheme(url.get())) return nullptr;
  const std::string host = get_part(url.get(), CURLUPART_HOST);
  if (host.empty()) return nullptr;
  // One spelling per host, for de-duplication.
  curl().url_set(url.get(), CURLUPART_HOST, text::ascii_lower(host).c_str(), 0);
  curl().url_set(url.get(), CURLUPART_FRAGMENT, nullptr, 0);
  return url;
}

}  // namespace

std::string normalize_url(std::string_view url) {
  const UrlHandle parsed = parse(url);
  return parsed ? get_part(parsed.get(), CURLUPART_URL) : std::string{};
}

std::string resolve_http_url(std::string_view base, std::string_view reference) {
  if (text::trim_ascii(reference).empty()) return {};
  return normalize_url(extract::resolve_url(base, reference));
}

std::string origin_of(std::string_view url) {
  const UrlHandle parsed = parse(url);
  if (!parsed) return {};
  const std::string scheme = get_part(parsed.get(), CURLUPART_SCHEME);
  const std::string host = get_part(parsed.get(), CURLUPART_HOST);
  const std::string port = get_part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  return scheme + "://" + host + ":" + port;
}

std::string site_of(std::string_view url) {
  const UrlHandle parsed = parse(url);
  if (!parsed) return {};
  std::string host = get_part(parsed.get(), CURLUPART_HOST);
  if (host.starts_with("www.")) host.erase(0, 4);
  const std::string port = get_part(parsed.get(), CURLUPART_PORT, CURLU_NO_DEFAULT_PORT);
  return port.empty() ? host : host + ":" + port;
}

std::string detail::path_and_query(std::string_view url) {
  const UrlHandle parsed = parse(url);
  if (!parsed) return "/";
  std::string path = get_part(parsed.get(), CURLUPART_PATH);
  if (path.empty()) path.push_back('/');
  const std::string query = get_part(parsed.get(), CURLUPART_QUERY);
  if (!query.empty()) path += "?" + query;
  return path;
}

bool is_private_address(std::string_view numeric_address) {
  const std::string text(numeric_address);
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) {
    const unsigned a = bytes[0], b = bytes[1];
    return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) ||
           (a == 172 && (b & 0xF0) == 16) || (a == 192 && b == 168) ||
           (a == 100 && (b & 0xC0) == 64) || a >= 224;
  }
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return true;  // unknown: refuse
  static constexpr std::array<unsigned char, 12> kMappedV4 = {0, 0, 0, 0, 0,    0,
                                                              0, 0, 0, 0, 0xFF, 0xFF};
  if (std::memcmp(bytes.data(), kMappedV4.data(), kMappedV4.size()) == 0) {
    char v4[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, bytes.data() + 12, v4, sizeof v4);
    return is_private_address(v4);
  }
  bool all_zero_but_last = true;
  for (std::size_t i = 0; i < 15; ++i) all_zero_but_last = all_zero_but_last && bytes[i] == 0;
  if (all_zero_but_last && (bytes[15] == 0 || bytes[15] == 1)) return true;  // :: and ::1
  if ((bytes[0] & 0xFE) == 0xFC) return true;                      // fc00::/7 unique local
  if (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) return true;  // fe80::/10 link-local
  if (bytes[0] == 0xFF) return true;                               // multicast
  return false;
}

}  // namespace crbc::fetch
