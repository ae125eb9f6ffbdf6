#pragma once
// What `godwit check` asks a database beyond the runner's seam (migrate/dialect.hpp): its
// server version, the sessions that would hold up the pending migrations, its standbys' lag and
// its size. One per dialect, in the registry (dialect/registry.hpp); a dialect without a lock
// queue or replication keeps the defaults.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "migrate/lock_budget.hpp"
#include "project/target.hpp"
#include "sql/statement.hpp"

namespace godwit::migrate {

/// One standby of a primary, as pg_stat_replication shows it.
struct Standby {
  std::string name;   ///< application_name, else the client address
  std::string state;  ///< "streaming", "catchup", ...
  /// Seconds the standby's replay is behind; nullopt when the server does not say (no recent
  /// WAL to replay, which means caught up, or a role not allowed to see it).
  std::optional<double> replay_lag_s;
};

/// Sessions that would hold up migrations: long-running transactions holding locks on the
/// tables they change, and sessions already waiting for locks on them.
struct Holdups {
  std::vector<Blocker> long_transactions;
  std::vector<Blocker> waiting;
  std::vector<std::string> tables;  ///< the tables looked at (as SQL names)
  bool supported = true;            ///< false: the database has no lock queue (the default)
};

class Probe {
 public:
  virtual ~Probe() = default;

  /// e.g. "PostgreSQL 15.4", "SQLite 3.40.1".
  virtual std::string server_version(db::Connection& conn) const = 0;

  /// The holdups for `scripts` (the pending migrations, split): transactions open at least
  /// `min_age` that hold locks on the tables the scripts lock, and ungranted locks on them.
  /// Default: none (no lock queue).
  virtual Holdups holdups(db::Connection& conn, const std::vector<const sql::Script*>& scripts,
                          std::chrono::milliseconds min_age) const {
    (void)conn;
    (void)scripts;
    (void)min_age;
    Holdups none;
    none.supported = false;
    return none;
  }

  /// The standbys of the database's server; nullopt when the database has no replication
  /// (SQLite). Errors: DatabaseError when the server refuses the query.
  virtual std::optional<std::vector<Standby>> standbys(db::Connection& conn) const {
    (void)conn;
    return std::nullopt;
  }

  /// The database's size in bytes, or nullopt when unknown.
  virtual std::optional<std::uint64_t> database_bytes(
      db::Connection& conn, const project::DatabaseTarget& target) const = 0;

  /// The local folder the database's files are in (SQLite: the file's folder), or nullopt for
  /// a database on a server.
  virtual std::optional<std::filesystem::path> local_folder(
      const project::DatabaseTarget& target) const {
    (void)target;
    return std::nullopt;
  }
};

}  // namespace godwit::migrate
