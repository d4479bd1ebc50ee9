#include "io/digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include "io/shared_library.hpp"

namespace crbc::io {
namespace {

struct Crypto {
  decltype(&::EVP_Digest) evp_digest;
  decltype(&::EVP_sha1) evp_sha1;
  decltype(&::EVP_sha256) evp_sha256;
};

Crypto load() {
  const SharedLibrary library("libcrypto.so.3", "computing a SHA digest");
  Crypto crypto{};
  library.bind("EVP_Digest", crypto.evp_digest);
  library.bind("EVP_sha1", crypto.evp_sha1);
  library.bind("EVP_sha256", crypto.evp_sha256);
  return crypto;
}

const Crypto& crypto() {
  return load_once<load>();
}

}  // namespace

std::string digest(DigestAlgorithm algorithm, std::string_view bytes) {
  const Crypto& library = crypto();
  const EVP_MD* method =
      algorithm == DigestAlgorithm::sha1 ? library.evp_sha1() : library.evp_sha256();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned length = 0;
  if (library.evp_digest(bytes.data(), bytes.size(), digest.data(), &length, method, nullptr) !=
      1) {
    throw std::runtime_error("libcrypto failed to compute a digest");
  }
  return {reinterpret_cast<const char*>(digest.data()), length};
}

std::string to_hex(std::string_view bytes) {
  static constexpr std::string_view kDigits = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    hex += kDigits[value >> 4];
    hex += kDigits[value & 0xF];
  }
  return hex;
}

}  // namespace crbc::io
