// The lock budget under load (issue 10, "Proof"): pgbench runs reads and writes against a table
// while another session holds a lock on it in an open transaction and a migration alters it.
//
// Without a lock budget (the migration run by plain `psql -f`, as Prisma runs it) the ALTER
// queues behind the blocker and every pgbench transaction queues behind the ALTER: the maximum
// latency is the blocker's remaining time. With godwit's lock budget the ALTER gives up its
// place in the queue after lock_timeout and retries later: pgbench is never held up longer than
// the lock timeout plus a small margin, godwit names the blocking pid, the migration succeeds
// once the blocker ends, and nothing is applied twice. bench/lock_budget.sh measures the same
// scenario with more clients (docs/benchmarks.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
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

// pgbench where scripts/pg-cluster finds pg_ctl (Debian's postgresql-15 package, which
// scripts/install-deps --test installs), else on PATH.
std::string pgbench_binary() {
  const fs::path debian = "/usr/lib/postgresql/15/bin/pgbench";
  if (fs::exists(debian)) return debian.string();
  auto r = run_command({"sh", "-c", "command -v pgbench"});
  return r.exit_code == 0 ? trimmed(r.out) : std::string();
}

// The largest per-transaction latency, in milliseconds, in pgbench's -l logs under `dir`
// (lines "client_id transaction_no time_us script_no epoch epoch_us").
double max_latency_ms(const fs::path& dir, long* transactions) {
  double max_us = 0;
  *transactions = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("pgbench_log", 0) != 0) continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      long client = 0, number = 0;
      double latency_us = 0;
      if (fields >> client >> number >> latency_us) {
        max_us = std::max(max_us, latency_us);
        ++*transactions;
      }
    }
  }
  return max_us / 1000.0;
}

constexpr const char* kInit =
    "CREATE TABLE \"Item\" (\"id\" INTEGER PRIMARY KEY, \"v\" INTEGER NOT NULL DEFAULT 0);\n"
    "INSERT INTO \"Item\" SELECT g, 0 FROM generate_series(1, 100) g;\n";
constexpr const char* kAlter = "ALTER TABLE \"Item\" ADD COLUMN \"note\" TEXT;\n";
constexpr const char* kTraffic =
    "\\set id random(1, 100)\n"
    "UPDATE \"Item\" SET \"v\" = \"v\" + 1 WHERE \"id\" = :id;\n"
    "SELECT \"v\" FROM \"Item\" WHERE \"id\" = :id;\n";

// How long the blocker keeps its transaction open, and pgbench's run.
constexpr auto kBlockerSeconds = 5;
constexpr auto kBenchSeconds = 9;

struct Run {
  double max_latency_ms = 0;
  long transactions = 0;
  CommandResult migration;
  std::string blocker_pid;
};

// pgbench against `url` for kBenchSeconds; after 1 s a session reads the table in a transaction
// it keeps open kBlockerSeconds; then `migrate` runs the ALTER.
Run run_scenario(const std::string& url, const fs::path& work,
                 const std::function<CommandResult()>& migrate) {
  const auto logs = work / "logs";
  fs::create_directories(logs);
  write_file(work / "traffic.sql", kTraffic);
  ChildProcess bench({pgbench_binary(), "-n", "-c", "4", "-j", "2", "-T",
                      std::to_string(kBenchSeconds), "-l",
                      "--log-prefix=" + (logs / "pgbench_log").string(), "-f",
                      (work / "traffic.sql").string(), url});
  std::this_thread::sleep_for(1s);
  ChildProcess blocker({"psql", "-X", "-q", "-d", url, "-c",
                        "BEGIN; SELECT count(*) FROM \"Item\"; SELECT pg_sleep(" +
                            std::to_string(kBlockerSeconds) + ") /*blocker*/; COMMIT;"});
  Run run;
  for (int i = 0; i < 100 && run.blocker_pid.empty(); ++i) {
    run.blocker_pid =
        trimmed(psql(url,
                     "SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid WHERE "
                     "a.query LIKE '%/*blocker*/%' AND a.pid <> pg_backend_pid() AND l.granted AND "
                     "l.relation = '\"Item\"'::regclass LIMIT 1"));
    if (run.blocker_pid.empty()) std::this_thread::sleep_for(50ms);
  }
  run.migration = migrate();
  blocker.wait();
  auto b = bench.wait();
  EXPECT_EQ(b.exit_code, 0) << b.out << b.err;
  run.max_latency_ms = max_latency_ms(logs, &run.transactions);
  return run;
}

class LockBudgetLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    GODWIT_REQUIRE_PG();
    GODWIT_REQUIRE_LIVE_PART(
        !pgbench_binary().empty(),
        "pgbench (Debian's postgresql-15 package; scripts/install-deps --test)");
  }
};

TEST_F(LockBudgetLoad, PgbenchIsNeverBlockedLongerThanTheLockTimeout) {
  // With godwit's default lock budget (lock_timeout 1 s).
  TempDir dir;
  PgDatabase db("lock_budget_load");
  write_file(
      dir.path() / "prisma" / "schema.prisma",
      "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n");
  const auto migrations = dir.path() / "prisma" / "migrations";
  write_file(migrations / "migration_lock.toml", "provider = \"postgresql\"\n");
  write_file(migrations / "20240101000000_init" / "migration.sql", kInit);
  const std::vector<std::string> env{"DATABASE_URL=" + db.url()};
  ASSERT_EQ(run_godwit({"migrate", "deploy"}, env, dir.path()).exit_code, 0);
  write_file(migrations / "20240102000000_alter" / "migration.sql", kAlter);
  auto with = run_scenario(db.url(), dir.path() / "with", [&] {
    return run_godwit({"migrate", "deploy"}, env, dir.path());
  });
  ASSERT_FALSE(with.blocker_pid.empty());
  ASSERT_EQ(with.migration.exit_code, 0) << with.migration.out << with.migration.err;
  EXPECT_TRUE(contains(with.migration.err, "pid " + with.blocker_pid)) << with.migration.err;
  EXPECT_TRUE(contains(with.migration.err, "retry 1 of 8")) << with.migration.err;
  EXPECT_EQ(psql(db.url(),
                 "SELECT count(*) FROM _prisma_migrations WHERE migration_name = "
                 "'20240102000000_alter' AND finished_at IS NOT NULL"),
            "1\n");
  EXPECT_EQ(psql(db.url(),
                 "SELECT count(*) FROM information_schema.columns WHERE table_name = "
                 "'Item' AND column_name = 'note'"),
            "1\n");

  // Without a budget: the same migration through plain psql, as Prisma sends it.
  TempDir plain_dir;
  PgDatabase plain_db("lock_budget_load_plain");
  psql(plain_db.url(), kInit);
  write_file(plain_dir.path() / "alter.sql", kAlter);
  auto without = run_scenario(plain_db.url(), plain_dir.path(), [&] {
    return run_command({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", plain_db.url(), "-f",
                        (plain_dir.path() / "alter.sql").string()});
  });
  ASSERT_EQ(without.migration.exit_code, 0) << without.migration.err;

  std::cout << "pgbench max latency: " << with.max_latency_ms << " ms with godwit's lock budget ("
            << with.transactions << " transactions), " << without.max_latency_ms
            << " ms with plain psql -f (" << without.transactions << " transactions)\n";
  RecordProperty("max_latency_ms_with_budget", std::to_string(with.max_latency_ms));
  RecordProperty("max_latency_ms_without_budget", std::to_string(without.max_latency_ms));
  // Lock timeout (1 s) plus a margin for a loaded test machine.
  EXPECT_LT(with.max_latency_ms, 1000 + 800);
  // The pile-up without it: pgbench waited behind the ALTER for most of the blocker's time.
  EXPECT_GT(without.max_latency_ms, (kBlockerSeconds - 2) * 1000.0);
}

}  // namespace
}  // namespace godwit::test
