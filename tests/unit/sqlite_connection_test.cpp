// SqliteConnection against real database files in temporary folders.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>

#include "core/error.hpp"
#include "dialect/sqlite/connect/connection.hpp"
#include "dialect/sqlite/run/migration_dialect.hpp"
#include "support/test_support.hpp"

namespace godwit::sqlite {
namespace {
using test::ScopedEnv;

namespace fs = std::filesystem;
using std::chrono::milliseconds;

std::string scalar(db::Connection& conn, std::string_view sql) {
  auto rows = conn.query(sql);
  EXPECT_EQ(rows.rows.size(), 1u);
  if (rows.rows.empty() || rows.rows[0].empty()) return "<none>";
  return rows.rows[0][0].value_or("<null>");
}

db::DatabaseError database_error(db::Connection& conn, std::string_view sql,
                                 std::span<const db::Value> params = {}, bool query = false) {
  try {
    if (query) {
      conn.query(sql, params);
    } else {
      conn.execute(sql);
    }
  } catch (const db::DatabaseError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << sql;
  return db::DatabaseError("", "");
}

TEST(SqliteConnection, MissingFileIsP1003UnlessCreating) {
  test::TempDir dir;
  auto file = dir.path() / "dev.db";
  try {
    SqliteConnection::open(file, false);
    FAIL() << "opened a missing file";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1003");
    EXPECT_EQ(e.message(), "Database `dev.db` does not exist at `" + file.string() + "`.");
  }
  EXPECT_FALSE(fs::exists(file));

  auto created = SqliteConnection::open(file, true);
  EXPECT_TRUE(created->created());
  EXPECT_TRUE(fs::exists(file));
  created.reset();
  auto reopened = SqliteConnection::open(file, true);
  EXPECT_FALSE(reopened->created());
}

TEST(SqliteConnection, CreatesMissingParentFolders) {
  test::TempDir dir;
  auto file = dir.path() / "nested" / "deeper" / "dev.db";
  auto conn = SqliteConnection::open(file, true);
  EXPECT_TRUE(conn->created());
  EXPECT_TRUE(fs::exists(file));
  EXPECT_EQ(conn->file(), file);
}

TEST(SqliteConnection, UnopenableFilesAreGwErrors) {
  test::TempDir dir;
  test::write_file(dir.path() / "plain", "not a folder");
  try {
    SqliteConnection::open(dir.path() / "plain" / "dev.db", true);
    FAIL() << "created a database below a regular file";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW1303");
  }
  try {
    SqliteConnection::open(dir.path(), true);  // a folder
    FAIL() << "opened a folder";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW1302");
    EXPECT_NE(e.message().find(dir.path().string()), std::string::npos);
  }
}

TEST(SqliteConnection, EnforcesForeignKeysAsPrismasBundledSqlite) {
  test::TempDir dir;
  auto conn = SqliteConnection::open(dir.path() / "fk.db", true);
  EXPECT_EQ(scalar(*conn, "PRAGMA foreign_keys"), "1");
  conn->execute(
      "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id));");
  auto e = database_error(*conn, "INSERT INTO child VALUES (1, 42)");
  EXPECT_EQ(e.code(), "787");  // SQLITE_CONSTRAINT_FOREIGNKEY
  EXPECT_EQ(e.message(), "FOREIGN KEY constraint failed");
}

TEST(SqliteConnection, ScriptsRunInAutocommitAndStopAtTheFirstError) {
  test::TempDir dir;
  auto conn = SqliteConnection::open(dir.path() / "s.db", true);
  auto e = database_error(*conn,
                          "-- leading comment\n"
                          "CREATE TABLE a (id INTEGER PRIMARY KEY);\n"
                          "INSERT INTO a VALUES (1);\n"
                          "INSERT INTO a VALUES (1);\n"
                          "CREATE TABLE never (x);\n");
  EXPECT_EQ(e.code(), "1555");  // SQLITE_CONSTRAINT_PRIMARYKEY
  EXPECT_EQ(e.message(), "UNIQUE constraint failed: a.id");
  // As Prisma's execute_batch: what ran before the failure stays.
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM a"), "1");
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM sqlite_master WHERE name = 'never'"), "0");
  EXPECT_FALSE(conn->in_transaction());
  // Statements that return rows are run to completion and their rows dropped.
  conn->execute("SELECT * FROM a; PRAGMA foreign_key_check; INSERT INTO a VALUES (2);");
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM a"), "2");
  conn->execute("  -- only a comment\n  ");
}

TEST(SqliteConnection, SyntaxErrorsCarryTheCharacterPositionInTheScript) {
  test::TempDir dir;
  auto conn = SqliteConnection::open(dir.path() / "p.db", true);
  auto e = database_error(*conn, "CREATE TABLE \"é\" (x);\nCREAT TABLE b (y);");
  EXPECT_EQ(e.code(), "1");
  EXPECT_EQ(e.message(), "near \"CREAT\": syntax error");
  // "CREATE TABLE "é" (x);\n" is 22 characters (23 bytes): CREAT starts at character 23.
  EXPECT_EQ(e.position(), 23);
  auto missing = database_error(*conn, "SELECT * FROM nope");
  EXPECT_EQ(missing.code(), "1");
  EXPECT_EQ(missing.message(), "no such table: nope");
}

TEST(SqliteConnection, QueryBindsNumberedParametersByName) {
  test::TempDir dir;
  auto conn = SqliteConnection::open(dir.path() / "q.db", true);
  conn->execute("CREATE TABLE t (id INTEGER, name TEXT, note TEXT, score REAL)");
  std::array<db::Value, 3> insert{std::int64_t{9007199254740993}, std::string("zoë"),
                                  std::monostate{}};
  conn->query("INSERT INTO t (id, name, note, score) VALUES ($1, $2, $3, 1.5)", insert);
  std::array<db::Value, 2> select{std::string("zoë"), std::int64_t{1}};
  auto rows = conn->query(
      "SELECT id, name, note, score, $2 AS one, $2 + $2 AS two FROM t WHERE name = $1", select);
  ASSERT_EQ(rows.columns, (std::vector<std::string>{"id", "name", "note", "score", "one", "two"}));
  ASSERT_EQ(rows.rows.size(), 1u);
  const auto& r = rows.rows[0];
  EXPECT_EQ(r[0], "9007199254740993");
  EXPECT_EQ(r[1], "zoë");
  EXPECT_EQ(r[2], std::nullopt);
  EXPECT_EQ(r[3], "1.5");
  EXPECT_EQ(r[4], "1");
  EXPECT_EQ(r[5], "2");
  EXPECT_TRUE(conn->query("SELECT * FROM t WHERE 0").rows.empty());
}

TEST(SqliteConnection, QueryRejectsMismatchedParametersAndScripts) {
  test::TempDir dir;
  auto conn = SqliteConnection::open(dir.path() / "m.db", true);
  std::array<db::Value, 2> two{std::int64_t{1}, std::int64_t{2}};
  EXPECT_EQ(database_error(*conn, "SELECT $1", two, true).code(), "25");
  EXPECT_EQ(database_error(*conn, "SELECT $1, $2, $3", two, true).code(), "25");
  EXPECT_EQ(database_error(*conn, "SELECT ?, ?", two, true).code(), "25");
  EXPECT_EQ(database_error(*conn, "SELECT 1; SELECT 2", {}, true).code(), "21");
  EXPECT_EQ(scalar(*conn, "SELECT 1; -- trailing comment"), "1");
}

TEST(SqliteConnection, InTransactionFollowsBeginAndCommit) {
  test::TempDir dir;
  auto conn = SqliteConnection::open(dir.path() / "t.db", true);
  EXPECT_FALSE(conn->in_transaction());
  conn->execute("BEGIN");
  EXPECT_TRUE(conn->in_transaction());
  conn->execute("CREATE TABLE t (x)");
  conn->execute("ROLLBACK");
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_EQ(scalar(*conn, "SELECT count(*) FROM sqlite_master"), "0");
}

TEST(SqliteConnection, BusyTimeoutBoundsTheWaitForAnotherWriter) {
  test::TempDir dir;
  auto file = dir.path() / "busy.db";
  auto writer = SqliteConnection::open(file, true);
  writer->execute("CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
  auto other = SqliteConnection::open(file, false, OpenOptions{milliseconds(50)});
  EXPECT_EQ(other->busy_timeout(), milliseconds(50));
  auto e = database_error(*other, "INSERT INTO t VALUES (2)");
  EXPECT_EQ(e.code(), "5");  // SQLITE_BUSY
  EXPECT_EQ(e.message(), "database is locked");
  writer->execute("COMMIT");
  other->execute("INSERT INTO t VALUES (2)");
  EXPECT_EQ(scalar(*writer, "SELECT count(*) FROM t"), "2");
}

TEST(SqliteConnection, ExclusiveLockKeepsOtherConnectionsAndProcessesOut) {
  test::TempDir dir;
  auto file = dir.path() / "lock.db";
  auto first = SqliteConnection::open(file, true, OpenOptions{milliseconds(50)});
  first->execute("CREATE TABLE t (x)");
  ASSERT_TRUE(first->acquire_exclusive_lock(milliseconds(200)));
  first->execute("INSERT INTO t VALUES (1)");  // the holder works as usual

  auto second = SqliteConnection::open(file, false, OpenOptions{milliseconds(50)});
  auto read = database_error(*second, "SELECT count(*) FROM t", {}, true);
  EXPECT_EQ(read.code(), "5");
  try {
    second->acquire_exclusive_lock(milliseconds(200));
    FAIL() << "took a lock that is held";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1002");
    EXPECT_NE(e.message().find(file.string()), std::string::npos);
    EXPECT_NE(e.hint().find("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK"), std::string::npos);
  }
  EXPECT_EQ(second->busy_timeout(), milliseconds(50));  // restored after the attempt

  // A separate process (the sqlite3 shell) is kept out as well, without harm to the file.
  auto shell = test::run_command(
      {"sqlite3", "-cmd", ".timeout 100", file.string(), "INSERT INTO t VALUES (99);"});
  EXPECT_NE(shell.exit_code, 0);
  EXPECT_NE(shell.err.find("database is locked"), std::string::npos) << shell.err;

  // The failed attempt left the second connection holding nothing: the holder still writes.
  first->execute("INSERT INTO t VALUES (2)");
  first->release_exclusive_lock();
  EXPECT_EQ(scalar(*second, "SELECT count(*) FROM t"), "2");
  EXPECT_TRUE(second->acquire_exclusive_lock(milliseconds(200)));
  EXPECT_EQ(database_error(*first, "INSERT INTO t VALUES (3)").code(), "5");
  second.reset();  // closing the connection releases the lock too
  first->execute("INSERT INTO t VALUES (3)");
  EXPECT_EQ(test::sqlite3_cli(file, "PRAGMA integrity_check; SELECT count(*) FROM t;"), "ok\n3\n");
}

TEST(SqliteConnection, FailedLockAttemptDoesNotBlockAWriterMidTransaction) {
  test::TempDir dir;
  auto file = dir.path() / "writer.db";
  auto writer = SqliteConnection::open(file, true, OpenOptions{milliseconds(50)});
  writer->execute("CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
  auto locker = SqliteConnection::open(file, false, OpenOptions{milliseconds(50)});
  try {
    locker->acquire_exclusive_lock(milliseconds(100));
    FAIL() << "locked a file with a pending write transaction";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1002");
  }
  // Had the attempt kept a shared lock, this COMMIT could not take its exclusive lock.
  writer->execute("COMMIT");
  EXPECT_EQ(scalar(*locker, "SELECT count(*) FROM t"), "1");
}

TEST(SqliteConnection, ExclusiveLockHonoursTheDisableVariable) {
  test::TempDir dir;
  auto file = dir.path() / "nolock.db";
  auto first = SqliteConnection::open(file, true);
  first->execute("CREATE TABLE t (x)");
  {
    ScopedEnv env("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK", "1");
    EXPECT_FALSE(first->acquire_exclusive_lock(milliseconds(100)));
  }
  auto second = SqliteConnection::open(file, false, OpenOptions{milliseconds(50)});
  second->execute("INSERT INTO t VALUES (1)");  // nothing was locked
  {
    ScopedEnv env("PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK", "0");  // "0" keeps the lock on
    EXPECT_TRUE(first->acquire_exclusive_lock(milliseconds(100)));
  }
  EXPECT_EQ(database_error(*second, "INSERT INTO t VALUES (2)").code(), "5");
}

TEST(SqliteConnection, InMemoryDatabasesArePrivate) {
  auto a = SqliteConnection::open(":memory:", true);
  auto b = SqliteConnection::open(":memory:", true);
  a->execute("CREATE TABLE t (x)");
  EXPECT_EQ(scalar(*a, "SELECT count(*) FROM sqlite_master"), "1");
  EXPECT_EQ(scalar(*b, "SELECT count(*) FROM sqlite_master"), "0");
  EXPECT_FALSE(a->created());
}

TEST(SqliteConnection, OpensFromAParsedUrl) {
  test::TempDir dir;
  auto target = parse_url("file:./sub/dev.db?socket_timeout=2", dir.path());
  auto conn = SqliteConnection::open(target, true);
  EXPECT_TRUE(conn->created());
  EXPECT_EQ(conn->busy_timeout(), milliseconds(2000));
  EXPECT_TRUE(fs::exists(dir.path() / "sub" / "dev.db"));
}

// Prisma's engine stores epoch milliseconds; its driver adapters store ISO text. P3009 shows
// either as "YYYY-MM-DD HH:MM:SS.mmm UTC".
TEST(SqliteHistory, ShowsStoredTimestampsInUtc) {
  SqliteDialect dialect;
  auto show = dialect.history().timestamp_display;
  EXPECT_EQ(show("1732197834177"), "2024-11-21 14:03:54.177 UTC");
  EXPECT_EQ(show("0"), "1970-01-01 00:00:00.000 UTC");
  EXPECT_EQ(show("-1"), "1969-12-31 23:59:59.999 UTC");
  EXPECT_EQ(show("951868799999"), "2000-02-29 23:59:59.999 UTC");
  EXPECT_EQ(show("2026-11-21T15:03:37.880+00:00"), "2026-11-21 15:03:37.880 UTC");
  EXPECT_EQ(show("not a time"), "not a time");
}

}  // namespace
}  // namespace godwit::sqlite
