#include "extract/byline.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "extract/meta_text.hpp"
#include "text/ascii.hpp"
#include "text/entities.hpp"

namespace crbc::extract {
namespace {

constexpr std::size_t kMaxBylineBytes = 2000;
constexpr std::size_t kMaxNameWords = 6;
constexpr std::size_t kMaxNameBytes = 80;
// More names than this is a list of something else; it also bounds the de-duplication.
constexpr std::size_t kMaxNames = 50;

// Phrases that introduce the names. Longest first so that "written by" wins over "by".
constexpr std::string_view kLeadIns[] = {"written and reported by",
                                         "reported by",
                                         "written by",
                                         "posted by",
                                         "reporting by",
                                         "story by",
                                         "words by",
                                         "text by",
                                         "article by",
                                         "commentary by",
                                         "authors:",
                                         "author:",
                                         "by:",
                                         "by",
                                         "von",
                                         "par",
                                         "por",
                                         "di",
                                         "door",
                                         "автор:",
                                         "авторы:",
                                         "автор",
                                         "text:"};

// Words that make a byline part a role or a note rather than a name.
constexpr std::string_view kNotNameWords[] = {"image",       "reporter",      "reporters",
                                              "editor",      "editors",       "writer",
                                              "writers",     "correspondent", "correspondents",
                                              "contributor", "contributors",  "columnist",
                                              "journalist",  "producer",      "photographer",
                                              "senior",      "chief",         "associate",
                                              "director",    "manager",       "analyst",
                                              "intern",      "freelance",     "contributing",
                                              "updated",     "published",     "posted",
                                              "read",        "min",           "minutes",
                                              "follow",      "email",         "share",
                                              "comments",    "ago",           "updated:",
                                              "published:",  "last",          "photos",
                                              "video",       "images",        "getty",
                                              "credit",      "stated",        "says"};

// Words that make a credited name an organisation (an outlet or an agency).
constexpr std::string_view kOrganisationWords[] = {
    "press",   "news",     "network", "media",    "agency",   "times",    "journal",   "post",
    "gazette", "telegram", "tribune", "daily",    "inquirer", "service",  "herald",    "staff",
    "reuters", "afp",      "wire",    "newsroom", "desk",     "magazine", "editorial", "team"};

// Name suffixes that a comma separates from their name.
constexpr std::string_view kSuffixes[] = {"jr",  "jr.", "sr",   "sr.", "ph.d.",
                                          "phd", "md",  "m.d.", "iii", "ii"};

constexpr std::string_view kSeparators[] = {",",   ";",   "|",   "/",  "·",  "•",
                                            " – ", " — ", " - ", "\n", "\t", " + "};

constexpr std::string_view kConjunctions[] = {"and", "&", "und", "et", "y", "и", "e"};

bool is_punctuation_or_space(unsigned char c) {
  return c <= ' ' || (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
                      !(c >= '0' && c <= '9') && c != '.' && c != '\'' && c != ')');
}

// A trailing dot belongs to the name after an initial ("John Q.") or a suffix ("Jr.").
bool keeps_final_dot(std::string_view name) {
  const auto space = name.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
  return last.size() == 2 || std::ranges::any_of(kSuffixes, [&](auto suffix) {
           return text::equals_ignoring_case(last, suffix);
         });
}

std::string_view trim_name(std::string_view name) {
  while (!name.empty() && is_punctuation_or_space(static_cast<unsigned char>(name.front())))
    name.remove_prefix(1);
  while (!name.empty()) {
    const auto last = static_cast<unsigned char>(name.back());
    if (last == '.' && keeps_final_dot(name)) break;
    if (last != '.' && !is_punctuation_or_space(last)) break;
    name.remove_suffix(1);
  }
  return name;
}

std::string_view strip_lead_in(std::string_view text) {
  for (bool changed = true; changed;) {
    changed = false;
    text = trim_name(text);
    for (auto lead : kLeadIns) {
      // Lower-casing keeps the byte length of the Latin and Cyrillic lead-ins.
      if (text.size() < lead.size() || meta::lowercase(text.substr(0, lead.size())) != lead)
        continue;
      const std::string_view rest = text.substr(lead.size());
      if (!rest.empty() && lead.back() != ':' && rest.front() != ' ' && rest.front() != ':')
        continue;
      text = rest;
      changed = true;
      break;
    }
  }
  return text;
}

// Splits on separators and on conjunctions standing between spaces.
std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t matched = 0;
    for (auto sep : kSeparators) {
      if (text.substr(pos, sep.size()) == sep) {
        matched = sep.size();
        break;
      }
    }
    if (matched == 0 && text[pos] == ' ') {
      for (auto word : kConjunctions) {
        const std::size_t end = pos + 1 + word.size();
        if (end < text.size() && text[end] == ' ' &&
            text::equals_ignoring_case(text.substr(pos + 1, word.size()), word)) {
          matched = word.size() + 2;
          break;
        }
      }
    }
    if (matched == 0) {
      ++pos;
      continue;
    }
    parts.push_back(text.substr(start, pos - start));
    pos += matched;
    start = pos;
  }
  parts.push_back(text.substr(start));
  return parts;
}

