#pragma once
// SQLite DDL exactly as Prisma 7 prints it (prisma-compat.md §7.5 "SQLite"; ENG
// flavour/sqlite/renderer.rs, libs/sql-ddl/src/sqlite.rs).
//
// Differences from PostgreSQL: types come from the column's family only; a one-column primary
// key is written on the column (`PRIMARY KEY`, plus `AUTOINCREMENT` for an Int column);
// foreign keys are table constraints inside CREATE TABLE (with a space before the referenced
// column list); there are no namespaces, enums or extensions.

#include <string>
#include <string_view>
#include <vector>

#include "diff/change_set.hpp"
#include "schema/catalog.hpp"
#include "schema/renderer.hpp"

namespace godwit::sqlite {

class SqliteRenderer final : public schema::Renderer {
 public:
  std::string_view provider() const override { return "sqlite"; }
  std::string quote(std::string_view name) const override;
  bool supports_namespaces() const override { return false; }
  bool inline_foreign_keys() const override { return true; }

  /// SQLite has no CREATE SCHEMA: no statements.
  std::vector<std::string> create_namespace(const schema::Catalog& c,
                                            schema::NamespaceId id) const override;
  /// SQLite has no extensions: no statements.
  std::vector<std::string> create_extension(const schema::Catalog& c,
                                            schema::ExtensionId id) const override;
  /// SQLite has no enum types (enum columns are TEXT): no statements.
  std::vector<std::string> create_enum(const schema::Catalog& c, schema::EnumId id) const override;
  /// `CREATE TABLE "T" (\n    <column>,\n...[,\n\n    PRIMARY KEY ("a", "b")][,\n    CONSTRAINT
  /// "fk" FOREIGN KEY ("c") REFERENCES "R" ("id") ON DELETE .. ON UPDATE ..]\n)`
  std::string create_table(const schema::Catalog& c, schema::TableId id) const override;
  /// `CREATE [UNIQUE ]INDEX "i" ON "T"("a", "b" DESC)`; names starting with `sqlite_` are
  /// wrapped in `Pragma writable_schema=1;` ... `Pragma writable_schema=0`.
  std::string create_index(const schema::Catalog& c, schema::IndexId id) const override;
  /// Foreign keys are inline on SQLite; this renders the table-constraint text
  /// (`CONSTRAINT "fk" FOREIGN KEY ...`), which create_table embeds.
  std::string add_foreign_key(const schema::Catalog& c, schema::ForeignKeyId id) const override;

  // Changes between two catalogs (render_alter.cpp; ENG flavour/sqlite/renderer.rs). SQLite's
  // differ policy asks only for what SQLite can do: tables are dropped, redefined or get
  // columns added; indexes are dropped and created; the rest is GW0001 (a bug).

  /// `PRAGMA foreign_keys=off`, `DROP TABLE "T"`, `PRAGMA foreign_keys=on`
  std::vector<std::string> drop_table(const schema::Catalog& from,
                                      schema::TableId id) const override;
  /// `DROP INDEX "i"`
  std::string drop_index(const schema::Catalog& from, schema::IndexId id) const override;
  /// Never asked for: foreign keys change through RedefineTables. Errors: GW0001.
  std::string drop_foreign_key(const schema::Catalog& from, schema::ForeignKeyId id) const override;
  /// SQLite has no enum types: no statements.
  std::vector<std::string> drop_enum(const schema::Catalog& from, schema::EnumId id) const override;
  /// `ALTER TABLE "T" ADD COLUMN <column>`, one statement per added column. Errors: GW0001 for
  /// any other table change (those redefine the table).
  std::vector<std::string> alter_table(const schema::Catalog& from, const schema::Catalog& to,
                                       const diff::AlterTable& change) const override;
  /// SQLite has no enum types: no statements.
  std::vector<std::string> alter_enum(const schema::Catalog& from, const schema::Catalog& to,
                                      const diff::AlterEnum& change) const override;
  /// `PRAGMA defer_foreign_keys=ON`, `PRAGMA foreign_keys=OFF`, then per table: `CREATE TABLE
  /// "new_T"`, `INSERT INTO "new_T" (...) SELECT ... FROM "T"` (the columns of both sides by
  /// name; `coalesce("c", <default>) AS "c"` for a column made required with a default),
  /// `DROP TABLE "T"`, `ALTER TABLE "new_T" RENAME TO "T"`, its indexes; then `PRAGMA
  /// foreign_keys=ON`, `PRAGMA defer_foreign_keys=OFF` (prisma-compat.md §7.8).
  std::vector<std::string> redefine_tables(
      const schema::Catalog& from, const schema::Catalog& to,
      const std::vector<const diff::RedefineTable*>& tables) const override;
  /// Never asked for (indexes are redefined). Errors: GW0001.
  std::string rename_index(const schema::Catalog& from, schema::IndexId a,
                           const schema::Catalog& to, schema::IndexId b) const override;
  /// Never asked for (foreign key names are not compared). Errors: GW0001.
  std::string rename_foreign_key(const schema::Catalog& from, schema::ForeignKeyId a,
                                 const schema::Catalog& to, schema::ForeignKeyId b) const override;
  /// SQLite has no extensions: no statements.
  std::vector<std::string> alter_extension(const schema::Catalog& from, schema::ExtensionId a,
                                           const schema::Catalog& to,
                                           schema::ExtensionId b) const override;
  /// SQLite has no extensions: no statements.
  std::vector<std::string> drop_extension(const schema::Catalog& from,
                                          schema::ExtensionId id) const override;

  std::string rename_table(const schema::Catalog& from, schema::TableId a,
                           const schema::Catalog& to, schema::TableId b) const override;
  std::string rename_column(const schema::Catalog& from, schema::ColumnId a,
                            const schema::Catalog& to, schema::ColumnId b) const override;
  std::string rename_enum(const schema::Catalog& from, schema::EnumId a, const schema::Catalog& to,
                          schema::EnumId b) const override;
  std::string rename_enum_value(const schema::Catalog& to,
                                const diff::RenameEnumValue& change) const override;
};

/// A column's SQL type from its family (`INTEGER`, `TEXT`, `JSONB`, ...).
std::string_view render_column_type(const schema::Column& column);

/// The DEFAULT expression ("" when none is rendered).
std::string render_default(const schema::DefaultValue& d);

/// One column definition: `"name" TYPE[ NOT NULL][ PRIMARY KEY][ AUTOINCREMENT][ DEFAULT x]`.
std::string render_column(const schema::Catalog& c, schema::ColumnId id);

}  // namespace godwit::sqlite
