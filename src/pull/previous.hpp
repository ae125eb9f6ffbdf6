#pragma once
// Re-introspection: which objects of a live catalog an existing Prisma schema already
// describes, matched by database name as Prisma 7.10.1 does (ENG schema-engine
// sql-schema-connector introspection/introspection_map.rs): a model by its table (`@@map`,
// else its name, and `@@schema` when it has one), an enum likewise, a scalar field by its column
// (`@map`, else its name), an inline relation by its referencing model and the database names
// of its `fields:`, an implicit many-to-many relation by its join table (`_<relation name>`).
// Internal to src/pull.

#include <optional>
#include <vector>

#include "psl/model.hpp"
#include "schema/catalog.hpp"

namespace godwit::pull::detail {

struct PreviousMatch {
  const psl::Schema* schema = nullptr;              ///< none: a fresh pull, nothing is matched
  std::vector<std::optional<psl::ModelId>> models;  ///< per catalog table
  std::vector<std::optional<psl::EnumId>> enums;    ///< per catalog enum
  /// Per catalog column: the scalar field of its table's previous model (or none).
  std::vector<const psl::Field*> columns;
  /// Per catalog foreign key: the previous inline relation with the same referencing columns.
  std::vector<std::optional<psl::RelationId>> inline_relations;
  /// Per catalog table: for a join table, the previous many-to-many relation it holds.
  std::vector<std::optional<psl::RelationId>> m2m_relations;
  /// Per previous model: no table has its database name any more (it is left out).
  std::vector<bool> model_missing;
  /// Per catalog view: the previous `view` block of the same database name (views are read
  /// only with the views preview feature), and per view column its previous scalar field.
  std::vector<std::optional<psl::ModelId>> views;
  std::vector<std::vector<const psl::Field*>> view_columns;

  const psl::Model* model(schema::TableId t) const {
    return schema && models[t.value] ? &schema->model(*models[t.value]) : nullptr;
  }
  const psl::Field* field(schema::ColumnId col) const { return columns[col.value]; }
  const psl::Model* view(schema::ViewId v) const {
    return schema && views[v.value] ? &schema->model(*views[v.value]) : nullptr;
  }
  const psl::Field* view_field(schema::ViewId v, std::size_t column) const {
    return view_columns[v.value][column];
  }
  const psl::Enum* enum_(schema::EnumId e) const {
    return schema && enums[e.value] ? &schema->enum_(*enums[e.value]) : nullptr;
  }
};

/// Matches `previous` (none: everything unmatched) against `catalog`: models to tables, `view`
/// blocks to views.
PreviousMatch match_previous(const schema::Catalog& catalog, const psl::Schema* previous);

}  // namespace godwit::pull::detail
