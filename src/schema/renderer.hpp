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
};

}  // namespace godwit::schema
