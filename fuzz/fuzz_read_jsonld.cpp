// The jsonld record reader on any bytes.
#include "reader_fuzzer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_reader(data, size, crbc::formats::Format::jsonld);
}
