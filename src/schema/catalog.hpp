#pragma once
// The dialect-neutral schema model ("catalog"): what a database schema holds, as flat vectors
// addressed by typed ids. The Prisma schema builder (psl/catalog_builder.hpp) and, later, the
// live-database inspectors fill it; one differ compares two of them; renderers print it.
//
// Shape: every object lives in one vector of the Catalog and is addressed by its index wrapped
// in a typed id (TableId{3} is catalog.tables[3]). Tables list the ids of their columns,
// indexes, foreign keys and checks in creation order, which is also the order renderers print
// them in. There are no pointers, so a Catalog can be copied, compared with == and printed
// (schema/dump.hpp) freely; name lookups go through schema/lookup.hpp.
//
// Naming follows Prisma's sql-schema-describer where the concepts match (ENG
// libs/sql-schema-describer), so that behaviour documented in prisma-compat.md §7 maps 1:1.
//
// The same model comes from a Prisma schema and from a live database, so it says each fact one
// way: auto-increment is a column's Identity (never also a default), unique constraints and
// unique indexes are told apart, and what only PostgreSQL has (index algorithms, operator
// classes) lives in typed side data (schema/postgres_ext.hpp), not in the neutral structs.
// Objects the Prisma schema cannot describe (views' SQL, sequences, check constraints) are
// catalog objects too, so that introspection carries them instead of dropping them.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/ids.hpp"
#include "schema/postgres_ext.hpp"
#include "schema/value.hpp"

namespace godwit::schema {

/// A database schema / namespace (PostgreSQL `CREATE SCHEMA`). SQLite catalogs hold one
/// namespace, "main", which is never rendered. A namespace that holds no table, enum, view or
/// sequence (only referenced by an extension, or listed but empty) is not created: Prisma
/// creates only the schemas that hold objects (prisma-compat.md §7.2, CreateSchema).
struct Namespace {
  std::string name;
  friend bool operator==(const Namespace&, const Namespace&) = default;
};

/// The broad kind of a column type, shared by every dialect (describer `ColumnTypeFamily`).
enum class TypeFamily : std::uint8_t {
  Int,
  BigInt,
  Float,
  Decimal,
  Boolean,
  String,
  DateTime,
  Binary,
  Json,
  Uuid,
  Enum,         ///< ColumnType::enum_id says which
  Unsupported,  ///< ColumnType::raw holds the database's type text
};

/// A dialect's own type for a column, spelled as Prisma's native type attribute names it
/// (`@db.VarChar(255)` -> {"VarChar", {255}}; `@db.Decimal(10, 2)` -> {"Decimal", {10, 2}}).
/// Empty `name`: the dialect has no native type for this column (SQLite) or it is an enum or
/// unsupported type. Renderers turn it into SQL (PostgreSQL "VarChar" -> `VARCHAR(255)`).
struct NativeType {
  std::string name;
  std::vector<std::uint32_t> args;
  bool empty() const { return name.empty(); }
  friend bool operator==(const NativeType&, const NativeType&) = default;
};

/// Whether a column holds one value, may hold NULL, or holds an array (PostgreSQL `T[]`).
enum class Arity : std::uint8_t { Required, Nullable, List };

struct ColumnType {
  TypeFamily family = TypeFamily::String;
  NativeType native;
  EnumId enum_id;   ///< family == Enum only
  std::string raw;  ///< family == Unsupported only: the type text, printed verbatim
  friend bool operator==(const ColumnType&, const ColumnType&) = default;
};

/// What fills a column when an INSERT leaves it out.
enum class DefaultKind : std::uint8_t {
  Value,        ///< a constant (DefaultValue::value)
  Now,          ///< the current timestamp (`CURRENT_TIMESTAMP`)
  DbGenerated,  ///< an SQL expression, printed verbatim (`expression`)
  PrismaLevel,  ///< filled in by the Prisma client (uuid(), cuid(), ...): nothing in the
                ///< database. Never produced by introspection; compare it as "no default".
};

struct DefaultValue {
  DefaultKind kind = DefaultKind::Value;
  Value value;             ///< kind == Value
  std::string expression;  ///< kind == DbGenerated: the SQL
  friend bool operator==(const DefaultValue&, const DefaultValue&) = default;

