// PgConnection and the advisory lock against the throwaway test server (GODWIT_TEST_PG_URL).
//
// P1000 (wrong password) cannot be produced here: the test cluster uses trust authentication,
// so any password is accepted. Its mapping is covered by tests/unit/postgres_url_test.cpp.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/error.hpp"
#include "core/text.hpp"
#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/run/lock.hpp"
#include "support/test_support.hpp"

namespace godwit::postgres {
namespace {
using test::ScopedEnv;

using std::chrono::milliseconds;

#define REQUIRE_PG() GODWIT_REQUIRE_PG()

std::string with_params(const std::string& url, const std::string& params) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + params;
}

std::unique_ptr<PgConnection> connect(const std::string& url) {
  return PgConnection::open(parse_url(url));
}

core::Error connect_failure(const ConnectionTarget& target) {
  try {
    PgConnection::open(target);
  } catch (const core::Error& e) {
    return e;
  }
  ADD_FAILURE() << "connected to " << target.redacted();
  return core::Error("none", "");
}

db::DatabaseError execute_failure(PgConnection& conn, std::string_view sql) {
  try {
    conn.execute(sql);
  } catch (const db::DatabaseError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << sql;
  return db::DatabaseError("", "");
}

std::string scalar(PgConnection& conn, std::string_view sql) {
  auto rows = conn.query(sql);
  return rows.rows.at(0).at(0).value_or("<null>");
}

// A TCP listener on 127.0.0.1 that accepts connections and never answers.
class SilentServer {
 public:
  SilentServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 4);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentServer() { ::close(fd_); }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

int closed_port() {
  SilentServer s;
  return s.port();  // closed again when `s` goes
}

TEST(PgConnection, ConnectsAndQueriesWithParameters) {
  REQUIRE_PG();
  test::PgDatabase db("conn_basic");
  auto conn = connect(db.url());
  EXPECT_GE(conn->server_version(), 90600);
  EXPECT_GT(conn->backend_pid(), 0);
  EXPECT_EQ(scalar(*conn, "SELECT pg_backend_pid()"), std::to_string(conn->backend_pid()));
  EXPECT_EQ(scalar(*conn, "SELECT current_database()"), db.name());
  EXPECT_EQ(conn->current_schema(), "public");
  EXPECT_EQ(scalar(*conn, "SHOW client_encoding"), "UTF8");
  EXPECT_EQ(scalar(*conn,
                   "SELECT application_name FROM pg_stat_activity WHERE pid = "
                   "pg_backend_pid()"),
            "godwit");

  std::array<db::Value, 3> params{std::int64_t{9007199254740993}, std::string("zoë"),
                                  std::monostate{}};
  auto rows =
      conn->query("SELECT $1::bigint + 1 AS n, $2::text AS s, $3::text IS NULL AS isnull", params);
  EXPECT_EQ(rows.columns, (std::vector<std::string>{"n", "s", "isnull"}));
  ASSERT_EQ(rows.rows.size(), 1u);
  EXPECT_EQ(rows.rows[0][0], "9007199254740994");
  EXPECT_EQ(rows.rows[0][1], "zoë");
  EXPECT_EQ(rows.rows[0][2], "t");
  EXPECT_EQ(conn->query("SELECT NULL::int").rows[0][0], std::nullopt);
  EXPECT_TRUE(conn->query("SELECT 1 WHERE false").rows.empty());
}

// reuse_statement_plans(): every text sent a second time is prepared once under its own name
// and executed by name from then on (a shared name made all but the first fail to prepare and
// fall back to parsing and planning on every call, unnoticed but for the server log).
TEST(PgConnection, ReusedPlansArePreparedOncePerText) {
  REQUIRE_PG();
  test::PgDatabase db("conn_reuse");
  auto conn = connect(db.url());
  conn->reuse_statement_plans();
  const std::array<db::Value, 1> params{std::int64_t{41}};
  const std::vector<std::string> texts = {"SELECT $1::int + 1", "SELECT $1::int * 2",
                                          "SELECT $1::int - 1"};
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(conn->query(texts[0], params).rows[0][0], "42");
    EXPECT_EQ(conn->query(texts[1], params).rows[0][0], "82");
    EXPECT_EQ(conn->query(texts[2], params).rows[0][0], "40");
  }
  auto prepared = conn->query("SELECT statement FROM pg_prepared_statements ORDER BY name");
  ASSERT_EQ(prepared.rows.size(), texts.size());
  for (const auto& text : texts) {
    EXPECT_NE(std::find_if(prepared.rows.begin(), prepared.rows.end(),
                           [&](const db::Row& r) { return r[0] == text; }),
              prepared.rows.end())
        << text;
  }
  // DEALLOCATE ALL (as a migration may run) removes them: the next calls prepare again.
  conn->execute("DEALLOCATE ALL");
  for (int round = 0; round < 2; ++round)
    EXPECT_EQ(conn->query(texts[0], params).rows[0][0], "42");
  EXPECT_EQ(conn->query("SELECT count(*) FROM pg_prepared_statements").rows[0][0], "1");
}

TEST(PgConnection, DatabaseErrorsCarryTheServersFields) {
  REQUIRE_PG();
  test::PgDatabase db("conn_errors");
  auto conn = connect(db.url());

  auto missing = execute_failure(*conn, "SELECT 1; SELECT * FROM nope;");
  EXPECT_EQ(missing.code(), "42P01");
  EXPECT_EQ(missing.message(), "relation \"nope\" does not exist");
  EXPECT_EQ(missing.position(), 25);  // in the whole script, as sent

  conn->execute("CREATE TABLE t (id int PRIMARY KEY)");
  auto dup = execute_failure(*conn, "INSERT INTO t VALUES (1), (1)");
  EXPECT_EQ(dup.code(), "23505");
  EXPECT_EQ(dup.detail(), "Key (id)=(1) already exists.");

  auto fn = execute_failure(*conn, "SELECT no_such_function(1)");
  EXPECT_EQ(fn.code(), "42883");
  EXPECT_FALSE(fn.hint().empty());
  EXPECT_EQ(fn.position(), 8);

  // One simple-query message is one implicit transaction: nothing of a failed script stays.
  auto script = execute_failure(*conn, "CREATE TABLE a (x int); CREATE TABLE a (x int);");
  EXPECT_EQ(script.code(), "42P07");
  EXPECT_EQ(scalar(*conn, "SELECT to_regclass('a') IS NULL"), "t");

  std::array<db::Value, 1> one{std::int64_t{1}};
  try {
    conn->query("SELECT $1::int / 0", one);
    FAIL();
  } catch (const db::DatabaseError& e) {
    EXPECT_EQ(e.code(), "22012");
  }
}

TEST(PgConnection, CopyFromStdinFailsCleanly) {
  REQUIRE_PG();
  test::PgDatabase db("conn_copy");
  auto conn = connect(db.url());
  conn->execute("CREATE TABLE t (x int)");
  auto e = execute_failure(*conn, "COPY t FROM STDIN; INSERT INTO t VALUES (1);");
  EXPECT_EQ(e.code(), "57014");  // the COPY was cancelled with our message
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t"), "0");
  conn->execute("COPY (SELECT 1) TO STDOUT; INSERT INTO t VALUES (2);");
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t"), "1");
}

TEST(PgConnection, InTransactionIncludesAFailedTransaction) {
  REQUIRE_PG();
  test::PgDatabase db("conn_tx");
  auto conn = connect(db.url());
  EXPECT_FALSE(conn->in_transaction());
  conn->execute("BEGIN");
  EXPECT_TRUE(conn->in_transaction());
  execute_failure(*conn, "SELECT * FROM nope");
  EXPECT_TRUE(conn->in_transaction());
  conn->execute("ROLLBACK");
  EXPECT_FALSE(conn->in_transaction());
}

TEST(PgConnection, CapturesNotices) {
  REQUIRE_PG();
  test::PgDatabase db("conn_notice");
  auto conn = connect(db.url());
  conn->execute("DO $$ BEGIN RAISE NOTICE 'hello %', 42; RAISE WARNING 'careful'; END $$;");
  conn->execute("DROP TABLE IF EXISTS nope");
  ASSERT_EQ(conn->notices().size(), 3u);
  EXPECT_EQ(conn->notices()[0].severity, "NOTICE");
  EXPECT_EQ(conn->notices()[0].message, "hello 42");
  EXPECT_EQ(conn->notices()[1].severity, "WARNING");
  EXPECT_EQ(conn->notices()[1].code, "01000");
  EXPECT_EQ(conn->notices()[2].message, "table \"nope\" does not exist, skipping");
  conn->clear_notices();
  EXPECT_TRUE(conn->notices().empty());
}

TEST(PgConnection, SchemaParameterSetsTheSearchPath) {
  REQUIRE_PG();
  test::PgDatabase db("conn_schema");
  auto admin = connect(db.url());
  admin->execute("CREATE SCHEMA \"my schema\"; CREATE SCHEMA \"we\"\"ird\\\\x\";");

  auto spaced = connect(with_params(db.url(), "schema=my%20schema"));
  EXPECT_EQ(spaced->current_schema(), "my schema");
  EXPECT_EQ(scalar(*spaced, "SHOW search_path"), "\"my schema\"");
  spaced->execute("CREATE TABLE t (x int)");
  EXPECT_EQ(scalar(*admin, "SELECT schemaname FROM pg_tables WHERE tablename = 't'"), "my schema");

  auto odd = connect(with_params(db.url(), "schema=we%22ird%5C%5Cx"));
  EXPECT_EQ(odd->current_schema(), "we\"ird\\\\x");

  auto bouncer = connect(with_params(db.url(), "schema=my%20schema&pgbouncer=true"));
  EXPECT_EQ(bouncer->current_schema(), "my schema");

  // A schema that does not exist yet: the search path points at it, current_schema() is NULL.
  auto fresh = connect(with_params(db.url(), "schema=later"));
  EXPECT_EQ(fresh->current_schema(), std::nullopt);
  EXPECT_EQ(fresh->target().schema, "later");
}

TEST(PgConnection, HostParameterReachesAUnixSocket) {
  REQUIRE_PG();
  auto tcp = connect(test::pg_admin_url());
  auto dirs = core::split(scalar(*tcp, "SHOW unix_socket_directories"), ',');
  std::string dir(core::trim(dirs.at(0)));
  GODWIT_REQUIRE_LIVE_PART(
      !dir.empty(), "a Unix socket on the test server (scripts/pg-cluster starts it with -k)");
  auto target = parse_url(tcp->target().redacted());
  auto local = PgConnection::open(parse_url(
      "postgresql://postgres@localhost:" + std::to_string(target.port) + "/postgres?host=" + dir));
  EXPECT_EQ(local->target().host, dir);
  // inet_client_addr() is NULL over a Unix socket.
  EXPECT_EQ(scalar(*local, "SELECT inet_client_addr() IS NULL"), "t");
}

TEST(PgConnection, MissingDatabaseIsP1003) {
  REQUIRE_PG();
  auto target = parse_url(test::pg_admin_url()).with_database("godwit_no_such_db");
  auto e = connect_failure(target);
  EXPECT_EQ(e.code(), "P1003");
  EXPECT_EQ(e.message(), "Database `godwit_no_such_db` does not exist on the database server at `" +
                             target.host + ":" + std::to_string(target.port) + "`.");
}

TEST(PgConnection, ClosedPortIsP1001) {
  REQUIRE_PG();
  int port = closed_port();
  auto target =
      parse_url("postgresql://postgres:secret-pw@127.0.0.1:" + std::to_string(port) + "/postgres");
  auto e = connect_failure(target);
  EXPECT_EQ(e.code(), "P1001");
  // As the real Prisma 7.10.1 prints it: `host:port` in one pair of backticks.
  EXPECT_EQ(e.message(), "Can't reach database server at `127.0.0.1:" + std::to_string(port) +
                             "`\n\nPlease make sure your database server is running at "
                             "`127.0.0.1:" +
                             std::to_string(port) + "`.");
  EXPECT_NE(e.hint().find("Connection refused"), std::string::npos);
  EXPECT_EQ(e.render().find("secret-pw"), std::string::npos);
}

TEST(PgConnection, SilentServerTimesOutAsP1001) {
  REQUIRE_PG();
  SilentServer server;
  auto target = parse_url("postgresql://postgres@127.0.0.1:" + std::to_string(server.port()) +
                          "/postgres?connect_timeout=1");
  auto start = std::chrono::steady_clock::now();
  auto e = connect_failure(target);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(e.code(), "P1001");
  EXPECT_NE(e.hint().find("Timed out after 1s"), std::string::npos);
  EXPECT_GE(elapsed, milliseconds(900));
  EXPECT_LT(elapsed, std::chrono::seconds(4));
}

TEST(PgConnection, RefusedRolesAreP1010) {
  REQUIRE_PG();
  test::PgDatabase db("conn_denied");
  auto admin = connect(db.url());
  const std::string suffix = std::to_string(::getpid());
  const std::string nologin = "godwit_nologin_" + suffix;
  const std::string noconnect = "godwit_noconnect_" + suffix;
  admin->execute("CREATE ROLE " + nologin + " NOLOGIN; CREATE ROLE " + noconnect +
                 " LOGIN; REVOKE CONNECT ON DATABASE " + quote_ident(db.name()) + " FROM PUBLIC;");
  auto as = [&](const std::string& role) {
    auto target = parse_url(db.url());
    target.user = role;
    for (auto& [k, v] : target.libpq_params) {
      if (k == "user") v = role;
    }
    return connect_failure(target);
  };
  auto a = as(nologin);  // 28000: role is not permitted to log in
  EXPECT_EQ(a.code(), "P1010");
  EXPECT_EQ(a.message(),
            "User `" + nologin + "` was denied access on the database `" + db.name() + ".public`");
  auto b = as(noconnect);  // 42501: no CONNECT privilege
  EXPECT_EQ(b.code(), "P1010");
  admin->execute("DROP ROLE " + nologin + "; DROP ROLE " + noconnect + ";");
}

TEST(PgConnection, RequiredTlsOnAPlainServerIsP1011) {
  REQUIRE_PG();
  auto e = connect_failure(parse_url(with_params(test::pg_admin_url(), "sslmode=require")));
  EXPECT_EQ(e.code(), "P1011");
  EXPECT_EQ(e.message(),
            "Error opening a TLS connection: server does not support SSL, but SSL was required");
}

TEST(PgConnection, TerminatedSessionIsP1017) {
  REQUIRE_PG();
  test::PgDatabase db("conn_lost");
  auto victim = connect(db.url());
  auto killer = connect(db.url());
  std::array<db::Value, 1> pid{std::int64_t{victim->backend_pid()}};
  killer->query("SELECT pg_terminate_backend($1::int)", pid);
  std::this_thread::sleep_for(milliseconds(100));
  try {
    victim->execute("SELECT 1");
    FAIL() << "the terminated session still answered";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1017");
    EXPECT_EQ(e.message(), "Server has closed the connection.");
  }
}

TEST(PgConnection, CreatesAndDropsDatabases) {
  REQUIRE_PG();
  auto target = parse_url(test::pg_admin_url())
                    .with_database("godwit_conn_created_" + std::to_string(::getpid()));
  create_database(target);
  EXPECT_EQ(scalar(*PgConnection::open(target), "SELECT current_database()"), target.database);
  try {
    create_database(target);
    FAIL() << "created a database twice";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1009");
  }
  drop_database(target);
  EXPECT_EQ(connect_failure(target).code(), "P1003");
}

// --- advisory lock -----------------------------------------------------------------------

TEST(AdvisoryLock, DisableVariableRule) {
  EXPECT_FALSE(advisory_lock_disabled(nullptr));
  EXPECT_FALSE(advisory_lock_disabled(""));
  EXPECT_FALSE(advisory_lock_disabled("0"));
  EXPECT_TRUE(advisory_lock_disabled("1"));
  EXPECT_TRUE(advisory_lock_disabled("true"));
  EXPECT_TRUE(advisory_lock_disabled("false"));  // any other value, as Prisma
}

TEST(AdvisoryLock, SecondSessionTimesOutWithTheHolderNamed) {
  REQUIRE_PG();
  test::PgDatabase db("conn_lock");
  auto holder = connect(with_params(db.url(), "application_name=holder-app"));
  auto waiter = connect(db.url());
  ASSERT_TRUE(acquire_advisory_lock(*holder));
  auto seen = advisory_lock_holder(*waiter);
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->pid, holder->backend_pid());
  EXPECT_EQ(seen->application_name, "holder-app");

