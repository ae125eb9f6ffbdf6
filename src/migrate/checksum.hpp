#pragma once
// Migration checksums and how a stored one is matched (prisma-compat.md §2).

#include <string>
#include <string_view>

namespace godwit::migrate {

/// The checksum Prisma stores for a script: SHA-256 hex, lower case, zero padded.
std::string checksum_of(std::string_view script);

/// True when `stored` matches `script` as written, with CRLF turned into LF, or with LF turned
/// into CRLF; a stored value that is non-empty and not 64 characters long is compared in the
/// legacy unpadded form (prisma-engines#1887). `script_checksum`, when given, is
/// checksum_of(script) already computed (LocalMigration::checksum): the common case then hashes
/// nothing.
bool checksum_matches(std::string_view stored, std::string_view script,
                      std::string_view script_checksum = {});

}  // namespace godwit::migrate
