#pragma once
// The resolved, typed view of a valid Prisma schema — godwit's counterpart of Prisma's parser
// database (ENG psl/parser-database) plus the configuration blocks (prisma-compat.md §8).
//
// Shape: flat vectors addressed by typed ids, no pointers (like schema/catalog.hpp).
// - Schema::models[ModelId], Schema::enums[EnumId], Schema::composite_types[CompositeTypeId],
//   Schema::relations[RelationId];
// - a model's fields are Model::fields[FieldId] (FieldId is an index within its model, in
//   source order); FieldRef names a field of any model.
// Every name is resolved: a field's type says which scalar, enum, model (relation) or
// composite type it is; attributes are parsed into typed structs; relations are paired.
//
// Produced by validate_schema() (validate.hpp). Only a schema without errors yields a
// complete model; with errors the model may be partial and must not be used.
//
// Stability: other code (psl/catalog_builder.*) builds the SQL catalog from this header.
// Changes are additive only.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "psl/boxed.hpp"
#include "psl/datasource.hpp"
#include "psl/span.hpp"

namespace godwit::psl {

/// A typed index into one of the Schema's vectors (or, for FieldId, a model's fields).
template <class Tag>
struct Id {
  std::uint32_t value = 0;
  friend auto operator<=>(const Id&, const Id&) = default;
};

using ModelId = Id<struct ModelTag>;
using EnumId = Id<struct EnumTag>;
using CompositeTypeId = Id<struct CompositeTypeTag>;
using RelationId = Id<struct RelationTag>;
using FieldId = Id<struct FieldTag>;  ///< index into Model::fields (or CompositeType::fields)

/// A field of a given model.
struct FieldRef {
  ModelId model;
  FieldId field;
  friend auto operator<=>(const FieldRef&, const FieldRef&) = default;
};

/// Prisma's built-in scalar types.
enum class ScalarType : std::uint8_t {
  String,
  Boolean,
  Int,
  BigInt,
  Float,
  Decimal,
  DateTime,
  Json,
  Bytes
};

/// "String", "Int", ... as written in schemas.
std::string_view to_string(ScalarType t);
/// The scalar type named `name` ("String", ...), if it is one.
std::optional<ScalarType> scalar_type_from_name(std::string_view name);

/// What a field's type resolved to.
struct FieldType {
  enum class Kind : std::uint8_t {
    Scalar,       ///< `scalar`
    Enum,         ///< `enum_id`
    Model,        ///< a relation field: `model_id` is the other side's model
    Composite,    ///< `composite_id` (MongoDB only; rejected for SQL providers)
    Unsupported,  ///< `Unsupported("...")`: `unsupported` holds the database type text
  };
  Kind kind = Kind::Scalar;
  ScalarType scalar = ScalarType::String;
  EnumId enum_id;
  ModelId model_id;
  CompositeTypeId composite_id;
  std::string unsupported;
};

enum class Arity : std::uint8_t { Required, Optional, List };

enum class SortOrder : std::uint8_t { Asc, Desc };

/// `@@index(type: ...)`.
enum class IndexAlgorithm : std::uint8_t { BTree, Hash, Gist, Gin, SpGist, Brin };

enum class ReferentialAction : std::uint8_t { Cascade, Restrict, NoAction, SetNull, SetDefault };
std::string_view to_string(ReferentialAction a);

/// A constant from the schema (a @default value or an argument of a default function).
/// `text` holds: String — the decoded string; Number — the literal as written ("-1.50");
/// Boolean — "true"/"false"; Constant — the identifier (an enum value name, or e.g. `Desc`).
struct Literal {
  enum class Kind : std::uint8_t { String, Number, Boolean, Constant, List };
  Kind kind = Kind::String;
  std::string text;
  std::vector<Literal> items;  ///< List only
  Span span;
};

/// The functions @default accepts (prisma-compat.md §7.5).
enum class DefaultFunction : std::uint8_t {
  Autoincrement,  ///< autoincrement()
  Now,            ///< now()
  Uuid,           ///< uuid(), uuid(4), uuid(7): `version` 4 or 7
  Cuid,           ///< cuid(), cuid(1), cuid(2): `version` 1 or 2
  Nanoid,         ///< nanoid(), nanoid(n): `length` when given
  Ulid,           ///< ulid()
  DbGenerated,    ///< dbgenerated(), dbgenerated("sql"): `sql` (empty = no DB default)
  Sequence,       ///< sequence(...) (CockroachDB): `args`
  Auto,           ///< auto() (MongoDB)
};

/// `@default(...)`.
struct DefaultValue {
  enum class Kind : std::uint8_t {
    Value,     ///< a constant: `value` (String, Number, Boolean, Constant = enum value, List)
    Function,  ///< `function` with its arguments
  };
  Kind kind = Kind::Value;
  Literal value;
  DefaultFunction function = DefaultFunction::Now;
  std::vector<std::pair<std::string, Literal>> args;  ///< function arguments ("" = positional)
  int version = 0;                      ///< Uuid: 4 (default) or 7; Cuid: 1 (default) or 2
  std::optional<std::uint32_t> length;  ///< Nanoid(n)
  std::optional<std::string> sql;       ///< DbGenerated("sql")
  std::optional<std::string> map;       ///< `map:` (default constraint name, SQL Server)
  Span span;                            ///< the whole `@default(...)` attribute
};

/// `@db.Name(args)`. `name` without the datasource prefix; args as written (numbers, or
/// constants such as `Max` for SQL Server).
struct NativeTypeAttribute {
  std::string datasource;  ///< "db"
  std::string name;        ///< "VarChar"
  std::vector<std::string> args;
  Span span;
};

/// One field of an index / primary key, with per-field arguments
/// (`@@index([a(sort: Desc, length: 10, ops: JsonbPathOps)])`).
struct IndexField {
  FieldId field;
  std::optional<SortOrder> sort;
  std::optional<std::uint32_t> length;
  /// PostgreSQL operator class as written: a constant name (e.g. "JsonbPathOps") or, for
  /// `raw("...")`, the raw SQL with `ops_raw` set.
  std::optional<std::string> ops;
  bool ops_raw = false;
};

/// `@id` or `@@id`.
struct PrimaryKey {
  std::vector<IndexField> fields;
  std::optional<std::string> name;  ///< `name:` (client name of a compound id)
  std::optional<std::string> map;   ///< `map:` (constraint name in the database)
  std::optional<bool> clustered;
  std::optional<FieldId> source_field;  ///< set when declared with @id on that field
  Span span;                            ///< the attribute
};

/// A partial index's `where:` as written (Prisma 7.10's partialIndexes preview feature):
/// `raw("<SQL>")`, or an object of conditions on the model's scalar fields, joined by AND:
/// `{ status: "active", deletedAt: null, n: { not: 3 } }`.
struct IndexWhere {
  struct Condition {
    FieldId field;
    bool negated = false;  ///< `{ not: value }`
    /// String, Number or Boolean; Constant with text "null" for `null`.
    Literal value;
  };
  std::optional<std::string> raw;     ///< `raw("...")`: the SQL, verbatim
  std::vector<Condition> conditions;  ///< the object form, in source order
  Span span;                          ///< the `where: ...` argument
};

/// `@unique`, `@@unique`, `@@index`, `@@fulltext`.
struct Index {
  enum class Kind : std::uint8_t { Unique, Normal, Fulltext };
  Kind kind = Kind::Normal;
  std::vector<IndexField> fields;
  std::optional<std::string> name;  ///< `name:` (@@unique client name)
  /// `map:` (database name); for @@index a legacy `name:` is read as map, as Prisma does.
  std::optional<std::string> map;
  std::optional<IndexAlgorithm> algorithm;  ///< `type:` (@@index)
  std::optional<bool> clustered;
  std::optional<FieldId> source_field;  ///< set for a field-level @unique
  std::optional<IndexWhere> where;      ///< @@index, @@unique, @unique: a partial index
  Span span;
};

/// The `@relation(...)` attribute of a relation field, as written.
struct RelationAttribute {
  std::optional<std::string> name;
  std::optional<std::vector<FieldId>> fields;      ///< on this field's model
  std::optional<std::vector<FieldId>> references;  ///< on the related model
  std::optional<ReferentialAction> on_delete;
  std::optional<ReferentialAction> on_update;
  std::optional<std::string> map;  ///< foreign key constraint name
  Span span;
};

struct Field {
  std::string name;
  FieldType type;
  Arity arity = Arity::Required;
  std::optional<std::string> mapped_name;  ///< @map
  // The three large attributes are boxed (boxed.hpp: std::optional's interface, on the heap):
  // most fields have none of them, and a Field is ~240 bytes instead of ~750.
  Boxed<DefaultValue> default_value;
  Boxed<NativeTypeAttribute> native_type;
  bool is_updated_at = false;  ///< @updatedAt
  bool is_ignored = false;     ///< @ignore
  /// Relation fields: the @relation attribute (if any) and the paired relation.
  Boxed<RelationAttribute> relation_attribute;
  std::optional<RelationId> relation;
  std::string documentation;
  Span span;       ///< the declaration
  Span name_span;  ///< the field name
  Span type_span;  ///< the type name

