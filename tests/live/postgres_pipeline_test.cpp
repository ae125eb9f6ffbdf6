// Transactional PostgreSQL migrations go through libpq's pipeline mode
// (PgConnection::execute_each): every statement is sent without waiting for its answer, and
// each still has its own result, so a failure names its statement, line and SQLSTATE, and
// nothing of the migration nor its history row is left behind.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "dialect/postgres/connection.hpp"
#include "support/test_support.hpp"

namespace godwit::postgres {
namespace {
namespace fs = std::filesystem;

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

std::unique_ptr<PgConnection> connect(const std::string& url) {
  return PgConnection::open(parse_url(url));
}

std::string scalar(PgConnection& conn, std::string_view sql) {
  return conn.query(sql).rows.at(0).at(0).value_or("<null>");
}

std::optional<db::Connection::BatchFailure> run_each(PgConnection& conn,
                                                     const std::vector<std::string>& statements) {
  return conn.execute_each(statements.size(),
                           [&](std::size_t i) -> std::string_view { return statements[i]; });
}

// More statements than the pipeline keeps unanswered at a time (8192), so the window, the
// flush requests and reading while sending are all exercised.
constexpr int kMany = 20000;

TEST(PgPipeline, RunsEveryStatementInOrder) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("pipe_order");
  auto conn = connect(db.url());
  conn->execute("CREATE TABLE t (id int PRIMARY KEY, prev int)");
  std::vector<std::string> statements;
  for (int i = 1; i <= kMany; ++i) {
    // Each row reads the one before it: out-of-order execution would fail.
    statements.push_back("INSERT INTO t SELECT " + std::to_string(i) +
                         ", coalesce(max(id), 0) FROM t");
  }
  conn->execute("BEGIN");
  EXPECT_FALSE(run_each(*conn, statements).has_value());
  EXPECT_TRUE(conn->in_transaction());
  conn->execute("COMMIT");
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t WHERE prev = id - 1"), std::to_string(kMany));
  // Back in normal mode: a plain query and a script work.
  conn->execute("SELECT 1; SELECT 2");
}

TEST(PgPipeline, FailureNamesTheStatementAndRunsNothingAfterIt) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("pipe_fail");
  auto conn = connect(db.url());
  conn->execute("CREATE TABLE t (id int PRIMARY KEY)");
  conn->execute("CREATE TABLE after_failure (id int)");
  std::vector<std::string> statements;
  for (int i = 1; i <= kMany; ++i)
    statements.push_back("INSERT INTO t VALUES (" + std::to_string(i) + ")");
  statements[14999] = "INSERT INTO t VALUES (\n  'x'::int)";  // statement 15000
  statements.push_back("INSERT INTO after_failure VALUES (1)");
  conn->execute("BEGIN");
  conn->execute("INSERT INTO after_failure VALUES (0)");
  auto failed = run_each(*conn, statements);
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->index, 14999u);
  EXPECT_EQ(failed->error.code(), "22P02");
  EXPECT_TRUE(contains(failed->error.message(), "invalid input syntax for type integer"))
      << failed->error.message();
  EXPECT_EQ(failed->error.position(), 26);  // the 'x', on the statement's second line
  EXPECT_TRUE(conn->in_transaction());
  conn->execute("ROLLBACK");
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t"), "0");
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM after_failure"), "0");
}

TEST(PgPipeline, NoticesLargeResultsAndSetInsideTheTransaction) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("pipe_misc");
  auto conn = connect(db.url());
  std::vector<std::string> statements = {
      "SET LOCAL statement_timeout = '7s'",
      "DO $$ BEGIN RAISE NOTICE 'first %', 1; END $$",
      "SELECT repeat('x', 100) FROM generate_series(1, 200000)",  // ~20 MB of rows
      "DROP TABLE IF EXISTS nope",
      "CREATE TABLE t AS SELECT current_setting('statement_timeout') AS v",
      "SET search_path TO public",
  };
  conn->execute("BEGIN");
  EXPECT_FALSE(run_each(*conn, statements).has_value());
  EXPECT_EQ(scalar(*conn, "SELECT current_setting('statement_timeout')"), "7s");
  conn->execute("COMMIT");
  EXPECT_EQ(scalar(*conn, "SELECT v FROM t"), "7s");
  EXPECT_EQ(scalar(*conn, "SELECT current_setting('statement_timeout')"), "0");
  ASSERT_EQ(conn->notices().size(), 2u);
  EXPECT_EQ(conn->notices()[0].message, "first 1");
  EXPECT_EQ(conn->notices()[1].message, "table \"nope\" does not exist, skipping");
}

