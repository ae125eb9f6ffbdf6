#pragma once
// The differ's per-dialect hooks (docs/architecture.md, "DiffPolicy"): plain data, one instance
// per dialect in the dialect registry (dialect/registry.hpp). Grows with the differ (column
// equivalence, default equality, what needs a SQLite table redefinition, the enum strategy).

namespace godwit::diff {

struct DiffPolicy {
  /// The dialect has namespaces that CREATE SCHEMA makes (PostgreSQL): the differ creates the
  /// ones that hold objects (Prisma's CreateSchema steps, prisma-compat.md §7.2).
  bool namespaces = false;
  /// Foreign keys of created tables are part of CREATE TABLE (SQLite), so they get no
  /// AddForeignKey change (ENG SqlSchemaDifferFlavour
  /// `should_push_foreign_keys_from_created_tables`).
  bool foreign_keys_in_create_table = false;
};

}  // namespace godwit::diff
