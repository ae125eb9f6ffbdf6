#pragma once
// PostgreSQL DDL exactly as Prisma 7 prints it (prisma-compat.md §7.3, §7.5; ENG
// flavour/postgres/renderer.rs, libs/sql-ddl/src/postgres.rs).
//
// Names: identifiers are double-quoted without escaping; objects outside the catalog's default
// namespace are prefixed `"schema".`; index names are never prefixed.

#include <string>
#include <string_view>
#include <vector>

#include "diff/change_set.hpp"
#include "schema/catalog.hpp"
#include "schema/renderer.hpp"

namespace godwit::postgres {

class PostgresRenderer final : public schema::Renderer {
 public:
  std::string_view provider() const override { return "postgresql"; }
  std::string quote(std::string_view name) const override;
  bool supports_namespaces() const override { return true; }
  bool inline_foreign_keys() const override { return false; }

  /// `CREATE SCHEMA IF NOT EXISTS "s"`
  std::vector<std::string> create_namespace(const schema::Catalog& c,
                                            schema::NamespaceId id) const override;
  /// `CREATE EXTENSION IF NOT EXISTS "e"[ WITH][ SCHEMA "s"][ VERSION "v"]`
  std::vector<std::string> create_extension(const schema::Catalog& c,
                                            schema::ExtensionId id) const override;
  /// `CREATE TYPE "E" AS ENUM ('A', 'B')` (values are not escaped, as in Prisma)
  std::vector<std::string> create_enum(const schema::Catalog& c, schema::EnumId id) const override;
  /// `CREATE TABLE "T" (\n    <column>,\n...[,\n\n    CONSTRAINT "pk" PRIMARY KEY ("a","b")]\n)`
  std::string create_table(const schema::Catalog& c, schema::TableId id) const override;
  /// `CREATE [UNIQUE ]INDEX "i" ON "T"[ USING GIN ]("a" ops DESC, "b")[ WHERE ...]`; the
  /// access method and operator classes come from Catalog::postgres. A unique constraint
  /// renders as a unique index too (only introspection makes them; the differ will decide).
  std::string create_index(const schema::Catalog& c, schema::IndexId id) const override;
  /// `ALTER TABLE "T" ADD CONSTRAINT "fk" FOREIGN KEY ("a") REFERENCES "R"("id") ON DELETE
  /// RESTRICT ON UPDATE CASCADE`
  std::string add_foreign_key(const schema::Catalog& c, schema::ForeignKeyId id) const override;

  // Changes between two catalogs (render_alter.cpp; ENG postgres/renderer.rs).

  /// `DROP TABLE "T"`
  std::vector<std::string> drop_table(const schema::Catalog& from,
                                      schema::TableId id) const override;
  /// `DROP INDEX "i"` (schema-qualified outside the default namespace)
  std::string drop_index(const schema::Catalog& from, schema::IndexId id) const override;
  /// `ALTER TABLE "T" DROP CONSTRAINT "fk"`
  std::string drop_foreign_key(const schema::Catalog& from, schema::ForeignKeyId id) const override;
  /// `DROP TYPE "E"`
  std::vector<std::string> drop_enum(const schema::Catalog& from, schema::EnumId id) const override;
  /// One `ALTER TABLE "T" <clause>,\n<clause>...` (DROP/RENAME/ADD CONSTRAINT for the primary
  /// key, DROP COLUMN, `ADD COLUMN     <column>`, ALTER COLUMN SET/DROP NOT NULL, SET/DROP
  /// DEFAULT, SET DATA TYPE), with `CREATE SEQUENCE` before and `ALTER SEQUENCE ... OWNED BY` /
  /// `DROP SEQUENCE` after it for autoincrement changes (prisma-compat.md §7.3).
  std::vector<std::string> alter_table(const schema::Catalog& from, const schema::Catalog& to,
                                       const diff::AlterTable& change) const override;
  /// `ALTER TYPE "E" ADD VALUE 'v'` per added value (a comment block before the first when
  /// there are several), or the type swap in BEGIN/COMMIT when values go (§7.9).
  std::vector<std::string> alter_enum(const schema::Catalog& from, const schema::Catalog& to,
                                      const diff::AlterEnum& change) const override;
  /// Prisma's PostgreSQL redefinition (`_prisma_new_<T>`), which its differ asks for only on
  /// CockroachDB; godwit's PostgreSQL policy never redefines tables.
  std::vector<std::string> redefine_tables(
      const schema::Catalog& from, const schema::Catalog& to,
      const std::vector<const diff::RedefineTable*>& tables) const override;
  /// `ALTER INDEX "old" RENAME TO "new"`
  std::string rename_index(const schema::Catalog& from, schema::IndexId a,
                           const schema::Catalog& to, schema::IndexId b) const override;
  /// `ALTER TABLE "T" RENAME CONSTRAINT "old" TO "new"`
  std::string rename_foreign_key(const schema::Catalog& from, schema::ForeignKeyId a,
                                 const schema::Catalog& to, schema::ForeignKeyId b) const override;
  /// `ALTER EXTENSION "e" UPDATE TO "v"` and/or `ALTER EXTENSION "e" SET SCHEMA "s"`
  std::vector<std::string> alter_extension(const schema::Catalog& from, schema::ExtensionId a,
                                           const schema::Catalog& to,
                                           schema::ExtensionId b) const override;
  /// `DROP EXTENSION "e"`
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

/// `"name"`, or `"schema"."name"` outside the default namespace.
std::string qualified_name(const schema::Catalog& c, schema::NamespaceId ns, std::string_view name);

/// A column's full SQL type: `VARCHAR(255)`, `SERIAL`, `"Role"[]`, `TIMESTAMP(3)`.
std::string render_column_type(const schema::Catalog& c, const schema::Column& column);

/// The DEFAULT expression of a column ("" when none is rendered: no default, a Prisma-level
/// default, or an empty dbgenerated()). `full_type` is used for list casts.
std::string render_default(const schema::DefaultValue& d, std::string_view full_type);

/// One column definition without indentation: `"name" TYPE[ NOT NULL][ DEFAULT x]`.
std::string render_column(const schema::Catalog& c, schema::ColumnId id);

}  // namespace godwit::postgres