  auto start = std::chrono::steady_clock::now();
  try {
    acquire_advisory_lock(*waiter, {milliseconds(300)});
    FAIL() << "took a held lock";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1002");
    EXPECT_NE(e.message().find("was reached but timed out"), std::string::npos);
    EXPECT_NE(e.message().find("pg_advisory_lock(72707369)). Elapsed: 300ms."), std::string::npos);
    EXPECT_NE(e.hint().find("pid " + std::to_string(holder->backend_pid())), std::string::npos);
    EXPECT_NE(e.hint().find("holder-app"), std::string::npos);
    EXPECT_NE(e.hint().find("pg_terminate_backend"), std::string::npos);
  }
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(300));
  EXPECT_FALSE(waiter->in_transaction());

  release_advisory_lock(*holder);
  EXPECT_FALSE(advisory_lock_holder(*waiter).has_value());
  EXPECT_TRUE(acquire_advisory_lock(*waiter, {milliseconds(300)}));
  EXPECT_EQ(advisory_lock_holder(*holder)->pid, waiter->backend_pid());
}

TEST(AdvisoryLock, WaiterGetsTheLockOnceItIsReleased) {
  REQUIRE_PG();
  test::PgDatabase db("conn_lock_wait");
  auto holder = connect(db.url());
  auto waiter = connect(db.url());
  ASSERT_TRUE(acquire_advisory_lock(*holder));
  std::thread release([&] {
    std::this_thread::sleep_for(milliseconds(250));
    release_advisory_lock(*holder);
  });
  bool got = acquire_advisory_lock(*waiter, {milliseconds(5000)});
  release.join();
  EXPECT_TRUE(got);
  EXPECT_EQ(advisory_lock_holder(*holder)->pid, waiter->backend_pid());
}

