#include "dialect/postgres/preflight/probe.hpp"

#include <algorithm>
#include <cstdlib>

#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/run/blockers.hpp"
#include "dialect/postgres/run/lock_budget.hpp"

namespace godwit::postgres {
namespace {

PgConnection& probe_pg(db::Connection& conn) {
  return dynamic_cast<PgConnection&>(conn);
}

}  // namespace

std::string PostgresProbe::server_version(db::Connection& conn) const {
  auto rows = conn.query("SHOW server_version");
  const std::string v = rows.rows.empty() ? "" : rows.rows[0][0].value_or("");
  // "15.4 (Debian 15.4-1.pgdg120+1)": the number is enough.
  return "PostgreSQL " + v.substr(0, v.find(' '));
}

migrate::Holdups PostgresProbe::holdups(db::Connection& conn,
                                        const std::vector<const sql::Script*>& scripts,
                                        std::chrono::milliseconds min_age) const {
  migrate::Holdups out;
  for (const auto* script : scripts) {
    for (auto& t : locked_relations(*script)) {
      if (std::find(out.tables.begin(), out.tables.end(), t) == out.tables.end()) {
        out.tables.push_back(std::move(t));
      }
    }
  }
  if (out.tables.empty()) return out;
  auto& c = probe_pg(conn);
  out.long_transactions = lock_holders(c, out.tables, min_age, c.backend_pid());
  out.waiting = lock_waiters(c, out.tables, c.backend_pid());
  return out;
}

std::optional<std::vector<migrate::Standby>> PostgresProbe::standbys(db::Connection& conn) const {
  auto rows = conn.query(
      "SELECT coalesce(nullif(application_name, ''), client_addr::text, 'pid ' || pid), "
      "coalesce(state, ''), extract(epoch FROM replay_lag)::float8 FROM "
      "pg_catalog.pg_stat_replication ORDER BY 1");
  std::vector<migrate::Standby> out;
  for (const auto& r : rows.rows) {
    migrate::Standby s;
    s.name = r[0].value_or("");
    s.state = r[1].value_or("");
    if (r[2]) s.replay_lag_s = std::strtod(r[2]->c_str(), nullptr);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<std::uint64_t> PostgresProbe::database_bytes(
    db::Connection& conn, const project::DatabaseTarget& target) const {
  (void)target;
  auto rows = conn.query("SELECT pg_database_size(current_database())::text");
  if (rows.rows.empty() || !rows.rows[0][0]) return std::nullopt;
  return std::strtoull(rows.rows[0][0]->c_str(), nullptr, 10);
}

}  // namespace godwit::postgres
