#pragma once
// SQLite introspection (schema/inspector.hpp): sqlite_schema and the PRAGMA table-valued
// functions -> Catalog, following Prisma's describer (ENG sql-schema-describer/src/sqlite.rs and
// parsers.rs). Each PRAGMA is joined to sqlite_schema, so four queries read every table:
// objects, pragma_table_xinfo, pragma_index_list + pragma_index_xinfo, pragma_foreign_key_list.

#include "schema/inspector.hpp"

namespace godwit::sqlite {

class SqliteInspector final : public schema::Inspector {
 public:
  schema::Inspection inspect(db::Connection& conn,
                             const schema::InspectOptions& options) const override;
};

}  // namespace godwit::sqlite
