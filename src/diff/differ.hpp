#pragma once
// The one differ: Catalog x Catalog -> ChangeSet (diff/change_set.hpp), with per-dialect hooks
// (diff/policy.hpp).
//
// So far it diffs from an empty catalog only (`migrate diff --from-empty`): every object of
// `to` is created. Comparing two schemas (pairing objects with schema::CatalogLookup, column
// and enum changes, renames) is the rest of issue 9.

#include "diff/change_set.hpp"
#include "diff/policy.hpp"
#include "schema/catalog.hpp"

namespace godwit::diff {

/// The changes that turn `from` into `to`, in Prisma's order of creation within each kind:
/// namespaces that hold objects (when the dialect has namespaces), extensions, enums and
/// tables by id, indexes other than primary keys by (table, id), foreign keys by id (unless
/// they are part of CREATE TABLE).
/// Errors: GW1102 when `from` holds objects (not supported yet).
ChangeSet diff(const schema::Catalog& from, const schema::Catalog& to, const DiffPolicy& policy);

}  // namespace godwit::diff
