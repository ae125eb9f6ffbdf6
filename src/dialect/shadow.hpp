#pragma once
// The schema a migrations folder produces (`migrate diff --from-migrations`, and `migrate dev`
// to come): every migration.sql replayed in Prisma's folder order on a fresh shadow database
// (migrate::Dialect::create_shadow), as one script each and without a history table, then read
// back by the dialect's inspector. The shadow database is gone when this returns or throws.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "migrate/dialect.hpp"
#include "migrate/migrations_dir.hpp"
#include "project/project.hpp"
#include "project/target.hpp"
#include "schema/inspector.hpp"

namespace godwit::dialect {

struct Parts;

/// The database migrations are replayed on. Without `shadow_url`, or where the dialect's shadow
/// is always private (a dialect whose opening creates the database, SQLite: in memory, as
/// Prisma's),
/// the dialect's temporary one (migrate::Dialect::create_shadow), dropped with the object.
/// With `shadow_url` (`shadowDatabaseUrl`) on PostgreSQL: that database, emptied first with the
/// dialect's Resetter over `namespaces` (the datasource's `schemas`, else the URL's schema), as
/// Prisma's native engine resets an external shadow database (ENG flavour/postgres
/// shadow_db.rs `sql_schema_from_migration_history_for_external_db`), and kept afterwards.
/// Prisma 7.10.1's own engine neither refuses nor resets it, and its `migrate dev` then fails
/// with P3006 on the second replay (docs/compatibility.md).
/// Errors: GW1244 when `shadow_url` names the main database (Prisma's text, checked on every
/// dialect, as Prisma does); the dialect's connection errors (P1000-P1003) for the shadow;
/// GW1235 when the reset is refused; P3014 from create_shadow.
/// `init_sql` (prisma.config.ts `migrations.initShadowDb`) runs on the shadow database right
/// after it is made or emptied, before any migration, as Prisma's engine runs its
/// `shadowDbInitScript`: it creates what the migrations expect but do not make (the external
/// tables of `tables.external`). Errors: GW1245 when the database refuses it.
std::unique_ptr<migrate::ShadowDatabase> open_shadow(
    const Parts& parts, const project::DatabaseTarget& main,
    const std::optional<std::string>& shadow_url, const std::vector<std::string>& namespaces,
    const std::optional<std::string>& init_sql = std::nullopt);

/// open_shadow with the project's `shadowDatabaseUrl` and `migrations.initShadowDb`: the
/// shadow database every command that replays the project's migrations uses.
std::unique_ptr<migrate::ShadowDatabase> open_project_shadow(
    const Parts& parts, const project::Project& project,
    const std::vector<std::string>& namespaces);

/// Replays the migrations of `migrations_dir` on a shadow database for `main` (the project's
/// database: a PostgreSQL shadow is created on its server, or `shadow_url` is used: open_shadow)
/// and reads the result. Without
/// `options.namespaces`, the one namespace read is the catalog's default namespace (names
/// render unqualified, as in Prisma's drift script).
/// Errors: P3006 naming the migration that failed on the shadow database, with the database's
/// error code and message; P3014 when the shadow database cannot be created; P3015 when a
/// migration.sql cannot be read; GW2002 for a provider godwit does not support; GW1245 when
/// `init_sql` (open_shadow) fails.
schema::Inspection replay_migrations(const project::DatabaseTarget& main,
                                     const std::filesystem::path& migrations_dir,
                                     const schema::InspectOptions& options,
                                     const std::optional<std::string>& shadow_url = std::nullopt,
                                     const std::optional<std::string>& init_sql = std::nullopt);

/// A project without `schemas = [...]` lives in one namespace, and Prisma's script for the
/// difference between its migrations and its schema names objects unqualified (the corpus's
/// drift.sql): when `options` names no namespace and the shadow's catalog has exactly one, it
/// becomes the default one, as in a catalog built from the schema. (A database read for
/// --to-url keeps every name qualified, as Prisma prints it.)
void default_to_only_namespace(schema::Catalog& catalog, const schema::InspectOptions& options);

/// Prisma's P3006 for migration `m` failing on the shadow database with `failure`; `advice` is
/// what to do, after the statement and line that failed.
core::Error shadow_replay_error(const migrate::LocalMigration& m,
                                const migrate::ScriptFailure& failure, std::string_view advice);

}  // namespace godwit::dialect
