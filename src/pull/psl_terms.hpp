#pragma once
// The PSL words for catalog values in a pulled schema (ENG datamodel-renderer and
// introspection_pair/*.rs). Internal to src/pull.

#include <optional>
#include <string>
#include <string_view>

#include "psl/model.hpp"
#include "pull/render_schema.hpp"
#include "schema/catalog.hpp"

namespace godwit::pull::detail {

/// The Prisma scalar type of a column's type family; none for enums and unsupported types.
std::optional<psl::ScalarType> scalar_of(schema::TypeFamily f);

/// `type:` of `@@index` (`BTree`, `Hash`, `Gist`, `Gin`, `SpGist`, `Brin`).
std::string_view algorithm_name(schema::IndexAlgorithm a);

/// `onDelete:` / `onUpdate:` (`NoAction`, `Restrict`, `Cascade`, `SetNull`, `SetDefault`).
std::string_view action_name(schema::ReferentialAction a);

/// `ops:` for a non-default operator class `sql` (ENG introspection_pair/index_field.rs): the
/// classes Prisma names itself (`JsonbPathOps`), any other as `raw("...")`.
std::string ops_argument(std::string_view sql);

/// A default value as a PSL literal: strings and JSON quoted, bytes in base64, enum values
/// sanitised, lists in brackets, numbers, booleans and date-times as they are.
std::string value_literal(const schema::Value& v);

/// `@default(...)` of a column: autoincrement() for identity and serial (`nextval(...)`)
/// columns, now() on DateTime columns, dbgenerated(...) for other expressions, a literal;
/// "" for none (and for Prisma-level defaults, which the database does not hold).
std::string default_attribute(const schema::Column& col);

/// `@db.X(args)` with the datasource's name as prefix; "" when the column has the dialect's
/// default native type for its scalar type (or no native type).
std::string native_type_attribute(const schema::ColumnType& type, const PullOptions& o);

}  // namespace godwit::pull::detail
