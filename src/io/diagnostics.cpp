#include "io/diagnostics.hpp"

#include "text/utf8.hpp"

namespace crbc::io {

std::string format_location(const Location& where) {
  std::string out = where.source;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  return out;
}

void Reporter::emit(const Location& where, std::string_view kind, std::string_view message) {
  std::string line = "crbc: ";
  if (!where.source.empty()) line += format_location(where) + ": ";
  line += kind;
  line += message;
  // Names and messages may quote hostile input: no escape sequence reaches the terminal.
  line = text::terminal_safe(line);
  line += '\n';
  const std::scoped_lock lock(mutex_);
  err_ << line << std::flush;
}

void Reporter::error(const Location& where, std::string_view message) {
  ++errors_;
  emit(where, "error: ", message);
}

void Reporter::warning(const Location& where, std::string_view message) {
  if (!quiet_) emit(where, "warning: ", message);
}

void Reporter::raw(std::string_view text) {
  const std::scoped_lock lock(mutex_);
  err_ << text << std::flush;
}

std::string counted(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

}  // namespace crbc::io
