#include "dialect/postgres/migration_dialect.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.hpp"
#include "dialect/postgres/connection.hpp"
#include "dialect/postgres/lock.hpp"
#include "dialect/postgres/pgparse/split.hpp"
#include "dialect/postgres/url.hpp"
#include "migrate/apply.hpp"
#include "sql/position.hpp"

namespace godwit::postgres {
namespace {

// Prisma's DDL (prisma-compat.md §1.1): unquoted, in the search path's first schema.
constexpr std::string_view kCreateHistory = R"(CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
))";

constexpr std::string_view kHistoryExists =
    "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid "
    "= c.relnamespace WHERE c.relname = '_prisma_migrations' AND c.relkind IN ('r', 'p') AND "
    "n.nspname = current_schema())";

// started_at in P3009's display form; the other timestamps are only tested for NULL.
constexpr std::string_view kListHistory =
    "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, to_char(started_at "
    "AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') || ' UTC', applied_steps_count FROM "
    "_prisma_migrations ORDER BY started_at ASC, migration_name ASC";

// Prisma's rule for P3005 (schema-engine's MigrationPersistence::initialize over the flavour's
// table_names): any ordinary table (relkind 'r', partitions included) in the target schema other
// than the history table and PostGIS's own tables. Views, enums, sequences, functions and
// partitioned parents without partitions leave the schema "empty".
constexpr std::string_view kExistingObjects = R"(
SELECT 'table ' || c.relname
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
  AND c.relname !~* '^(spatial_ref_sys|geometry_columns|geography_columns|raster_columns|raster_overviews)$'
ORDER BY 1)";

db::Value timestamptz_value(core::TimePoint t) {
  return core::iso_utc(t);
}
std::string as_is(const std::string& s) {
  return s;
}

class AdvisoryLock final : public migrate::RunLock {
 public:
  explicit AdvisoryLock(PgConnection& conn) : conn_(conn) {}
  ~AdvisoryLock() override {
    try {
      release_advisory_lock(conn_);
    } catch (...) {
      // The session ends with the process; the server drops the lock then.
    }
  }

 private:
  PgConnection& conn_;
};

PgConnection& pg(db::Connection& conn) {
  return dynamic_cast<PgConnection&>(conn);
}

}  // namespace

PostgresDialect::PostgresDialect() {
  history_.create_table_sql = std::string(kCreateHistory);
  history_.table_exists_sql = std::string(kHistoryExists);
  history_.list_sql = std::string(kListHistory);
  history_.missing_table_code = "42P01";  // undefined_table
  // SET LOCAL ends with its own transaction: the script's transaction, opened in the same
  // message, runs with the session's durability.
  history_.relaxed_prefix = "BEGIN;\nSET LOCAL synchronous_commit TO off;\n";
  history_.relaxed_suffix = ";\nCOMMIT";
  history_.timestamp_value = &timestamptz_value;
  history_.timestamp_display = &as_is;
}

std::unique_ptr<db::Connection> PostgresDialect::connect(const project::DatabaseTarget& target,
                                                         bool create, bool* created) const {
  auto t = parse_url(target.url, target.base_dir);
  std::unique_ptr<PgConnection> conn;
  if (created) *created = false;
  try {
    conn = PgConnection::open(t);
  } catch (const core::Error& e) {
    if (!create || e.code() != "P1003") throw;
    create_database(t);
    if (created) *created = true;
    conn = PgConnection::open(t);
  }
  if (create && !conn->current_schema()) {
    conn->execute(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", quote_ident(t.schema)));
  }
  return conn;
}

std::string PostgresDialect::describe(const project::DatabaseTarget& target) const {
  auto t = parse_url(target.url, target.base_dir);
  return fmt::format("PostgreSQL database \"{}\", schema \"{}\" at \"{}:{}\"", t.database, t.schema,
                     t.host, t.port);
}

std::string PostgresDialect::created_message(const project::DatabaseTarget& target) const {
  auto t = parse_url(target.url, target.base_dir);
  return fmt::format("PostgreSQL database {} created at {}:{}", t.database, t.host, t.port);
}

sql::Script PostgresDialect::split(std::string_view script) const {
  return split_script(script);
}

std::vector<std::string> PostgresDialect::existing_objects(db::Connection& conn) const {
  auto rows = conn.query(kExistingObjects);
  std::vector<std::string> out;
  for (auto& r : rows.rows)
    out.push_back(r[0].value_or(""));
  return out;
}

std::unique_ptr<migrate::RunLock> PostgresDialect::lock(db::Connection& conn,
                                                        std::chrono::milliseconds timeout) const {
  AdvisoryLockOptions options;
  options.timeout = timeout;
  if (!acquire_advisory_lock(pg(conn), options)) return nullptr;
  return std::make_unique<AdvisoryLock>(pg(conn));
}

std::optional<migrate::ScriptFailure> PostgresDialect::apply(
    db::Connection& conn, const sql::Script& script, const migrate::HistoryWrites& writes) const {
  migrate::ApplyHooks hooks;
  hooks.error_line = [](const sql::Statement& st, int position) {
    if (position <= 0) return st.line;
    auto off = sql::byte_offset_of_char(st.text, position);
    return st.line + static_cast<int>(std::count(st.text.begin(), st.text.begin() + off, '\n'));
  };
  // In groups (one multi-statement simple query each, connection's execute_group): what the
  // parser split and classified, and no COPY, whose data exchange would stop the group; those
  // run on their own through execute().
  hooks.batchable = [](const sql::Statement& st) { return st.parsed && st.kind != "COPY"; };
  return migrate::apply_script(conn, script, writes, hooks);
}

}  // namespace godwit::postgres
