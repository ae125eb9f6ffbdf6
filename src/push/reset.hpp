#pragma once
// `migrate reset` (prisma-compat.md §5.5; Prisma 7.10.1's MigrateReset): empty the database as
// Prisma's schema engine resets it (migrate/reset.hpp, per dialect), then apply every migration
// of the folder with the runner (`migrate deploy`'s algorithm and history rows).

#include <string>
#include <vector>

#include "migrate/deploy.hpp"
#include "migrate/reset.hpp"
#include "migrate/session.hpp"

namespace godwit::push {

/// Empties the database of `session` under the run lock. `namespaces`: the datasource's
/// `schemas` (empty: the URL's schema). Errors: P1002 when another migrate process holds the
/// lock; GW1235 when the database refuses the reset (nothing dropped).
void reset_database(migrate::Session& session, const migrate::Resetter& resetter,
                    const std::vector<std::string>& namespaces, const migrate::RunOptions& options);

/// reset_database, then migrate::deploy of the whole folder (its errors: P3018 for a failing
/// migration, ...). The folder is read and checked before anything is dropped (GW2001/P3019).
migrate::DeployReport reset_and_deploy(migrate::Session& session, const migrate::Resetter& resetter,
                                       const std::vector<std::string>& namespaces,
                                       const migrate::RunOptions& options);

}  // namespace godwit::push
