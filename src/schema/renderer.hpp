#pragma once
// The per-dialect rendering seam (architecture: "Renderer (per dialect): ChangeSet -> Plan;
// Catalog -> full DDL; identifier quoting"). Each dialect implements the object-level
// statements; plan/make_plan.hpp turns a change set into a plan with them, and the plan
// prints Prisma's script layout (prisma-compat.md §7.1).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schema/catalog.hpp"

namespace godwit::diff {
// The change set's values (diff/change_set.hpp) that renderers read; declared here so that the
// schema library does not depend on the differ.
struct AlterTable;
struct AlterEnum;
struct RedefineTable;
struct RenameEnumValue;
}  // namespace godwit::diff

namespace godwit::schema {

/// The kinds of migration steps, in the order Prisma sorts them (prisma-compat.md §7.2, ENG
/// sql_migration.rs `SqlMigrationStep`). The header comment of a step is its name.
enum class StepKind : std::uint8_t {
  CreateSchema,
  DropExtension,
  CreateExtension,
  AlterExtension,
  AlterSequence,
  DropView,
  DropUserDefinedType,
  CreateEnum,
  AlterEnum,
  DropForeignKey,
  DropIndex,
  AlterTable,
  AlterPrimaryKey,
  DropTable,
  DropEnum,
  CreateTable,
  RedefineTables,
  CreateIndex,
  RenameForeignKey,
  AddForeignKey,
  RenameIndex,
  RedefineIndex,
  // godwit's renames (`--rename`; Prisma has none): a change set made with rename hints starts
  // with them, in this order, before all of Prisma's steps (diff/change_set.hpp).
  RenameTable,
  RenameEnum,
  RenameColumn,
  RenameEnumValue,
};

/// "CreateTable", "AddForeignKey", ...
std::string_view step_name(StepKind kind);

/// SQL for one dialect. Statements come without the trailing `;`. Implementations are
/// stateless and deterministic.
class Renderer {
 public:
  virtual ~Renderer() = default;

  /// The dialect's provider name ("postgresql", "sqlite").
  virtual std::string_view provider() const = 0;
  /// `name` as a quoted identifier (`"name"`; Prisma never escapes embedded quotes).
  virtual std::string quote(std::string_view name) const = 0;
  /// True when the dialect has schemas that CREATE SCHEMA makes (PostgreSQL).
  virtual bool supports_namespaces() const = 0;
  /// True when foreign keys live inside CREATE TABLE (SQLite) instead of AddForeignKey steps.
  virtual bool inline_foreign_keys() const = 0;

  virtual std::vector<std::string> create_namespace(const Catalog& c, NamespaceId id) const = 0;
  virtual std::vector<std::string> create_extension(const Catalog& c, ExtensionId id) const = 0;
  virtual std::vector<std::string> create_enum(const Catalog& c, EnumId id) const = 0;
  virtual std::string create_table(const Catalog& c, TableId id) const = 0;
  virtual std::string create_index(const Catalog& c, IndexId id) const = 0;
  virtual std::string add_foreign_key(const Catalog& c, ForeignKeyId id) const = 0;

  // Changes between two catalogs: `from` is the current schema, `to` the desired one; ids
  // name objects in the catalog they live in (diff/change_set.hpp).

  /// The statements of a DropTable step (SQLite wraps it in `PRAGMA foreign_keys=off/on`).
  virtual std::vector<std::string> drop_table(const Catalog& from, TableId id) const = 0;
  virtual std::string drop_index(const Catalog& from, IndexId id) const = 0;
  /// PostgreSQL only (SQLite never has DropForeignKey steps).
  virtual std::string drop_foreign_key(const Catalog& from, ForeignKeyId id) const = 0;
  virtual std::vector<std::string> drop_enum(const Catalog& from, EnumId id) const = 0;
  /// An AlterTable step: the statements before, the ALTER TABLE itself and those after.
  virtual std::vector<std::string> alter_table(const Catalog& from, const Catalog& to,
                                               const diff::AlterTable& change) const = 0;
  virtual std::vector<std::string> alter_enum(const Catalog& from, const Catalog& to,
                                              const diff::AlterEnum& change) const = 0;
  /// One RedefineTables step for all the tables a change set redefines (SQLite).
  virtual std::vector<std::string> redefine_tables(
      const Catalog& from, const Catalog& to,
      const std::vector<const diff::RedefineTable*>& tables) const = 0;
  virtual std::string rename_index(const Catalog& from, IndexId a, const Catalog& to,
                                   IndexId b) const = 0;
  virtual std::string rename_foreign_key(const Catalog& from, ForeignKeyId a, const Catalog& to,
                                         ForeignKeyId b) const = 0;
  virtual std::vector<std::string> alter_extension(const Catalog& from, ExtensionId a,
                                                   const Catalog& to, ExtensionId b) const = 0;
  virtual std::vector<std::string> drop_extension(const Catalog& from, ExtensionId id) const = 0;

  // Renames (godwit's `--rename`; Prisma renders none of these): they run before every other
  // step, tables and enums first, so a column or enum value is named in its table or enum by
  // the new name (`to`'s).

  /// `ALTER TABLE <from's name> RENAME TO <to's name>`.
  virtual std::string rename_table(const Catalog& from, TableId a, const Catalog& to,
                                   TableId b) const = 0;
  /// `ALTER TABLE <to's table> RENAME COLUMN <from's name> TO <to's name>`.
  virtual std::string rename_column(const Catalog& from, ColumnId a, const Catalog& to,
                                    ColumnId b) const = 0;
  /// PostgreSQL `ALTER TYPE ... RENAME TO`; a dialect without enum types throws GW0001.
  virtual std::string rename_enum(const Catalog& from, EnumId a, const Catalog& to,
                                  EnumId b) const = 0;
  /// PostgreSQL `ALTER TYPE <to's name> RENAME VALUE 'old' TO 'new'`; GW0001 elsewhere.
  virtual std::string rename_enum_value(const Catalog& to,
                                        const diff::RenameEnumValue& change) const = 0;
};

}  // namespace godwit::schema
