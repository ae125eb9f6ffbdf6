#include "core/sha256.hpp"

#include <fmt/format.h>

// SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP_Digest(), but they are
// still part of 3.x and compute the same digest with the same assembly. EVP_Digest() (and the
// one-shot SHA256(), which calls it in 3.x) first loads OpenSSL 3's
// default provider and its algorithm tables: 2.2 MB of resident memory, measured, for a
// process whose whole floor is 15 MB, and the peak-memory target of large migrations
// (docs/benchmarks.md, issue 8) is within that margin. Nothing else in a deploy uses EVP.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <array>

namespace godwit::core {
namespace {

using Digest = std::array<unsigned char, SHA256_DIGEST_LENGTH>;

Digest digest(std::string_view data) {
  Digest out{};
  SHA256_CTX ctx;
  SHA256_Init(&ctx);
  SHA256_Update(&ctx, data.data(), data.size());
  SHA256_Final(out.data(), &ctx);
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : digest(data)) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

std::string sha256_hex_legacy(std::string_view data) {
  std::string out;
  for (unsigned char b : digest(data))
    out += fmt::format("{:x}", b);
  return out;
}

}  // namespace godwit::core
