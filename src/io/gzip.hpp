// gzip and deflate streams through zlib.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <streambuf>
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

// The first bytes of every gzip stream.
constexpr std::string_view kGzipMagic = "\x1F\x8B";

class GzipError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The inflated bytes of a gzip stream read from `compressed`, members one after
// another (as `cat a.gz b.gz` and WARC files are). Memory stays bounded whatever the
// inflated size; the reader decides how much it takes. Reads throw GzipError when the
// data is corrupt or ends inside a member (called through an std::istream, that needs
// exceptions(badbit) to reach the caller).
class GunzipStreamBuf : public std::streambuf {
 public:
  explicit GunzipStreamBuf(std::streambuf& compressed);
  ~GunzipStreamBuf() override;
  GunzipStreamBuf(const GunzipStreamBuf&) = delete;
  GunzipStreamBuf& operator=(const GunzipStreamBuf&) = delete;

 protected:
  int_type underflow() override;

 private:
  struct Inflater;
  std::unique_ptr<Inflater> inflater_;
};

}  // namespace crbc::io
