// godwit, Prisma and any other session exclude each other on PostgreSQL through the session
// advisory lock 72707369 in the target database (prisma-compat.md §4.3): while a psql session
// holds it, godwit gives up after --lock-timeout with P1002 naming the holder, or queues and
// deploys once the holder ends; the real Prisma CLI (GODWIT_PRISMA_ORACLE) queues on the same key.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "live/interop/interop_support.hpp"

extern char** environ;

namespace godwit::test::interop {
namespace {

constexpr const char* kLockKey = "72707369";

// A psql session that takes the advisory lock and holds it until release(), which prints the
// server clock and ends the session (freeing the lock).
class LockHolder {
 public:
  explicit LockHolder(const std::string& url) : out_(files_.path() / "psql.out") {
    std::vector<std::string> args{"psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                  "-d",   url};
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    int in[2];
    // Close-on-exec: a command the test runs meanwhile must not keep psql's stdin open.
    if (pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int rc = posix_spawnp(&pid_, "psql", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    stdin_ = in[1];
    if (rc != 0) throw std::runtime_error("cannot start psql");
    send(std::string("SELECT pg_advisory_lock(") + kLockKey + ");\n");
  }
  ~LockHolder() {
    if (stdin_ >= 0) close(stdin_);
    if (pid_ > 0) waitpid(pid_, nullptr, 0);
  }
  LockHolder(const LockHolder&) = delete;
  LockHolder& operator=(const LockHolder&) = delete;

  /// Ends the session; returns the server time just before it let go of the lock.
  std::string release() {
    send("SELECT clock_timestamp();\n");
    close(stdin_);
    stdin_ = -1;
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    auto text = read_file(out_);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
      text.pop_back();
    auto nl = text.rfind('\n');
    return nl == std::string::npos ? text : text.substr(nl + 1);
  }

 private:
  void send(const std::string& sql) {
    if (write(stdin_, sql.data(), sql.size()) != static_cast<ssize_t>(sql.size())) {
      throw std::runtime_error("cannot write to psql");
    }
  }
  TempDir files_;
  fs::path out_;
  pid_t pid_ = -1;
  int stdin_ = -1;
};

// The first backend pid holding (granted) or waiting for (!granted) the lock in this database,
// polled for up to `seconds`; empty if none showed up.
std::string lock_session(const Database& db, bool granted, int seconds = 20) {
  const std::string sql =
      std::string("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ") + kLockKey +
      " AND " + (granted ? "" : "NOT ") +
      "granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
  for (int i = 0; i < seconds * 20; ++i) {
    auto pid = db.query(sql);
    if (!pid.empty()) return pid.substr(0, pid.find('\n'));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return {};
}

// True when every history row started at or after `instant` (a server timestamp; the tools
// store milliseconds, so compare at that precision).
bool all_started_after(const Database& db, const std::string& instant,
                       const std::string& name_filter) {
  auto out = db.query("SELECT bool_and(started_at >= date_trunc('milliseconds', '" + instant +
                      "'::timestamptz)) FROM _prisma_migrations WHERE migration_name LIKE '" +
                      name_filter + "'");
  return out == "t\n";
}

TEST(InteropLock, GodwitAndPrismaWaitForTheAdvisoryLockHolder) {
  GODWIT_REQUIRE_PG();
  const fs::path history = corpus_dir() / "umami-software__umami";
  Project project(history);
  Database db("postgresql", "interop_lock");

  {
    LockHolder holder(db.url());
    const auto holder_pid = lock_session(db, true);
    ASSERT_FALSE(holder_pid.empty()) << "psql never got the advisory lock";

    auto g = godwit(project, db, {"migrate", "deploy", "--lock-timeout", "1"});
    EXPECT_EQ(g.exit_code, 1) << describe(g);
    EXPECT_NE(g.err.find("P1002"), std::string::npos) << describe(g);
    EXPECT_NE(g.err.find("pg_advisory_lock(72707369)"), std::string::npos) << describe(g);
    EXPECT_NE(g.err.find("pid " + holder_pid), std::string::npos) << describe(g);
    EXPECT_NE(g.err.find("\"psql\""), std::string::npos) << describe(g);
    EXPECT_FALSE(db.has_table("_prisma_migrations")) << "godwit wrote before it had the lock";

    // Within its (default 10 s) timeout godwit waits for the holder, then deploys everything.
    // godwit polls pg_try_advisory_lock (it never shows in pg_locks as a waiter), so the
    // holder lets go after a fixed delay.
    std::thread deploy([&] { g = godwit(project, db, {"migrate", "deploy"}); });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_FALSE(db.has_table("_prisma_migrations")) << "godwit wrote before it had the lock";
    const auto released = holder.release();
    deploy.join();
    EXPECT_EQ(g.exit_code, 0) << describe(g);
    EXPECT_EQ(history_rows(db), golden_history(history));
    EXPECT_TRUE(all_started_after(db, released, "%")) << "released at " << released;
  }

  // Prisma's side of the lock needs the oracle.
  GODWIT_REQUIRE_ORACLE();
  project.put_migration("20_interop_extra",
                        read_file(fixture_dir("postgresql") / "extra_migration.sql"));
  LockHolder holder(db.url());
  ASSERT_FALSE(lock_session(db, true).empty()) << "psql never got the advisory lock";
  CommandResult p;
  std::thread deploy([&] { p = prisma(project, db, {"migrate", "deploy"}); });
  // Prisma's own timeout is 10 s from its lock request, so release soon after it queues.
  const bool queued = !lock_session(db, false, 20).empty();
  const auto released = holder.release();
  deploy.join();
  EXPECT_TRUE(queued) << "Prisma did not queue for lock " << kLockKey;
  EXPECT_EQ(p.exit_code, 0) << describe(p);
  EXPECT_TRUE(db.has_table("interop_extra"));
  EXPECT_TRUE(all_started_after(db, released, "20_interop_extra"))
      << "Prisma applied while the lock was held; released at " << released;
}

}  // namespace
}  // namespace godwit::test::interop
