// A robots.txt reader after RFC 9309. Hand-written: it is ~150 lines, and no
// Debian package offers a C or C++ robots.txt parser.
#include <algorithm>
#include <cctype>

#include "fetch/detail.hpp"
#include "fetch/fetch.hpp"
#include "text/ascii.hpp"

namespace crbc::fetch {
namespace {

constexpr std::size_t kMaxRules = 10'000;
constexpr std::size_t kMaxPatternLength = 2048;
constexpr std::size_t kMaxPathLength = 8192;
constexpr std::size_t kMaxSitemaps = 100;

// Percent-encodes bytes outside ASCII and upper-cases existing escapes, so that a
// pattern written in UTF-8 matches the encoded path curl sends.
std::string canonical_escapes(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else if (byte == '%' && i + 2 < text.size() &&
               std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += '%';
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 1])));
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 2])));
      i += 2;
    } else {
      out += static_cast<char>(byte);
    }
  }
  return out;
}

// Does `pattern` (with `*` for any run and a final `$` for the end) match a prefix
// of `path`? Iterative, with one backtrack point per star: O(pattern * path) at worst.
bool pattern_matches(std::string_view pattern, std::string_view path) {
  bool anchored = false;
  if (!pattern.empty() && pattern.back() == '$') {
    anchored = true;
    pattern.remove_suffix(1);
  }
  std::size_t p = 0, s = 0;
  std::size_t star = std::string_view::npos, star_s = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || star_s >= path.size()) return false;
    p = star + 1;
    s = ++star_s;
  }
}

// The product token of a user-agent line or header: "crbc" from "crbc/0.1 (+...)".
std::string leading_token(std::string_view text) {
  std::string token;
  for (const char c : text::trim_ascii(text)) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '*')) break;
    token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return token;
}

struct Group {
  std::vector<std::string> agents;
  std::vector<RobotsRules::Rule> rules;
  std::optional<Milliseconds> crawl_delay;
};

struct RobotsFile {
  std::vector<Group> groups;
  std::vector<std::string> sitemaps;  // Sitemap: lines, which belong to no group
};

RobotsFile read_robots(std::string_view text) {
  RobotsFile file;
  std::vector<Group>& groups = file.groups;
  bool last_was_agent = false;
  std::size_t rule_count = 0;
  while (!text.empty()) {
    const auto end = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    line = line.substr(0, line.find('#'));
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = text::ascii_lower(text::trim_ascii(line.substr(0, colon)));
    const std::string_view value = text::trim_ascii(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!last_was_agent) groups.emplace_back();
      groups.back().agents.push_back(leading_token(value));
      last_was_agent = true;
      continue;
    }
    if (key == "sitemap") {
      if (!value.empty() && value.size() <= kMaxPatternLength &&
          file.sitemaps.size() < kMaxSitemaps) {
        file.sitemaps.emplace_back(value);
      }
      continue;
    }
    if (groups.empty()) continue;  // rules before any user-agent line belong to nobody
    if (key == "allow" || key == "disallow") {
      last_was_agent = false;
      if (value.empty() || value.size() > kMaxPatternLength || ++rule_count > kMaxRules) continue;
      groups.back().rules.push_back({canonical_escapes(value), key == "allow"});
    } else if (key == "crawl-delay") {
      last_was_agent = false;
      try {
        const double seconds = std::stod(std::string(value));
        if (seconds >= 0 && seconds < 86'400) {
          groups.back().crawl_delay = Milliseconds{static_cast<long long>(seconds * 1000)};
        }
      } catch (const std::exception&) {
        // a malformed delay is ignored, like any unknown line
      }
    }
  }
  return file;
}

}  // namespace

std::string robots_token(std::string_view user_agent) {
  const std::string token = leading_token(user_agent);
  return token.empty() ? "crbc" : token;
}

RobotsRules RobotsRules::allow_all() {
  return {};
}

RobotsRules RobotsRules::disallow_all() {
  RobotsRules rules;
  rules.rules_.push_back({"/", false});
  return rules;
}

RobotsRules RobotsRules::parse(std::string_view robots_txt, std::string_view user_agent) {
  const std::string token = robots_token(user_agent);
  const RobotsFile file = read_robots(robots_txt);
  RobotsRules chosen;
  chosen.sitemaps_ = file.sitemaps;
  // Our own groups when there are any, else the "*" groups; rules of several
  // matching groups combine (RFC 9309, 2.2.1).
  for (const std::string_view wanted : {std::string_view(token), std::string_view("*")}) {
    bool found = false;
    for (const Group& group : file.groups) {
      if (std::find(group.agents.begin(), group.agents.end(), wanted) == group.agents.end())
        continue;
      found = true;
      chosen.rules_.insert(chosen.rules_.end(), group.rules.begin(), group.rules.end());
      if (group.crawl_delay) chosen.crawl_delay_ = group.crawl_delay;
    }
    if (found) break;
  }
  return chosen;
}

bool RobotsRules::allowed(std::string_view path_and_query) const {
  if (path_and_query.size() > kMaxPathLength)
    path_and_query = path_and_query.substr(0, kMaxPathLength);
  const std::string path = canonical_escapes(path_and_query);
  if (path == "/robots.txt") return true;
  std::size_t best_length = 0;
  bool best_allow = true;
  bool matched = false;
  for (const Rule& rule : rules_) {
    if (!pattern_matches(rule.pattern, path)) continue;
    const std::size_t length = rule.pattern.size();
    if (!matched || length > best_length || (length == best_length && rule.allow)) {
      best_length = length;
      best_allow = rule.allow;
      matched = true;
    }
  }
  return !matched || best_allow;
}

}  // namespace crbc::fetch
