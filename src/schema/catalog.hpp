#pragma once
// The dialect-neutral schema model ("catalog"): what a database schema holds, as flat vectors
// addressed by typed ids. The Prisma schema builder (psl/catalog_builder.hpp) and, later, the
// live-database inspectors fill it; one differ compares two of them; renderers print it.
//
// Shape: every object lives in one vector of the Catalog and is addressed by its index wrapped
// in a typed id (TableId{3} is catalog.tables[3]). Tables list the ids of their columns,
// indexes and foreign keys in creation order, which is also the order renderers print them
// in. There are no pointers, so a Catalog can be copied, compared with == and printed
// (to_string) freely.
//
// Naming follows Prisma's sql-schema-describer where the concepts match (ENG
// libs/sql-schema-describer), so that behaviour documented in prisma-compat.md §7 maps 1:1.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/value.hpp"

namespace godwit::schema {

/// A typed index into one of the Catalog's vectors. Ids of different kinds do not convert.
template <class Tag>
struct Id {
  std::uint32_t value = 0;
  friend auto operator<=>(const Id&, const Id&) = default;
};

using NamespaceId = Id<struct NamespaceTag>;
using TableId = Id<struct TableTag>;
using ColumnId = Id<struct ColumnTag>;
using IndexId = Id<struct IndexTag>;
using ForeignKeyId = Id<struct ForeignKeyTag>;
using EnumId = Id<struct EnumTag>;
using ExtensionId = Id<struct ExtensionTag>;

/// A database schema / namespace (PostgreSQL `CREATE SCHEMA`). SQLite catalogs hold one
/// namespace, "main", which is never rendered.
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
  Sequence,     ///< the next value of a sequence (SERIAL / autoincrement); `expression` holds
                ///< the sequence name when known. Renders no DEFAULT clause: the column type
                ///< (SERIAL) or AUTOINCREMENT carries it.
  DbGenerated,  ///< an SQL expression, printed verbatim (`expression`)
  PrismaLevel,  ///< filled in by the Prisma client (uuid(), cuid(), ...): nothing in the
                ///< database. Never produced by introspection; compare it as "no default".
};

struct DefaultValue {
  DefaultKind kind = DefaultKind::Value;
  Value value;             ///< kind == Value
  std::string expression;  ///< kind == DbGenerated: the SQL; kind == Sequence: its name
  friend bool operator==(const DefaultValue&, const DefaultValue&) = default;

  static DefaultValue constant(Value v);
  static DefaultValue now();
  static DefaultValue sequence(std::string name = {});
  static DefaultValue db_generated(std::string sql);
  static DefaultValue prisma_level();
};

struct Table {
  NamespaceId namespace_id;
  std::string name;
  std::vector<ColumnId> columns;           ///< in column order
  std::vector<IndexId> indexes;            ///< primary key first, then in creation order
  std::vector<ForeignKeyId> foreign_keys;  ///< in creation order
  friend bool operator==(const Table&, const Table&) = default;
};

struct Column {
  TableId table;
  std::string name;
  ColumnType type;
  Arity arity = Arity::Required;
  std::optional<DefaultValue> default_value;
  /// The database generates values (PostgreSQL SERIAL/identity, SQLite AUTOINCREMENT rowid).
  bool auto_increment = false;
  friend bool operator==(const Column&, const Column&) = default;
};

enum class IndexKind : std::uint8_t { PrimaryKey, Unique, Normal, Fulltext };
enum class IndexAlgorithm : std::uint8_t { BTree, Hash, Gist, Gin, SpGist, Brin };
enum class SortOrder : std::uint8_t { Asc, Desc };

struct IndexColumn {
  ColumnId column;
  std::optional<SortOrder> sort;        ///< as declared; nullopt = the database default (ASC)
  std::optional<std::uint32_t> length;  ///< prefix length (MySQL); nullopt = whole value
  std::string operator_class;  ///< PostgreSQL opclass as SQL ("jsonb_path_ops"); "" = default
  friend bool operator==(const IndexColumn&, const IndexColumn&) = default;
};

/// A primary key, unique constraint/index or plain index. Unique constraints are indexes here,
/// as Prisma renders them (`CREATE UNIQUE INDEX`).
struct Index {
  TableId table;
  std::string name;
  IndexKind kind = IndexKind::Normal;
  std::vector<IndexColumn> columns;
  IndexAlgorithm algorithm = IndexAlgorithm::BTree;
  std::string predicate;  ///< partial index `WHERE` clause, verbatim; "" = none
  friend bool operator==(const Index&, const Index&) = default;
};

enum class ReferentialAction : std::uint8_t { NoAction, Restrict, Cascade, SetNull, SetDefault };

/// The action as SQL writes it after ON DELETE / ON UPDATE ("CASCADE", "NO ACTION", ...).
const char* sql_keyword(ReferentialAction a);

struct ForeignKey {
  TableId table;  ///< the constrained (referencing) table
  std::string name;
  std::vector<ColumnId> columns;  ///< constrained columns, paired with referenced_columns
  TableId referenced_table;
  std::vector<ColumnId> referenced_columns;
  ReferentialAction on_delete = ReferentialAction::NoAction;
  ReferentialAction on_update = ReferentialAction::NoAction;
  friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

struct Enum {
  NamespaceId namespace_id;
  std::string name;
  std::vector<std::string> values;  ///< database values, in declaration order
  friend bool operator==(const Enum&, const Enum&) = default;
};

/// A PostgreSQL extension (`CREATE EXTENSION`). Empty schema/version: not specified.
struct Extension {
  std::string name;
  std::string schema;
  std::string version;
  friend bool operator==(const Extension&, const Extension&) = default;
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

  NamespaceId add_namespace(std::string name);
  TableId add_table(NamespaceId ns, std::string name);
  ColumnId add_column(Column column);  ///< column.table must exist
  IndexId add_index(Index index);      ///< index.table must exist
  ForeignKeyId add_foreign_key(ForeignKey fk);
  EnumId add_enum(Enum e);
  ExtensionId add_extension(Extension ext);

  const Namespace& get(NamespaceId id) const { return namespaces[id.value]; }
  const Table& get(TableId id) const { return tables[id.value]; }
  const Column& get(ColumnId id) const { return columns[id.value]; }
  const Index& get(IndexId id) const { return indexes[id.value]; }
  const ForeignKey& get(ForeignKeyId id) const { return foreign_keys[id.value]; }
  const Enum& get(EnumId id) const { return enums[id.value]; }
  const Extension& get(ExtensionId id) const { return extensions[id.value]; }

  /// The column of `table` named `name`: a scan of that table's columns, for builders that
  /// add to the catalog as they go. Lookups over a finished catalog (the differ, inspectors)
  /// use CatalogLookup (schema/lookup.hpp), whose hash maps keep them O(1).
  std::optional<ColumnId> find_column(TableId table, std::string_view name) const;
  /// The table's primary key index, if it has one.
  std::optional<IndexId> primary_key(TableId table) const;
  /// True when `ns` is the connection's default namespace (render names unqualified).
  bool is_default_namespace(NamespaceId ns) const;
  bool empty() const;

  friend bool operator==(const Catalog&, const Catalog&) = default;
};

std::string_view to_string(TypeFamily f);
std::string_view to_string(Arity a);
std::string_view to_string(DefaultKind k);
std::string_view to_string(IndexKind k);
std::string_view to_string(IndexAlgorithm a);
std::string_view to_string(ReferentialAction a);

/// The stable text dump of a whole catalog (schema/dump.hpp).
std::string dump(const Catalog& catalog);

}  // namespace godwit::schema
