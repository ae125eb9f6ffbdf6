#pragma once
// The change set: what differs between two catalogs, as values (docs/architecture.md, "Three
// separate value types"). The differ (to come: Catalog x Catalog -> ChangeSet, with per-dialect
// hooks) produces it; a renderer turns it into a Plan (plan/plan.hpp). It knows nothing of SQL
// text or of Prisma's step order; it only says what changes.
//
// Ids: a change names objects by id in the catalog they live in. Objects that go away are ids
// in `from` (the current schema), objects that come into being are ids in `to` (the desired
// schema), and a change to an object present on both sides holds both ids. The two catalogs
// must outlive the change set.
//
// Kinds follow Prisma's `SqlMigrationStep` (ENG sql_migration.rs; prisma-compat.md §7.2, the
// order of which the plan, not the change set, applies), plus renames, which Prisma never
// infers and godwit does only when asked (`--rename`, issue 9; diff/renames.hpp): a change set
// made with rename hints starts with its RenameTable, RenameColumn, RenameEnum and
// RenameEnumValue changes (ids in `from` and `to`), and every change after them names objects
// in `renamed_from` (`from` with those objects already renamed: the database after the rename
// statements ran), so that indexes, keys and foreign keys whose names derive from a renamed
// object are renamed as Prisma renames an index, and nothing else is dropped.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "schema/catalog.hpp"

