// gzip and deflate streams through zlib.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace crbc::io {

// `data` as one gzip member, at zlib's default compression level.
std::string gzip_compress(std::string_view data);

enum class DeflateHeader {
  gzip_or_zlib,  // either header, recognised from the first bytes
  none,          // a raw deflate stream
};

// The inflated bytes of a deflate stream; nullopt when it is corrupt, truncated
// or inflates to more than max_output bytes (a gzip bomb stops there).
std::optional<std::string> inflate_bounded(std::string_view compressed, std::size_t max_output,
                                           DeflateHeader header = DeflateHeader::gzip_or_zlib);

}  // namespace crbc::io
