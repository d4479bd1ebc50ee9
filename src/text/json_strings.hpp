// Where the strings of JSON text are, found byte by byte without parsing: for
// nesting limits and cheap checks before (or instead of) a JSON parser.
#pragma once

namespace crbc::text {

enum class JsonByte {
  outside_string,  // structure: brackets, commas, white space, bare scalars
  quote,           // opens or closes a string
  in_string,       // string content, not part of an escape
  escape,          // the backslash of an escape, or the byte after it
};

class JsonStringTracker {
 public:
  // What the next byte of the text is.
  JsonByte next(char c) {
    if (!in_string_) {
      if (c != '"') return JsonByte::outside_string;
      in_string_ = true;
      return JsonByte::quote;
    }
    if (escaped_ || c == '\\') {
      escaped_ = !escaped_;
      return JsonByte::escape;
    }
    if (c != '"') return JsonByte::in_string;
    in_string_ = false;
    return JsonByte::quote;
  }

  bool in_string() const { return in_string_; }

 private:
  bool in_string_ = false;
  bool escaped_ = false;
};

constexpr bool is_json_open_bracket(char c) {
  return c == '{' || c == '[';
}
constexpr bool is_json_close_bracket(char c) {
  return c == '}' || c == ']';
}

}  // namespace crbc::text
