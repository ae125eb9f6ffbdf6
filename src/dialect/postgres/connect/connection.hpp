#pragma once
// A PostgreSQL connection over libpq, behind the db::Connection seam.
//
// Scripts go through the simple query protocol as one message, as Prisma sends a migration
// (prisma-compat.md §4.1); parameterised queries use the extended protocol with text
// parameters. Connection failures become Prisma's P1000/P1001/P1003/P1010/P1011 errors and a
// lost connection P1017 (prisma-compat.md §6); no message ever contains the password.

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "db/connection.hpp"
#include "dialect/postgres/connect/url.hpp"

namespace godwit::postgres {

/// A NOTICE / WARNING / INFO message the server sent while a command ran.
struct Notice {
  std::string severity;  ///< non-localised: "NOTICE", "WARNING", "INFO", "DEBUG", "LOG"
  std::string code;      ///< SQLSTATE, e.g. "00000", "42P07"
  std::string message;
  std::string detail;
  std::string hint;
};

class PgConnection final : public db::Connection {
 public:
  /// Connects to `target` within its connect_timeout and sets the search path to its schema.
  /// Errors (core::Error): P1000 authentication failed, P1001 refused / unreachable / timed
  /// out, P1003 database missing, P1010 access denied (role may not log in, no CONNECT
  /// privilege, pg_hba rejection), P1011 TLS failure, GW1301 any other refusal.
  static std::unique_ptr<PgConnection> open(const ConnectionTarget& target);

  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  /// Sends `sql` as one simple-query message (a multi-statement script runs as one implicit
  /// transaction unless it has its own transaction commands). Throws db::DatabaseError with
  /// SQLSTATE, primary message, detail, hint and 1-based character position in `sql`;
  /// core::Error P1017 when the connection is lost.
  void execute(std::string_view sql) override;

  /// Sends the group as one multi-statement simple query (group.cpp): one round trip, and
  /// the server runs the statements in order, answers each and stops at the first error, which
  /// is reported as execute() of that statement alone would report it (its position relative
  /// to the statement). Inside an explicit transaction block a group commits nothing on its
  /// own; outside one the server runs it as one implicit transaction. The session's
  /// transaction state is what the statements left (the caller rolls back).
  std::optional<BatchFailure> execute_group(std::string_view text,
                                            std::span<const TextRange> statements) override;

  /// One statement, parameters `$1`... sent as text (int64 as decimal, monostate as NULL).
  /// After reuse_statement_plans(), a statement text sent a second time is prepared under a
  /// name and executed by name from then on.
  db::Rows query(std::string_view sql, std::span<const db::Value> params = {}) override;

  /// For a connection that sends the same catalog queries over and over (a shadow database
  /// read back after every migration: `migrate down-gen`, down verification): the server then
  /// parses and plans each of them once instead of on every call, which was half of the time
  /// of one introspection of a small schema (docs/benchmarks.md, down-gen). The session also
  /// plans them once for all parameter values (`plan_cache_mode = force_generic_plan`,
  /// PostgreSQL 12+): a catalog query read for some tables only (read_back.cpp) was otherwise
  /// planned anew for each list of tables, 1-2 ms a time; the migrations replayed on the
  /// session get the same results either way. Not done through PgBouncer (`pgbouncer=true`),
  /// whose transaction pooling does not keep named statements.
  void reuse_statement_plans() override;

  /// True inside a transaction block, including a failed one waiting for ROLLBACK.
  bool in_transaction() override;

  /// PQescapeLiteral: right for the server's standard_conforming_strings and encoding.
  std::string quote_literal(std::string_view text) override;

  /// PQcancel on a PGcancel made now (cancel.cpp): it opens its own short connection to the
  /// server, which stops this session's running statement (SQLSTATE 57014). nullptr when libpq
  /// cannot make one (the connection is broken).
  std::unique_ptr<db::Canceller> canceller() override;

  /// Server version as PQserverVersion reports it, e.g. 150004 for 15.4.
  int server_version() const;
  /// `SELECT current_schema()`: the first existing schema on the search path, or nullopt when
  /// none of them exists (e.g. the URL's `schema` has not been created yet).
  std::optional<std::string> current_schema();
  /// The server process id of this session (pg_backend_pid()).
  int backend_pid() const;

  const ConnectionTarget& target() const { return target_; }

  /// Notices received since the last clear, oldest first.
  const std::vector<Notice>& notices() const { return notices_; }
  void clear_notices() { notices_.clear(); }

 private:
  PgConnection(ConnectionTarget target, PGconn* conn);
  static void on_notice(void* self, const PGresult* result);
  db::DatabaseError result_error(const PGresult* result, std::string_view what);
  [[noreturn]] void throw_result_error(const PGresult* result, std::string_view what);
  [[noreturn]] void throw_connection_lost(std::string_view server_message);

  ConnectionTarget target_;
  std::unique_ptr<PGconn, void (*)(PGconn*)> conn_;
  std::vector<Notice> notices_;
  std::string group_text_;  // execute_group's NUL-terminated copy of the group, reused
  // reuse_statement_plans(): texts sent once (value: empty) or prepared (value: its name).
  bool reuse_plans_ = false;
  std::unordered_map<std::string, std::string> statements_;
  std::size_t prepared_count_ = 0;  // names statements: godwit_1, godwit_2, ...
  PGresult* run_query(const std::string& sql, int nparams, const char* const* values);
};

/// Prisma's error for a failed connection attempt (prisma-compat.md §6).
/// - `sqlstate`: the SQLSTATE of the server's refusal, empty when the server was not reached
///   or libpq itself gave up (no password to send, TLS failure, refused socket).
/// - `message`: libpq's error message (it never contains the password); shown as the hint.
/// - `timed_out`: the connect timeout ran out (P1001, as Prisma).
core::Error connect_error(const ConnectionTarget& target, std::string_view sqlstate,
                          std::string_view message, bool timed_out);

/// The SQLSTATE in a verbose libpq connection message ("FATAL:  3D000: database ..."), or
/// empty.
std::string sqlstate_of_connect_message(std::string_view message);

/// A connection to the server's maintenance database, to create or drop `target`'s
/// database: tries "postgres", then "template1", then "defaultdb" (DigitalOcean), as Prisma's
/// `create_postgres_admin_conn`. Errors: those of open() for the last candidate.
std::unique_ptr<PgConnection> open_admin(const ConnectionTarget& target);

/// CREATE DATABASE for `target.database` through open_admin(). Errors: P1009 when it exists;
/// db::DatabaseError for other refusals (the caller reports P3000/P3014).
void create_database(const ConnectionTarget& target);

/// DROP DATABASE IF EXISTS ... WITH (FORCE) through open_admin() (shadow databases).
void drop_database(const ConnectionTarget& target);

/// `name` as a double-quoted SQL identifier.
std::string quote_ident(std::string_view name);

}  // namespace godwit::postgres
