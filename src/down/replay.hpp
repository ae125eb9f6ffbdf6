#pragma once
// One shadow database that migrations (and down.sql files) are applied to one after another,
// read back by the dialect's inspector whenever the caller asks: `migrate down-gen` and `migrate
// down` replay a history once and introspect at the migrations they need, instead of one replay
// per migration (issue 11). The shadow database is the project's, as `migrate dev` and `migrate
// diff --from-migrations` open it (dialect/shadow.hpp open_shadow): its `shadowDatabaseUrl`
// (emptied first, never dropped) or a PostgreSQL `prisma_migrate_shadow_db_<uuid>` on the project
// database's server, dropped when this object dies, also on error or Ctrl-C; SQLite in memory;
// then `migrations.initShadowDb`, as Prisma runs it before a replay.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/interrupt.hpp"
#include "dialect/registry.hpp"
#include "migrate/dialect.hpp"
#include "migrate/migrations_dir.hpp"
#include "project/project.hpp"
#include "schema/catalog.hpp"
#include "schema/inspector.hpp"

namespace godwit::down {

class ShadowReplay {
 public:
  /// Opens the project's shadow database. Errors: P3014 (it cannot be created), GW1244 (the
  /// shadowDatabaseUrl is the project database), GW1245 (initShadowDb fails).
  ShadowReplay(const dialect::Parts& parts, const project::Project& project,
               const schema::InspectOptions& options);
  ~ShadowReplay();
  ShadowReplay(const ShadowReplay&) = delete;
  ShadowReplay& operator=(const ShadowReplay&) = delete;

  /// Applies a migration's migration.sql as one script without history rows, as a shadow
  /// replay does. Errors: P3006 naming the migration (dialect/shadow.hpp), GW2009 after
  /// Ctrl-C/SIGTERM (the shadow is dropped while the exception unwinds).
  void apply(const migrate::LocalMigration& m);

  /// Applies any script (a down.sql); returns the failure instead of throwing. GW2009 as above.
  std::optional<migrate::ScriptFailure> try_apply(std::string_view script);

  /// The shadow's schema now, with the default namespace as a Prisma schema's catalog has it
  /// (dialect::default_to_only_namespace); what the catalog could not hold goes to `warnings`.
  /// Reads again only what the scripts applied since the last read changed, where the dialect
  /// knows it (schema::ReadBack).
  schema::Catalog read(std::vector<schema::InspectWarning>* warnings = nullptr);

 private:
  const dialect::Parts& parts_;
  schema::InspectOptions options_;  // the caller's, reading on second_ too
  std::unique_ptr<migrate::ShadowDatabase> shadow_;
  std::unique_ptr<db::Connection> second_;       // ShadowDatabase::open_second, on the first read
  std::unique_ptr<schema::ReadBack> read_back_;  // reads again what the scripts changed
  std::vector<std::string> applied_since_read_;  // the scripts applied since the last read
  std::unique_ptr<db::CancelOnSignal> cancel_;
};

}  // namespace godwit::down
