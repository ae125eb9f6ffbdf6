#include "migrate/checksum.hpp"

#include "core/sha256.hpp"
#include "core/text.hpp"

namespace godwit::migrate {

std::string checksum_of(std::string_view script) {
  return core::sha256_hex(script);
}

bool checksum_matches(std::string_view stored, std::string_view script,
                      std::string_view script_checksum) {
  if (!script_checksum.empty() && script_checksum == stored) return true;
  const bool legacy = !stored.empty() && stored.size() != 64;
  auto digest = [&](std::string_view text) {
    return legacy ? core::sha256_hex_legacy(text) : core::sha256_hex(text);
  };
  if (digest(script) == stored) return true;
  auto lf = core::replace_all(script, "\r\n", "\n");
  if (digest(lf) == stored) return true;
  return digest(core::replace_all(lf, "\n", "\r\n")) == stored;
}

}  // namespace godwit::migrate