bool is_suffix(std::string_view part) {
  return std::ranges::any_of(kSuffixes,
                             [&](auto suffix) { return text::equals_ignoring_case(part, suffix); });
}

// "Jane Doe is a reporter at …", "John Roe for The Times": the name is what comes first.
std::string_view cut_after_name(std::string_view part) {
  static constexpr std::string_view kCuts[] = {" is ", " was ",    " for ",      " at ",   " in ",
                                               " on ", " updated", " published", " posted"};
  for (auto cut : kCuts) {
    const std::string lower = meta::lowercase(part);
    if (lower.size() != part.size()) break;  // offsets would not carry over
    const auto pos = lower.find(cut);
    if (pos != std::string::npos && pos > 0) part = part.substr(0, pos);
  }
  return part;
}

// "and Jane Doe" (a part that followed an element boundary) -> "Jane Doe".
std::string_view strip_conjunction(std::string_view part) {
  for (auto word : kConjunctions) {
    if (text::equals_ignoring_case(part, word)) return {};
    if (part.size() > word.size() && part[word.size()] == ' ' &&
        text::starts_with_ignoring_case(part, word))
      return part.substr(word.size() + 1);
  }
  return part;
}

// Phrases crediting someone other than the author; what follows them is not a byline.
constexpr std::string_view kOtherRoles[] = {
    "edited by",       "reviewed by",          "fact checked by", "fact-checked by",
    "photography by",  "photographs by",       "photos by",       "photo by",
    "illustration by", "illustrations by",     "video by",        "contributions from",
    "produced by",     "translated by",        "graphics by",     "additional reporting",
    "contributed to",  "contributed reporting"};

// Where a phrase crediting another role starts in `part`, or npos.
std::size_t other_role_start(std::string_view part) {
  const std::string lower = meta::lowercase(part);
  std::size_t first = std::string_view::npos;
  for (auto role : kOtherRoles) {
    const auto pos = lower.find(role);
    if (pos == std::string::npos) continue;
    const std::size_t end = pos + role.size();
    if ((pos == 0 || lower[pos - 1] == ' ') && (end == lower.size() || lower[end] == ' '))
      first = std::min(first, pos);
  }
  // Offsets into the lower-cased copy are valid in `part` only when the lengths agree.
  return lower.size() == part.size() ? first : std::string_view::npos;
}

// Lower-case words a name may contain ("Ludwig van Beethoven", "Sajid bin Mohammad").
constexpr std::string_view kNameParticles[] = {"de",  "van", "von", "bin", "al",  "la",  "le",
                                               "da",  "di",  "del", "der", "du",  "y",   "of",
                                               "the", "ibn", "dos", "das", "ter", "ten", "for"};

