#include <algorithm>
#include <cstring>

#include "formats/internal.hpp"
#include "io/gzip.hpp"
#include "model/record_json.hpp"
#include "text/utf8.hpp"

namespace crbc::formats::detail {

namespace {

constexpr std::size_t kChunkBytes = std::size_t{64} << 10;

// The lines of the document being read from a stream, up to a size limit.
class PendingDocument {
 public:
  PendingDocument(const std::string& source, const ReadOptions& options, const DocumentSink& sink,
                  const DocumentStream& stream)
      : source_(source), limit_(options.max_document_bytes), sink_(sink), stream_(stream) {}

  void add(std::string_view line, bool line_too_long) {
    if (too_large_) return;
    if (line_too_long || text_.size() + line.size() + 1 > limit_) {
      too_large_ = true;
      text_.clear();
      text_.shrink_to_fit();
      return;
    }
    text_ += line;
    text_ += '\n';
  }

  // Delivers the document and empties it; false when the sink says stop.
  bool finish() {
    const bool keep_going = too_large_ ? report_too_large() : deliver_text();
    text_.clear();
    too_large_ = false;
    return keep_going;
  }

  void start_at(std::size_t first_line) { first_line_ = first_line; }

  bool too_large() const { return too_large_; }

 private:
  bool report_too_large() const {
    return sink_.on_error(source_,
                          FormatError(std::string(stream_.noun) + " larger than the limit of " +
                                          std::to_string(limit_) + " bytes",
                                      first_line_, 1));
  }

  bool deliver_text() {
    return deliver(source_, {first_line_, 1}, sink_,
                   [&] { return stream_.read(std::move(text_), first_line_); });
  }

  const std::string& source_;
  std::size_t limit_;
  const DocumentSink& sink_;
  const DocumentStream& stream_;
  std::string text_;
  std::size_t first_line_ = 1;
  bool too_large_ = false;
};

// A complete first line that opens a JSON value: JSON or NDJSON, whatever follows.
bool first_line_settles_format(std::string_view head) {
  const auto start = head.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && (head[start] == '{' || head[start] == '[') &&
         head.find('\n', start) != std::string_view::npos;
}

}  // namespace

InputBuffer::InputBuffer(std::istream& in) : in_(in), chunk_(kChunkBytes) {
  // Detection sees the whole first chunk, except of a stream of JSON records that
  // a pipe delivers one at a time: their first line settles the format, and the
  // first record is processed at once instead of when a whole chunk has come.
  std::size_t filled = 0;
  while (filled < chunk_.size()) {
    const std::size_t got = read_some(chunk_.data() + filled, chunk_.size() - filled);
    if (got == 0) break;
    filled += got;
    const std::string_view head(chunk_.data(), filled);
    if (first_line_settles_format(head) && in_.rdbuf()->in_avail() <= 0) break;
  }
  setg(chunk_.data(), chunk_.data(), chunk_.data() + filled);
  head_.assign(chunk_.data(), filled);
}

std::size_t InputBuffer::read_some(char* into, std::size_t size) {
  std::streambuf& source = *in_.rdbuf();
  // Waits for one byte, then takes what came with it without waiting for more.
  if (traits_type::eq_int_type(source.sgetc(), traits_type::eof())) return 0;
  const std::streamsize available = std::max<std::streamsize>(source.in_avail(), 1);
  const std::streamsize wanted = std::min(available, static_cast<std::streamsize>(size));
  return static_cast<std::size_t>(source.sgetn(into, wanted));
}

InputBuffer::int_type InputBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const std::size_t got = read_some(chunk_.data(), chunk_.size());
  if (got == 0) return traits_type::eof();
  setg(chunk_.data(), chunk_.data(), chunk_.data() + got);
  return traits_type::to_int_type(*gptr());
}

