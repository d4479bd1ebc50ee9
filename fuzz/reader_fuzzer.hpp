// Shared body of the record-reader fuzz targets: read every document of the input
// in one format and serialise what was read.
#pragma once

#include <cstdint>
#include <sstream>
#include <string>

#include "formats/formats.hpp"
#include "model/record_json.hpp"

inline int fuzz_reader(const std::uint8_t* data, std::size_t size, crbc::formats::Format format) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  crbc::formats::ReadOptions options;
  options.format = format;
  options.max_document_bytes = 1 << 20;
  const crbc::formats::DocumentSink sink{
      [](crbc::formats::SourcedDocument&& document) {
        if (const auto* article = std::get_if<crbc::model::Article>(&document.content)) {
          (void)crbc::model::to_json(*article).dump();
        }
        return true;
      },
      [](const std::string&, const crbc::formats::FormatError&) { return true; }};
  try {
    crbc::formats::read_documents(in, "fuzz", options, sink);
  } catch (const crbc::formats::FormatError&) {
  }
  return 0;
}
