// Ctrl-C and SIGTERM (src/db/interrupt.hpp): the real godwit binary, signalled while it works
// against real PostgreSQL and SQLite databases. After godwit exits (130) no statement of its
// is left on the server, nothing of the interrupted migration is applied, its history row is
// failed with "interrupted by signal" in `logs`, the migrate lock is free, and the usual
// recovery (`resolve --rolled-back`, `deploy`) works.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <thread>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
    s.pop_back();
  return s;
}

// Polls `done` every 50 ms for up to `timeout`.
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

// A throwaway project on a fresh database: prisma/schema.prisma, a migrations folder.
class Project {
 public:
  explicit Project(const std::string& provider, const std::string& name = {})
      : provider_(provider) {
    write_file(root() / "prisma" / "schema.prisma",
               "datasource db {\n  provider = \"" + provider +
                   "\"\n  url      = env(\"DATABASE_URL\")\n}\n");
    write_file(migrations() / "migration_lock.toml", "provider = \"" + provider + "\"\n");
    if (provider == "postgresql") {
      pg_ = std::make_unique<PgDatabase>(name);
      url_ = pg_->url();
    } else {
      url_ = "file:./dev.db";
    }
  }
  const fs::path& root() const { return dir_.path(); }
  fs::path migrations() const { return root() / "prisma" / "migrations"; }
  fs::path sqlite_file() const { return root() / "prisma" / "dev.db"; }
  const std::string& url() const { return url_; }
  const std::string& database() const { return pg_->name(); }
  void add(const std::string& name, const std::string& sql) const {
    write_file(migrations() / name / "migration.sql", sql);
  }
  CommandResult godwit(const std::vector<std::string>& args) const {
    return run_godwit(args, {"DATABASE_URL=" + url_}, root());
  }
  std::unique_ptr<ChildProcess> spawn(const std::vector<std::string>& args) const {
    return spawn_godwit(args, {"DATABASE_URL=" + url_}, root());
  }
  std::string scalar(const std::string& sql) const {
    return trimmed(provider_ == "postgresql" ? psql(url_, sql) : sqlite3_cli(sqlite_file(), sql));
  }
  // godwit's sessions on this database (it connects with application_name "godwit").
  std::string godwit_backends(const std::string& where = "true") const {
    return trimmed(psql(pg_admin_url(), "SELECT count(*) FROM pg_stat_activity WHERE datname = '" +
                                            database() + "' AND application_name = 'godwit' AND (" +
                                            where + ")"));
  }
  // A psql session that runs `sql` in the background (it ends with terminate_others()).
  std::unique_ptr<ChildProcess> hold(const std::string& sql) const {
    return std::make_unique<ChildProcess>(
        std::vector<std::string>{"psql", "-X", "-q", "-d", url_, "-c", sql});
  }
  void terminate_others() const {
    psql(pg_admin_url(),
         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database() +
             "' AND pid <> pg_backend_pid()");
  }

 private:
  std::string provider_;
  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  std::string url_;
};

std::string test_name() {
  std::string n = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  for (auto& c : n)
    if (c == '/') c = '_';
  return n;
}

constexpr const char* kInit = "CREATE TABLE \"A\" (\"id\" INTEGER);\n";

// ---------------------------------------------------------------------------------------------
// PostgreSQL: an ALTER TABLE queued behind another session's lock, as in production when a
// long transaction holds the table. godwit's queued ALTER would block every read of the table
// after it; the signal must take it off the queue.

class PgInterrupt : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override { GODWIT_REQUIRE_PG(); }
};

