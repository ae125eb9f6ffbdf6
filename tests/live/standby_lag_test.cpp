// deploy's standby-lag wait (issue 10; docs/safety.md, "Standby lag") against a real streaming
// replica: a primary started with scripts/pg-cluster, a standby cloned from it with
// `pg_basebackup -R` on another loopback port. Replay on the standby is paused
// (pg_wal_replay_pause) after the primary wrote some WAL, so pg_stat_replication.replay_lag
// grows; `godwit migrate deploy --max-standby-lag 1` with two pending migrations applies the
// first, then waits and says so before the second, and goes on once pg_wal_replay_resume() lets
// the standby catch up; with the lag never dropping it stops with GW2710 after
// --max-standby-wait, the second migration not started. Both servers are stopped and removed
// at the end, also when a test fails (the fixture's TearDownTestSuite).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

const fs::path kPgBin = "/usr/lib/postgresql/15/bin";

// As root the servers run as `postgres`, as scripts/pg-cluster runs them.
std::vector<std::string> as_postgres(std::vector<std::string> argv) {
  if (::geteuid() != 0) return argv;
  argv.insert(argv.begin(), {"runuser", "-u", "postgres", "--"});
  return argv;
}

std::string must_run(const std::vector<std::string>& argv) {
  auto r = run_command(argv);
  if (r.exit_code != 0) {
    std::string cmd;
    for (const auto& a : argv)
      cmd += a + " ";
    throw std::runtime_error(cmd + "failed: " + r.out + r.err);
  }
  return r.out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
    s.pop_back();
  return s;
}

// A primary and its streaming standby, both on loopback, in one scratch folder.
class Replica {
 public:
  Replica() : dir_("/tmp/godwit-standby-" + std::to_string(::getpid())) {
    fs::remove_all(dir_);
    primary_url_ = trimmed(
        must_run({(source_dir() / "scripts" / "pg-cluster").string(), "start", dir_.string()}));
    started_ = true;
    const std::string port = trimmed(read_file(dir_ / "port"));
    // pg_basebackup connects as a replication client: PostgreSQL 15's defaults already have
    // wal_level=replica and max_wal_senders=10; initdb's pg_hba allows replication only over
    // the socket with trust, so add loopback.
    std::string hba = read_file(dir_ / "data" / "pg_hba.conf");
    write_file(dir_ / "data" / "pg_hba.conf", hba + "host replication all 127.0.0.1/32 trust\n");
    psql(primary_url_, "SELECT pg_reload_conf()");
    const fs::path standby_parent = dir_ / "standby";
    fs::create_directories(standby_parent);
    if (::geteuid() == 0) must_run({"chown", "postgres:postgres", standby_parent.string()});
    must_run(as_postgres({(kPgBin / "pg_basebackup").string(), "-h", "127.0.0.1", "-p", port, "-U",
                          "postgres", "-D", standby_data().string(), "-R", "-X", "stream", "-c",
                          "fast"}));
    // The standby's max_connections must be at least the primary's (pg-cluster uses 200);
    // it answers every second so that replay_lag follows the replay closely.
    std::string error;
    for (int attempt = 0; attempt < 5 && standby_url_.empty(); ++attempt) {
      const int standby_port = std::stoi(port) + 1 + attempt * 7;
      auto r = run_command(as_postgres(
          {(kPgBin / "pg_ctl").string(), "-D", standby_data().string(), "-l",
           (dir_ / "standby.log").string(), "-w", "-t", "60", "-o",
           "-c listen_addresses=127.0.0.1 -p " + std::to_string(standby_port) + " -k " +
               dir_.string() + " -c max_connections=200 -c wal_receiver_status_interval=1",
           "start"}));
      if (r.exit_code == 0) {
        standby_url_ =
            "postgresql://postgres@127.0.0.1:" + std::to_string(standby_port) + "/postgres";
      } else {
        error = r.out + r.err + read_file(dir_ / "standby.log");
      }
    }
    if (standby_url_.empty()) throw std::runtime_error("the standby did not start: " + error);
    for (int i = 0; i < 100 && streaming() != "streaming"; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (streaming() != "streaming") throw std::runtime_error("the standby does not stream");
  }
  ~Replica() {
    if (!standby_url_.empty()) {
      run_command(as_postgres({(kPgBin / "pg_ctl").string(), "-D", standby_data().string(), "-m",
                               "immediate", "-w", "stop"}));
    }
    if (started_) {
      run_command({(source_dir() / "scripts" / "pg-cluster").string(), "stop", dir_.string()});
    }
  }
  Replica(const Replica&) = delete;
  Replica& operator=(const Replica&) = delete;

  const std::string& primary_url() const { return primary_url_; }
  const std::string& standby_url() const { return standby_url_; }
  std::string streaming() const {
    return trimmed(psql(primary_url_, "SELECT state FROM pg_stat_replication"));
  }
  // The standby's replay lag as the primary reports it, in seconds (0 when NULL).
  double replay_lag() const {
    return std::atof(
        psql(primary_url_,
             "SELECT coalesce(max(extract(epoch FROM replay_lag)), 0) FROM pg_stat_replication")
            .c_str());
  }
  // Pauses replay on the standby and writes WAL on the primary until the replay lag is above
  // `seconds`.
  void make_lag(double seconds) const {
    psql(standby_url_, "SELECT pg_wal_replay_pause()");
    for (int i = 0; i < 200; ++i) {
      psql(primary_url_,
           "CREATE TABLE IF NOT EXISTS wal_writer (x int); INSERT INTO wal_writer VALUES (1)");
      if (replay_lag() > seconds) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("the replay lag did not grow above the threshold");
  }
  void resume() const { psql(standby_url_, "SELECT pg_wal_replay_resume()"); }

 private:
  fs::path standby_data() const { return dir_ / "standby" / "data"; }
  fs::path dir_;
  bool started_ = false;
  std::string primary_url_;
  std::string standby_url_;
};

class StandbyLag : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kPgBin / "pg_basebackup")) return;
    try {
      replica_ = new Replica();
    } catch (const std::exception& e) {
      setup_error_ = new std::string(e.what());
    }
  }
  static void TearDownTestSuite() {
    delete replica_;  // stops both servers and removes their folder
    replica_ = nullptr;
  }
  void SetUp() override {
    GODWIT_REQUIRE_LIVE_PART(fs::exists(kPgBin / "pg_basebackup"),
                             "PostgreSQL 15's server binaries (scripts/install-deps)");
    ASSERT_EQ(setup_error_, nullptr)
        << "a primary with a streaming standby could not be set up: " << *setup_error_;
    ASSERT_NE(replica_, nullptr);
    replica_->resume();  // a test that failed midway may have left replay paused
  }

  // A project with two pending migrations on a fresh database of the primary.
  fs::path project(const std::string& db) {
    psql(replica_->primary_url(), "DROP DATABASE IF EXISTS " + db);
    psql(replica_->primary_url(), "CREATE DATABASE " + db);
    url_ = replica_->primary_url().substr(0, replica_->primary_url().rfind('/') + 1) + db;
    const fs::path root = dir_.path();
    write_file(root / "prisma" / "schema.prisma",
               "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n");
    write_file(root / "prisma" / "migrations" / "migration_lock.toml",
               "provider = \"postgresql\"\n");
    write_file(root / "prisma" / "migrations" / "20240101000000_a" / "migration.sql",
               "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    write_file(root / "prisma" / "migrations" / "20240102000000_b" / "migration.sql",
               "CREATE TABLE \"B\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    return root;
  }
  std::vector<std::string> env() const {
    return {"DATABASE_URL=" + url_, "GODWIT_ENV=", "NO_COLOR=1", "GODWIT_MAX_STANDBY_LAG="};
  }
  std::string applied() const {
    return trimmed(psql(url_,
                        "SELECT string_agg(migration_name, ',' ORDER BY migration_name) FROM "
                        "_prisma_migrations WHERE finished_at IS NOT NULL"));
  }

  static Replica* replica_;
  static std::string* setup_error_;
  TempDir dir_;
  std::string url_;
};
Replica* StandbyLag::replica_ = nullptr;
std::string* StandbyLag::setup_error_ = nullptr;

