#pragma once
// `migrate resolve --applied | --rolled-back` (prisma-compat.md §1.4, §1.5).

#include <string>

#include "migrate/session.hpp"

namespace godwit::migrate {

/// Records `name` as applied without running it (baselining, or a migration completed by
/// hand). Creates the history table without the non-empty check.
/// Errors: P3017 (no such folder or unreadable migration.sql), P3008 (already applied).
void resolve_applied(Session& session, const RunOptions& options, const std::string& name);

/// Marks the failed rows of `name` rolled back so deploy can run it again.
/// Errors: GW2003 (no history table), P3011 (never applied), P3012 (not in a failed state).
void resolve_rolled_back(Session& session, const RunOptions& options, const std::string& name);

}  // namespace godwit::migrate