TEST_P(PgInterrupt, MigrationWaitingForALockIsCancelledAndRecordedAsFailed) {
  const int signal = GetParam();
  const std::string name = signal == SIGINT ? "SIGINT" : "SIGTERM";
  Project p("postgresql", test_name());
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);

  auto holder = p.hold("BEGIN; LOCK TABLE \"A\" IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);");
  ASSERT_TRUE(wait_until(
      [&] {
        return p.scalar(
                   "SELECT count(*) FROM pg_locks WHERE relation = '\"A\"'::regclass AND "
                   "mode = 'AccessExclusiveLock' AND granted") == "1";
      },
      10s))
      << "the holder never locked the table";

  p.add("20240102000000_alter",
        "CREATE TABLE \"B\" (\"id\" INTEGER);\nALTER TABLE \"A\" ADD COLUMN \"x\" INTEGER;\n");
  auto deploy = p.spawn({"migrate", "deploy"});
  ASSERT_TRUE(wait_until(
      [&] {
        return p.godwit_backends("wait_event_type = 'Lock' AND query LIKE '%ALTER TABLE%'") == "1";
      },
      20s))
      << "godwit's ALTER TABLE never queued behind the lock";

  const auto sent = Clock::now();
  deploy->kill(signal);
  auto r = deploy->wait();
  const auto took = Clock::now() - sent;
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_LT(took, 3s);
  EXPECT_TRUE(contains(r.err, "Error: GW2009")) << r.err;
  EXPECT_TRUE(contains(r.err, "Interrupted by signal " + name)) << r.err;
  EXPECT_TRUE(contains(r.err, "canceling statement due to user request")) << r.err;
  EXPECT_TRUE(contains(r.err, "godwit migrate resolve --rolled-back \"20240102000000_alter\""))
      << r.err;

  // Nothing of godwit is left on the server: no session, so no statement and no waiter.
  // pg_locks is cluster-wide and ctest runs other tests beside this one: count this database's.
  EXPECT_TRUE(wait_until([&] { return p.godwit_backends() == "0"; }, 2s))
      << psql(pg_admin_url(),
              "SELECT pid, state, wait_event_type, query FROM pg_stat_activity "
              "WHERE application_name = 'godwit'");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                     "WHERE NOT l.granted AND a.datname = current_database()"),
            "0");
  EXPECT_EQ(
      p.scalar(
          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid "
          "FROM pg_database WHERE datname = current_database())"),
      "0");
  // The row is failed (Prisma's shape) and says why; nothing of the migration is applied.
  EXPECT_EQ(p.scalar("SELECT count(*) FROM _prisma_migrations WHERE migration_name = "
                     "'20240102000000_alter' AND finished_at IS NULL AND rolled_back_at IS NULL "
                     "AND applied_steps_count = 0 AND logs LIKE '%interrupted by signal " +
                     name + "%' AND logs LIKE '%57014%'"),
            "1");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'B'"), "0");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'A' AND "
                     "column_name = 'x'"),
            "0");

  // The usual recovery works once the blocker is gone.
  p.terminate_others();
  holder->wait();
  auto blocked = p.godwit({"migrate", "deploy"});
  EXPECT_EQ(blocked.exit_code, 1);
  EXPECT_TRUE(contains(blocked.err, "P3009")) << blocked.err;
  EXPECT_TRUE(contains(blocked.err, "interrupted by signal " + name)) << blocked.err;
  ASSERT_EQ(p.godwit({"migrate", "resolve", "--rolled-back", "20240102000000_alter"}).exit_code, 0);
  auto again = p.godwit({"migrate", "deploy"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'A' AND "
                     "column_name = 'x'"),
            "1");
}

INSTANTIATE_TEST_SUITE_P(Signals, PgInterrupt, ::testing::Values(SIGINT, SIGTERM),
                         [](const auto& info) {
                           return info.param == SIGINT ? "SIGINT" : "SIGTERM";
                         });

