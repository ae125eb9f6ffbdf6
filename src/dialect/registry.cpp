#include "dialect/registry.hpp"

#include <fmt/format.h>

#include "archive/postgres_keeper.hpp"
#include "archive/sqlite_keeper.hpp"
#include "core/error.hpp"
#include "dialect/postgres/backup/backup.hpp"
#include "dialect/postgres/introspect/introspect.hpp"
#include "dialect/postgres/lint/lint.hpp"
#include "dialect/postgres/pgparse/predicate.hpp"
#include "dialect/postgres/preflight/preview.hpp"
#include "dialect/postgres/preflight/probe.hpp"
#include "dialect/postgres/render/down_renames.hpp"
#include "dialect/postgres/render/render.hpp"
#include "dialect/postgres/run/migration_dialect.hpp"
#include "dialect/postgres/run/reset.hpp"
#include "dialect/sqlite/backup/backup.hpp"
#include "dialect/sqlite/introspect/introspect.hpp"
#include "dialect/sqlite/lint/lint.hpp"
#include "dialect/sqlite/preflight/preview.hpp"
#include "dialect/sqlite/preflight/probe.hpp"
#include "dialect/sqlite/render/down_renames.hpp"
#include "dialect/sqlite/render/render.hpp"
#include "dialect/sqlite/run/migration_dialect.hpp"
#include "dialect/sqlite/run/reset.hpp"
#include "psl/datasource.hpp"

namespace godwit::dialect {

const Parts* find_parts(std::string_view provider) {
  static const postgres::PostgresDialect kPostgresRunner;
  static const postgres::PostgresRenderer kPostgresRenderer;
  static const postgres::PostgresInspector kPostgresInspector;
  static const postgres::PostgresLinter kPostgresLinter;
  static const postgres::PostgresArchiver kPostgresArchiver;
  static const sqlite::SqliteDialect kSqliteRunner;
  static const postgres::PostgresPreviewer kPostgresPreviewer;
  static const sqlite::SqlitePreviewer kSqlitePreviewer{kSqliteRunner};
  static const sqlite::SqliteLinter kSqliteLinter;
  static const sqlite::SqliteRenderer kSqliteRenderer;
  static const sqlite::SqliteInspector kSqliteInspector;
  static const postgres::PostgresResetter kPostgresResetter;
  static const sqlite::SqliteResetter kSqliteResetter;
  static const sqlite::SqliteArchiver kSqliteArchiver;
  static const postgres::PostgresProbe kPostgresProbe;
  static const postgres::PostgresRenameReader kPostgresRenames;
  static const sqlite::SqliteRenameReader kSqliteRenames;
  // Partial index predicates compared by their parse trees (the differ does not link the
  // parser, so the pointer is set here).
  static const diff::DiffPolicy kPostgresDiffPolicy = [] {
    diff::DiffPolicy p = diff::postgres_policy();
    p.predicates_match = &postgres::same_predicate;
    return p;
  }();
  static const sqlite::SqliteProbe kSqliteProbe;
  static const archive::PostgresKeeper kPostgresKeeper;
  static const archive::SqliteKeeper kSqliteKeeper;
  static const Parts kPostgres{.provider = "postgresql",
                               .runner = &kPostgresRunner,
                               .renderer = &kPostgresRenderer,
                               .psl = &psl::postgres_catalog_flavour(),
                               .inspector = &kPostgresInspector,
                               .diff_policy = &kPostgresDiffPolicy,
                               .renames = &kPostgresRenames,
                               .linter = &kPostgresLinter,
                               .preview = &kPostgresPreviewer,
                               .resetter = &kPostgresResetter,
                               .archiver = &kPostgresArchiver,
                               .probe = &kPostgresProbe,
                               .keeper = &kPostgresKeeper};
  static const Parts kSqlite{.provider = "sqlite",
                             .runner = &kSqliteRunner,
                             .renderer = &kSqliteRenderer,
                             .psl = &psl::sqlite_catalog_flavour(),
                             .inspector = &kSqliteInspector,
                             .diff_policy = &diff::sqlite_policy(),
                             .renames = &kSqliteRenames,
                             .linter = &kSqliteLinter,
                             .preview = &kSqlitePreviewer,
                             .resetter = &kSqliteResetter,
                             .archiver = &kSqliteArchiver,
                             .probe = &kSqliteProbe,
                             .keeper = &kSqliteKeeper};
  std::string_view canonical = psl::canonical_provider(provider);
  if (canonical == kPostgres.provider) return &kPostgres;
  if (canonical == kSqlite.provider) return &kSqlite;
  return nullptr;
}

const migrate::Dialect* find(std::string_view provider) {
  if (const Parts* parts = find_parts(provider)) return parts->runner;
  throw core::Error("GW2002",
                    fmt::format("The provider `{}` is not supported by godwit yet.", provider),
                    "godwit supports `postgresql` and `sqlite`.");
}

}  // namespace godwit::dialect
