#pragma once
// Prisma's type, action and operator-class mappings used to lower the PSL model to the SQL
// catalog (catalog_builder.cpp), and the builder's error for inputs validation should have
// rejected.

#include <cstdint>
#include <string>
#include <string_view>

#include "psl/model.hpp"
#include "schema/catalog.hpp"

namespace godwit::psl::detail {

/// PostgreSQL native type for an unannotated scalar (ENG postgres_datamodel_connector.rs
/// SCALAR_TYPE_DEFAULTS).
schema::NativeType default_postgres_type(ScalarType t);

/// The dialect-neutral type family of a Prisma scalar.
schema::TypeFamily family_of(ScalarType t);

schema::ReferentialAction convert(ReferentialAction a);
schema::IndexAlgorithm convert(IndexAlgorithm a);

/// Prisma operator class name to SQL (JsonbPathOps -> jsonb_path_ops; ENG sql-schema-describer
/// postgres.rs SQLOperatorClassKind).
std::string operator_class_sql(std::string_view name);

/// GW1101: the schema passed validation but cannot be lowered; names `what`.
[[noreturn]] void unexpected(std::string what);

/// GW1101 for a default literal of the wrong shape.
[[noreturn]] void invalid_literal(const Model& m, const Field& f, std::string_view what);

/// A numeric native-type argument (e.g. the 255 of VarChar(255)); GW1101 if not a number.
std::uint32_t native_type_arg(const Field& f, const std::string& arg);

}  // namespace godwit::psl::detail
