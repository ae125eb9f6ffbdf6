#pragma once
// Names and literals of a pulled schema, as Prisma's introspection writes them (ENG
// schema-engine sql-schema-connector introspection/sanitize_datamodel_names.rs,
// datamodel-renderer value.rs). Internal to src/pull.

#include <string>
#include <string_view>

namespace godwit::pull::detail {

/// Whether `s` is not a PSL identifier ([A-Za-z][A-Za-z0-9_]*) and must be sanitised.
bool needs_sanitation(std::string_view s);

/// ENG sanitize_datamodel_names.rs: leading characters up to the first letter dropped, every
/// other character outside [_a-zA-Z0-9] as `_` (one `_` per UTF-8 character).
std::string sanitize(std::string_view s);

/// A table's or enum's model name (ENG ModelName::new_from_sql without the duplicate-name
/// case): `Renamed<name>` for a name the client reserves, else sanitised when needed.
std::string plain_model_name(const std::string& name);

/// A PSL string literal as Prisma's renderer writes it (`"`, `\`, `\n`, `\r`, `\t` escaped).
std::string psl_quoted(std::string_view s);

/// Standard base64 with padding (a `Bytes` default: PSL writes bytes as base64).
std::string base64(std::string_view raw);

}  // namespace godwit::pull::detail