TEST(AdvisoryLock, ExcludesPrismasBlockingLockOnTheSameKey) {
  REQUIRE_PG();
  test::PgDatabase db("conn_lock_prisma");
  auto prisma_like = connect(db.url());
  prisma_like->execute("SELECT pg_advisory_lock(72707369)");  // what Prisma runs
  auto godwit = connect(db.url());
  try {
    acquire_advisory_lock(*godwit, {milliseconds(100)});
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1002");
  }
  // Another database on the same server is not affected: the lock is per database.
  test::PgDatabase other("conn_lock_other");
  auto elsewhere = connect(other.url());
  EXPECT_TRUE(acquire_advisory_lock(*elsewhere, {milliseconds(100)}));
}

TEST(AdvisoryLock, DisabledByEnvironmentTakesNothing) {
  REQUIRE_PG();
  test::PgDatabase db("conn_lock_off");
  auto conn = connect(db.url());
  {
    ScopedEnv env("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK", "1");
    EXPECT_FALSE(acquire_advisory_lock(*conn));
  }
  EXPECT_FALSE(advisory_lock_holder(*conn).has_value());
}

TEST(AdvisoryLock, ReleasingAnUnheldLockIsQuiet) {
  REQUIRE_PG();
  test::PgDatabase db("conn_lock_quiet");
  auto conn = connect(db.url());
  release_advisory_lock(*conn);
  EXPECT_TRUE(conn->notices().empty());
}

}  // namespace
}  // namespace godwit::postgres
