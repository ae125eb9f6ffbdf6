#pragma once
// The human summary of a change set, as `migrate diff` prints it without `--script`
// (prisma-compat.md §7.11; ENG sql_migration.rs `drift_summary`).

#include <string>

#include "diff/change_set.hpp"
#include "schema/catalog.hpp"

namespace godwit::diff {

/// Sections in Prisma's order, each item sorted like Prisma's BTreeSet: "\n[+] Added
/// extensions\n  - x\n" once per extension, "\n[+] Added Schemas\n", "\n[+] Added enums\n",
/// "\n[+] Added tables\n" with "  - <name>" lines, then one "\n[*] Changed the `T` table\n"
/// section per table with added indexes or foreign keys, tables sorted by name. No change:
/// "No difference detected.".
/// RedefineTables sections have no lines, as in Prisma. Never throws.
std::string summary(const ChangeSet& changes, const schema::Catalog& from,
                    const schema::Catalog& to);

}  // namespace godwit::diff
