// Message digests, computed by OpenSSL's libcrypto (loaded on first use: only
// fetch's state store and WARC archives need digests).
#pragma once

#include <string>
#include <string_view>

namespace crbc::io {

enum class DigestAlgorithm { sha1, sha256 };

// The digest of `bytes`, as raw bytes (20 for SHA-1, 32 for SHA-256). Throws
// std::runtime_error when libcrypto cannot be loaded.
std::string digest(DigestAlgorithm algorithm, std::string_view bytes);

// Lower-case hexadecimal of `bytes`, two digits a byte.
std::string to_hex(std::string_view bytes);

}  // namespace crbc::io
