#include "psl/connector.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <initializer_list>

namespace godwit::psl {
namespace {

using C = Capability;
using S = ScalarType;
using RA = ReferentialAction;

std::uint64_t caps(std::initializer_list<Capability> list) {
  std::uint64_t out = 0;
  for (auto c : list)
    out |= std::uint64_t{1} << static_cast<int>(c);
  return out;
}

ActionSet actions(std::initializer_list<ReferentialAction> list) {
  ActionSet out = 0;
  for (auto a : list)
    out |= action_bit(a);
  return out;
}

const std::vector<IndexAlgorithm> kAllAlgorithms = {IndexAlgorithm::BTree,  IndexAlgorithm::Hash,
                                                    IndexAlgorithm::Gist,   IndexAlgorithm::Gin,
                                                    IndexAlgorithm::SpGist, IndexAlgorithm::Brin};

// ENG postgres_datamodel_connector/native_types.rs
std::vector<NativeTypeCtor> postgres_types() {
  return {
      {"SmallInt", 0, 0, {S::Int}},
      {"Integer", 0, 0, {S::Int}},
      {"BigInt", 0, 0, {S::BigInt}},
      {"Decimal", 0, 2, {S::Decimal}},
      {"Money", 0, 0, {S::Decimal}},
      {"Inet", 0, 0, {S::String}},
      {"Oid", 0, 0, {S::Int}},
      {"Citext", 0, 0, {S::String}},
      {"Real", 0, 0, {S::Float}},
      {"DoublePrecision", 0, 0, {S::Float}},
      {"VarChar", 0, 1, {S::String}},
      {"Char", 0, 1, {S::String}},
      {"Text", 0, 0, {S::String}},
      {"ByteA", 0, 0, {S::Bytes}},
      {"Timestamp", 0, 1, {S::DateTime}},
      {"Timestamptz", 0, 1, {S::DateTime}},
      {"Date", 0, 0, {S::DateTime}},
      {"Time", 0, 1, {S::DateTime}},
      {"Timetz", 0, 1, {S::DateTime}},
      {"Boolean", 0, 0, {S::Boolean}},
      {"Bit", 0, 1, {S::String}},
      {"VarBit", 0, 1, {S::String}},
      {"Uuid", 0, 0, {S::String}},
      {"Xml", 0, 0, {S::String}},
      {"Json", 0, 0, {S::Json}},
      {"JsonB", 0, 0, {S::Json}},
  };
}

// ENG mysql_datamodel_connector/native_types.rs
std::vector<NativeTypeCtor> mysql_types() {
  return {
      {"Int", 0, 0, {S::Int}},
      {"UnsignedInt", 0, 0, {S::Int}},
      {"SmallInt", 0, 0, {S::Int}},
      {"UnsignedSmallInt", 0, 0, {S::Int}},
      {"TinyInt", 0, 0, {S::Boolean, S::Int}},
      {"UnsignedTinyInt", 0, 0, {S::Boolean, S::Int}},
      {"MediumInt", 0, 0, {S::Int}},
      {"UnsignedMediumInt", 0, 0, {S::Int}},
      {"BigInt", 0, 0, {S::BigInt}},
      {"Decimal", 0, 2, {S::Decimal}},
      {"UnsignedBigInt", 0, 0, {S::BigInt}},
      {"Float", 0, 0, {S::Float}},
      {"Double", 0, 0, {S::Float}},
      {"Bit", 1, 0, {S::Boolean, S::Bytes}},
      {"Char", 1, 0, {S::String}},
      {"VarChar", 1, 0, {S::String}},
      {"Binary", 1, 0, {S::Bytes}},
      {"VarBinary", 1, 0, {S::Bytes}},
      {"TinyBlob", 0, 0, {S::Bytes}},
      {"Blob", 0, 0, {S::Bytes}},
      {"MediumBlob", 0, 0, {S::Bytes}},
      {"LongBlob", 0, 0, {S::Bytes}},
      {"TinyText", 0, 0, {S::String}},
      {"Text", 0, 0, {S::String}},
      {"MediumText", 0, 0, {S::String}},
      {"LongText", 0, 0, {S::String}},
      {"Date", 0, 0, {S::DateTime}},
      {"Time", 0, 1, {S::DateTime}},
      {"DateTime", 0, 1, {S::DateTime}},
      {"Timestamp", 0, 1, {S::DateTime}},
      {"Year", 0, 0, {S::Int}},
      {"Json", 0, 0, {S::Json}},
  };
}

Connector make_postgres(std::string_view provider, std::string_view name) {
  Connector c;
  c.provider = provider;
  c.name = name;
  c.capabilities =
      caps({C::PartialIndex, C::Enums, C::Json, C::JsonLists, C::ScalarLists, C::DecimalType,
            C::CompoundIds, C::NamedPrimaryKeys, C::NamedForeignKeys, C::AutoIncrement,
            C::AutoIncrementAllowedOnNonId, C::AutoIncrementMultipleAllowed,
            C::AutoIncrementNonIndexedAllowed, C::ImplicitManyToManyRelation, C::MultiSchema,
            C::RelationFieldsInArbitraryOrder});
  c.max_identifier_length = 63;
  c.foreign_key_actions =
      actions({RA::NoAction, RA::Restrict, RA::Cascade, RA::SetNull, RA::SetDefault});
  c.emulated_actions = actions({RA::Restrict, RA::SetNull, RA::Cascade});
  c.scopes = {ConstraintScope::GlobalPrimaryKeyKeyIndex,
              ConstraintScope::ModelPrimaryKeyKeyIndexForeignKey};
  c.native_types = postgres_types();
  c.checks_native_types = true;
  c.index_algorithms = kAllAlgorithms;
  return c;
}

Connector make_sqlite() {
  Connector c;
  c.provider = "sqlite";
  c.name = "sqlite";
  // Prisma 7 supports enums and Json on SQLite (checked against prisma 7.10.1).
  c.capabilities =
      caps({C::PartialIndex, C::Enums, C::Json, C::CompoundIds, C::AutoIncrement,
            C::ImplicitManyToManyRelation, C::DecimalType, C::RelationFieldsInArbitraryOrder});
  c.max_identifier_length = 10000;
  c.foreign_key_actions =
      actions({RA::SetNull, RA::SetDefault, RA::Cascade, RA::Restrict, RA::NoAction});
  c.emulated_actions = actions({RA::Restrict, RA::SetNull, RA::Cascade});
  c.scopes = {ConstraintScope::GlobalKeyIndex};
  c.checks_native_types = true;
  c.index_algorithms = {IndexAlgorithm::BTree};
  return c;
}

Connector make_mysql() {
  Connector c;
  c.provider = "mysql";
  c.name = "MySQL";
  c.capabilities =
      caps({C::Enums, C::Json, C::AutoIncrementAllowedOnNonId, C::RelationFieldsInArbitraryOrder,
            C::AutoIncrement, C::CompoundIds, C::NamedForeignKeys, C::IndexColumnLengthPrefixing,
            C::FullTextIndex, C::MultipleFullTextAttributesPerModel, C::ImplicitManyToManyRelation,
            C::DecimalType});
  c.max_identifier_length = 64;
  c.foreign_key_actions =
      actions({RA::Restrict, RA::Cascade, RA::SetNull, RA::NoAction, RA::SetDefault});
  c.emulated_actions = actions({RA::Restrict, RA::SetNull, RA::Cascade});
  c.scopes = {ConstraintScope::GlobalForeignKey, ConstraintScope::ModelKeyIndex};
  c.native_types = mysql_types();
  c.checks_native_types = true;
  c.index_algorithms = {IndexAlgorithm::BTree};
  return c;
}

Connector make_sqlserver() {
  Connector c;
  c.provider = "sqlserver";
  c.name = "SQL Server";
  c.capabilities = caps({C::PartialIndex, C::CompoundIds, C::NamedPrimaryKeys, C::NamedForeignKeys,
                         C::NamedDefaultValues, C::AutoIncrement, C::AutoIncrementAllowedOnNonId,
                         C::AutoIncrementNonIndexedAllowed, C::ImplicitManyToManyRelation,
                         C::MultiSchema, C::ClusteringSetting, C::ReferenceCycleDetection,
                         C::DecimalType, C::PrimaryKeySortOrderDefinition});
  c.max_identifier_length = 128;
  c.foreign_key_actions = actions({RA::NoAction, RA::Cascade, RA::SetNull, RA::SetDefault});
  c.emulated_actions = actions({RA::Restrict, RA::SetNull, RA::Cascade});
  c.scopes = {ConstraintScope::GlobalPrimaryKeyForeignKeyDefault,
              ConstraintScope::ModelPrimaryKeyKeyIndex};
  c.index_algorithms = {IndexAlgorithm::BTree};
  return c;
}

Connector make_mongodb() {
  Connector c;
  c.provider = "mongodb";
  c.name = "MongoDB";
  c.capabilities = caps({C::Enums, C::Json, C::ScalarLists, C::CompositeTypes, C::DefaultValueAuto,
                         C::TwoWayEmbeddedManyToManyRelation, C::FullTextIndex,
                         C::MultipleFullTextAttributesPerModel, C::RelationFieldsInArbitraryOrder});
  c.max_identifier_length = 127;
  c.emulated_actions = actions({RA::Restrict, RA::SetNull, RA::Cascade, RA::NoAction});
  c.foreign_key_actions = c.emulated_actions;
  c.scopes = {ConstraintScope::ModelKeyIndex};
  c.index_algorithms = {IndexAlgorithm::BTree};
  return c;
}

Connector make_empty() {
  Connector c;
  c.provider = "";
  c.name = "Default";
  c.capabilities = ~std::uint64_t{0} & ~caps({C::ReferenceCycleDetection, C::ClusteringSetting});
  c.max_identifier_length = 10000;
  c.foreign_key_actions =
      actions({RA::Cascade, RA::Restrict, RA::NoAction, RA::SetNull, RA::SetDefault});
  c.emulated_actions = actions({RA::Restrict, RA::SetNull, RA::Cascade});
  c.index_algorithms = kAllAlgorithms;
  return c;
}

std::optional<std::uint32_t> parse_u32(const std::string& s) {
  std::uint32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string describe_scope(ConstraintScope scope, std::string_view model_name) {
  switch (scope) {
    case ConstraintScope::GlobalKeyIndex:
      return "global for indexes and unique constraints";
    case ConstraintScope::GlobalForeignKey:
      return "global for foreign keys";
    case ConstraintScope::GlobalPrimaryKeyKeyIndex:
      return "global for primary key, indexes and unique constraints";
    case ConstraintScope::GlobalPrimaryKeyForeignKeyDefault:
      return "global for primary keys, foreign keys and default constraints";
    case ConstraintScope::ModelKeyIndex:
      return fmt::format("on model `{}` for indexes and unique constraints", model_name);
    case ConstraintScope::ModelPrimaryKeyKeyIndex:
      return fmt::format("on model `{}` for primary key, indexes and unique constraints",
                         model_name);
    case ConstraintScope::ModelPrimaryKeyKeyIndexForeignKey:
      return fmt::format(
          "on model `{}` for primary key, indexes, unique constraints and foreign keys",
          model_name);
  }
  return "unknown";
}

const NativeTypeCtor* Connector::find_native_type(std::string_view type_name) const {
  for (const auto& t : native_types)
    if (t.name == type_name) return &t;
  return nullptr;
}

bool Connector::supports_index_algorithm(IndexAlgorithm a) const {
  return std::find(index_algorithms.begin(), index_algorithms.end(), a) != index_algorithms.end();
}

const Connector* connector_for(std::string_view provider) {
  static const Connector kPostgres = make_postgres("postgresql", "Postgres");
  static const Connector kCockroach = make_postgres("cockroachdb", "CockroachDB");
  static const Connector kSqlite = make_sqlite();
  static const Connector kMysql = make_mysql();
  static const Connector kSqlServer = make_sqlserver();
  static const Connector kMongo = make_mongodb();
  provider = canonical_provider(provider);
  if (provider == "postgresql") return &kPostgres;
  if (provider == "sqlite") return &kSqlite;
  if (provider == "mysql") return &kMysql;
  if (provider == "sqlserver") return &kSqlServer;
  if (provider == "cockroachdb") return &kCockroach;
  if (provider == "mongodb") return &kMongo;
  return nullptr;
}

const Connector& empty_connector() {
  static const Connector kEmpty = make_empty();
  return kEmpty;
}

void validate_native_type_args(const Connector& c, std::string_view type_name,
                               const std::vector<std::string>& args, ScalarType scalar, Span span,
                               Diagnostics& diags) {
  std::vector<std::uint32_t> nums;
  for (const auto& a : args) {
    auto v = parse_u32(a);
    if (!v) {
      std::string rendered = "(";
      for (std::size_t i = 0; i < args.size(); ++i)
        rendered += (i ? ", " : "") + args[i];
      rendered += ")";
      const char* expected =
          args.size() == 2 ? "two nonnegative integers" : "a nonnegative integer";
      diags.error(fmt::format("Expected {}, but found {}.", expected, rendered), span);
      return;
    }
    nums.push_back(*v);
  }
  std::string shown(type_name);
  if (!nums.empty()) {
    shown += "(";
    for (std::size_t i = 0; i < nums.size(); ++i)
      shown += (i ? "," : "") + std::to_string(nums[i]);
    shown += ")";
  }
  auto out_of_range = [&](std::string_view msg) {
    diags.error(fmt::format("Argument M is out of range for native type `{}` of {}: {}", shown,
                            c.name, msg),
                span);
  };
  auto scale_error = [&] {
    diags.error(fmt::format("The scale must not be larger than the precision for the {} native "
                            "type in {}.",
                            shown, c.name),
                span);
  };
  if (c.provider == "postgresql" || c.provider == "cockroachdb") {
    if (type_name == "Decimal" && nums.size() == 2) {
      if (nums[1] > nums[0]) return scale_error();
      if (nums[0] > 1000 || nums[0] == 0)
        return out_of_range("Precision must be positive with a maximum value of 1000.");
    }
    if ((type_name == "Bit" || type_name == "VarBit") && nums.size() == 1 && nums[0] == 0)
      return out_of_range("M must be a positive integer.");
    if ((type_name == "Timestamp" || type_name == "Timestamptz" || type_name == "Time" ||
         type_name == "Timetz") &&
        nums.size() == 1 && nums[0] > 6)
      return out_of_range("M can range from 0 to 6.");
  } else if (c.provider == "mysql") {
    if (type_name == "Decimal" && nums.size() == 2) {
      if (nums[1] > nums[0]) return scale_error();
      if (nums[0] > 65) return out_of_range("Precision can range from 1 to 65.");
      if (nums[1] > 30) return out_of_range("Scale can range from 0 to 30.");
    }
    if (type_name == "Bit" && nums.size() == 1) {
      if (nums[0] == 0 || nums[0] > 64) return out_of_range("M can range from 1 to 64.");
      if (nums[0] > 1 && scalar == ScalarType::Boolean)
        return out_of_range("only Bit(1) can be used as Boolean.");
    }
    if (type_name == "Char" && nums.size() == 1 && nums[0] > 255)
      return out_of_range("M can range from 0 to 255.");
    if (type_name == "VarChar" && nums.size() == 1 && nums[0] > 65535)
      return out_of_range("M can range from 0 to 65,535.");
  }
}

}  // namespace godwit::psl