  bool is_relation() const { return type.kind == FieldType::Kind::Model; }
  /// The column name: @map, else the field name.
  const std::string& database_name() const { return mapped_name ? *mapped_name : name; }
};

struct Model {
  std::string name;
  bool is_view = false;                    ///< `view` block
  std::optional<std::string> mapped_name;  ///< @@map
  std::optional<std::string> schema;       ///< @@schema (multiSchema)
  bool is_ignored = false;                 ///< @@ignore
  std::vector<Field> fields;               ///< source order
  std::optional<PrimaryKey> primary_key;
  /// Prisma's order: field-level @unique in field order, then @@index, @@unique, @@fulltext
  /// each in source order (ENG parser-database attributes.rs resolve_model_attributes).
  std::vector<Index> indexes;
  std::string documentation;
  Span span;       ///< the block
  Span name_span;  ///< the model name

  /// The table name: @@map, else the model name.
  const std::string& database_name() const { return mapped_name ? *mapped_name : name; }
  std::optional<FieldId> find_field(std::string_view field_name) const;
};

struct EnumValue {
  std::string name;
  std::optional<std::string> mapped_name;  ///< @map
  std::string documentation;
  Span span;
  const std::string& database_name() const { return mapped_name ? *mapped_name : name; }
};

struct Enum {
  std::string name;
  std::optional<std::string> mapped_name;  ///< @@map
  std::optional<std::string> schema;       ///< @@schema
  std::vector<EnumValue> values;
  std::string documentation;
  Span span;
  Span name_span;
  const std::string& database_name() const { return mapped_name ? *mapped_name : name; }
};

/// A composite type (`type X { ... }`, MongoDB only). Fields are kept for completeness.
struct CompositeType {
  std::string name;
  std::vector<Field> fields;
  Span span;
};

/// A paired relation between two relation fields (prisma-compat.md §7.6, §7.7).
///
/// Inline relations (OneToOne, OneToMany) have a referencing side, the field whose
/// @relation has `fields`/`references` (the foreign key lives on its model: `model_a`), and a
/// referenced side (`model_b`). For OneToMany, `field_a` is the singular side.
/// Implicit ManyToMany: `model_a` is the model whose name sorts first (column "A" of the join
/// table `_<name>`), `model_b` the other; for a self-relation `field_a` is the field whose
/// name sorts first.
struct Relation {
  enum class Kind : std::uint8_t { OneToOne, OneToMany, ManyToMany };
  Kind kind = Kind::OneToMany;
  std::string name;  ///< explicit name, else Prisma's default "<A>To<B>"
  bool name_is_explicit = false;
  ModelId model_a;
  FieldId field_a;
  ModelId model_b;
  FieldId field_b;
  /// Inline relations: the foreign key columns on model_a and the referenced fields on
  /// model_b, in order.
  std::vector<FieldId> fields;
  std::vector<FieldId> references;
  std::optional<ReferentialAction> on_delete;  ///< as written
  std::optional<ReferentialAction> on_update;  ///< as written
  std::optional<std::string> map;              ///< foreign key name (`map:`)

