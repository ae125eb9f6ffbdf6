// godwit.toml's environments, the deploy lint gate, hooks and `migrate deploy --dry-run`, on a
// real SQLite file and the suite's PostgreSQL (docs/safety.md, "Environments", "Hooks", "Dry
// run"): a protected environment refuses a deploy without a terminal and without --yes and
// applies with --yes; an error-level finding stops a protected deploy with nothing applied and
// `--allow CODE` lets it through; elsewhere findings go to stderr and stdout stays Prisma's; a
// dry run changes nothing (no history table, no SQLite file); hooks get their variables and a
// failing before_deploy hook leaves nothing applied.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

constexpr const char* kInit = "20240101000000_init";
constexpr const char* kDrop = "20240102000000_drop_old";

// A project whose database is `url` (given to the [env.*] tables, not to the schema: the
// environment's url must be the one used). Migrations: init creates "User" and "Old"; drop_old
// drops "Old" (lint: drop-table, an error).
class EnvProject {
 public:
  EnvProject(std::string provider, std::string url)
      : provider_(std::move(provider)), url_(std::move(url)) {
    write_file(root() / "prisma" / "schema.prisma",
               "datasource db {\n  provider = \"" + provider_ +
                   "\"\n  url = env(\"UNUSED_URL\")\n}\n\nmodel User {\n  id Int @id\n}\n");
    write_file(root() / "prisma" / "migrations" / "migration_lock.toml",
               "provider = \"" + provider_ + "\"\n");
    add(kInit,
        "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n"
        "CREATE TABLE \"Old\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  }
  const fs::path& root() const { return dir_.path(); }
  void add(const std::string& name, const std::string& sql) {
    write_file(root() / "prisma" / "migrations" / name / "migration.sql", sql);
  }
  void toml(const std::string& extra) {
    write_file(root() / "godwit.toml",
               "[env.prod]\nurl = 'env(\"PROD_URL\")'\nprotected = true\n\n[env.dev]\nurl = '" +
                   url_ + "'\n\n" + extra);
  }
  CommandResult godwit(std::vector<std::string> args, std::vector<std::string> env = {}) const {
    // The caller's entries come last, so they win (GODWIT_ENV=prod over the unset default).
    env.insert(env.begin(),
               {"PROD_URL=" + url_, "UNUSED_URL=", "DATABASE_URL=", "GODWIT_ENV=", "NO_COLOR=1"});
    return run_godwit(args, env, root());
  }
  const std::string& provider() const { return provider_; }

 private:
  TempDir dir_;
  std::string provider_, url_;
};

struct Database {
  std::string url;
  std::unique_ptr<PgDatabase> pg;
  std::unique_ptr<TempDir> dir;
  fs::path file;  // SQLite
  std::string sql(const std::string& q) const { return pg ? psql(url, q) : sqlite3_cli(file, q); }
  bool has_table(const std::string& name) const {
    if (!pg && !fs::exists(file)) return false;
    auto out =
        pg ? psql(url,
                  "SELECT count(*) FROM pg_class WHERE relname = '" + name + "' AND relkind = 'r'")
           : sqlite3_cli(file, "SELECT count(*) FROM sqlite_schema WHERE name = '" + name + "';");
    return out.find('1') != std::string::npos;
  }
};

Database make_database(const std::string& provider) {
  Database d;
  if (provider == "postgresql") {
    d.pg = std::make_unique<PgDatabase>("envs");
    d.url = d.pg->url();
  } else {
    d.dir = std::make_unique<TempDir>();
    d.file = d.dir->path() / "app.db";
    d.url = "file:" + d.file.string();
  }
  return d;
}

class DeployEnvironments : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") GODWIT_REQUIRE_PG();
  }
};

