// Relative-to-absolute URL resolution (RFC 3986 section 5, with the WHATWG URL
// standard's leniencies for what pages actually contain). The one resolver: fetch
// uses it too, then normalises with libcurl (fetch::resolve_http_url).
#pragma once

#include <string>
#include <string_view>

namespace crbc::extract {

class Document;

// Resolves `reference` (an href/src as written in a page) against the absolute URL
// `base`. Returns the absolute URL, or `reference` trimmed when it is already absolute
// (any scheme), or empty when it cannot be resolved (no usable base, javascript:, ...
// are returned as is so the caller can decide). Leading/trailing white space and
// tabs/newlines inside are removed, backslashes in http(s) URLs become slashes, dot
// segments are removed.
std::string resolve_url(std::string_view base, std::string_view reference);

// True when `url` starts with a scheme ("http:", "mailto:", ...).
bool has_scheme(std::string_view url) noexcept;

// Lower-cased scheme of `url` without the colon, or empty.
std::string scheme_of(std::string_view url);

// The page's <base href>, resolved against its url: what relative links resolve to.
std::string base_url_of(const Document& doc, std::string_view page_url);

}  // namespace crbc::extract
