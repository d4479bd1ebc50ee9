#include "io/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <vector>

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

struct GunzipStreamBuf::Inflater {
  static constexpr std::size_t kChunk = std::size_t{64} << 10;

  explicit Inflater(std::streambuf& source) : compressed(source), input(kChunk), output(kChunk) {
    if (inflateInit2(&stream, kMaxWindowBits + kDetectGzipOrZlib) != Z_OK) {
      throw GzipError("cannot start the gzip decoder");
    }
  }
  ~Inflater() { inflateEnd(&stream); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Inflates into `output`; the number of bytes produced, 0 at the end of the input.
  std::size_t fill() {
    while (true) {
      if (stream.avail_in == 0 && !refill()) return 0;
      stream.next_out = bytes_of(output.data());
      stream.avail_out = static_cast<uInt>(output.size());
      inside_member = true;
      const int status = inflate(&stream, Z_NO_FLUSH);
      if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
        throw GzipError(std::string("corrupt gzip data") +
                        (stream.msg != nullptr ? std::string(": ") + stream.msg : std::string()));
      }
      if (status == Z_STREAM_END) {  // a next member may follow
        inflateReset(&stream);
        inside_member = false;
      }
      const std::size_t produced = output.size() - stream.avail_out;
      if (produced > 0) return produced;
    }
  }

  bool refill() {
    const auto got = compressed.sgetn(input.data(), static_cast<std::streamsize>(input.size()));
    if (got <= 0) {
      if (inside_member) throw GzipError("truncated gzip data: the input ends inside a member");
      return false;
    }
    stream.next_in = bytes_of(input.data());
    stream.avail_in = static_cast<uInt>(got);
    return true;
  }

  std::streambuf& compressed;
  std::vector<char> input;
  std::vector<char> output;
  z_stream stream{};
  bool inside_member = false;
};

GunzipStreamBuf::GunzipStreamBuf(std::streambuf& compressed)
    : inflater_(std::make_unique<Inflater>(compressed)) {}

GunzipStreamBuf::~GunzipStreamBuf() = default;

GunzipStreamBuf::int_type GunzipStreamBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const std::size_t produced = inflater_->fill();
  if (produced == 0) return traits_type::eof();
  char* begin = inflater_->output.data();
  setg(begin, begin, begin + produced);
  return traits_type::to_int_type(*gptr());
}

}  // namespace crbc::io