InputBuffer::Line InputBuffer::read_line(std::string& line, std::size_t limit, bool keep_cr,
                                         TooLong too_long_line) {
  line.clear();
  bool too_long = false;
  bool any = false;
  while (true) {
    if (gptr() == egptr() && traits_type::eq_int_type(underflow(), traits_type::eof())) {
      if (!any) return Line::end;
      break;
    }
    any = true;
    const char* begin = gptr();
    const char* newline = static_cast<const char*>(
        std::memchr(begin, '\n', static_cast<std::size_t>(egptr() - begin)));
    const char* end = newline != nullptr ? newline : egptr();
    const auto length = static_cast<std::size_t>(end - begin);
    if (!too_long) {
      if (line.size() + length > limit) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
        if (too_long_line == TooLong::stop) break;
      } else {
        line.append(begin, length);
      }
    }
    setg(eback(), const_cast<char*>(end), egptr());
    if (newline != nullptr) {
      gbump(1);
      break;
    }
  }
  ++lines_read_;
  if (too_long) return Line::too_long;
  if (!keep_cr && !line.empty() && line.back() == '\r') line.pop_back();
  return Line::ok;
}

TextPosition position_of(std::string_view text, std::size_t offset, std::size_t first_line,
                         std::size_t first_column) {
  offset = std::min(offset, text.size());
  TextPosition position{first_line, first_column};
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if (!text::is_continuation_byte(text[i])) {
      ++position.column;
    }
  }
  return position;
}

void read_gunzipped(std::streambuf& compressed, const std::function<void(std::istream&)>& read) {
  io::GunzipStreamBuf inflated(compressed);
  std::istream in(&inflated);
  in.exceptions(std::ios::badbit);  // a GzipError from the reads reaches us
  try {
    read(in);
  } catch (const io::GzipError& error) {
    throw FormatError(error.what());
  }
}

void require_utf8(std::string_view text, std::size_t first_line) {
  const std::size_t bad = text::find_invalid_utf8(text);
  if (bad == std::string_view::npos) return;
  const TextPosition at = position_of(text, bad, first_line);
  throw FormatError(
      "invalid UTF-8 (byte 0x" +
          [&] {
            static constexpr char kHex[] = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(text[bad]);
            return std::string{kHex[byte >> 4], kHex[byte & 15]};
          }() +
          "); convert the input to UTF-8 first",
      at.line, at.column);
}

bool deliver(const std::string& source, TextPosition at, const DocumentSink& sink,
             const std::function<std::optional<DocumentContent>()>& read) {
  std::optional<DocumentContent> content;
  try {
    content = read();
  } catch (const FormatError& error) {
    return sink.on_error(source, error);
  } catch (const model::RecordError& error) {
    return sink.on_error(source, FormatError(error.what(), at.line, at.column));
  } catch (const nlohmann::json::exception& error) {
    return sink.on_error(source, FormatError(error.what(), at.line, at.column));
  }
  if (!content) return true;
  return sink.on_document({source, at.line, std::move(*content)});
}

void read_delimited_documents(InputBuffer& in, const std::string& source,
                              const ReadOptions& options, const DocumentSink& sink,
                              const DocumentStream& stream) {
  PendingDocument document(source, options, sink, stream);
  std::string line;
  while (true) {
    const bool last_document = stream.more_may_start && !stream.more_may_start();
    const InputBuffer::Line status =
        in.read_line(line, options.max_document_bytes, stream.exact_bytes,
                     last_document ? InputBuffer::TooLong::stop : InputBuffer::TooLong::skip);
    if (status == InputBuffer::Line::end) break;
    const std::size_t number = in.lines_read();
    if (!stream.exact_bytes && number == 1 && line.starts_with(kByteOrderMark)) {
      line.erase(0, kByteOrderMark.size());
    }
    const LineRole role = status == InputBuffer::Line::ok ? stream.role_of(line) : LineRole::inside;
    if (role != LineRole::inside) {
      if (!document.finish()) return;
      document.start_at(role == LineRole::starts_document ? number : number + 1);
      if (role == LineRole::ends_document) continue;
    }
    document.add(line, status == InputBuffer::Line::too_long);
    if (last_document && document.too_large()) break;
  }
  document.finish();
}

}  // namespace crbc::formats::detail