namespace godwit::diff {

using schema::CheckId;
using schema::ColumnId;
using schema::EnumId;
using schema::ExtensionId;
using schema::ForeignKeyId;
using schema::IndexId;
using schema::NamespaceId;
using schema::SequenceId;
using schema::TableId;
using schema::ViewId;

/// Which properties of a column differ (a bit set). Prisma lists them in the order Arity,
/// Default, Type, Identity (ENG sql_schema_differ/column.rs `ColumnChange`); renderers and the
/// summary follow that order, not the bit values.
enum class ColumnChanges : std::uint8_t {
  None = 0,
  Type = 1u << 0,      ///< family, native type or enum
  Arity = 1u << 1,     ///< required / nullable / list
  Default = 1u << 2,   ///< the default value
  Identity = 1u << 3,  ///< serial / identity
};
constexpr ColumnChanges operator|(ColumnChanges a, ColumnChanges b) {
  return ColumnChanges(std::uint8_t(a) | std::uint8_t(b));
}
constexpr bool has(ColumnChanges set, ColumnChanges bit) {
  return (std::uint8_t(set) & std::uint8_t(bit)) != 0;
}

/// How a column's type changes, as the dialect judges the cast (ENG `ColumnTypeChange`).
enum class TypeChange : std::uint8_t {
  None,         ///< the type did not change
  SafeCast,     ///< every value converts
  RiskyCast,    ///< the cast may fail or lose precision (a warning, §7.10)
  NotCastable,  ///< no cast: the column is dropped and added again
};

/// One column's part of an AlterTable or RedefineTable.
struct ColumnChange {
  enum class Kind : std::uint8_t {
    Add,       ///< `to` only
    Drop,      ///< `from` only
    Alter,     ///< both; the database can convert in place (ALTER COLUMN ... TYPE/SET/DROP)
    Recreate,  ///< both; not castable: dropped and added again (loses the column's data)
    Rename,    ///< both, same shape, new name (only when asked)
    Keep,      ///< both, unchanged: a RedefineTable copies its data
  };
  Kind kind = Kind::Alter;
  std::optional<ColumnId> from;
  std::optional<ColumnId> to;
  ColumnChanges changes = ColumnChanges::None;  ///< Alter, Recreate, Keep: what differs
  TypeChange type_change = TypeChange::None;    ///< Alter, Recreate, Keep
  /// Add: the column has a Prisma-level default (uuid(), cuid(), ...), which fills it for the
  /// client but not in the database (an unexecutable step on a non-empty table, §7.10).
  bool prisma_level_default = false;
  friend bool operator==(const ColumnChange&, const ColumnChange&) = default;
};

struct CreateNamespace {
  NamespaceId to;
  friend bool operator==(const CreateNamespace&, const CreateNamespace&) = default;
};
struct CreateExtension {
  ExtensionId to;
  friend bool operator==(const CreateExtension&, const CreateExtension&) = default;
};
struct DropExtension {
  ExtensionId from;
  friend bool operator==(const DropExtension&, const DropExtension&) = default;
};
/// Version or namespace changed.
struct AlterExtension {
  ExtensionId from, to;
  friend bool operator==(const AlterExtension&, const AlterExtension&) = default;
};

struct CreateEnum {
  EnumId to;
  friend bool operator==(const CreateEnum&, const CreateEnum&) = default;
};
struct DropEnum {
  EnumId from;
  friend bool operator==(const DropEnum&, const DropEnum&) = default;
};
/// A column of the old enum type with a default, which the type swap drops first; `to` is the
/// same column in `to` when it still has a default of the enum, set again after the swap.
struct EnumDefaultUsage {
  ColumnId from;
  std::optional<ColumnId> to;
  friend bool operator==(const EnumDefaultUsage&, const EnumDefaultUsage&) = default;
};

/// Values added and removed, by their database names (removing values swaps the type on
/// PostgreSQL: prisma-compat.md §7.9), in declaration order.
struct AlterEnum {
  EnumId from, to;
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<EnumDefaultUsage> defaults;  ///< columns whose defaults the swap drops
  friend bool operator==(const AlterEnum&, const AlterEnum&) = default;
};

struct CreateTable {
  TableId to;
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};
struct DropTable {
  TableId from;
  friend bool operator==(const DropTable&, const DropTable&) = default;
};
/// Changes a table takes in place, in Prisma's order (ENG sql_schema_differ.rs
/// `push_altered_table_steps`): the primary key dropped or renamed, then `columns` (dropped
/// and added columns by name, then altered or recreated ones in `from`'s column order), then
/// the primary key added.
struct AlterTable {
  TableId from, to;
  std::vector<ColumnChange> columns;
  bool drop_primary_key = false;
  bool rename_primary_key = false;
  bool add_primary_key = false;
  friend bool operator==(const AlterTable&, const AlterTable&) = default;
};
/// The primary key changed (dropped and added in one AlterTable on PostgreSQL).
struct AlterPrimaryKey {
  TableId from, to;
  friend bool operator==(const AlterPrimaryKey&, const AlterPrimaryKey&) = default;
};
/// SQLite: the table is rebuilt (new table, copy, drop, rename; prisma-compat.md §7.8). All of
/// a change set's redefinitions render as one RedefineTables step. `columns`: the columns of
/// both sides by name (Keep, Alter or Recreate: their data is copied), then the added columns
/// by name, then the dropped ones by name.
struct RedefineTable {
  TableId from, to;
  std::vector<ColumnChange> columns;
  bool dropped_primary_key = false;
  friend bool operator==(const RedefineTable&, const RedefineTable&) = default;
};
struct RenameTable {
  TableId from, to;
  friend bool operator==(const RenameTable&, const RenameTable&) = default;
};

/// `from_table`: the table in `from` when the index is added to an existing table (Prisma sorts
/// those after the indexes of created tables). `recreated`: the index is created again because
/// a column of it was dropped and added back.
struct CreateIndex {
  IndexId to;
  std::optional<TableId> from_table;
  bool recreated = false;
  friend bool operator==(const CreateIndex&, const CreateIndex&) = default;
};
struct DropIndex {
  IndexId from;
  friend bool operator==(const DropIndex&, const DropIndex&) = default;
};
/// Same definition, new name.
struct RenameIndex {
  IndexId from, to;
  friend bool operator==(const RenameIndex&, const RenameIndex&) = default;
};
/// Dropped and created again where the database cannot rename (SQLite).
struct RedefineIndex {
  IndexId from, to;
  friend bool operator==(const RedefineIndex&, const RedefineIndex&) = default;
};

struct AddForeignKey {
  ForeignKeyId to;
  friend bool operator==(const AddForeignKey&, const AddForeignKey&) = default;
};
struct DropForeignKey {
  ForeignKeyId from;
  friend bool operator==(const DropForeignKey&, const DropForeignKey&) = default;
};
struct RenameForeignKey {
  ForeignKeyId from, to;
  friend bool operator==(const RenameForeignKey&, const RenameForeignKey&) = default;
};

struct CreateSequence {
  SequenceId to;
  friend bool operator==(const CreateSequence&, const CreateSequence&) = default;
};
struct DropSequence {
  SequenceId from;
  friend bool operator==(const DropSequence&, const DropSequence&) = default;
};
struct AlterSequence {
  SequenceId from, to;
  friend bool operator==(const AlterSequence&, const AlterSequence&) = default;
};

struct DropView {
  ViewId from;
  friend bool operator==(const DropView&, const DropView&) = default;
};

/// A column given a new name in place (only when asked: `--rename Model.old=new`). `from` is
/// the column in `from`, `to` the column in `to`; its table is renamed before it when both are.
struct RenameColumn {
  ColumnId from, to;
  friend bool operator==(const RenameColumn&, const RenameColumn&) = default;
};
/// An enum type given a new name (`--rename Old=New`).
struct RenameEnum {
  EnumId from, to;
  friend bool operator==(const RenameEnum&, const RenameEnum&) = default;
};
/// One value of an enum given a new name (`--rename Enum.OLD=NEW`), database names; the enum
/// is renamed before it when both are. Columns keep their rows, and defaults follow (PostgreSQL
/// stores an enum constant by the value's oid, not its label).
struct RenameEnumValue {
  EnumId from, to;
  std::string from_value, to_value;
  friend bool operator==(const RenameEnumValue&, const RenameEnumValue&) = default;
};

/// One change. New kinds are added at the end, so that indexes into the variant stay stable.
using Change =
    std::variant<CreateNamespace, CreateExtension, DropExtension, AlterExtension, CreateEnum,
                 DropEnum, AlterEnum, CreateTable, DropTable, AlterTable, AlterPrimaryKey,
                 RedefineTable, RenameTable, CreateIndex, DropIndex, RenameIndex, RedefineIndex,
                 AddForeignKey, DropForeignKey, RenameForeignKey, CreateSequence, DropSequence,
                 AlterSequence, DropView, RenameColumn, RenameEnum, RenameEnumValue>;

/// True for the changes that only rename (RenameTable, RenameColumn, RenameEnum,
/// RenameEnumValue): those a change set made with rename hints starts with.
bool is_rename(const Change& change);

/// The difference between two catalogs. `changes` are in the differ's order (deterministic:
/// by kind of object, then by id), not in execution order, which the plan decides.
struct ChangeSet {
  std::vector<Change> changes;
  /// Set when `changes` starts with renames (diff/renames.hpp): `from` with the renamed objects
  /// under their new names, the catalog the changes after the renames name objects in (same
  /// ids as `from`). nullopt: every change names objects in `from`.
  std::optional<schema::Catalog> renamed_from;
  bool empty() const { return changes.empty(); }
  /// The catalog change `index` names its `from` objects in: `from` for the renames and for
  /// every change of a set without renames, else *renamed_from.
  const schema::Catalog& from_of(std::size_t index, const schema::Catalog& from) const {
    return renamed_from && !is_rename(changes[index]) ? *renamed_from : from;
  }
  friend bool operator==(const ChangeSet&, const ChangeSet&) = default;
};

}  // namespace godwit::diff
