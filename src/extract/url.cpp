#include "extract/url.hpp"

#include <algorithm>
#include <vector>

#include "extract/document.hpp"

namespace crbc::extract {
namespace {

constexpr char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}
constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

bool is_special(std::string_view scheme) noexcept {
  return scheme == "http" || scheme == "https" || scheme == "ftp" || scheme == "ws" ||
         scheme == "wss" || scheme == "file";
}

// Strips leading/trailing C0 controls and spaces, drops tabs and newlines inside.
std::string clean(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ' ') {
      out += "%20";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

struct Parts {
  std::string scheme;     // lower-case, no colon
  std::string authority;  // host[:port] and credentials, without "//"
  std::string path;
  std::string query;  // with '?', or empty
  bool has_authority = false;
};

// Splits an absolute URL; false when it has no scheme.
bool split(std::string_view url, Parts& parts) {
  const std::string scheme = scheme_of(url);
  if (scheme.empty()) return false;
  parts.scheme = scheme;
  std::string_view rest = url.substr(scheme.size() + 1);
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) rest = rest.substr(0, hash);
  if (rest.starts_with("//")) {
    parts.has_authority = true;
    rest.remove_prefix(2);
    const std::size_t end = rest.find_first_of("/?");
    parts.authority = std::string(rest.substr(0, end));
    // The host is case-insensitive, the user name and password before it are not.
    const std::size_t at = parts.authority.rfind('@');
    const auto host = parts.authority.begin() + (at == std::string::npos ? 0 : at + 1);
    std::transform(host, parts.authority.end(), host, to_lower);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  }
  const std::size_t question = rest.find('?');
  parts.path = std::string(rest.substr(0, question));
  if (question != std::string_view::npos) parts.query = std::string(rest.substr(question));
  if (parts.has_authority && parts.path.empty() && is_special(parts.scheme)) parts.path = "/";
  return true;
}

// RFC 3986 section 5.2.4, on a path that starts with '/'.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t i = 0;
  bool trailing_slash = false;
  while (i <= path.size()) {
    std::size_t slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view segment = path.substr(i, slash - i);
    const bool last = slash == path.size();
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      trailing_slash = last;
    } else if (segment == ".") {
      trailing_slash = last;
    } else if (!(segment.empty() && i == 0)) {
      segments.push_back(segment);
      trailing_slash = false;
    }
    i = slash + 1;
  }
  std::string out;
  for (const std::string_view segment : segments) {
    out.push_back('/');
    out.append(segment);
  }
  if (trailing_slash || out.empty()) out.push_back('/');
  return out;
}

std::string join(const Parts& base, std::string_view path_and_more) {
  std::string out = base.scheme + ":";
  if (base.has_authority) out += "//" + base.authority;
  out.append(path_and_more);
  return out;
}

}  // namespace

bool has_scheme(std::string_view url) noexcept {
  if (url.empty() || !is_alpha(url.front())) return false;
  for (std::size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') return true;
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string scheme_of(std::string_view url) {
  if (!has_scheme(url)) return {};
  std::string scheme(url.substr(0, url.find(':')));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), to_lower);
  return scheme;
}

std::string resolve_url(std::string_view base_url, std::string_view reference_text) {
  std::string reference = clean(reference_text);
  if (has_scheme(reference)) {
    if (is_special(scheme_of(reference)))
      std::replace(reference.begin(), reference.end(), '\\', '/');
    return reference;
  }
  Parts base;
  if (!split(clean(base_url), base)) return reference;
  if (is_special(base.scheme)) std::replace(reference.begin(), reference.end(), '\\', '/');
  if (reference.empty()) return join(base, base.path + base.query);
  if (reference.starts_with("//")) return base.scheme + ":" + reference;
  if (reference.front() == '#') return join(base, base.path + base.query + reference);
  if (reference.front() == '?') return join(base, base.path + reference);
  // Split the reference's path from its query and fragment before removing dots.
  const std::size_t tail_at = reference.find_first_of("?#");
  const std::string_view ref_path = std::string_view(reference).substr(0, tail_at);
  const std::string_view tail = tail_at == std::string::npos
                                    ? std::string_view{}
                                    : std::string_view(reference).substr(tail_at);
  std::string merged;
  if (ref_path.front() == '/') {
    merged = std::string(ref_path);
  } else if (!base.has_authority && !base.path.starts_with('/')) {
    return reference;  // an opaque base (mailto:, data:) resolves nothing
  } else {
    const std::size_t last_slash = base.path.rfind('/');
    merged =
        (last_slash == std::string::npos ? std::string("/") : base.path.substr(0, last_slash + 1));
    merged.append(ref_path);
  }
  return join(base, remove_dot_segments(merged) + std::string(tail));
}

std::string base_url_of(const Document& doc, std::string_view page_url) {
  const NodeId scope = doc.head() == kNoNode ? doc.document_node() : doc.head();
  for (const NodeId base : doc.elements_by_tag("base", scope)) {
    if (const auto href = doc.attr(base, "href"); href && !href->empty()) {
      std::string resolved = resolve_url(page_url, *href);
      if (has_scheme(resolved)) return resolved;
    }
  }
  return std::string(page_url);
}

}  // namespace crbc::extract