TEST(PgInterruptOnce, SecondSignalExitsAtOnceAndCancelsTheCleanup) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql", test_name());
  p.add("20240101000000_init", kInit);
  p.add("20240102000000_sleep", "CREATE TABLE \"B\" (\"id\" INTEGER);\nSELECT pg_sleep(60);\n");
  auto deploy = p.spawn({"migrate", "deploy"});
  ASSERT_TRUE(wait_until(
      [&] { return p.godwit_backends("query LIKE '%SELECT pg_sleep(60)%'") == "1"; }, 20s));
  // Another session locks the history table: godwit's cleanup (the row's failed mark) then waits.
  auto holder = p.hold(
      "BEGIN; LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);");
  ASSERT_TRUE(wait_until(
      [&] {
        return p.scalar(
                   "SELECT count(*) FROM pg_locks WHERE relation = "
                   "'_prisma_migrations'::regclass AND mode = 'AccessExclusiveLock' AND "
                   "granted") == "1";
      },
      10s));

  deploy->kill(SIGINT);
  ASSERT_TRUE(wait_until(
      [&] {
        return p.godwit_backends(
                   "wait_event_type = 'Lock' AND query LIKE 'UPDATE _prisma_migrations SET "
                   "logs%'") == "1";
      },
      10s))
      << "godwit's failed mark never waited for the history table";

  const auto sent = Clock::now();
  deploy->kill(SIGINT);
  auto r = deploy->wait();
  EXPECT_LT(Clock::now() - sent, 1s);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(contains(r.err, "Interrupted again by signal SIGINT")) << r.err;
  // The second signal cancelled the waiting UPDATE too: nothing of godwit stays queued.
  EXPECT_TRUE(wait_until([&] { return p.godwit_backends() == "0"; }, 2s));
  p.terminate_others();
  holder->wait();
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'B'"), "0");
  // The row stays as a killed deploy leaves it: failed, with only godwit's progress note of
  // its start in logs (migrate/progress.hpp).
  EXPECT_EQ(p.scalar("SELECT count(*) FROM _prisma_migrations WHERE migration_name = "
                     "'20240102000000_sleep' AND finished_at IS NULL AND logs LIKE 'godwit "
                     "progress: 0 of % statements committed'"),
            "1");
}

TEST(PgInterruptOnce, WaitingForTheMigrateLockExitsAndRecordsNothing) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql", test_name());
  p.add("20240101000000_init", kInit);
  auto holder = p.hold("SELECT pg_advisory_lock(72707369); SELECT pg_sleep(120);");
  ASSERT_TRUE(wait_until(
      [&] {
        return p.scalar(
                   "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                   "(SELECT oid "
                   "FROM pg_database WHERE datname = current_database())") == "1";
      },
      10s));
  auto deploy = p.spawn({"migrate", "deploy", "--lock-timeout", "60"});
  ASSERT_TRUE(wait_until([&] { return p.godwit_backends() == "1"; }, 20s));
  std::this_thread::sleep_for(500ms);  // in the try-lock loop

  const auto sent = Clock::now();
  deploy->kill(SIGINT);
  auto r = deploy->wait();
  EXPECT_LT(Clock::now() - sent, 2s);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(contains(r.err, "Interrupted by signal SIGINT")) << r.err;
  EXPECT_TRUE(contains(r.err, "nothing was recorded")) << r.err;
  EXPECT_TRUE(wait_until([&] { return p.godwit_backends() == "0"; }, 2s));
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_tables WHERE tablename = '_prisma_migrations'"), "0");
  p.terminate_others();
  holder->wait();
}

TEST(PgInterruptOnce, DbExecuteCancelsItsStatement) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql", test_name());
  write_file(p.root() / "slow.sql", "CREATE TABLE \"B\" (\"id\" INTEGER);\nSELECT pg_sleep(60);\n");
  auto run = p.spawn({"db", "execute", "--file", "slow.sql"});
  ASSERT_TRUE(wait_until(
      [&] { return p.godwit_backends("query LIKE '%SELECT pg_sleep(60)%'") == "1"; }, 20s));
  const auto sent = Clock::now();
  run->kill(SIGTERM);
  auto r = run->wait();
  EXPECT_LT(Clock::now() - sent, 2s);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(contains(r.err, "Interrupted by signal SIGTERM")) << r.err;
  EXPECT_TRUE(wait_until([&] { return p.godwit_backends() == "0"; }, 2s));
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'B'"), "0");
}

TEST(PgInterruptOnce, StatusWaitingForALockCancelsItsQuery) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql", test_name());
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  auto holder = p.hold(
      "BEGIN; LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);");
  ASSERT_TRUE(wait_until(
      [&] {
        return p.scalar(
                   "SELECT count(*) FROM pg_locks WHERE relation = "
                   "'_prisma_migrations'::regclass AND mode = 'AccessExclusiveLock' AND "
                   "granted") == "1";
      },
      10s));
  auto status = p.spawn({"migrate", "status"});
  ASSERT_TRUE(wait_until([&] { return p.godwit_backends("wait_event_type = 'Lock'") == "1"; }, 20s))
      << "status never waited for the history table";

  const auto sent = Clock::now();
  status->kill(SIGINT);
  auto r = status->wait();
  EXPECT_LT(Clock::now() - sent, 2s);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(contains(r.err, "Interrupted by signal SIGINT")) << r.err;
  // Its query is off the lock queue: nothing of godwit waits behind the holder.
  EXPECT_TRUE(wait_until([&] { return p.godwit_backends() == "0"; }, 2s));
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                     "WHERE NOT l.granted AND a.datname = current_database()"),
            "0");
  p.terminate_others();
  holder->wait();
}

