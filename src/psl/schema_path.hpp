#pragma once
// Where commands find the schema when --schema is not given (prisma-compat.md §5.12; Prisma's
// CLI getSchemaPath): `prisma/schema.prisma`, else `./schema.prisma`, relative to `cwd`.

#include <filesystem>
#include <optional>

namespace godwit::psl {

/// The default schema file below `cwd`, if one exists. The returned path is relative
/// ("prisma/schema.prisma" or "schema.prisma") when found.
std::optional<std::filesystem::path> default_schema_path(const std::filesystem::path& cwd);

/// `given` (--schema; a file or a folder) when set, else default_schema_path(cwd). Relative
/// paths are returned as given, so that messages show them as the user wrote them.
/// Errors: P1012 when `given` does not exist or no default schema exists.
std::filesystem::path resolve_schema_path(const std::optional<std::filesystem::path>& given,
                                          const std::filesystem::path& cwd);

}  // namespace godwit::psl
