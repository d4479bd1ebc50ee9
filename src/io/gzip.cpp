#include "io/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace crbc::io {
namespace {

constexpr int kMaxWindowBits = 15;
constexpr int kGzipHeader = 16;        // added to the window bits: write a gzip header
constexpr int kDetectGzipOrZlib = 32;  // added to the window bits: read either header
constexpr int kDefaultMemLevel = 8;

Bytef* bytes_of(const char* data) {
  return reinterpret_cast<Bytef*>(const_cast<char*>(data));
}

}  // namespace

std::string gzip_compress(std::string_view data) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kMaxWindowBits + kGzipHeader,
               kDefaultMemLevel, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = bytes_of(data.data());
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = bytes_of(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::optional<std::string> inflate_bounded(std::string_view compressed, std::size_t max_output,
                                           DeflateHeader header) {
  const int window_bits =
      header == DeflateHeader::none ? -kMaxWindowBits : kMaxWindowBits + kDetectGzipOrZlib;
  z_stream stream{};
  if (inflateInit2(&stream, window_bits) != Z_OK) return std::nullopt;
  stream.next_in = bytes_of(compressed.data());
  stream.avail_in = static_cast<uInt>(std::min<std::size_t>(compressed.size(), 0x7FFFFFFF));
  std::string output;
  std::array<char, 64 * 1024> chunk{};
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = bytes_of(chunk.data());
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
  if (status != Z_STREAM_END) return std::nullopt;
  return output;
}

}  // namespace crbc::io
