#pragma once
// A PostgreSQL column default (`pg_get_expr(adbin, adrelid)`) read back into a catalog
// DefaultValue, as Prisma's describer reads it (ENG sql-schema-describer/src/postgres/default.rs
// and its tokenizer): constants of the column's type family, `now()` / CURRENT_TIMESTAMP,
// `nextval(...)` (the column's auto-increment), lists (`ARRAY[...]` and `'{...}'`), and
// anything else as dbgenerated(<the expression exactly as PostgreSQL prints it>).

#include <optional>
#include <string>
#include <string_view>

#include "schema/catalog.hpp"

namespace godwit::postgres {

/// The type family Prisma's describer parses a default with. It can differ from the catalog's
/// family: `uuid` columns are String in the catalog (as `String @db.Uuid` builds them) but
/// Prisma reads their defaults as it reads unsupported types' (always dbgenerated).
enum class DefaultFamily {
  String,  ///< also Json (the value's kind is set by `json`)
  Int,     ///< Int and BigInt
  Float,   ///< Float and Decimal
  Boolean,
  DateTime,
  Binary,
  Enum,
  Other,  ///< uuid, unsupported types: never a constant
};

struct ParsedDefault {
  /// nullopt: no default (absent, or `NULL...`)
  std::optional<schema::DefaultValue> value;
  /// True for `nextval('seq'::regclass)` (and the forms Prisma accepts): the column
  /// auto-increments; `value` is then empty and `sequence` names the sequence (unqualified).
  bool is_sequence = false;
  std::string sequence;
};

/// Parses `text` (a column default as pg_get_expr prints it) for a column of `family`;
/// `list`: the column is an array; `json`: a String-family value is a Json column's.
ParsedDefault parse_default(std::string_view text, DefaultFamily family, bool list, bool json);

}  // namespace godwit::postgres
