// The command line as a user meets it: help, --json reports, input errors with their codes,
// `?schema=` on PostgreSQL, and passwords kept out of every output.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// prisma/schema.prisma (SQLite unless told) with two migrations.
struct SmallProject {
  TempDir dir;
  explicit SmallProject(const std::string& provider = "sqlite") {
    write_file(dir.path() / "prisma" / "schema.prisma",
               "datasource db {\n  provider = \"" + provider +
                   "\"\n  url      = env(\"DATABASE_URL\")\n}\n");
    write_file(dir.path() / "prisma" / "migrations" / "migration_lock.toml",
               "provider = \"" + provider + "\"\n");
    write_file(dir.path() / "prisma" / "migrations" / "20240101000000_init" / "migration.sql",
               "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    write_file(dir.path() / "prisma" / "migrations" / "20240102000000_post" / "migration.sql",
               "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  }
  CommandResult run(std::vector<std::string> args, std::string url = "file:./dev.db") const {
    return run_godwit(args, {"DATABASE_URL=" + url}, dir.path());
  }
};

TEST(Cli, HelpOnEveryCommand) {
  for (std::vector<std::string> args : {std::vector<std::string>{"--help"},
                                        {"help"},
                                        {"help", "migrate", "deploy"},
                                        {"migrate", "--help"},
                                        {"migrate", "deploy", "--help"},
                                        {"migrate", "status", "--help"},
                                        {"migrate", "resolve", "--help"},
                                        {"migrate", "diff", "--help"},
                                        {"db", "--help"},
                                        {"db", "execute", "--help"},
                                        {"validate", "--help"},
                                        {"format", "--help"}}) {
    auto r = run_godwit(args);
    EXPECT_EQ(r.exit_code, 0) << args.back() << r.err;
    EXPECT_TRUE(contains(r.out, "Usage") || contains(r.out, "Options")) << r.out;
  }
  auto deploy = run_godwit({"migrate", "deploy", "--help"});
  EXPECT_TRUE(contains(deploy.out, "--lock-timeout"));
  EXPECT_TRUE(contains(deploy.out, "one transaction"));  // the deviation is stated in --help
  auto v = run_godwit({"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_TRUE(contains(v.out, "godwit "));
}

TEST(Cli, JsonReports) {
  SmallProject p;
  auto before = p.run({"migrate", "status", "--json"});
  EXPECT_EQ(before.exit_code, 1) << before.err;  // no database file yet: P1003
  auto deploy = p.run({"migrate", "deploy", "--json"});
  ASSERT_EQ(deploy.exit_code, 0) << deploy.err;
  auto d = nlohmann::json::parse(deploy.out);
  EXPECT_EQ(d["ok"], true);
  EXPECT_EQ(d["migrationsFound"], 2);
  ASSERT_EQ(d["applied"].size(), 2u);
  EXPECT_EQ(d["applied"][0]["name"], "20240101000000_init");
  EXPECT_EQ(d["applied"][0]["transactionMode"], "single");

  write_file(p.dir.path() / "prisma" / "migrations" / "20240103000000_more" / "migration.sql",
             "CREATE TABLE \"More\" (\"id\" INTEGER);\n");
  auto status = p.run({"migrate", "status", "--json"});
  EXPECT_EQ(status.exit_code, 1);
  auto s = nlohmann::json::parse(status.out);
  EXPECT_EQ(s["pending"], nlohmann::json::array({"20240103000000_more"}));
  EXPECT_EQ(s["exitCode"], 1);
  EXPECT_EQ(s["hasHistoryTable"], true);
}

TEST(Cli, StatusReportsEditedAndMissingLocally) {
  SmallProject p;
  ASSERT_EQ(p.run({"migrate", "deploy"}).exit_code, 0);
  write_file(p.dir.path() / "prisma" / "migrations" / "20240101000000_init" / "migration.sql",
             "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"x\" TEXT);\n");
  fs::remove_all(p.dir.path() / "prisma" / "migrations" / "20240102000000_post");
  auto r = p.run({"migrate", "status"});
  EXPECT_EQ(r.exit_code, 0) << r.err;  // Prisma's exit code for both findings
  EXPECT_TRUE(contains(r.err, "changed after it was applied")) << r.err;
  EXPECT_TRUE(contains(r.err, "20240101000000_init")) << r.err;
  EXPECT_TRUE(contains(r.err, "missing from the local migrations folder")) << r.err;
  EXPECT_TRUE(contains(r.err, "20240102000000_post")) << r.err;
  auto strict = p.run({"migrate", "status", "--strict", "--json"});
  EXPECT_EQ(strict.exit_code, 1);
  auto s = nlohmann::json::parse(strict.out);
  EXPECT_EQ(s["edited"], nlohmann::json::array({"20240101000000_init"}));
  EXPECT_EQ(s["missingLocally"], nlohmann::json::array({"20240102000000_post"}));
}

TEST(Cli, InputErrorsHaveCodesAndPlaces) {
  SmallProject p;
  // A pending folder without migration.sql.
  fs::create_directories(p.dir.path() / "prisma" / "migrations" / "20240103000000_empty");
  auto r = p.run({"migrate", "deploy"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Error: P3015")) << r.err;
  EXPECT_TRUE(contains(r.err, "20240103000000_empty")) << r.err;
  fs::remove_all(p.dir.path() / "prisma" / "migrations" / "20240103000000_empty");

  // The lock file names another provider.
  fs::remove(p.dir.path() / "prisma" / "dev.db");
  write_file(p.dir.path() / "prisma" / "migrations" / "migration_lock.toml",
             "provider = \"postgresql\"\n");
  r = p.run({"migrate", "deploy"});
  EXPECT_TRUE(contains(r.err, "Error: P3019")) << r.err;
  EXPECT_TRUE(contains(r.err, "migration_lock.toml")) << r.err;
  EXPECT_FALSE(fs::exists(p.dir.path() / "prisma" / "dev.db")) << "created before the check";
  // The commands that read the folder while they connect report it too.
  sqlite3_cli(p.dir.path() / "prisma" / "dev.db", "CREATE TABLE t (x);");
  for (std::vector<std::string> args :
       {std::vector<std::string>{"migrate", "status"},
        {"migrate", "resolve", "--rolled-back", "20240101000000_init"}}) {
    r = p.run(args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "Error: P3019")) << args[1] << ": " << r.err;
  }
  write_file(p.dir.path() / "prisma" / "migrations" / "migration_lock.toml",
             "provider = \"sqlite\"\n");

  // No URL variable.
  r = run_godwit({"migrate", "deploy"}, {"DATABASE_URL="}, p.dir.path());
  EXPECT_TRUE(contains(r.err, "Error: P1012")) << r.err;
  EXPECT_TRUE(contains(r.err, "Environment variable not found: DATABASE_URL")) << r.err;
  // A URL for the wrong provider.
  r = p.run({"migrate", "deploy"}, "postgresql://localhost/x");
  EXPECT_TRUE(contains(r.err, "Error: P1013")) << r.err;
  // No schema at all.
  TempDir empty;
  r = run_godwit({"migrate", "status"}, {}, empty.path());
  EXPECT_TRUE(contains(r.err, "Error: P1012")) << r.err;
  // resolve needs exactly one flag.
  r = p.run({"migrate", "resolve"});
  EXPECT_TRUE(contains(r.err, "GW2005")) << r.err;
  r = p.run({"migrate", "resolve", "--applied", "a", "--rolled-back", "b"});
  EXPECT_TRUE(contains(r.err, "not both")) << r.err;
}

TEST(Cli, DbExecuteNamesTheFailingStatement) {
  SmallProject p;
  write_file(
      p.dir.path() / "script.sql",
      "CREATE TABLE t (id INTEGER);\nINSERT INTO t VALUES (1);\nINSERT INTO nope VALUES (2);\n");
  auto r = p.run({"db", "execute", "--file", "script.sql"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "GW2006")) << r.err;
  EXPECT_TRUE(contains(r.err, "3 of 3")) << r.err;
  EXPECT_TRUE(contains(r.err, "script.sql:3")) << r.err;
  EXPECT_TRUE(contains(r.err, "no such table: nope")) << r.err;
  // One transaction: the first two statements were rolled back.
  EXPECT_EQ(sqlite3_cli(p.dir.path() / "prisma" / "dev.db",
                        "SELECT count(*) FROM sqlite_master WHERE name = 't'"),
            "0\n");
  auto ok = run_godwit({"db", "execute", "--stdin"}, {"DATABASE_URL=file:./dev.db"}, p.dir.path(),
                       "CREATE TABLE t (id INTEGER);");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(contains(ok.out, "Script executed successfully."));
  auto none = p.run({"db", "execute"});
  EXPECT_TRUE(contains(none.err, "Either --stdin or --file must be provided.")) << none.err;
}

TEST(Cli, PasswordsNeverAppear) {
  SmallProject p("postgresql");
  const std::string secret = "Sup3rS3cretPw";
  // Nothing listens on port 1: P1001, whose text names host and port but not the password.
  auto r = p.run({"migrate", "status"},
                 "postgresql://alice:" + secret + "@127.0.0.1:1/app?connect_timeout=2");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "P1001")) << r.err;
  EXPECT_FALSE(contains(r.out + r.err, secret)) << r.out << r.err;
  // An unparseable URL: P1013 without echoing it.
  r = p.run({"migrate", "status"}, "postgresql://alice:" + secret + "@127.0.0.1:notaport/app");
  EXPECT_TRUE(contains(r.err, "P1013")) << r.err;
  EXPECT_FALSE(contains(r.out + r.err, secret)) << r.out << r.err;
  GODWIT_REQUIRE_PG();
  // A real server reached with a password in the URL (trust auth ignores it).
  PgDatabase db("cli_pw");
  auto url = db.url();
  auto at = url.find("postgres@");
  ASSERT_NE(at, std::string::npos);
  url.replace(at, 9, "postgres:" + secret + "@");
  r = p.run({"migrate", "deploy"}, url);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(contains(r.out + r.err, secret));
  // Even in a failed migration's logs.
  write_file(p.dir.path() / "prisma" / "migrations" / "20240103000000_bad" / "migration.sql",
             "SELECT nope;\n");
  r = p.run({"migrate", "deploy", "--json"}, url);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(contains(r.out + r.err, secret));
  EXPECT_FALSE(contains(psql(db.url(),
                             "SELECT string_agg(coalesce(logs, ''), '') FROM "
                             "_prisma_migrations"),
                        secret));
}

TEST(Cli, SchemaParameterSetsTheSearchPath) {
  GODWIT_REQUIRE_PG();
  SmallProject p("postgresql");
  PgDatabase db("cli_schema");
  auto url = db.url() + "?schema=tenant_a";
  auto r = p.run({"migrate", "deploy"}, url);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "schema \"tenant_a\"")) << r.out;
  EXPECT_EQ(psql(db.url(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'tenant_a'"), "3\n");
  EXPECT_EQ(psql(db.url(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0\n");
  // The public schema is a different, empty target: nothing applied there yet, every migration
  // pending (as Prisma 7.10.1 reports a database without a history table).
  auto other = p.run({"migrate", "status"}, db.url());
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_TRUE(contains(other.out, "have not yet been applied")) << other.out << other.err;
  EXPECT_EQ(p.run({"migrate", "status"}, url).exit_code, 0);
}

}  // namespace
}  // namespace godwit::test