  static DefaultValue constant(Value v);
  static DefaultValue now();
  static DefaultValue db_generated(std::string sql);
  static DefaultValue prisma_level();
};

struct Table {
  NamespaceId namespace_id;
  std::string name;
  std::vector<ColumnId> columns;           ///< in column order
  std::vector<IndexId> indexes;            ///< primary key first, then in creation order
  std::vector<ForeignKeyId> foreign_keys;  ///< in creation order
  std::vector<CheckId> checks;             ///< in creation order
  friend bool operator==(const Table&, const Table&) = default;
};

/// How the database itself generates a column's values: the one way the catalog says
/// "auto-increment" (Prisma's `@default(autoincrement())`), never also as a default.
enum class Identity : std::uint8_t {
  None,
  /// PostgreSQL SMALLSERIAL / SERIAL / BIGSERIAL: a sequence owned by the column and a
  /// `nextval(...)` default, both implied by the type (prisma-compat.md §7.5). SQLite: the
  /// rowid alias of an `INTEGER PRIMARY KEY`, which Prisma marks AUTOINCREMENT.
  Serial,
  Always,     ///< PostgreSQL `GENERATED ALWAYS AS IDENTITY`
  ByDefault,  ///< PostgreSQL `GENERATED BY DEFAULT AS IDENTITY`
};

struct Column {
  TableId table;
  std::string name;
  ColumnType type;
  Arity arity = Arity::Required;
  std::optional<DefaultValue> default_value;
  Identity identity = Identity::None;
  friend bool operator==(const Column&, const Column&) = default;
};

/// What an index enforces, and how it was made. A unique constraint (`CONSTRAINT "x" UNIQUE`,
/// pg_constraint contype 'u') and a unique index (`CREATE UNIQUE INDEX`) enforce the same
/// thing but are different objects to drop or rename; Prisma's schema produces unique
/// indexes only (`@unique`, `@@unique`: prisma-compat.md §7.3).
enum class IndexKind : std::uint8_t { PrimaryKey, UniqueConstraint, UniqueIndex, Normal, Fulltext };

/// True for both kinds of unique index (not the primary key).
constexpr bool is_unique(IndexKind k) {
  return k == IndexKind::UniqueConstraint || k == IndexKind::UniqueIndex;
}

enum class SortOrder : std::uint8_t { Asc, Desc };

struct IndexColumn {
  ColumnId column;
  std::optional<SortOrder> sort;        ///< as declared; nullopt = the database default (ASC)
  std::optional<std::uint32_t> length;  ///< prefix length (MySQL); nullopt = whole value
  friend bool operator==(const IndexColumn&, const IndexColumn&) = default;
};

/// A primary key, unique constraint, unique index or plain index. The PostgreSQL access method
/// and operator classes are in Catalog::postgres (postgres_ext.hpp).
struct Index {
  TableId table;
  std::string name;
  IndexKind kind = IndexKind::Normal;
  std::vector<IndexColumn> columns;
  std::string predicate;  ///< partial index `WHERE` clause, verbatim; "" = none
  friend bool operator==(const Index&, const Index&) = default;
};

enum class ReferentialAction : std::uint8_t { NoAction, Restrict, Cascade, SetNull, SetDefault };

/// When a constraint is checked (PostgreSQL and SQLite `DEFERRABLE INITIALLY ...`).
enum class Deferrable : std::uint8_t { NotDeferrable, InitiallyImmediate, InitiallyDeferred };

struct ForeignKey {
  TableId table;  ///< the constrained (referencing) table
  /// nullopt: an unnamed constraint (SQLite `FOREIGN KEY (...)` without `CONSTRAINT "x"`;
  /// PostgreSQL then names it itself). Prisma names every foreign key it creates (§7.4).
  std::optional<std::string> name;
  std::vector<ColumnId> columns;  ///< constrained columns, paired with referenced_columns
  TableId referenced_table;
  std::vector<ColumnId> referenced_columns;
  ReferentialAction on_delete = ReferentialAction::NoAction;
  ReferentialAction on_update = ReferentialAction::NoAction;
  Deferrable deferrable = Deferrable::NotDeferrable;
  friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

/// The action as SQL writes it after ON DELETE / ON UPDATE ("CASCADE", "NO ACTION", ...).
const char* sql_keyword(ReferentialAction a);
/// The clause that follows a foreign key's actions, with its leading space
/// (" DEFERRABLE INITIALLY DEFERRED"); "" for NotDeferrable, which both dialects assume.
const char* sql_keyword(Deferrable d);

struct Enum {
  NamespaceId namespace_id;
  std::string name;
  std::vector<std::string> values;  ///< database values, in declaration order
  friend bool operator==(const Enum&, const Enum&) = default;
};

/// A PostgreSQL extension (`CREATE EXTENSION ... [WITH] [SCHEMA s] [VERSION v]`).
struct Extension {
  std::string name;
  /// The namespace its objects are created in; nullopt: not specified (the database picks the
  /// first schema of the search path).
  std::optional<NamespaceId> namespace_id;
  std::string version;  ///< "" = not specified
  friend bool operator==(const Extension&, const Extension&) = default;
};

/// A view: its SQL is kept as the database prints it (pg_get_viewdef, sqlite_schema.sql).
/// Prisma's schema describes no view SQL, so catalogs built from it hold none.
struct View {
  NamespaceId namespace_id;
  std::string name;
  std::string definition;
  /// Its columns in order, read only with InspectOptions::views (`db pull` with Prisma's `views`
  /// preview feature); Column::table is not used. A view's columns are nullable to the database.
  std::vector<Column> columns;
  /// `COMMENT ON VIEW` and `COMMENT ON COLUMN` (per column, parallel to `columns`; PostgreSQL),
  /// read with the columns.
  std::optional<std::string> description;
  std::vector<std::optional<std::string>> column_descriptions;
  /// Where the database lists the view among the others (PostgreSQL: `pg_views` without an
  /// ORDER BY, as Prisma's describer reads it; SQLite: by name): `db pull` writes new views in
  /// this order.
  std::uint32_t listed = 0;
  friend bool operator==(const View&, const View&) = default;
};

/// A sequence (PostgreSQL CREATE SEQUENCE), with the options Prisma's describer reads. Serial
/// columns' own sequences are implied by Identity::Serial and are not listed by the PSL builder.
struct Sequence {
  NamespaceId namespace_id;
  std::string name;
  std::int64_t start = 1;
  std::int64_t increment = 1;
  std::int64_t min_value = 1;
  std::int64_t max_value = INT64_MAX;
  std::int64_t cache = 1;
  bool cycle = false;
  std::optional<ColumnId> owned_by;  ///< `OWNED BY` a column
  friend bool operator==(const Sequence&, const Sequence&) = default;
};

/// A table's CHECK constraint; the expression as the database prints it.
struct CheckConstraint {
  TableId table;
  std::string name;
  std::string expression;
  friend bool operator==(const CheckConstraint&, const CheckConstraint&) = default;
};

/// A whole database schema. Build it with the add_* functions (they keep the per-table id
/// lists up to date); read the vectors directly.
struct Catalog {
  /// The namespace that unqualified names resolve to on the connection ("public" on
  /// PostgreSQL, "main" on SQLite). Objects in it are rendered without a schema prefix.
  std::string default_namespace;

