// The lock budget (migrate/lock_budget.hpp, docs/safety.md): the real godwit binary deploys
// against the real PostgreSQL while another session holds a conflicting lock. godwit names the
// blocking pid, retries its lock timeouts, succeeds once the blocker ends and applies nothing
// twice; a failed concurrent unique index build leaves no invalid index; a file's own
// lock_timeout is kept; --wait-for-blockers stops before taking any lock.
#include <gtest/gtest.h>

#include <chrono>
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

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

std::string test_name() {
  return ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

// A throwaway PostgreSQL project: prisma/schema.prisma, a migrations folder, a fresh database.
class Project {
 public:
  Project() : db_(test_name()) {
    write_file(
        root() / "prisma" / "schema.prisma",
        "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n");
    write_file(migrations() / "migration_lock.toml", "provider = \"postgresql\"\n");
  }
  const fs::path& root() const { return dir_.path(); }
  fs::path migrations() const { return root() / "prisma" / "migrations"; }
  const std::string& url() const { return db_.url(); }
  const std::string& database() const { return db_.name(); }
  void add(const std::string& name, const std::string& sql) const {
    write_file(migrations() / name / "migration.sql", sql);
  }
  CommandResult godwit(const std::vector<std::string>& args) const {
    return run_godwit(args, {"DATABASE_URL=" + url()}, root());
  }
  std::unique_ptr<ChildProcess> spawn(const std::vector<std::string>& args) const {
    return spawn_godwit(args, {"DATABASE_URL=" + url()}, root());
  }
  std::string scalar(const std::string& sql) const { return trimmed(psql(url(), sql)); }
  // A psql session that runs `sql` in the background, e.g. a transaction holding a lock.
  std::unique_ptr<ChildProcess> hold(const std::string& sql) const {
    return std::make_unique<ChildProcess>(
        std::vector<std::string>{"psql", "-X", "-q", "-d", url(), "-c", sql});
  }
  // The backend pid of the session running a query that contains `marker`, once it holds a
  // granted lock on `table`.
  std::string holder_pid(const std::string& marker, const std::string& table) const {
    std::string pid;
    wait_until(
        [&] {
          pid = scalar(
              "SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid WHERE "
              "a.datname = current_database() AND a.query LIKE '%" +
              marker + "%' AND a.pid <> pg_backend_pid() AND l.granted AND l.relation = '\"" +
              table + "\"'::regclass LIMIT 1");
          return !pid.empty();
        },
        10s);
    return pid;
  }
  void terminate_others() const {
    psql(pg_admin_url(),
         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database() +
             "' AND pid <> pg_backend_pid()");
  }

 private:
  TempDir dir_;
  PgDatabase db_;
};

class LockBudget : public ::testing::Test {
 protected:
  void SetUp() override { GODWIT_REQUIRE_PG(); }
};

constexpr const char* kInit =
    "CREATE TABLE \"A\" (\"id\" INTEGER);\nCREATE TABLE \"Log\" (\"n\" INTEGER);\n"
    "INSERT INTO \"A\" VALUES (1), (2);\n";

// (a) A transactional file: the whole transaction is retried; its INSERT runs once.
TEST_F(LockBudget, TransactionalMigrationNamesTheBlockerRetriesAndSucceedsOnce) {
  Project p;
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);

  // A reader that keeps its transaction (and its ACCESS SHARE lock) open for 3 s.
  auto holder =
      p.hold("BEGIN; SELECT count(*) FROM \"A\"; SELECT pg_sleep(3) /*blocker*/; COMMIT;");
  const std::string pid = p.holder_pid("blocker", "A");
  ASSERT_FALSE(pid.empty()) << "the blocker never locked the table";

  p.add("20240102000000_alter",
        "INSERT INTO \"Log\" VALUES (1);\nALTER TABLE \"A\" ADD COLUMN \"x\" INTEGER;\n");
  const auto started = Clock::now();
  auto r = p.godwit(
      {"migrate", "deploy", "--lock-budget", "0.4", "--report-blockers-after", "0.2", "--json"});
  const auto took = Clock::now() - started;
  holder->wait();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_GT(took, 1s);  // it did wait for the blocker
  // The blocker is named with its pid, application, state, transaction age and query.
  EXPECT_TRUE(contains(r.err, "blocked by:")) << r.err;
  EXPECT_TRUE(contains(r.err, "pid " + pid + " (application \"psql\"")) << r.err;
  EXPECT_TRUE(contains(r.err, "transaction open")) << r.err;
  EXPECT_TRUE(contains(r.err, "pg_sleep(3) /*blocker*/")) << r.err;
  EXPECT_TRUE(contains(r.err, "lock timeout (SQLSTATE 55P03)")) << r.err;
  EXPECT_TRUE(contains(r.err, "retry 1 of 8")) << r.err;
  EXPECT_TRUE(contains(r.err, "the whole transaction")) << r.err;
  EXPECT_TRUE(contains(r.out, "\"retries\": ")) << r.out;
  EXPECT_FALSE(contains(r.out, "\"retries\": 0,")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"pid\": " + pid)) << r.out;

  // Applied once: one row in Log, the column there, one finished history row that says why.
  EXPECT_EQ(p.scalar("SELECT count(*) FROM \"Log\""), "1");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'A' AND "
                     "column_name = 'x'"),
            "1");
  EXPECT_EQ(p.scalar("SELECT count(*) || ',' || min(applied_steps_count) FROM _prisma_migrations "
                     "WHERE migration_name = '20240102000000_alter' AND finished_at IS NOT NULL "
                     "AND rolled_back_at IS NULL"),
            "1,1");
  const auto logs =
      p.scalar("SELECT logs FROM _prisma_migrations WHERE migration_name = '20240102000000_alter'");
  EXPECT_TRUE(contains(logs, "lock timeout retr")) << logs;
  EXPECT_TRUE(contains(logs, "Blocked by pid " + pid)) << logs;
  // Prisma's readers see an applied migration: status is clean.
  auto status = p.godwit({"migrate", "status"});
  EXPECT_EQ(status.exit_code, 0) << status.out << status.err;
}

