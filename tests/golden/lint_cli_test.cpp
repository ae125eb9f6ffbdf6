// `godwit migrate lint` end to end: which files (pending, --all, paths), exit codes, --json,
// godwit.toml, and the error when the pending migrations cannot be known. SQLite projects in
// temp folders (a real SQLite file for the pending case); PostgreSQL files linted by path.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

void sqlite_project(const fs::path& dir) {
  write_file(dir / "prisma" / "schema.prisma",
             "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n\n"
             "model User {\n  id String @id\n}\n");
  write_file(dir / "prisma" / "migrations" / "migration_lock.toml", "provider = \"sqlite\"\n");
  write_file(dir / "prisma" / "migrations" / "20240101000000_init" / "migration.sql",
             "CREATE TABLE \"User\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"legacy\" TEXT);\n");
}

void add_migration(const fs::path& dir, const std::string& name, const std::string& sql) {
  write_file(dir / "prisma" / "migrations" / name / "migration.sql", sql);
}

TEST(LintCli, AllLintsEveryMigrationAndErrorsExitOne) {
  TempDir t;
  sqlite_project(t.path());
  add_migration(t.path(), "20240201000000_country",
                "ALTER TABLE \"User\" ADD COLUMN \"country\" TEXT NOT NULL;\n");
  auto r = run_godwit({"migrate", "lint", "--all"}, {}, t.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("prisma/migrations/20240201000000_country/migration.sql:1: error "
                       "[sqlite-add-column-not-null-no-default]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 error, 0 warnings, 0 notes in 2 files (2 statements)"), std::string::npos)
      << r.out;
}

TEST(LintCli, WarningsOnlyExitZero) {
  TempDir t;
  sqlite_project(t.path());
  add_migration(t.path(), "20240201000000_rename",
                "ALTER TABLE \"User\" RENAME COLUMN \"legacy\" TO \"old\";\n");
  auto r = run_godwit({"migrate", "lint", "--all"}, {}, t.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("warning [rename-column]"), std::string::npos) << r.out;
}

TEST(LintCli, PendingLintsOnlyWhatIsNotApplied) {
  TempDir t;
  sqlite_project(t.path());
  auto deploy = run_godwit({"migrate", "deploy"}, {}, t.path());
  ASSERT_EQ(deploy.exit_code, 0) << deploy.out << deploy.err;
  // An applied migration with a finding, edited after it ran, must not be linted again.
  add_migration(t.path(), "20240101000000_init", "DROP TABLE \"Gone\";\n");
  add_migration(t.path(), "20240301000000_drop", "ALTER TABLE \"User\" DROP COLUMN \"legacy\";\n");
  auto r = run_godwit({"migrate", "lint"}, {}, t.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("20240301000000_drop/migration.sql:1: error [drop-column]"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("20240101000000_init"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("in 1 file (1 statement)"), std::string::npos) << r.out;

  // A pending migration that sorts before an applied one.
  add_migration(t.path(), "20231231000000_late", "CREATE TABLE \"Late\" (\"id\" TEXT);\n");
  r = run_godwit({"migrate", "lint"}, {}, t.path());
  EXPECT_NE(r.out.find("20231231000000_late/migration.sql:1: error [non-linear-history]"),
            std::string::npos)
      << r.out;
}

TEST(LintCli, PendingWithoutTheDatabaseSaysSoAndSuggestsAll) {
  TempDir t;
  write_file(t.path() / "prisma" / "schema.prisma",
             "datasource db {\n  provider = \"postgresql\"\n  url      = "
             "\"postgresql://godwit@127.0.0.1:1/nothing?connect_timeout=2\"\n}\n");
  write_file(t.path() / "prisma" / "migrations" / "20240101000000_init" / "migration.sql",
             "CREATE TABLE \"A\" (\"id\" TEXT);\n");
  auto r = run_godwit({"migrate", "lint"}, {}, t.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("GW2401"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("godwit migrate lint --all"), std::string::npos) << r.err;
  auto all = run_godwit({"migrate", "lint", "--all"}, {}, t.path());
  EXPECT_EQ(all.exit_code, 0) << all.out << all.err;
  EXPECT_NE(all.out.find("in 1 file (1 statement)"), std::string::npos) << all.out;
}

TEST(LintCli, PathsJsonAndConfig) {
  TempDir t;
  write_file(t.path() / "m.sql",
             "CREATE INDEX \"User_email_idx\" ON \"User\"(\"email\");\n"
             "ALTER TABLE \"User\" ALTER COLUMN \"email\" DROP NOT NULL;\n");
  auto r =
      run_godwit({"migrate", "lint", "m.sql", "--provider", "postgresql", "--json"}, {}, t.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "lint");
  EXPECT_EQ(j["exitCode"], 1);
  EXPECT_EQ(j["statements"], 2);
  bool index = false;
  for (const auto& f : j["findings"]) {
    if (f["code"] != "index-create-not-concurrent") continue;
    index = true;
    EXPECT_EQ(f["file"], "m.sql");
    EXPECT_EQ(f["line"], 1);
    EXPECT_EQ(f["severity"], "error");
    EXPECT_EQ(f["lock"], "SHARE on \"User\"");
    EXPECT_NE(f["safeSql"].get<std::string>().find("CREATE INDEX CONCURRENTLY"), std::string::npos);
  }
  EXPECT_TRUE(index) << r.out;

  // godwit.toml: disable the error and raise the warning.
  write_file(t.path() / "godwit.toml",
             "[lint]\ndisable = [\"index-create-not-concurrent\"]\n"
             "[lint.severity]\ndrop-not-null = \"error\"\n");
  r = run_godwit({"migrate", "lint", "m.sql", "--provider", "postgresql"}, {}, t.path());
  EXPECT_EQ(r.out.find("index-create-not-concurrent"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("error [drop-not-null]"), std::string::npos) << r.out;
  EXPECT_EQ(r.exit_code, 1);

  write_file(t.path() / "godwit.toml", "[lint]\ndisabled = [\"drop-not-null\"]\n");
  r = run_godwit({"migrate", "lint", "m.sql", "--provider", "postgresql"}, {}, t.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW2403"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown key `lint.disabled`"), std::string::npos) << r.err;
}

TEST(LintCli, MissingPathIsAnError) {
  TempDir t;
  auto r = run_godwit({"migrate", "lint", "nope.sql", "--provider", "postgresql"}, {}, t.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW2402"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace godwit::test