  std::vector<Namespace> namespaces;  ///< the namespaces that hold objects
  std::vector<Table> tables;
  std::vector<Column> columns;
  std::vector<Index> indexes;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Enum> enums;
  std::vector<Extension> extensions;
  std::vector<View> views;
  std::vector<Sequence> sequences;
  std::vector<CheckConstraint> checks;
  /// PostgreSQL-only details (empty on other dialects).
  PostgresExt postgres;
  /// Partial indexes are compared by their predicate (Index::predicate): the schema enables
  /// Prisma's `partialIndexes` preview feature (set by the PSL catalog builder), or the
  /// database was read with InspectOptions::partial_indexes. Without it, as in Prisma 7.10.1,
  /// a database's partial index is taken as a whole-table index that a diff never drops.
  bool partial_indexes = false;

  NamespaceId add_namespace(std::string name);
  TableId add_table(NamespaceId ns, std::string name);
  ColumnId add_column(Column column);  ///< column.table must exist
  IndexId add_index(Index index);      ///< index.table must exist
  ForeignKeyId add_foreign_key(ForeignKey fk);
  EnumId add_enum(Enum e);
  ExtensionId add_extension(Extension ext);
  ViewId add_view(View view);
  SequenceId add_sequence(Sequence sequence);
  CheckId add_check(CheckConstraint check);  ///< check.table must exist

  const Namespace& get(NamespaceId id) const { return namespaces[id.value]; }
  const Table& get(TableId id) const { return tables[id.value]; }
  const Column& get(ColumnId id) const { return columns[id.value]; }
  const Index& get(IndexId id) const { return indexes[id.value]; }
  const ForeignKey& get(ForeignKeyId id) const { return foreign_keys[id.value]; }
  const Enum& get(EnumId id) const { return enums[id.value]; }
  const Extension& get(ExtensionId id) const { return extensions[id.value]; }
  const View& get(ViewId id) const { return views[id.value]; }
  const Sequence& get(SequenceId id) const { return sequences[id.value]; }
  const CheckConstraint& get(CheckId id) const { return checks[id.value]; }

  /// The column of `table` named `name`: a scan of that table's columns, for builders that
  /// add to the catalog as they go. Lookups over a finished catalog (the differ, inspectors)
  /// use CatalogLookup (schema/lookup.hpp), whose hash maps keep them O(1).
  std::optional<ColumnId> find_column(TableId table, std::string_view name) const;
  /// The table's primary key index, if it has one.
  std::optional<IndexId> primary_key(TableId table) const;
  /// True when `ns` is the connection's default namespace (render names unqualified).
  bool is_default_namespace(NamespaceId ns) const;
  /// For each namespace, whether it holds a table, enum, view or sequence (only those are
  /// created; see Namespace).
  std::vector<bool> namespaces_holding_objects() const;
  bool empty() const;

  friend bool operator==(const Catalog&, const Catalog&) = default;
};

std::string_view to_string(TypeFamily f);
std::string_view to_string(Arity a);
std::string_view to_string(DefaultKind k);
std::string_view to_string(IndexKind k);
std::string_view to_string(Identity i);
std::string_view to_string(Deferrable d);
std::string_view to_string(ReferentialAction a);

/// The stable text dump of a whole catalog (schema/dump.hpp).
std::string dump(const Catalog& catalog);

}  // namespace godwit::schema
