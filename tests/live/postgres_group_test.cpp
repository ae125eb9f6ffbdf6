// Transactional PostgreSQL migrations go in groups of statements, one multi-statement simple
// query each (PgConnection::execute_group, migrate::apply_script): the server still answers
// statement by statement and stops at the first error, so a failure names its statement, line,
// SQLSTATE and position, nothing after it runs, and nothing of the migration nor its history
// row is left behind.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/run/migration_dialect.hpp"
#include "migrate/apply.hpp"
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

// The statements as a script ("s1;\ns2;\n...") sent in groups of migrate::kGroupStatements,
// as apply_script sends a script's statements; the failure's index is into `statements`.
std::optional<db::Connection::BatchFailure> run_each(PgConnection& conn,
                                                     const std::vector<std::string>& statements) {
  std::string text;
  std::vector<db::Connection::TextRange> ranges;
  for (const auto& st : statements) {
    ranges.push_back({text.size(), st.size()});
    text += st + ";\n";
  }
  for (std::size_t first = 0; first < ranges.size(); first += migrate::kGroupStatements) {
    const std::size_t n = std::min(migrate::kGroupStatements, ranges.size() - first);
    std::vector<db::Connection::TextRange> group(ranges.begin() + first,
                                                 ranges.begin() + first + n);
    const std::size_t base = group.front().offset;
    for (auto& r : group)
      r.offset -= base;
    const auto& last = group.back();
    if (auto failed = conn.execute_group(
            std::string_view(text).substr(base, last.offset + last.size), group)) {
      failed->index += first;
      return failed;
    }
  }
  return std::nullopt;
}

// Twenty groups and a part of one.
constexpr int kMany = 20000;

TEST(PgGroup, RunsEveryStatementInOrder) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_order");
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

TEST(PgGroup, FailureNamesTheStatementAndRunsNothingAfterIt) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_fail");
  auto conn = connect(db.url());
  conn->execute("CREATE TABLE t (id int PRIMARY KEY)");
  conn->execute("CREATE TABLE after_failure (id int)");
  std::vector<std::string> statements;
  for (int i = 1; i <= kMany; ++i)
    statements.push_back("INSERT INTO t VALUES (" + std::to_string(i) + ")");
  statements[14999] = "INSERT INTO t VALUES (\n  'x'::int)";  // statement 15000
  statements[15000] = "SELECT nextval('after_seq')";  // same group: would survive the rollback
  statements.push_back("INSERT INTO after_failure VALUES (1)");
  conn->execute("CREATE SEQUENCE after_seq");
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
  EXPECT_EQ(scalar(*conn, "SELECT is_called FROM after_seq"), "f");
}

// A group runs inside the caller's explicit transaction: it commits nothing on its own.
TEST(PgGroup, AGroupInsideATransactionCommitsNothingOnItsOwn) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_tx");
  auto conn = connect(db.url());
  conn->execute("CREATE TABLE t (id int)");
  conn->execute("BEGIN");
  EXPECT_FALSE(run_each(*conn, {"INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"}));
  EXPECT_TRUE(conn->in_transaction());
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t"), "2");
  conn->execute("ROLLBACK");
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t"), "0");
}

// The first and the last statement of a group fail: index, SQLSTATE and the position within
// the statement (not within the group's text) are right, nothing after it runs.
TEST(PgGroup, FailureAtTheFirstAndTheLastStatementOfAGroup) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_edges");
  auto conn = connect(db.url());
  conn->execute("CREATE TABLE t (id int PRIMARY KEY, s text)");
  const std::size_t g = migrate::kGroupStatements;
  for (std::size_t bad : {g, 2 * g - 1, std::size_t{0}, 3 * g - 1}) {
    std::vector<std::string> statements;
    for (std::size_t i = 0; i < 3 * g; ++i) {
      // Multi-byte characters before the error: the position counts characters.
      statements.push_back("INSERT INTO t VALUES (" + std::to_string(i) + ", 'ä;ö')");
    }
    statements[bad] = "INSERT INTO t VALUES ('ü', \n  'y')";
    if (bad + 1 < statements.size()) statements[bad + 1] = "SELECT nextval('after_seq')";
    conn->execute("CREATE SEQUENCE after_seq");
    conn->execute("BEGIN");
    auto failed = run_each(*conn, statements);
    ASSERT_TRUE(failed.has_value()) << bad;
    EXPECT_EQ(failed->index, bad);
    EXPECT_EQ(failed->error.code(), "22P02");
    EXPECT_EQ(failed->error.position(), 23) << bad;  // the 'ü'
    EXPECT_TRUE(conn->in_transaction());
    conn->execute("ROLLBACK");
    EXPECT_EQ(scalar(*conn, "SELECT is_called FROM after_seq"), "f") << bad;
    EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t"), "0");
    conn->execute("DROP SEQUENCE after_seq");
  }
}

