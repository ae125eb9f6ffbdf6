#pragma once
// What each datasource provider supports, as far as schema validation needs it — godwit's
// counterpart of Prisma's datamodel connectors (ENG psl/psl-core/src/builtin_connectors):
// capabilities, identifier length limit, referential actions, constraint name scopes and the
// native types (`@db.X`) with their argument counts and compatible scalar types.
//
// PostgreSQL, SQLite and MySQL are described fully. SQL Server, CockroachDB and MongoDB get
// their capabilities only: godwit does not check their native types.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "psl/diagnostics.hpp"
#include "psl/model.hpp"

namespace godwit::psl {

enum class Capability : std::uint8_t {
  Enums,
  Json,
  JsonLists,
  ScalarLists,
  DecimalType,
  CompoundIds,
  NamedPrimaryKeys,
  NamedForeignKeys,
  NamedDefaultValues,
  AutoIncrement,
  AutoIncrementAllowedOnNonId,
  AutoIncrementMultipleAllowed,
  AutoIncrementNonIndexedAllowed,
  ImplicitManyToManyRelation,
  MultiSchema,
  FullTextIndex,
  MultipleFullTextAttributesPerModel,
  IndexColumnLengthPrefixing,
  PrimaryKeySortOrderDefinition,
  ClusteringSetting,
  CompositeTypes,
  RelationFieldsInArbitraryOrder,
  ReferenceCycleDetection,
  DefaultValueAuto,
  TwoWayEmbeddedManyToManyRelation,
  PartialIndex,  ///< `where:` on indexes (PostgreSQL, CockroachDB, SQLite, SQL Server)
};

/// Where constraint names must be unique (ENG datamodel_connector ConstraintScope).
enum class ConstraintScope : std::uint8_t {
  GlobalKeyIndex,
  GlobalForeignKey,
  GlobalPrimaryKeyKeyIndex,
  GlobalPrimaryKeyForeignKeyDefault,
  ModelKeyIndex,
  ModelPrimaryKeyKeyIndex,
  ModelPrimaryKeyKeyIndexForeignKey,
};

/// Prisma's wording of a scope in "has to be unique in the following namespace: ...".
std::string describe_scope(ConstraintScope scope, std::string_view model_name);

/// A native type constructor: `@db.<name>` with its argument counts.
struct NativeTypeCtor {
  std::string_view name;
  int required_args = 0;
  int optional_args = 0;
  std::vector<ScalarType> scalar_types;  ///< the field types it may be used with
};

/// A bit set of referential actions, iterated in Prisma's order (Cascade, Restrict, NoAction,
/// SetNull, SetDefault).
using ActionSet = std::uint8_t;
constexpr ActionSet action_bit(ReferentialAction a) {
  return ActionSet(1u << static_cast<int>(a));
}

struct Connector {
  std::string_view provider;  ///< "postgresql", "sqlite", ...
  std::string_view name;      ///< "Postgres", "sqlite", "MySQL", ... (Prisma's connector name)
  std::uint64_t capabilities = 0;
  std::size_t max_identifier_length = 0;
  ActionSet foreign_key_actions = 0;
  ActionSet emulated_actions = 0;
  std::vector<ConstraintScope> scopes;
  std::vector<NativeTypeCtor> native_types;
  bool checks_native_types = false;  ///< false: any @db.X is accepted unchecked
  std::vector<IndexAlgorithm> index_algorithms;

  bool has(Capability c) const { return (capabilities >> static_cast<int>(c)) & 1u; }
  const NativeTypeCtor* find_native_type(std::string_view type_name) const;
  bool supports_index_algorithm(IndexAlgorithm a) const;
};

/// The connector for a datasource provider ("postgres" is accepted for PostgreSQL), or null.
const Connector* connector_for(std::string_view provider);
/// The connector used when there is no datasource.
const Connector& empty_connector();

/// Checks the arguments of a native type that passed the count and type checks (ranges,
/// scale vs precision) and reports Prisma's messages. `args` as written.
void validate_native_type_args(const Connector& c, std::string_view type_name,
                               const std::vector<std::string>& args, ScalarType scalar, Span span,
                               Diagnostics& diags);

}  // namespace godwit::psl