TEST_F(StandbyLag, DeployWaitsBetweenMigrationsUntilTheStandbyCatchesUp) {
  const fs::path root = project("standby_wait");
  replica_->make_lag(1.5);
  const auto started = std::chrono::steady_clock::now();
  auto deploy = spawn_godwit(
      {"migrate", "deploy", "--max-standby-lag", "1", "--max-standby-wait", "120"}, env(), root);
  // The first migration goes through (no wait before a run's first migration); the second waits
  // for as long as replay stays paused.
  bool first_applied = false;
  for (int i = 0; i < 300 && !first_applied; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    try {
      first_applied = applied() == "20240101000000_a";
    } catch (const std::exception&) {
      // the history table does not exist yet
    }
  }
  ASSERT_TRUE(first_applied) << deploy->wait().err;
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_EQ(applied(), "20240101000000_a") << "the second migration did not wait";
  EXPECT_GT(replica_->replay_lag(), 1.0);
  replica_->resume();
  auto r = deploy->wait();
  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_GE(took, 3.0);
  EXPECT_EQ(applied(), "20240101000000_a,20240102000000_b");
  EXPECT_NE(r.err.find("godwit: `20240102000000_b` waits (0 s so far) for the standbys to catch "
                       "up, before its first statement; replay lag above 1 s: walreceiver "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("All migrations have been successfully applied."), std::string::npos)
      << r.out;
}

TEST_F(StandbyLag, DeployStopsWithGW2710WhenTheLagNeverDrops) {
  const fs::path root = project("standby_give_up");
  replica_->make_lag(1.5);
  auto r = run_godwit({"migrate", "deploy", "--max-standby-lag", "1", "--max-standby-wait", "3"},
                      env(), root);
  replica_->resume();
  EXPECT_NE(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("GW2710"), std::string::npos) << r.err;
  EXPECT_NE(
      r.err.find(
          "The migration `20240102000000_b` was not started: the standbys' replay "
          "lag stayed above 1 s (--max-standby-lag) for 3 s (--max-standby-wait): walreceiver "),
      std::string::npos)
      << r.err;
  // The first migration stays applied; the second has no history row at all.
  EXPECT_EQ(applied(), "20240101000000_a");
  EXPECT_EQ(trimmed(psql(url_,
                         "SELECT count(*) FROM _prisma_migrations WHERE migration_name = "
                         "'20240102000000_b'")),
            "0");
  // The environment variable sets the bound too.
  const fs::path again = project("standby_give_up_env");
  replica_->make_lag(1.5);
  auto e = run_godwit({"migrate", "deploy"},
                      {"DATABASE_URL=" + url_, "GODWIT_ENV=", "NO_COLOR=1",
                       "GODWIT_MAX_STANDBY_LAG=1", "GODWIT_MAX_STANDBY_WAIT=2"},
                      again);
  replica_->resume();
  EXPECT_NE(e.err.find("stayed above 1 s (--max-standby-lag) for 2 s (--max-standby-wait)"),
            std::string::npos)
      << e.err;
}

}  // namespace
}  // namespace godwit::test