TEST_P(DeployEnvironments, ProtectedDeployNeedsYesWithoutATerminal) {
  auto db = make_database(GetParam());
  EnvProject p(GetParam(), db.url);
  p.toml("");
  auto refused = p.godwit({"migrate", "deploy", "--env", "prod"});
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("GW2503"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("Add --yes"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find(kInit), std::string::npos) << "the pending migrations are listed";
  EXPECT_FALSE(db.has_table("User"));
  EXPECT_FALSE(db.has_table("_prisma_migrations")) << "nothing written before the refusal";

  // GODWIT_ENV chooses the environment just as well.
  auto by_var = p.godwit({"migrate", "deploy"}, {"GODWIT_ENV=prod"});
  EXPECT_NE(by_var.err.find("GW2503"), std::string::npos) << by_var.err;

  auto applied = p.godwit({"migrate", "deploy", "--env", "prod", "--yes"});
  EXPECT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  EXPECT_NE(applied.out.find("All migrations have been successfully applied."), std::string::npos);
  EXPECT_TRUE(db.has_table("User"));
}

TEST_P(DeployEnvironments, ErrorFindingStopsAProtectedDeployUnlessAllowed) {
  auto db = make_database(GetParam());
  EnvProject p(GetParam(), db.url);
  p.toml("");
  ASSERT_EQ(p.godwit({"migrate", "deploy", "--env", "prod", "--yes"}).exit_code, 0);
  p.add(kDrop, "DROP TABLE \"Old\";\n");

  auto stopped = p.godwit({"migrate", "deploy", "--env", "prod", "--yes"});
  EXPECT_EQ(stopped.exit_code, 1) << stopped.out << stopped.err;
  EXPECT_NE(stopped.err.find("GW2506"), std::string::npos) << stopped.err;
  EXPECT_NE(stopped.err.find("drop-table"), std::string::npos) << stopped.err;
  EXPECT_NE(stopped.err.find("--allow drop-table"), std::string::npos) << stopped.err;
  EXPECT_TRUE(db.has_table("Old")) << "nothing applied";
  EXPECT_EQ(db.sql("SELECT count(*) FROM _prisma_migrations;").find('2'), std::string::npos);

  auto allowed = p.godwit({"migrate", "deploy", "--env", "prod", "--yes", "--allow", "drop-table"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.out << allowed.err;
  EXPECT_FALSE(db.has_table("Old"));
  EXPECT_NE(allowed.err.find("drop-table"), std::string::npos) << "the finding is still shown";
}

TEST_P(DeployEnvironments, UnprotectedFindingsGoToStderrAndTheDeployGoesOn) {
  auto db = make_database(GetParam());
  EnvProject p(GetParam(), db.url);
  p.toml("");
  ASSERT_EQ(p.godwit({"migrate", "deploy", "--env", "dev"}).exit_code, 0);
  p.add(kDrop, "DROP TABLE \"Old\";\n");
  auto r = p.godwit({"migrate", "deploy", "--env", "dev"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("drop-table"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("drop-table"), std::string::npos) << "stdout stays Prisma's transcript";
  EXPECT_FALSE(db.has_table("Old"));
}

TEST_P(DeployEnvironments, DryRunChangesNothing) {
  auto db = make_database(GetParam());
  EnvProject p(GetParam(), db.url);
  p.toml("");
  if (db.pg) {
    // PostgreSQL: the database exists but is empty.
    auto r = p.godwit({"migrate", "deploy", "--env", "prod", "--dry-run"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find(kInit), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("No _prisma_migrations table: deploy would create it."), std::string::npos)
        << r.out;
    EXPECT_FALSE(db.has_table("_prisma_migrations"));
    EXPECT_FALSE(db.has_table("User"));
  } else {
    // SQLite: the file is not created.
    auto r = p.godwit({"migrate", "deploy", "--env", "prod", "--dry-run"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("The database does not exist: deploy would create it."), std::string::npos)
        << r.out;
    EXPECT_FALSE(fs::exists(db.file)) << "the dry run created the SQLite file";
  }
  // After a deploy, a pending DROP: the lock, the table's size, the finding and the gate.
  ASSERT_EQ(p.godwit({"migrate", "deploy", "--env", "prod", "--yes"}).exit_code, 0);
  db.sql("INSERT INTO \"Old\" (\"id\") VALUES (1), (2), (3);");
  p.add(kDrop, "DROP TABLE \"Old\";\n");
  auto json = p.godwit({"migrate", "deploy", "--env", "prod", "--dry-run", "--json"});
  EXPECT_EQ(json.exit_code, 1) << "the lint gate would stop this deploy\n" << json.out << json.err;
  EXPECT_NE(json.out.find("\"dryRun\": true"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"name\": \"20240102000000_drop_old\""), std::string::npos);
  EXPECT_NE(json.out.find("\"table\": \"\\\"Old\\\"\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"rows\": 3"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"code\": \"drop-table\""), std::string::npos) << json.out;
  if (db.pg) {
    EXPECT_NE(json.out.find("\"mode\": \"ACCESS EXCLUSIVE\""), std::string::npos) << json.out;
  }
  EXPECT_TRUE(db.has_table("Old")) << "the dry run dropped the table";
  auto text =
      p.godwit({"migrate", "deploy", "--env", "prod", "--dry-run", "--allow", "drop-table"});
  EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
  EXPECT_NE(text.out.find("3 rows"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Backup before deploy: a backup of"), std::string::npos)
      << "protected: a backup by default\n"
      << text.out;
  EXPECT_NE(text.out.find("Transaction: single transaction"), std::string::npos) << text.out;
  EXPECT_EQ(db.sql("SELECT count(*) FROM _prisma_migrations;").find('2'), std::string::npos);
}

TEST_P(DeployEnvironments, HooksGetTheirVariablesAndAFailingBeforeHookStopsTheDeploy) {
  auto db = make_database(GetParam());
  EnvProject p(GetParam(), db.url);
  const auto log = (p.root() / "hooks.log").string();
  const std::string line =
      "echo \\\"$GODWIT_HOOK|$GODWIT_MIGRATION|$GODWIT_STATUS|$GODWIT_ENV|$GODWIT_TARGET|"
      "$GODWIT_ERROR|${GODWIT_DURATION_MS:+ms}\\\" >> " +
      log;
  p.toml("[hooks]\nbefore_deploy = \"" + line + "; exit ${FAIL_BEFORE:-0}\"\nafter_deploy = \"" +
         line + "\"\nbefore_migration = \"" + line + "\"\nafter_migration = \"" + line +
         "\"\non_failure = \"" + line + "\"\n");

  auto failed = p.godwit({"migrate", "deploy", "--env", "dev"}, {"FAIL_BEFORE=3"});
  EXPECT_EQ(failed.exit_code, 1) << failed.out << failed.err;
  EXPECT_NE(failed.err.find("GW2508"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("exited with status 3"), std::string::npos) << failed.err;
  EXPECT_FALSE(db.has_table("User"));
  EXPECT_FALSE(db.has_table("_prisma_migrations"));
  EXPECT_EQ(read_file(log), "before_deploy||pending|dev|" + db.url +
                                "||ms\non_failure||failed|dev|" + db.url + "|GW2508|ms\n");

  fs::remove(log);
  auto ok = p.godwit({"migrate", "deploy", "--env", "dev"});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_EQ(read_file(log), "before_deploy||pending|dev|" + db.url +
                                "||ms\nbefore_migration|20240101000000_init|pending|dev|" + db.url +
                                "||ms\nafter_migration|20240101000000_init|applied|dev|" + db.url +
                                "||ms\nafter_deploy||success|dev|" + db.url + "||ms\n");
  EXPECT_EQ(ok.out.find("before_deploy"), std::string::npos) << "hook output goes to stderr";
}

INSTANTIATE_TEST_SUITE_P(Providers, DeployEnvironments, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace godwit::test