// (a) A non-transactional file: only the failed statement is retried; what ran before it is
// not run again.
TEST_F(LockBudget, NonTransactionalMigrationRetriesOnlyTheFailedStatement) {
  Project p;
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  auto holder =
      p.hold("BEGIN; SELECT count(*) FROM \"A\"; SELECT pg_sleep(3) /*blocker*/; COMMIT;");
  const std::string pid = p.holder_pid("blocker", "A");
  ASSERT_FALSE(pid.empty());

  p.add("20240102000000_concurrent",
        "INSERT INTO \"Log\" VALUES (2);\nALTER TABLE \"A\" ADD COLUMN \"y\" INTEGER;\n"
        "CREATE INDEX CONCURRENTLY \"A_y_idx\" ON \"A\" (\"y\");\n");
  auto r = p.godwit({"migrate", "deploy", "--lock-budget", "0.4"});
  holder->wait();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "pid " + pid)) << r.err;
  EXPECT_TRUE(contains(r.err, "statement 2 of 3 (the statements before it stay applied")) << r.err;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM \"Log\" WHERE \"n\" = 2"), "1");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_index WHERE indexrelid = '\"A_y_idx\"'::regclass "
                     "AND indisvalid"),
            "1");
}

// Retries are bounded: when the blocker stays, the migration fails (P3018, 55P03), the row's
// logs name the blocker, and nothing of the migration is applied.
TEST_F(LockBudget, RetriesAreBoundedAndTheFailureNamesTheBlocker) {
  Project p;
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  auto holder =
      p.hold("BEGIN; SELECT count(*) FROM \"A\"; SELECT pg_sleep(60) /*blocker*/; COMMIT;");
  const std::string pid = p.holder_pid("blocker", "A");
  ASSERT_FALSE(pid.empty());

  p.add("20240102000000_alter",
        "INSERT INTO \"Log\" VALUES (1);\nALTER TABLE \"A\" ADD COLUMN \"x\" INTEGER;\n");
  auto r = p.godwit({"migrate", "deploy", "--lock-budget", "0.2", "--lock-retries", "2"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "P3018")) << r.err;
  EXPECT_TRUE(contains(r.err, "55P03")) << r.err;
  EXPECT_TRUE(contains(r.err, "godwit tried 3 time(s) (2 retries")) << r.err;
  const auto logs = p.scalar(
      "SELECT logs FROM _prisma_migrations WHERE migration_name = '20240102000000_alter' "
      "AND finished_at IS NULL");
  EXPECT_TRUE(contains(logs, "Sessions blocking it:")) << logs;
  EXPECT_TRUE(contains(logs, "pid " + pid)) << logs;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM \"Log\""), "0");
  p.terminate_others();
  holder->wait();
}

