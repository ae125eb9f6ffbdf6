// SQLite's differ hooks (ENG sql_schema_differ_flavour/sqlite.rs): types compare by family
// (any change to TEXT is safe, every other one risky), foreign keys are unnamed for the
// differ, indexes cannot be renamed, and every change beyond ADD COLUMN redefines the table.
#include "diff/policy.hpp"

namespace godwit::diff {

namespace {

TypeChange sqlite_column_type_change(const ColumnPair& cols) {
  const schema::ColumnType& a = cols.a.type;
  const schema::ColumnType& b = cols.b.type;
  // Enums are TEXT on SQLite: the builder gives them the String family.
  bool same =
      a.family == b.family && (a.family != schema::TypeFamily::Unsupported || a.raw == b.raw);
  if (same) return TypeChange::None;
  return b.family == schema::TypeFamily::String ? TypeChange::SafeCast : TypeChange::RiskyCast;
}

}  // namespace

const DiffPolicy& sqlite_policy() {
  static const DiffPolicy policy{
      .namespaces = false,
      .foreign_keys_in_create_table = true,
      .drop_foreign_keys_of_dropped_tables = false,
      .drop_indexes_of_dropped_tables = true,
      .rename_indexes = false,
      .named_foreign_keys = false,
      .recreate_indexes_of_recreated_columns = false,
      .autoincrement_changes = false,
      .redefine_tables = true,
      .column_type_change = &sqlite_column_type_change,
      .indexes_match = nullptr,
  };
  return policy;
}

}  // namespace godwit::diff
