#pragma once
// `godwit check` on PostgreSQL (migrate/probe.hpp): server version, lock holdups on the tables
// the pending migrations change (pg_locks, pg_stat_activity: run/blockers.hpp), standby replay lag
// (pg_stat_replication, PostgreSQL 15 §28.2.4) and the database's size (pg_database_size).

#include "migrate/probe.hpp"

namespace godwit::postgres {

class PostgresProbe final : public migrate::Probe {
 public:
  std::string server_version(db::Connection& conn) const override;
  migrate::Holdups holdups(db::Connection& conn, const std::vector<const sql::Script*>& scripts,
                           std::chrono::milliseconds min_age) const override;
  std::optional<std::vector<migrate::Standby>> standbys(db::Connection& conn) const override;
  std::optional<std::uint64_t> database_bytes(db::Connection& conn,
                                              const project::DatabaseTarget& target) const override;
};

}  // namespace godwit::postgres
