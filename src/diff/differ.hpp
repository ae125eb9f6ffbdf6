#pragma once
// The one differ: Catalog x Catalog -> ChangeSet (diff/change_set.hpp), with per-dialect hooks
// (diff/policy.hpp). It follows Prisma's `sql_schema_differ` (ENG sql_schema_differ.rs,
// differ_database.rs, table.rs, column.rs) for what counts as a change: objects pair by name
// (tables, enums, columns, extensions, namespaces) or by definition (indexes and foreign keys,
// whose new names are renames), and it never infers renames of tables or columns.

#include "diff/change_set.hpp"
#include "diff/policy.hpp"
#include "schema/catalog.hpp"

namespace godwit::diff {

/// The changes that turn `from` into `to`, in the order Prisma sorts its migration steps: by
/// step kind (schema::StepKind, prisma-compat.md §7.2), then by the step's ids (e.g. dropped
/// tables by their id in `from`, created ones by their id in `to`, indexes of created tables
/// before those of existing tables), except that a unique index that was a table's only key
/// is dropped after the AlterTable that makes its columns the primary key (Prisma's
/// `apply_partial_order_permutations`). Deterministic; linear in the number of tables and
/// columns (quadratic only within one table's indexes and foreign keys).
ChangeSet diff(const schema::Catalog& from, const schema::Catalog& to, const DiffPolicy& policy);

}  // namespace godwit::diff
