#pragma once
// The differ's per-dialect hooks (docs/architecture.md, "DiffPolicy"): plain data and plain
// functions, one instance per dialect (postgres_policy(), sqlite_policy()), handed out by the
// dialect registry (dialect/registry.hpp). They follow Prisma's `SqlSchemaDifferFlavour` (ENG
// sql_schema_differ/sql_schema_differ_flavour.rs and its postgres.rs / sqlite.rs).

#include "diff/change_set.hpp"
#include "schema/catalog.hpp"

namespace godwit::diff {

/// Two columns of the same name, one per catalog (`a` in `from`, `b` in `to`).
struct ColumnPair {
  const schema::Catalog& from;
  const schema::Column& a;
  const schema::Catalog& to;
  const schema::Column& b;
};

struct DiffPolicy {
  /// The dialect has namespaces that CREATE SCHEMA makes (PostgreSQL): the differ creates the
  /// ones that hold objects (Prisma's CreateSchema steps, prisma-compat.md §7.2).
  bool namespaces = false;
  /// Foreign keys of created tables are part of CREATE TABLE (SQLite), so they get no
  /// AddForeignKey change (ENG `should_push_foreign_keys_from_created_tables`).
  bool foreign_keys_in_create_table = false;
  /// The foreign keys of a dropped table are dropped first (PostgreSQL; ENG
  /// `should_drop_foreign_keys_from_dropped_tables`).
  bool drop_foreign_keys_of_dropped_tables = true;
  /// When tables are redefined, the indexes of dropped tables are dropped explicitly (SQLite;
  /// ENG `should_drop_indexes_from_dropped_tables`).
  bool drop_indexes_of_dropped_tables = false;
  /// A renamed index is renamed in place (PostgreSQL) rather than dropped and created again
  /// (RedefineIndex, SQLite).
  bool rename_indexes = true;
  /// Foreign key names are compared, and a new name is a RenameForeignKey (PostgreSQL); SQLite
  /// ignores foreign key names (ENG `has_unnamed_foreign_keys`).
  bool named_foreign_keys = true;
  /// Indexes over a dropped-and-recreated column are created again (PostgreSQL drops them with
  /// the column; ENG `indexes_should_be_recreated_after_column_drop`).
  bool recreate_indexes_of_recreated_columns = false;
  /// Autoincrement (serial / identity) changes are column changes (not on SQLite, whose rowid
  /// alias follows the primary key).
  bool autoincrement_changes = true;
  /// Tables that change in any way ALTER TABLE ... ADD COLUMN cannot do are redefined (SQLite,
  /// prisma-compat.md §7.8; ENG sqlite `set_tables_to_redefine`).
  bool redefine_tables = false;

  /// How the column's type changes (TypeChange::None when it does not). nullptr: any
  /// difference of ColumnType is a RiskyCast.
  TypeChange (*column_type_change)(const ColumnPair& columns) = nullptr;
  /// Dialect-specific index details agree (PostgreSQL: access method, operator classes).
  /// nullptr: nothing beyond the neutral fields.
  bool (*indexes_match)(const schema::Catalog& from, schema::IndexId a, const schema::Catalog& to,
                        schema::IndexId b) = nullptr;
  /// Two partial index predicates (Index::predicate; "" = none) select the same rows, compared
  /// when either catalog has Catalog::partial_indexes. nullptr: equal texts. PostgreSQL compares
  /// parse trees (pgparse/predicate.hpp), set by the dialect registry, since the differ does
  /// not link the parser.
  bool (*predicates_match)(std::string_view a, std::string_view b) = nullptr;
  /// An index of `from` that is never dropped, even when `to` lacks it (PostgreSQL: partial
  /// indexes read from a database, which Prisma 7.10.1 leaves alone without its partialIndexes
  /// preview feature; PostgresIndex::partial). Not used when predicates are compared.
  /// nullptr: none.
  bool (*index_kept)(const schema::Catalog& from, schema::IndexId id) = nullptr;
};

/// PostgreSQL: native-type casts as Prisma judges them (ENG postgres.rs
/// `postgres_column_type_change`), enums by name, extensions and namespaces.
const DiffPolicy& postgres_policy();
/// SQLite: types by family, tables redefined for everything but ADD COLUMN.
const DiffPolicy& sqlite_policy();

}  // namespace godwit::diff
