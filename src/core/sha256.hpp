#pragma once
// Migration checksums (prisma-compat.md §2).

#include <string>
#include <string_view>

namespace godwit::core {

/// SHA-256 of `data` as 64 lowercase, zero-padded hex characters.
std::string sha256_hex(std::string_view data);

/// The pre-2.x Prisma rendering of the same digest: each byte as hex *without* zero
/// padding (`{:x}`), so it may be shorter than 64 characters (prisma-engines#1887).
std::string sha256_hex_legacy(std::string_view data);

}  // namespace godwit::core
