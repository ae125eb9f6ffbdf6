#pragma once
// PostgreSQL introspection (schema/inspector.hpp): pg_catalog -> Catalog, following Prisma's
// describer (ENG sql-schema-describer/src/postgres.rs and postgres/*.sql). Nine catalog queries
// whatever the number of tables: namespaces, tables, views, enums, columns, indexes, foreign
// keys, checks (with the other constraints Prisma does not model), sequences; a tenth for
// extensions when asked for.

#include "schema/inspector.hpp"

namespace godwit::postgres {

class PostgresInspector final : public schema::Inspector {
 public:
  schema::Inspection inspect(db::Connection& conn,
                             const schema::InspectOptions& options) const override;
  /// Reads again only the tables a script's statements name (read_back.cpp).
  std::unique_ptr<schema::ReadBack> read_back(const schema::InspectOptions& options) const override;
};

}  // namespace godwit::postgres