// Every word starts with a capital (or a letter without case), particles aside.
bool looks_like_name(std::string_view name) {
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view word = name.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (std::ranges::find(kNameParticles, meta::lowercase(word)) != std::end(kNameParticles))
      continue;
    utf8proc_int32_t first = 0;
    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                     static_cast<utf8proc_ssize_t>(word.size()), &first);
    const bool capital = utf8proc_isupper(first);
    const bool caseless = utf8proc_tolower(first) == first && utf8proc_toupper(first) == first;
    if (!capital && !caseless) return false;
  }
  return true;
}

}  // namespace

bool plausible_author_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) return false;
  if (name.find_first_of("@:()[]{}<>=#\"/\\") != std::string_view::npos ||
      text::starts_with_ignoring_case(name, "www."))
    return false;
  if (text::equals_ignoring_case(name, "staff")) return false;
  if (std::any_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  const std::size_t words = meta::word_count(name);
  if (words == 0 || words > kMaxNameWords) return false;
  const std::string lower = meta::lowercase(name);
  std::size_t start = 0;
  while (start < lower.size()) {
    // Hyphens part the words of a title too ("Editor-at-large", "Co-Producer").
    std::size_t end = lower.find_first_of(" -", start);
    if (end == std::string::npos) end = lower.size();
    const std::string_view word = std::string_view(lower).substr(start, end - start);
    if (std::ranges::find(kNotNameWords, word) != std::end(kNotNameWords)) return false;
    start = end + 1;
  }
  return true;
}

void add_unique_name(std::vector<std::string>& names, std::string name) {
  if (name.empty() || names.size() >= kMaxNames) return;
  const std::string folded = meta::fold_alnum(name);
  for (const auto& existing : names)
    if (meta::fold_alnum(existing) == folded) return;
  names.push_back(std::move(name));
}

std::vector<std::string> split_byline(std::string_view byline, bool strict) {
  const std::string text =
      meta::collapse_whitespace(text::decode_html_references(byline.substr(0, kMaxBylineBytes)));
  std::vector<std::string> names;
  if (text.find("://") != std::string::npos || text::starts_with_ignoring_case(text, "www."))
    return names;
  const auto parts = split_parts(strip_lead_in(text));
  std::size_t name_parts = 0;
  for (std::string_view part : parts) name_parts += meta::word_count(part) > 0;
  for (std::string_view part : parts) {
    // Whoever is credited after "Edited by", "Photography by"… did not write it.
    const std::size_t other_role = other_role_start(part);
    const bool last = other_role != std::string_view::npos;
    if (last) part = part.substr(0, other_role);
    if (part.find('@') != std::string_view::npos) continue;  // a handle or an address
    part = trim_name(strip_lead_in(trim_name(part)));
    part = trim_name(strip_conjunction(part));
    if (is_suffix(part) && !names.empty()) {
      names.back() += ", " + std::string(part);
      if (last) break;
      continue;
    }
    part = trim_name(cut_after_name(part));
    if (!plausible_author_name(part)) {
      if (last) break;
      continue;
    }
    if (strict && !(looks_like_name(part) && (meta::word_count(part) >= 2 || name_parts == 1))) {
      if (last) break;
      continue;
    }
    add_unique_name(names, std::string(part));
    if (last) break;
  }
  return names;
}

bool looks_like_organisation(std::string_view name) {
  const std::string lower = meta::lowercase(name);
  for (std::string_view word : kOrganisationWords) {
    const auto pos = lower.find(word);
    if (pos == std::string::npos) continue;
    const bool starts = pos == 0 || lower[pos - 1] == ' ';
    const std::size_t end = pos + word.size();
    const bool ends = end == lower.size() || lower[end] == ' ';
    if (starts && ends) return true;
  }
  // "CNN", "AFP": one word in capitals.
  return meta::word_count(name) == 1 && name.size() >= 2 &&
         std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace crbc::extract
