#include "core/uuid.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <stdexcept>

namespace godwit::core {

std::string uuid_v4() {
  // The kernel's CSPRNG (getrandom(2); 16 bytes never come back short once the pool is
  // initialised). Not OpenSSL's RAND_bytes: its first call loads OpenSSL 3's default provider,
  // 2 MB of resident memory in a process whose whole floor is 15 MB (docs/benchmarks.md).
  std::array<unsigned char, 16> b{};
  ssize_t got = 0;
  do {
    got = getrandom(b.data(), b.size(), 0);
  } while (got < 0 && errno == EINTR);
  if (got != static_cast<ssize_t>(b.size())) throw std::runtime_error("getrandom(2) failed");
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 0xF];
  }
  return out;
}

}  // namespace godwit::core
