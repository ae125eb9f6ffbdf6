#pragma once
// Renames without data loss (issue 9; godwit only: Prisma never renames a table, column, enum or
// enum value, it drops the old one and creates the new one, and the data is lost).
//
// A rename is a hint given by the user (`--rename`, resolved to ids by dev/rename_flags.hpp):
// one of the change set's rename kinds, RenameTable / RenameColumn / RenameEnum (ids in `from`
// and `to`) or RenameEnumValue (enum ids and database values). The differ then pairs the two
// objects instead of dropping one and creating the other: it diffs `to` against `from` with the
// hinted objects already renamed (renamed_catalog), so that whatever else changed is diffed as
// usual, and the indexes, primary keys and foreign keys whose names Prisma derives from the
// renamed object get Prisma's own RenameIndex / RENAME CONSTRAINT / RenameForeignKey steps.
//
// Without hints nothing changes: diff(from, to, policy, {}) is diff(from, to, policy), so the
// output stays byte-identical to Prisma's. rename_candidates says where a hint looks wanted.

#include <vector>

#include "diff/change_set.hpp"
#include "diff/policy.hpp"
#include "schema/catalog.hpp"

namespace godwit::diff {

/// `from` with each hinted object under its `to` name: tables, columns, enums, enum values,
/// and the enum defaults that name a renamed value (PostgreSQL stores an enum constant by its
/// value's oid, so a default follows RENAME VALUE). Ids stay those of `from`.
/// Precondition: `renames` holds only rename kinds whose ids are valid in their catalogs.
schema::Catalog renamed_catalog(const schema::Catalog& from, const schema::Catalog& to,
                                const std::vector<Change>& renames);

/// The changes that turn `from` into `to` when the objects of `renames` are the same objects
/// under new names: the renames first (tables, enums, columns, enum values, each in the order
/// given), then diff(renamed_catalog(from, to, renames), to, policy), with
/// ChangeSet::renamed_from set. Empty `renames`: exactly diff(from, to, policy).
ChangeSet diff(const schema::Catalog& from, const schema::Catalog& to, const DiffPolicy& policy,
               const std::vector<Change>& renames);

/// Where `changes` (a diff made without hints) drops an object and creates one that looks like
/// it renamed, as rename changes (not applied): a dropped and an added column of one table
/// pair with the same type, arity, default and autoincrement (the policy's column comparison);
/// a dropped and a created table in one namespace with the same columns (names and shapes); a
/// dropped and a created enum in one namespace with the same values; and values removed from
/// an enum while as many were added (paired in declaration order). Every plausible pair is
/// listed (a dropped column may pair with two added ones); callers show them as suggestions.
std::vector<Change> rename_candidates(const ChangeSet& changes, const schema::Catalog& from,
                                      const schema::Catalog& to, const DiffPolicy& policy);

}  // namespace godwit::diff