// Statements whose own text holds ';' (in a string, a dollar quote, a function body) at the
// boundaries of the groups, through the real path (split, then apply_script's groups): each
// group is the script's own text, so the server splits it as the parser did.
TEST(PgGroup, SemicolonsInsideStatementsAtGroupBoundaries) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_semicolons");
  auto conn = connect(db.url());
  const std::size_t g = migrate::kGroupStatements;
  auto script_text = [&](bool with_error) {
    std::string sql = "CREATE TABLE t (id int PRIMARY KEY, s text);\n";  // statement 1, line 1
    for (std::size_t k = 2; k <= 3 * g; ++k) {                           // statement k on line k
      const std::string id = std::to_string(k);
      if (k == g) {  // the last of the first group
        sql += "INSERT INTO t VALUES (" + id + ", 'a;b'' ; -- not a comment');\n";
      } else if (k == g + 1) {  // the first of the second
        sql += "DO $$ BEGIN INSERT INTO t VALUES (" + id + ", 'x;y'); END $$;\n";
      } else if (k == 2 * g) {
        sql += "INSERT INTO t VALUES (" + id + ", $q$;$q$) /* ; */;\n";
      } else if (k == 2 * g + 1) {
        sql += "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$ SELECT 1; $f$;   -- ;\n";
      } else if (with_error && k == 2 * g + 2) {
        sql += "INSERT INTO t VALUES (" + id + ", 'ok;'), ('no;', 'z');\n";
      } else {
        sql += "INSERT INTO t VALUES (" + id + ", ';');\n";
      }
    }
    return sql;
  };
  PostgresDialect dialect;
  const std::string good = script_text(false);
  auto script = dialect.split(good);
  ASSERT_EQ(script.statements.size(), 3 * g);
  EXPECT_FALSE(dialect.apply(*conn, script, {}).has_value());
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM t"), std::to_string(3 * g - 2));
  EXPECT_EQ(scalar(*conn, "SELECT s FROM t WHERE id = " + std::to_string(g)),
            "a;b' ; -- not a comment");
  EXPECT_EQ(scalar(*conn, "SELECT s FROM t WHERE id = " + std::to_string(g + 1)), "x;y");
  EXPECT_EQ(scalar(*conn, "SELECT s FROM t WHERE id = " + std::to_string(2 * g)), ";");
  EXPECT_EQ(scalar(*conn, "SELECT f()"), "1");

  conn->execute("DROP TABLE t; DROP FUNCTION f()");
  const std::string bad = script_text(true);
  auto failing = dialect.split(bad);
  auto f = dialect.apply(*conn, failing, {});
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->statement_index, 2 * g + 1);  // statement 2g + 2, the second of its group
  EXPECT_EQ(f->statement_count, 3 * g);
  EXPECT_EQ(f->line, static_cast<int>(2 * g + 2));
  EXPECT_EQ(f->db_code, "22P02");
  EXPECT_TRUE(contains(f->db_message, "\"no;\"")) << f->db_message;
  EXPECT_TRUE(f->rolled_back);
  EXPECT_EQ(scalar(*conn, "SELECT to_regclass('t') IS NULL"), "t");
}

TEST(PgGroup, NoticesLargeResultsAndSetInsideTheTransaction) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_misc");
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
TEST(PgGroup, DeployReportsTheFailingStatementOfALargeMigration) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_deploy");
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

// Data statements are split without the parser (pgparse/split.cpp, dml_ranges), so a syntax
// error in one reaches the server inside a group, which rejects the whole group before running
// any of it: the error's position still names the statement and its line.
TEST(PgGroup, ASyntaxErrorInALargeDataMigrationNamesItsStatement) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_syntax");
  test::TempDir dir;
  test::write_file(dir.path() / "prisma" / "schema.prisma",
                   "datasource db {\n  provider = \"postgresql\"\n  url      = "
                   "env(\"DATABASE_URL\")\n}\n");
  const fs::path migrations = dir.path() / "prisma" / "migrations";
  test::write_file(migrations / "migration_lock.toml", "provider = \"postgresql\"\n");
  std::string sql = "CREATE TABLE \"Item\" (id int PRIMARY KEY, n int);\n";
  for (int i = 2; i <= 5000; ++i) {
    sql += i == 3500 ? "INSERT INTO \"Item\" (id, n)\nVALUES (3500,, 1);\n"
                     : "INSERT INTO \"Item\" (id, n) VALUES (" + std::to_string(i) + ", 1);\n";
  }
  test::write_file(migrations / "20240101000000_data" / "migration.sql", sql);
  auto r = test::run_godwit({"migrate", "deploy"}, {"DATABASE_URL=" + db.url()}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Failed statement: 3500 of 5000")) << r.err;
  EXPECT_TRUE(contains(r.err, "20240101000000_data/migration.sql:3501")) << r.err;
  EXPECT_TRUE(contains(r.err, "Database error code: 42601")) << r.err;
  EXPECT_EQ(test::psql(db.url(), "SELECT to_regclass('\"Item\"') IS NULL"), "t\n");
}

// COPY ... FROM STDIN cannot go in a group: it stays on the plain path (between two groups), where
// godwit ends the COPY with an error (it sends no COPY data), and the report still names it.
TEST(PgGroup, CopyFromStdinInATransactionalMigrationFailsCleanly) {
  GODWIT_REQUIRE_PG();
  test::PgDatabase db("group_copy");
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
