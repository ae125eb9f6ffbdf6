#pragma once
// ChangeSet -> Plan for one dialect: each change's statements from the dialect's renderer
// (schema/renderer.hpp), in the change set's order, which the differ makes Prisma's step order
// (prisma-compat.md §7.2, with Prisma's one exception: see diff/differ.hpp).

#include "diff/change_set.hpp"
#include "plan/plan.hpp"
#include "schema/catalog.hpp"
#include "schema/renderer.hpp"

namespace godwit::plan {

/// The plan that carries out `changes` (made from `from` and `to`) with `renderer`. All
/// RedefineTable changes render as one RedefineTables step (prisma-compat.md §7.8). Reverse
/// statements are not filled in yet (nullopt); warnings and unexecutable steps are
/// plan/checks.hpp's check_changes (Prisma's `migrate diff` prints none).
/// Errors: those of the renderer (GW0001 for a change its dialect never asks for).
Plan make_plan(const diff::ChangeSet& changes, const schema::Catalog& from,
               const schema::Catalog& to, const schema::Renderer& renderer);

}  // namespace godwit::plan
