#include "io/media_type.hpp"

#include "text/ascii.hpp"

namespace crbc::io {

bool is_page_media_type(std::string_view content_type) {
  const std::string type = text::ascii_lower(content_type);
  return type.empty() || type.find("html") != std::string::npos ||
         type.find("xml") != std::string::npos || type.starts_with("text/");
}

std::string charset_parameter(std::string_view content_type) {
  const std::string type = text::ascii_lower(content_type);
  const auto at = type.find("charset=");
  if (at == std::string::npos) return {};
  std::string_view value = std::string_view(type).substr(at + 8);
  value = text::trim_ascii(value.substr(0, value.find(';')));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
    value = value.substr(1, value.size() - 2);
  return std::string(text::trim_ascii(value));
}

}  // namespace crbc::io
