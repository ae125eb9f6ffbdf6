// godwit.toml's [env.NAME] `long_running` and `max_standby_lag` (docs/safety.md,
// "Environments"): the environment's value stands in for deploy's flag, and the flag, when
// given, wins. On the suite's PostgreSQL: a migration that sleeps 2.5 s is reported as
// long-running under an environment's `long_running = 1`, and not when `--long-running 0`
// overrides it. The standby wait reads the real pg_stat_replication; the suite's server has no
// standby, so the wait between migrations lets every migration through at once (a replica in
// the throwaway cluster is not set up: see docs/safety.md for what is and is not tested).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialect/postgres/connect/connection.hpp"
#include "dialect/postgres/connect/url.hpp"
#include "dialect/postgres/run/lock_budget.hpp"
#include "migrate/lock_budget.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

class ThresholdProject {
 public:
  explicit ThresholdProject(const std::string& url) : url_(url) {
    write_file(root() / "prisma" / "schema.prisma",
               "datasource db {\n  provider = \"postgresql\"\n  url = env(\"UNUSED_URL\")\n}\n\n"
               "model A {\n  id Int @id\n}\n");
    write_file(root() / "prisma" / "migrations" / "migration_lock.toml",
               "provider = \"postgresql\"\n");
    add("20240101000000_a", "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    add("20240102000000_slow", "SELECT pg_sleep(2.5);\n");
    add("20240103000000_b", "CREATE TABLE \"B\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  }
  fs::path root() const { return dir_.path(); }
  void add(const std::string& name, const std::string& sql) {
    write_file(root() / "prisma" / "migrations" / name / "migration.sql", sql);
  }
  void toml(const std::string& keys) {
    write_file(root() / "godwit.toml", "[env.stage]\nurl = '" + url_ + "'\n" + keys);
  }
  CommandResult deploy(std::vector<std::string> flags) const {
    std::vector<std::string> args = {"migrate", "deploy", "--env", "stage"};
    args.insert(args.end(), flags.begin(), flags.end());
    return run_godwit(args, {"UNUSED_URL=", "DATABASE_URL=", "GODWIT_ENV=", "NO_COLOR=1"}, root());
  }

 private:
  TempDir dir_;
  std::string url_;
};

TEST(DeployEnvThresholds, LongRunningFromTheEnvironmentAndTheFlagOverridesIt) {
  GODWIT_REQUIRE_PG();
  {
    PgDatabase db("envthr");
    ThresholdProject p(db.url());
    p.toml("long_running = 1\nmax_standby_lag = 5\n");
    auto r = p.deploy({});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.err.find("`20240102000000_slow` has been running for"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("standbys"), std::string::npos) << "no standby, no wait: " << r.err;
    EXPECT_NE(r.out.find("20240103000000_b"), std::string::npos) << r.out;
  }
  {
    PgDatabase db("envthr2");
    ThresholdProject p(db.url());
    p.toml("long_running = 1\n");
    auto r = p.deploy({"--long-running", "0"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(r.err.find("has been running for"), std::string::npos) << r.err;
  }
}

TEST(DeployEnvThresholds, UnknownOrBadThresholdIsRefused) {
  GODWIT_REQUIRE_PG();
  PgDatabase db("envthr3");
  ThresholdProject p(db.url());
  p.toml("max_standby_lag = \"30s\"\n");
  auto r = p.deploy({});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("GW2500"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("env.stage.max_standby_lag"), std::string::npos) << r.err;
}

// The decision the deploy takes between migrations, on the lag the real query returns: the
// suite's server has no standby, so the lag is 0 and the deploy goes on.
TEST(DeployEnvThresholds, StandbyLagOfAServerWithoutStandbysLetsTheDeployGo) {
  GODWIT_REQUIRE_PG();
  PgDatabase db("envthr4");
  auto conn = postgres::PgConnection::open(postgres::parse_url(db.url()));
  const auto lag = postgres::standby_lag(*conn);
  EXPECT_EQ(lag.worst_s, 0.0);
  EXPECT_EQ(lag.standbys, "");
  migrate::LockBudget budget;
  EXPECT_EQ(migrate::standby_decision(budget, lag.worst_s, 0), migrate::StandbyDecision::kGo);
}

}  // namespace
}  // namespace godwit::test
