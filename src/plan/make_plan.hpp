#pragma once
// ChangeSet -> Plan for one dialect: each change's statements from the dialect's renderer
// (schema/renderer.hpp), sorted by step in Prisma's order (prisma-compat.md §7.2) and, within a
// step, in change order.

#include "diff/change_set.hpp"
#include "plan/plan.hpp"
#include "schema/catalog.hpp"
#include "schema/renderer.hpp"

namespace godwit::plan {

/// The plan that carries out `changes` (made from `from` and `to`) with `renderer`. Reverse
/// statements are not filled in yet (nullopt).
/// Errors: GW1102 for change kinds it cannot render yet (all but creations).
Plan make_plan(const diff::ChangeSet& changes, const schema::Catalog& from,
               const schema::Catalog& to, const schema::Renderer& renderer);

}  // namespace godwit::plan
