// Issue 8: `migrate status` while a SQLite deploy runs. A deploy holds the database file's
// exclusive lock for its whole run (PRAGMA locking_mode=EXCLUSIVE, then BEGIN EXCLUSIVE /
// COMMIT: src/dialect/sqlite/connect/connection.cpp); status then cannot read the history table. It
// must say that a migration is in progress and who holds the lock, not "database is locked
// (code 5)".
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

struct Project {
  TempDir dir;
  Project() {
    write_file(dir.path() / "schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");
    write_file(dir.path() / "migrations" / "migration_lock.toml", "provider = \"sqlite\"\n");
    write_file(dir.path() / "migrations" / "20240101000000_init" / "migration.sql",
               "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  }
  fs::path db() const { return dir.path() / "dev.db"; }
  CommandResult godwit(const std::vector<std::string>& args, const std::string& url) const {
    return run_godwit(args, {"DATABASE_URL=" + url, "NO_COLOR=1"}, dir.path());
  }
};

// Waits until another connection cannot read `file` (the holder has its lock).
bool wait_until_locked(const fs::path& file) {
  for (int i = 0; i < 100; ++i) {
    auto r = run_command(
        {"sqlite3", "-cmd", ".timeout 0", file.string(), "SELECT count(*) FROM sqlite_master"});
    if (r.exit_code != 0 && contains(r.err, "locked")) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(SqliteStatusLock, StatusDuringADeployNamesTheLockHolder) {
  GODWIT_REQUIRE_LIVE_PART(run_command({"sqlite3", "-version"}).exit_code == 0,
                           "the sqlite3 CLI (apt-get install sqlite3)");
  Project p;
  ASSERT_EQ(p.godwit({"migrate", "deploy"}, "file:./dev.db").exit_code, 0);

  // A second process holds the exclusive lock as a deploy does mid-migration: an open
  // BEGIN EXCLUSIVE transaction. It waits for the lock (.timeout): without that, its BEGIN
  // failed at once whenever wait_until_locked's probe held a shared lock at that moment, and
  // the test was flaky.
  ChildProcess holder({"sqlite3", "-cmd", ".timeout 10000", p.db().string(), "BEGIN EXCLUSIVE;",
                       ".shell sleep 30"});
  ASSERT_TRUE(wait_until_locked(p.db())) << "the sqlite3 process never took the lock";

  auto started = std::chrono::steady_clock::now();
  auto r = p.godwit({"migrate", "status"}, "file:./dev.db?socket_timeout=1");
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "Error: P1002")) << r.err;
  EXPECT_TRUE(contains(r.err, "A migration is in progress on the SQLite database at")) << r.err;
  EXPECT_TRUE(contains(r.err, "process " + std::to_string(holder.pid()) + " (sqlite3 ")) << r.err;
  EXPECT_FALSE(contains(r.err, "database is locked (code 5)")) << r.err;
  EXPECT_FALSE(contains(r.err, "GW2008")) << r.err;
  EXPECT_LT(waited, std::chrono::seconds(10)) << "socket_timeout=1 bounds the wait";

  // Once the holder is gone, status reads the history again.
  holder.kill(SIGKILL);
  holder.wait();
  auto after = p.godwit({"migrate", "status"}, "file:./dev.db");
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
}

// The same while a real deploy runs a long migration: status names the godwit deploy.
TEST(SqliteStatusLock, StatusDuringALongGodwitDeploy) {
  Project p;
  ASSERT_EQ(p.godwit({"migrate", "deploy"}, "file:./dev.db").exit_code, 0);
  // Counting to 30 million in a recursive CTE keeps SQLite busy for seconds.
  write_file(p.dir.path() / "migrations" / "20240102000000_long" / "migration.sql",
             "CREATE TABLE \"Numbers\" AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
             "FROM c WHERE x < 30000000) SELECT count(*) AS n FROM c;\n");
  auto deploy = spawn_godwit({"migrate", "deploy"}, {"DATABASE_URL=file:./dev.db", "NO_COLOR=1"},
                             p.dir.path());
  ASSERT_TRUE(wait_until_locked(p.db())) << "the deploy never took the lock";
  auto r = p.godwit({"migrate", "status"}, "file:./dev.db?socket_timeout=1");
  auto d = deploy->wait();
  ASSERT_EQ(d.exit_code, 0) << d.out << d.err;
  EXPECT_EQ(r.exit_code, 1) << "status read the database while the deploy ran (did the long "
                               "migration finish within a second?)\n"
                            << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "A migration is in progress")) << r.err;
  EXPECT_TRUE(contains(r.err, "process " + std::to_string(deploy->pid()) + " (")) << r.err;
  EXPECT_TRUE(contains(r.err, "migrate deploy")) << r.err;
}

}  // namespace
}  // namespace godwit::test
