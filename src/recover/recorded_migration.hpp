#pragma once
// What `migrate baseline` and `migrate adopt-drift` share: the migration script as Prisma's
// `migrate diff ... --to-config-datasource --script > migration.sql` writes it, and a new
// migration folder written and then recorded as applied (as `migrate resolve --applied` does),
// removed again when recording it fails, so a second run starts from the same state.

#include <filesystem>
#include <functional>
#include <string>

#include "diff/change_set.hpp"
#include "migrate/dialect.hpp"
#include "migrate/session.hpp"
#include "project/project.hpp"
#include "schema/catalog.hpp"

namespace godwit::dialect {
struct Parts;
}

namespace godwit::recover {

/// A difference rendered as a migration script.
struct DiffScript {
  diff::ChangeSet changes;
  /// The file's text: Prisma's script followed by the newline its CLI prints after it (the
  /// bytes `prisma migrate diff ... --script > file` writes).
  std::string text;
  bool empty() const { return changes.empty(); }
};

/// The difference from `from` to `to`, where `to` was read from a live database: both sides'
/// names are qualified by their namespace ("public"."User"), as Prisma 7.10.1 prints them when
/// the `to` side of `migrate diff` is a database (cli/diff_cmd.cpp, prisma-compat.md §5.3).
/// Errors: the renderer's (GW0001).
DiffScript database_diff_script(const dialect::Parts& parts, schema::Catalog from,
                                schema::Catalog to);

/// A migration just written and recorded.
struct Recorded {
  std::string folder;            ///< the folder's name, e.g. "0_init"
  std::filesystem::path script;  ///< <migrations>/<folder>/migration.sql
};

/// Writes `<migrations>/<folder>/migration.sql` (and migration_lock.toml when missing, as
/// `migrate dev` writes them: dev/new_migration.hpp), runs `verify` (may throw: nothing is
/// recorded then), then opens a new session (which reads the folder again) and records the
/// migration as applied through migrate::resolve_applied (the run lock is taken there). When
/// `verify` or recording throws, the folder (and a lock file written here) is removed and the
/// error rethrown.
/// Errors: GW1210 (the folder exists or cannot be written), `verify`'s, resolve_applied's
/// (P3008, P3017), the connection's.
Recorded write_and_record(const project::Project& project, const migrate::Dialect& dialect,
                          const migrate::RunOptions& options, std::string_view provider,
                          const std::string& folder, const std::string& text,
                          const std::function<void()>& verify = {});

}  // namespace godwit::recover
