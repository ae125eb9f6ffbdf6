#include "dialect/registry.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "dialect/postgres/migration_dialect.hpp"
#include "dialect/sqlite/migration_dialect.hpp"

namespace godwit::dialect {

const migrate::Dialect* find(std::string_view provider) {
  static const postgres::PostgresDialect kPostgres;
  static const sqlite::SqliteDialect kSqlite;
  if (provider == "postgresql" || provider == "postgres") return &kPostgres;
  if (provider == "sqlite") return &kSqlite;
  throw core::Error("GW2002",
                    fmt::format("The provider `{}` is not supported by godwit yet.", provider),
                    "godwit supports `postgresql` and `sqlite`.");
}

}  // namespace godwit::dialect
