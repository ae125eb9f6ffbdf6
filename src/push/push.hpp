#pragma once
// `db push`: make the database match the Prisma schema without a migration (prisma-compat.md
// §5.8; ENG core/commands/schema_push.rs): diff(the live database, the schema) -> plan ->
// Prisma's destructive change checks with live row counts -> run the plan in the dialect's
// way. `_prisma_migrations` and the migrations folder are never touched.

#include <string>
#include <vector>

#include "db/connection.hpp"
#include "dialect/registry.hpp"
#include "diff/change_set.hpp"
#include "plan/plan.hpp"
#include "project/project.hpp"
#include "schema/catalog.hpp"
#include "schema/inspector.hpp"

namespace godwit::push {

/// What pushing would do, computed without changing the database.
struct PushPlan {
  schema::Catalog live;     ///< the database as read (the diff's `from`)
  schema::Catalog desired;  ///< the schema's catalog (the diff's `to`)
  diff::ChangeSet changes;
  plan::Plan plan;  ///< the statements, in Prisma's order; warnings left empty (see below)
  /// Prisma's warning texts (data may be lost; need --accept-data-loss) and unexecutable
  /// steps (fail on the current rows; push stops), prisma-compat.md §7.10, counted on the
  /// live database.
  std::vector<std::string> warnings;
  std::vector<std::string> unexecutable;
  /// What the database holds that the catalog cannot (said on stderr, never re-created).
  std::vector<schema::InspectWarning> inspect_warnings;
};

/// Reads the database behind `conn` (the datasource's `schemas`, without the project's
/// external tables and enums, as Prisma's push reads it), diffs it with the project's schema
/// and checks the changes. Errors: P1012 for an invalid schema; GW1120 when a catalog query
/// fails; the renderer's errors.
PushPlan plan_push(db::Connection& conn, const project::Project& project,
                   const dialect::Parts& parts);

/// Runs `plan` in the dialect's way, as a migration script without a history row: PostgreSQL
/// in one transaction unless a statement cannot run in one; SQLite in one transaction with
/// foreign keys switched off around a table redefinition, as the runner runs Prisma's
/// RedefineTables migrations (migrate::Dialect::apply). Nothing to do for an empty plan.
/// Errors: GW1233 naming the failing statement with the database's message (the transaction
/// rolled back: nothing of the push is left applied when it ran in one).
void apply_push(db::Connection& conn, const dialect::Parts& parts, const plan::Plan& plan);

}  // namespace godwit::push