// ---------------------------------------------------------------------------------------------
// SQLite: a statement that would run for minutes (counting to 1e9) is interrupted.

TEST(SqliteInterrupt, LongStatementIsInterruptedAndRecordedAsFailed) {
  GODWIT_REQUIRE_LIVE_PART(run_command({"sqlite3", "-version"}).exit_code == 0,
                           "the sqlite3 CLI (apt-get install sqlite3)");
  Project p("sqlite");
  p.add("20240101000000_init", kInit);
  p.add("20240102000000_count",
        "CREATE TABLE \"B\" (\"id\" INTEGER);\n"
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
        "SELECT count(*) FROM c;\n");
  auto deploy = p.spawn({"migrate", "deploy"});
  std::this_thread::sleep_for(1500ms);  // the count takes minutes; the rest milliseconds

  const auto sent = Clock::now();
  deploy->kill(SIGINT);
  auto r = deploy->wait();
  EXPECT_LT(Clock::now() - sent, 2s);
  ASSERT_TRUE(contains(r.out, "Applying migration `20240102000000_count`")) << r.out << r.err;
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(contains(r.err, "Error: GW2009")) << r.err;
  EXPECT_TRUE(contains(r.err, "Database error code: 9")) << r.err;  // SQLITE_INTERRUPT

  // Not locked: another process takes the exclusive lock without waiting.
  EXPECT_NO_THROW(sqlite3_cli(p.sqlite_file(), ".timeout 0\nBEGIN EXCLUSIVE;\nCOMMIT;\n"));
  EXPECT_EQ(p.scalar("SELECT count(*) FROM _prisma_migrations WHERE migration_name = "
                     "'20240102000000_count' AND finished_at IS NULL AND rolled_back_at IS NULL "
                     "AND logs LIKE '%interrupted by signal SIGINT%'"),
            "1");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'B'"), "0");

  p.add("20240102000000_count", "CREATE TABLE \"B\" (\"id\" INTEGER);\n");
  ASSERT_EQ(p.godwit({"migrate", "resolve", "--rolled-back", "20240102000000_count"}).exit_code, 0);
  auto again = p.godwit({"migrate", "deploy"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'B'"), "1");
}

TEST(SqliteInterrupt, WaitingForTheLockExitsAndRecordsNothing) {
  GODWIT_REQUIRE_LIVE_PART(run_command({"sqlite3", "-version"}).exit_code == 0,
                           "the sqlite3 CLI (apt-get install sqlite3)");
  Project p("sqlite");
  p.add("20240101000000_init", kInit);
  sqlite3_cli(p.sqlite_file(), "CREATE TABLE t (x);\nDROP TABLE t;\n");  // an empty database
  ChildProcess holder({"sqlite3", "-cmd", ".timeout 10000", p.sqlite_file().string(),
                       "BEGIN EXCLUSIVE;", ".shell sleep 30"});
  ASSERT_TRUE(wait_until(
      [&] {
        auto r = run_command({"sqlite3", "-cmd", ".timeout 0", p.sqlite_file().string(),
                              "SELECT count(*) FROM sqlite_master"});
        return r.exit_code != 0 && contains(r.err, "locked");
      },
      10s));
  auto deploy = p.spawn({"migrate", "deploy", "--lock-timeout", "60"});
  std::this_thread::sleep_for(1000ms);  // waiting for the holder's lock

  const auto sent = Clock::now();
  deploy->kill(SIGINT);
  auto r = deploy->wait();
  EXPECT_LT(Clock::now() - sent, 2s);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_TRUE(contains(r.err, "nothing was recorded")) << r.err;
  holder.kill(SIGKILL);
  holder.wait();
  EXPECT_EQ(p.scalar("SELECT count(*) FROM sqlite_master"), "0");
}

}  // namespace
}  // namespace godwit::test