// (c) A unique index built concurrently on duplicates fails; no invalid index stays behind.
TEST_F(LockBudget, FailedConcurrentUniqueIndexLeavesNoInvalidIndex) {
  Project p;
  p.add("20240101000000_init",
        "CREATE TABLE \"U\" (\"email\" TEXT);\nINSERT INTO \"U\" VALUES ('a'), ('a'), ('b');\n");
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  p.add("20240102000000_unique",
        "CREATE UNIQUE INDEX CONCURRENTLY \"U_email_key\" ON \"U\" (\"email\");\n");
  auto r = p.godwit({"migrate", "deploy"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "23505")) << r.err;
  EXPECT_TRUE(contains(r.err, "dropped the invalid index \"U_email_key\"")) << r.err;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_index WHERE NOT indisvalid"), "0");
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_class WHERE relname = 'U_email_key'"), "0");

  // Fixed data, marked rolled back, deployed again: the index is built.
  p.scalar("DELETE FROM \"U\" WHERE ctid = (SELECT min(ctid) FROM \"U\" WHERE \"email\" = 'a')");
  ASSERT_EQ(p.godwit({"migrate", "resolve", "--rolled-back", "20240102000000_unique"}).exit_code,
            0);
  auto again = p.godwit({"migrate", "deploy"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_index WHERE indexrelid = '\"U_email_key\"'::regclass "
                     "AND indisvalid"),
            "1");
}

// (d) A file that sets its own lock_timeout keeps it; without one, godwit's applies.
TEST_F(LockBudget, FileOwnLockTimeoutIsKept) {
  Project p;
  p.add("20240101000000_init", kInit);
  p.add("20240102000000_defaults",
        "CREATE TABLE \"Seen1\" AS SELECT current_setting('lock_timeout') AS lt, "
        "current_setting('statement_timeout') AS st;\n");
  ASSERT_EQ(p.godwit({"migrate", "deploy", "--lock-budget", "0.3"}).exit_code, 0);
  EXPECT_EQ(p.scalar("SELECT lt || ',' || st FROM \"Seen1\""), "300ms,0");

  auto holder =
      p.hold("BEGIN; SELECT count(*) FROM \"A\"; SELECT pg_sleep(2) /*blocker*/; COMMIT;");
  ASSERT_FALSE(p.holder_pid("blocker", "A").empty());
  p.add("20240103000000_own",
        "SET lock_timeout = '9s';\nCREATE TABLE \"Seen2\" AS SELECT "
        "current_setting('lock_timeout') AS lt;\nALTER TABLE \"A\" ADD COLUMN \"z\" INTEGER;\n");
  auto r = p.godwit({"migrate", "deploy", "--lock-budget", "0.3", "--json"});
  holder->wait();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // The ALTER waited for the 2 s blocker under the file's 9 s: no timeout, no retry.
  EXPECT_TRUE(contains(r.out, "\"retries\": 0")) << r.out;
  EXPECT_TRUE(contains(r.out, "\"ownTimeouts\": true")) << r.out;
  EXPECT_FALSE(contains(r.err, "55P03")) << r.err;
  EXPECT_EQ(p.scalar("SELECT lt FROM \"Seen2\""), "9s");
  // The next migration starts from godwit's setting again.
  p.add("20240104000000_after",
        "CREATE TABLE \"Seen3\" AS SELECT current_setting('lock_timeout') AS lt;\n");
  ASSERT_EQ(p.godwit({"migrate", "deploy", "--lock-budget", "0.3"}).exit_code, 0);
  EXPECT_EQ(p.scalar("SELECT lt FROM \"Seen3\""), "300ms");
}

// --wait-for-blockers: a long-running transaction on the migration's table that does not end
// stops the deploy before any lock is taken or any row written (GW2301).
TEST_F(LockBudget, WaitForBlockersAbortsBeforeTakingAnyLock) {
  Project p;
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  auto holder =
      p.hold("BEGIN; SELECT count(*) FROM \"A\"; SELECT pg_sleep(60) /*blocker*/; COMMIT;");
  const std::string pid = p.holder_pid("blocker", "A");
  ASSERT_FALSE(pid.empty());
  std::this_thread::sleep_for(1200ms);  // older than the lock budget

  p.add("20240102000000_alter", "ALTER TABLE \"A\" ADD COLUMN \"x\" INTEGER;\n");
  const auto started = Clock::now();
  auto r = p.godwit({"migrate", "deploy", "--wait-for-blockers", "1"});
  EXPECT_LT(Clock::now() - started, 10s);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "GW2301")) << r.err;
  EXPECT_TRUE(contains(r.err, "pid " + pid)) << r.err;
  EXPECT_TRUE(contains(r.err, "before `20240102000000_alter`")) << r.err;
  EXPECT_EQ(p.scalar("SELECT count(*) FROM _prisma_migrations WHERE migration_name = "
                     "'20240102000000_alter'"),
            "0");
  // godwit never queued for the table's lock.
  EXPECT_EQ(p.scalar("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                     "WHERE NOT l.granted AND a.datname = current_database()"),
            "0");
  p.terminate_others();
  holder->wait();
  auto again = p.godwit({"migrate", "deploy", "--wait-for-blockers", "1"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
}

}  // namespace
}  // namespace godwit::test
