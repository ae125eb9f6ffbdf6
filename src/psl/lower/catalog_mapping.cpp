#include "psl/lower/catalog_mapping.hpp"

#include <fmt/format.h>

#include <cctype>
#include <vector>

#include "core/error.hpp"
#include "psl/catalog_builder.hpp"
#include "schema/naming.hpp"

namespace godwit::psl::detail {

namespace sc = godwit::schema;

// PostgreSQL native types for unannotated scalars (ENG postgres_datamodel_connector.rs
// SCALAR_TYPE_DEFAULTS).
sc::NativeType default_postgres_type(ScalarType t) {
  switch (t) {
    case ScalarType::String:
      return {"Text", {}};
    case ScalarType::Boolean:
      return {"Boolean", {}};
    case ScalarType::Int:
      return {"Integer", {}};
    case ScalarType::BigInt:
      return {"BigInt", {}};
    case ScalarType::Float:
      return {"DoublePrecision", {}};
    case ScalarType::Decimal:
      return {"Decimal", {65, 30}};
    case ScalarType::DateTime:
      return {"Timestamp", {3}};
    case ScalarType::Json:
      return {"JsonB", {}};
    case ScalarType::Bytes:
      return {"ByteA", {}};
  }
  return {"Text", {}};
}

sc::TypeFamily family_of(ScalarType t) {
  switch (t) {
    case ScalarType::String:
      return sc::TypeFamily::String;
    case ScalarType::Boolean:
      return sc::TypeFamily::Boolean;
    case ScalarType::Int:
      return sc::TypeFamily::Int;
    case ScalarType::BigInt:
      return sc::TypeFamily::BigInt;
    case ScalarType::Float:
      return sc::TypeFamily::Float;
    case ScalarType::Decimal:
      return sc::TypeFamily::Decimal;
    case ScalarType::DateTime:
      return sc::TypeFamily::DateTime;
    case ScalarType::Json:
      return sc::TypeFamily::Json;
    case ScalarType::Bytes:
      return sc::TypeFamily::Binary;
  }
  return sc::TypeFamily::String;
}

sc::ReferentialAction convert(ReferentialAction a) {
  switch (a) {
    case ReferentialAction::Cascade:
      return sc::ReferentialAction::Cascade;
    case ReferentialAction::Restrict:
      return sc::ReferentialAction::Restrict;
    case ReferentialAction::NoAction:
      return sc::ReferentialAction::NoAction;
    case ReferentialAction::SetNull:
      return sc::ReferentialAction::SetNull;
    case ReferentialAction::SetDefault:
      return sc::ReferentialAction::SetDefault;
  }
  return sc::ReferentialAction::NoAction;
}

sc::IndexAlgorithm convert(IndexAlgorithm a) {
  switch (a) {
    case IndexAlgorithm::BTree:
      return sc::IndexAlgorithm::BTree;
    case IndexAlgorithm::Hash:
      return sc::IndexAlgorithm::Hash;
    case IndexAlgorithm::Gist:
      return sc::IndexAlgorithm::Gist;
    case IndexAlgorithm::Gin:
      return sc::IndexAlgorithm::Gin;
    case IndexAlgorithm::SpGist:
      return sc::IndexAlgorithm::SpGist;
    case IndexAlgorithm::Brin:
      return sc::IndexAlgorithm::Brin;
  }
  return sc::IndexAlgorithm::BTree;
}

// Prisma operator class names to SQL: the trailing words Ops, Bloom, MinMax, Multi,
// Inclusion and Path become `_ops`, `_bloom`, `_minmax`, ...; the rest is lower-cased whole
// (JsonbPathOps -> jsonb_path_ops, TimestampTzMinMaxMultiOps -> timestamptz_minmax_multi_ops;
// ENG sql-schema-describer postgres.rs SQLOperatorClassKind).
std::string operator_class_sql(std::string_view name) {
  static const char* const kSuffixes[] = {"Ops", "Bloom", "MinMax", "Multi", "Inclusion", "Path"};
  std::vector<std::string> words;
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (const char* suffix : kSuffixes) {
      std::string_view s{suffix};
      if (name.size() > s.size() && name.substr(name.size() - s.size()) == s) {
        words.emplace_back(s);
        name.remove_suffix(s.size());
        stripped = true;
        break;
      }
    }
  }
  std::string out;
  for (char ch : name)
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (auto it = words.rbegin(); it != words.rend(); ++it) {
    out += '_';
    for (char ch : *it)
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

// The validator guarantees what the builder relies on; if it let something through, fail with
// a clear error instead of building a broken catalog.
[[noreturn]] void unexpected(std::string what) {
  throw core::Error("GW1101", "Cannot build the SQL schema: " + what + ".",
                    "This schema passed validation but should not have; please report it.");
}

[[noreturn]] void invalid_literal(const Model& m, const Field& f, std::string_view what) {
  unexpected(fmt::format("the default of `{}.{}` is {}", m.name, f.name, what));
}

std::uint32_t native_type_arg(const Field& f, const std::string& arg) {
  if (arg.empty() || arg.size() > 9 || arg.find_first_not_of("0123456789") != std::string::npos) {
    unexpected(fmt::format("`{}` has a non-numeric native type argument `{}`", f.name, arg));
  }
  std::uint32_t v = 0;
  for (char ch : arg)
    v = v * 10 + static_cast<std::uint32_t>(ch - '0');
  return v;
}

}  // namespace godwit::psl::detail

namespace godwit::psl {

const CatalogFlavour& postgres_catalog_flavour() {
  static const CatalogFlavour kFlavour{
      .default_namespace = "public",
      .identifier_limit = schema::kPostgresIdentifierLimit,
      .namespaces = true,
      .native_enums = true,
      .default_native_type = &detail::default_postgres_type,
      .implicit_rowid_autoincrement = false,
      .join_table_primary_key = true,
      .postgres_index_details = true,
      .extensions = true,
  };
  return kFlavour;
}

const CatalogFlavour& sqlite_catalog_flavour() {
  static const CatalogFlavour kFlavour{
      .default_namespace = "main",
      .identifier_limit = schema::kSqliteIdentifierLimit,
      .implicit_rowid_autoincrement = true,
  };
  return kFlavour;
}

}  // namespace godwit::psl
