#include "dialect/shadow.hpp"

#include <fmt/format.h>

#include <functional>

#include "core/error.hpp"
#include "core/text.hpp"
#include "db/connection.hpp"
#include "dialect/registry.hpp"
#include "migrate/migrations_dir.hpp"

namespace godwit::dialect {

namespace {

// A database the user gave as the shadow: reset before use, never dropped.
class ExternalShadow final : public migrate::ShadowDatabase {
 public:
  using Connect = std::function<std::unique_ptr<db::Connection>()>;
  ExternalShadow(std::unique_ptr<db::Connection> conn, Connect connect)
      : conn_(std::move(conn)), connect_(std::move(connect)) {
    conn_->reuse_statement_plans();  // read back after every migration, as a created shadow
  }
  db::Connection& connection() override { return *conn_; }
  std::unique_ptr<db::Connection> open_second() override {
    auto conn = connect_();
    conn->reuse_statement_plans();
    return conn;
  }

 private:
  std::unique_ptr<db::Connection> conn_;
  Connect connect_;
};

// migrations.initShadowDb on the shadow, before the replay (Prisma's engine runs it as one
// script: `raw_cmd` of the whole text).
std::unique_ptr<migrate::ShadowDatabase> initialised(
    std::unique_ptr<migrate::ShadowDatabase> shadow, const std::optional<std::string>& init_sql) {
  if (!init_sql || init_sql->empty()) return shadow;
  try {
    shadow->connection().execute(*init_sql);
  } catch (const db::DatabaseError& e) {
    throw core::Error("GW1245",
                      fmt::format("The `migrations.initShadowDb` script failed on the shadow "
                                  "database: {} ({})",
                                  e.message(), e.code()),
                      "Fix `migrations.initShadowDb` in prisma.config.ts: it runs on an empty "
                      "shadow database before the migrations are replayed.");
  }
  return shadow;
}

std::unique_ptr<migrate::ShadowDatabase> open_shadow_database(
    const Parts& parts, const project::DatabaseTarget& main,
    const std::optional<std::string>& shadow_url, const std::vector<std::string>& namespaces) {
  if (!shadow_url || shadow_url->empty()) return parts.runner->create_shadow(main);
  project::DatabaseTarget shadow{main.provider, *shadow_url, main.base_dir,
                                 core::redact_url(*shadow_url)};
  if (*shadow_url == main.url || parts.runner->describe(shadow) == parts.runner->describe(main)) {
    throw core::Error("GW1244",
                      "The shadow database you configured appears to be the same as the main "
                      "database. Please specify another shadow database.",
                      "`shadowDatabaseUrl` (prisma.config.ts, or the schema's datasource) must "
                      "name another database: godwit empties it before every replay.");
  }
  // A dialect whose databases are files that opening creates (SQLite) replays in memory even
  // with a shadowDatabaseUrl, as Prisma's SQLite connector does (connect_to_shadow_db).
  if (parts.runner->opening_creates_database()) return parts.runner->create_shadow(main);
  auto conn = parts.runner->connect(shadow, /*create=*/false);
  parts.resetter->reset(*conn, shadow, namespaces);
  return std::make_unique<ExternalShadow>(std::move(conn), [&parts, shadow] {
    return parts.runner->connect(shadow, /*create=*/false);
  });
}

}  // namespace

std::unique_ptr<migrate::ShadowDatabase> open_shadow(const Parts& parts,
                                                     const project::DatabaseTarget& main,
                                                     const std::optional<std::string>& shadow_url,
                                                     const std::vector<std::string>& namespaces,
                                                     const std::optional<std::string>& init_sql) {
  return initialised(open_shadow_database(parts, main, shadow_url, namespaces), init_sql);
}

std::unique_ptr<migrate::ShadowDatabase> open_project_shadow(
    const Parts& parts, const project::Project& project,
    const std::vector<std::string>& namespaces) {
  return open_shadow(parts, project.target, project.shadow_database_url, namespaces,
                     project.init_shadow_db);
}

schema::Inspection replay_migrations(const project::DatabaseTarget& main,
                                     const std::filesystem::path& migrations_dir,
                                     const schema::InspectOptions& options,
                                     const std::optional<std::string>& shadow_url,
                                     const std::optional<std::string>& init_sql) {
  const migrate::Dialect& runner = *find(main.provider);  // GW2002 when unsupported
  const Parts& parts = *find_parts(main.provider);
  const auto folder = migrate::read_migrations_dir(migrations_dir);
  for (const auto& m : folder.migrations) {
    if (!m.script) {
      throw core::Error("P3015",
                        fmt::format("Could not find the migration file at {}. Please delete the "
                                    "directory or restore the migration file.",
                                    m.script_path().string()),
                        m.read_error);
    }
  }
  auto shadow = open_shadow(parts, main, shadow_url, options.namespaces, init_sql);
  for (const auto& m : folder.migrations) {
    const auto script = runner.split(*m.script);
    if (auto failure = runner.apply(shadow->connection(), script, migrate::HistoryWrites{})) {
      throw shadow_replay_error(m, *failure,
                                "Fix the migration, or check that the migrations folder belongs "
                                "to this project.");
    }
  }
  auto inspection = parts.inspector->inspect(shadow->connection(), options);
  default_to_only_namespace(inspection.catalog, options);
  return inspection;
}

void default_to_only_namespace(schema::Catalog& catalog, const schema::InspectOptions& options) {
  if (options.namespaces.empty() && catalog.default_namespace.empty() &&
      catalog.namespaces.size() == 1) {
    catalog.default_namespace = catalog.namespaces.front().name;
  }
}

core::Error shadow_replay_error(const migrate::LocalMigration& m,
                                const migrate::ScriptFailure& failure, std::string_view advice) {
  return core::Error(
      "P3006",
      fmt::format("Migration `{}` failed to apply cleanly to the shadow database. \n"
                  "Error code: {}\nError:\n{}",
                  m.name, failure.db_code, failure.db_message),
      fmt::format("Statement {} of {} (line {} of {}) failed. {}", failure.statement_index + 1,
                  failure.statement_count, failure.line, m.script_path().string(), advice));
}

}  // namespace godwit::dialect