// The same through `migrate deploy`: P3018 names statement k of N and its line, nothing is
// applied, the history row stays unfinished, and the fixed file deploys.
TEST(PgPipeline, DeployReportsTheFailingStatementOfALargeMigration) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("pipe_deploy");
  test::TempDir dir;
  test::write_file(dir.path() / "prisma" / "schema.prisma",
                   "datasource db {\n  provider = \"postgresql\"\n  url      = "
                   "env(\"DATABASE_URL\")\n}\n");
  const fs::path migrations = dir.path() / "prisma" / "migrations";
  test::write_file(migrations / "migration_lock.toml", "provider = \"postgresql\"\n");
  auto migration = [&](int bad_at) {
    std::string sql = "-- a data migration\nCREATE TABLE \"Item\" (id int PRIMARY KEY, n int);\n";
    for (int i = 2; i <= 5000; ++i) {
      if (i == bad_at) {
        sql += "INSERT INTO \"Item\" (id, n)\nVALUES (" + std::to_string(i) + ",\n  'oops');\n";
      } else {
        sql += "INSERT INTO \"Item\" (id, n) VALUES (" + std::to_string(i) + ", 1);\n";
      }
    }
    return sql;
  };
  // Statement k starts on line k + 1; the failing one spans three lines, 'oops' on the third.
  test::write_file(migrations / "20240101000000_data" / "migration.sql", migration(4000));
  const std::vector<std::string> env = {"DATABASE_URL=" + db.url()};

  auto r = test::run_godwit({"migrate", "deploy"}, env, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Error: P3018")) << r.err;
  EXPECT_TRUE(contains(r.err, "Failed statement: 4000 of 5000")) << r.err;
  EXPECT_TRUE(contains(r.err, "20240101000000_data/migration.sql:4003")) << r.err;
  EXPECT_TRUE(contains(r.err, "Database error code: 22P02")) << r.err;
  EXPECT_TRUE(contains(r.err, "invalid input syntax for type integer: \"oops\"")) << r.err;
  EXPECT_EQ(test::psql(db.url(), "SELECT to_regclass('\"Item\"') IS NULL"), "t\n");
  EXPECT_EQ(test::psql(db.url(),
                       "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS "
                       "NULL AND applied_steps_count = 0 AND logs LIKE '%oops%'"),
            "1\n");

  test::write_file(migrations / "20240101000000_data" / "migration.sql", migration(0));
  auto resolved = test::run_godwit({"migrate", "resolve", "--rolled-back", "20240101000000_data"},
                                   env, dir.path());
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  auto ok = test::run_godwit({"migrate", "deploy"}, env, dir.path());
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(test::psql(db.url(), "SELECT count(*) FROM \"Item\""), "4999\n");
  EXPECT_EQ(test::psql(db.url(),
                       "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS "
                       "NOT NULL AND applied_steps_count = 1"),
            "1\n");
}

// COPY ... FROM STDIN cannot go through pipeline mode: it stays on the plain path (between two
// pipelined runs), where godwit ends the COPY with an error (it sends no COPY data), and the
// report still names it.
TEST(PgPipeline, CopyFromStdinInATransactionalMigrationFailsCleanly) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("pipe_copy");
  test::TempDir dir;
  test::write_file(dir.path() / "prisma" / "schema.prisma",
                   "datasource db {\n  provider = \"postgresql\"\n  url      = "
                   "env(\"DATABASE_URL\")\n}\n");
  const fs::path migrations = dir.path() / "prisma" / "migrations";
  test::write_file(migrations / "migration_lock.toml", "provider = \"postgresql\"\n");
  test::write_file(migrations / "20240101000000_copy" / "migration.sql",
                   "CREATE TABLE t (x int);\nINSERT INTO t VALUES (1);\nCOPY t FROM STDIN;\n"
                   "INSERT INTO t VALUES (2);\n");
  auto r = test::run_godwit({"migrate", "deploy"}, {"DATABASE_URL=" + db.url()}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Failed statement: 3 of 4")) << r.err;
  EXPECT_TRUE(contains(r.err, "20240101000000_copy/migration.sql:3")) << r.err;
  EXPECT_TRUE(contains(r.err, "Database error code: 57014")) << r.err;
  EXPECT_EQ(test::psql(db.url(), "SELECT to_regclass('t') IS NULL"), "t\n");
}

}  // namespace
}  // namespace godwit::postgres