  bool is_self_relation() const { return model_a == model_b; }
};

/// A `generator` block.
struct Generator {
  std::string name;
  std::string provider;
  std::optional<std::string> output;
  std::vector<std::string> preview_features;  ///< as written
  std::vector<std::string> binary_targets;
  Span span;
};

/// `extensions = [pg_trgm, hstore(schema: "x", version: "1.4", map: "y")]`
/// (postgresqlExtensions preview feature).
struct Extension {
  std::string name;                    ///< the name in the schema
  std::optional<std::string> db_name;  ///< `map:`
  std::optional<std::string> schema;   ///< `schema:`
  std::optional<std::string> version;  ///< `version:`
  const std::string& database_name() const { return db_name ? *db_name : name; }
};

/// The whole resolved schema.
struct Schema {
  std::optional<Datasource> datasource;  ///< the one datasource (absent: none declared)
  std::vector<Extension> extensions;     ///< datasource `extensions`
  std::vector<Generator> generators;
  std::vector<Model> models;  ///< models and views, in file order then source order
  std::vector<Enum> enums;
  std::vector<CompositeType> composite_types;
  std::vector<Relation> relations;  ///< in the order their first field appears
  /// Preview features of all generators, deduplicated and sorted (as written).
  std::vector<std::string> preview_features;

  const Model& model(ModelId id) const { return models.at(id.value); }
  const Enum& enum_(EnumId id) const { return enums.at(id.value); }
  const Relation& relation(RelationId id) const { return relations.at(id.value); }
  const Field& field(FieldRef r) const { return model(r.model).fields.at(r.field.value); }
  std::optional<ModelId> find_model(std::string_view name) const;
  std::optional<EnumId> find_enum(std::string_view name) const;
  bool has_preview_feature(std::string_view feature) const;
  /// "postgresql", "sqlite", ... ("" without a datasource).
  const std::string& provider() const;
};

/// A deterministic, human-readable dump of everything in `schema` except spans and
/// documentation (one line per model, field, index, relation, ...). Two schemas that mean the
/// same thing dump the same; tests compare dumps.
std::string to_debug_string(const Schema& schema);

}  // namespace godwit::psl
