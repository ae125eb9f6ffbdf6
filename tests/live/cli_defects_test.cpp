// Regression tests for the defects of issue 8 ("Defects found"): what a new user met trying
// godwit next to the real Prisma 7.10.1. Expected texts are the oracle's (quoted where they are
// hard-coded; the tests that can afford it run the oracle on the same input).
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// The first line of `text` that starts with "Error:".
std::string error_line(const std::string& text) {
  auto at = text.find("Error:");
  if (at == std::string::npos) return "";
  return text.substr(at, text.find('\n', at) - at);
}

// A project both tools read: the datasource has no url (Prisma 7 rejects one), the URL comes
// from DATABASE_URL (godwit's default then; Prisma's through prisma.config.ts).
struct Project {
  TempDir dir;
  std::string provider;
  explicit Project(std::string provider_name) : provider(std::move(provider_name)) {
    write_file(dir.path() / "schema.prisma",
               "datasource db {\n  provider = \"" + provider + "\"\n}\n");
    write_file(dir.path() / "prisma.config.ts",
               "export default {\n  schema: 'schema.prisma',\n  migrations: { path: "
               "'migrations' },\n  datasource: { url: process.env.DATABASE_URL as string },\n}\n");
    write_file(dir.path() / "migrations" / "migration_lock.toml",
               "provider = \"" + provider + "\"\n");
    add("20240101000000_init", "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  }
  void add(const std::string& name, const std::string& sql) const {
    write_file(dir.path() / "migrations" / name / "migration.sql", sql);
  }
  CommandResult godwit(const std::vector<std::string>& args, const std::string& url,
                       std::string_view stdin_text = {}) const {
    return run_godwit(args, {"DATABASE_URL=" + url, "NO_COLOR=1"}, dir.path(), stdin_text);
  }
  CommandResult prisma(const std::vector<std::string>& args, const std::string& url) const {
    std::vector<std::string> argv{prisma_oracle()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, {"DATABASE_URL=" + url, "NO_COLOR=1"}, dir.path());
  }
};

std::string unique_name(const std::string& hint) {
  static std::atomic<int> n{0};
  return "gw_" + hint + "_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
}

bool pg_database_exists(const std::string& name) {
  return psql(pg_admin_url(), "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'") ==
         "1\n";
}

// A database name on the test server that does not exist; dropped at the end if something
// created it.
struct MissingPgDatabase {
  std::string name = unique_name("missing");
  std::string url;
  MissingPgDatabase() {
    url = pg_admin_url();
    url = url.substr(0, url.rfind('/') + 1) + name;
  }
  ~MissingPgDatabase() {
    try {
      psql(pg_admin_url(), "DROP DATABASE IF EXISTS \"" + name + "\"");
    } catch (...) {
    }
  }
};

TEST(Defects, SqliteResolveAndStatusCreateNothing) {
  GODWIT_REQUIRE_ORACLE();
  Project p("sqlite");
  const auto file = p.dir.path() / "dev.db";
  const std::string url = "file:./dev.db";
  for (std::vector<std::string> args :
       {std::vector<std::string>{"migrate", "status"},
        {"migrate", "resolve", "--applied", "20240101000000_init"},
        {"migrate", "resolve", "--rolled-back", "20240101000000_init"}}) {
    auto r = p.godwit(args, url);
    EXPECT_EQ(r.exit_code, 1) << args[1] << r.err;
    EXPECT_TRUE(contains(
        r.err, "Error: P1003: Database `dev.db` does not exist at `" + file.string() + "`."))
        << args[1] << ": " << r.err;
    EXPECT_FALSE(fs::exists(file)) << args[1] << " created the SQLite file";
  }
  // The same line as the real Prisma prints.
  auto prisma = p.prisma({"migrate", "resolve", "--applied", "20240101000000_init"}, url);
  EXPECT_EQ(prisma.exit_code, 1);
  EXPECT_EQ(error_line(p.godwit({"migrate", "status"}, url).err), error_line(prisma.err));
  EXPECT_FALSE(fs::exists(file));

  // db execute creates the file, as Prisma's does (the oracle exits 0 and leaves dev.db).
  auto r = p.godwit({"db", "execute", "--stdin"}, url, "CREATE TABLE t (x INTEGER);");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(file));
  fs::remove(file);
  // deploy creates it and says so, as Prisma: "SQLite database dev.db created at file:./dev.db".
  r = p.godwit({"migrate", "deploy"}, url);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "\n\nSQLite database dev.db created at file:./dev.db\n\n")) << r.out;
  r = p.godwit({"migrate", "deploy"}, url);
  EXPECT_FALSE(contains(r.out, "created at")) << r.out;
}

TEST(Defects, PostgresResolveStatusAndExecuteCreateNothing) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql");
  MissingPgDatabase db;
  for (std::vector<std::string> args : {std::vector<std::string>{"migrate", "status"},
                                        {"migrate", "resolve", "--applied", "20240101000000_init"},
                                        {"db", "execute", "--stdin"}}) {
    auto r = p.godwit(args, db.url, "SELECT 1;");
    EXPECT_EQ(r.exit_code, 1) << args[1] << r.err;
    // Prisma: "Error: P1003: Database `x` does not exist on the database server at `h:p`."
    EXPECT_TRUE(contains(r.err, "Error: P1003: Database `" + db.name +
                                    "` does not exist on the "
                                    "database server at `"))
        << args[1] << ": " << r.err;
    EXPECT_FALSE(pg_database_exists(db.name)) << args[1] << " created the database";
  }
  auto r = p.godwit({"migrate", "deploy"}, db.url);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "\n\nPostgreSQL database " + db.name + " created at 127.0.0.1:"))
      << r.out;
  EXPECT_TRUE(pg_database_exists(db.name));
}

TEST(Defects, ConnectionErrorsPrintedAsPrisma) {
  GODWIT_REQUIRE_ORACLE();
  Project p("postgresql");
  // Nothing listens on port 1.
  const std::string url = "postgresql://postgres@127.0.0.1:1/app?connect_timeout=2";
  auto g = p.godwit({"migrate", "status"}, url);
  EXPECT_EQ(g.exit_code, 1);
  EXPECT_EQ(error_line(g.err), "Error: P1001: Can't reach database server at `127.0.0.1:1`")
      << g.err;
  auto prisma = p.prisma({"migrate", "status"}, url);
  EXPECT_EQ(prisma.exit_code, 1);
  EXPECT_EQ(error_line(g.err), error_line(prisma.err)) << prisma.err;
}

// Prisma's rule (schema-engine MigrationPersistence::initialize): only tables make a schema
// "not empty". The oracle deploys onto a database holding only an enum or only a view, and
// refuses one with a table (P3005).
TEST(Defects, OnlyTablesMakeASchemaNotEmpty) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql");
  for (const std::string sql : {"CREATE TYPE mood AS ENUM ('a', 'b');",
                                "CREATE VIEW v AS SELECT 1 AS x;", "CREATE SEQUENCE s;"}) {
    PgDatabase db("p3005_rule");
    psql(db.url(), sql);
    auto r = p.godwit({"migrate", "deploy"}, db.url());
    EXPECT_EQ(r.exit_code, 0) << sql << "\n" << r.err;
  }
  PgDatabase table("p3005_table");
  psql(table.url(), "CREATE TABLE t (x int);");
  auto r = p.godwit({"migrate", "deploy"}, table.url());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Error: P3005")) << r.err;
  EXPECT_TRUE(contains(r.err, "table t")) << r.err;

  Project s("sqlite");
  sqlite3_cli(s.dir.path() / "v.db", "CREATE VIEW v AS SELECT 1 AS x;");
  r = s.godwit({"migrate", "deploy"}, "file:./v.db");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Defects, EmptySchemaParameterMeansPublic) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql");
  PgDatabase db("empty_schema");
  auto r = p.godwit({"migrate", "deploy"}, db.url() + "?schema=");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "schema \"public\"")) << r.out;
  EXPECT_EQ(psql(db.url(), "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "2\n");
}

TEST(Defects, LockTimeoutMustBeASaneNumberOfSeconds) {
  Project p("sqlite");
  for (const std::string bad : {"1e10", "nan", "-1", "inf", "86401", "ten", ""}) {
    auto r = p.godwit({"migrate", "deploy", "--lock-timeout", bad}, "file:./dev.db");
    EXPECT_EQ(r.exit_code, 1) << bad;
    EXPECT_TRUE(contains(r.err, "Error: GW2005")) << bad << ": " << r.err;
    EXPECT_TRUE(contains(r.err, "from 0 (do not wait) to 86400")) << bad << ": " << r.err;
    EXPECT_FALSE(fs::exists(p.dir.path() / "dev.db")) << bad;
  }
  auto r = p.godwit({"migrate", "deploy", "--lock-timeout", "0"}, "file:./dev.db");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = p.godwit(
      {"migrate", "resolve", "--applied", "20240101000000_init", "--lock-timeout", "86400"},
      "file:./dev.db");
  EXPECT_EQ(r.exit_code, 1);  // already applied (P3008): the value itself was accepted
  EXPECT_TRUE(contains(r.err, "P3008")) << r.err;
}

// Prisma exits 1 for every usage error and prints the command's help (oracle: "! Unknown
// command \"migrat\"", "! unknown or unexpected option: --bogus", "! option requires argument:
// --applied", each followed by the usage); CLI11 alone exited 105, 106 or 109.
TEST(Defects, UsageErrorsExitOneWithTheCommandsUsage) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
    std::string usage_of;
  };
  for (const Case& c : std::vector<Case>{
           {{"migrat"}, "Unknown command `migrat` for `godwit`.", "godwit --help"},
           {{"migrate", "frob"},
            "Unknown command `frob` for `godwit migrate`.",
            "godwit migrate --help"},
           {{"migrate", "deploy", "--bogus"},
            "Unknown option `--bogus` for `godwit migrate deploy`.",
            "godwit migrate deploy --help"},
           {{"migrate", "resolve", "--applied"}, "--applied", "godwit migrate resolve --help"},
           {{"db", "execute", "--file"}, "--file", "godwit db execute --help"},
       }) {
    auto r = run_godwit(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args.back() << r.err;
    EXPECT_TRUE(contains(r.err, "Error: GW2005")) << r.err;
    EXPECT_TRUE(contains(r.err, c.message)) << r.err;
    EXPECT_TRUE(contains(r.err, "Run `" + c.usage_of + "` for its commands and options.")) << r.err;
    EXPECT_TRUE(contains(r.err, "Usage:")) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  auto deploy = run_godwit({"migrate", "deploy", "--bogus"});
  EXPECT_TRUE(contains(deploy.err, "--lock-timeout")) << deploy.err;  // deploy's own options
  EXPECT_EQ(run_godwit({"migrate", "deploy", "--help"}).exit_code, 0);
  EXPECT_EQ(run_godwit({"--version"}).exit_code, 0);
}

TEST(Defects, DbExecuteErrorsDoNotNameAMigration) {
  Project p("sqlite");
  auto r = p.godwit({"db", "execute", "--stdin"}, "file:./dev.db", "SELECT * FROM nope;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "GW2006")) << r.err;
  EXPECT_TRUE(contains(r.err, "no such table: nope")) << r.err;
  EXPECT_FALSE(contains(r.err, "Migration name")) << r.err;
  EXPECT_FALSE(contains(r.err, "(db execute)")) << r.err;
}

// PostgreSQL rejects a script that ends in an unterminated comment or string (as psql or a
// single simple-query message would show); godwit used to drop the tail and report success.
TEST(Defects, DbExecuteReportsAnUnterminatedTail) {
  GODWIT_REQUIRE_PG();
  Project p("postgresql");
  PgDatabase db("unterminated");
  auto r = p.godwit({"db", "execute", "--stdin"}, db.url(),
                    "CREATE TABLE t (x int);\n/* never closed\nDROP TABLE t;\n");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.err, "unterminated /* comment")) << r.err;
  EXPECT_FALSE(contains(r.out, "Script executed successfully")) << r.out;
  r = p.godwit({"db", "execute", "--stdin"}, db.url(), "SELECT 1;\nSELECT 'never closed;\n");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_TRUE(contains(r.err, "unterminated quoted string")) << r.err;
  EXPECT_FALSE(contains(r.err, "Migration name")) << r.err;
}

TEST(Defects, BeginWithoutCommitNamesTheBegin) {
  GODWIT_REQUIRE_PG();
  {
    Project p("postgresql");
    PgDatabase db("begin_no_commit");
    p.add("20240102000000_open",
          "CREATE TABLE a (x int);\nBEGIN;\nCREATE TABLE b (x int);\nCREATE TABLE c (x int);\n");
    auto r = p.godwit({"migrate", "deploy"}, db.url());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "Database error code: GW2004")) << r.err;
    EXPECT_TRUE(contains(r.err, "Failed statement: 2 of 4, at ")) << r.err;
    EXPECT_TRUE(contains(r.err, "20240102000000_open/migration.sql:2\n    BEGIN")) << r.err;
    EXPECT_TRUE(contains(r.err, "1 statement(s) before the failed one stay applied")) << r.err;
    EXPECT_FALSE(contains(r.err, "No statement of this migration was applied")) << r.err;
    EXPECT_FALSE(contains(r.err, "Nothing of this migration is applied")) << r.err;
    EXPECT_EQ(psql(db.url(), "SELECT to_regclass('a') IS NOT NULL, to_regclass('b') IS NULL"),
              "t|t\n");
  }
  {
    Project p("postgresql");
    PgDatabase db("begin_only");
    p.add("20240102000000_open", "BEGIN;\nCREATE TABLE b (x int);\n");
    auto r = p.godwit({"migrate", "deploy"}, db.url());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "Failed statement: 1 of 2, at ")) << r.err;
    EXPECT_TRUE(contains(r.err, "Nothing of this migration is applied")) << r.err;
    // Nothing is applied, so the hint is to mark it rolled back, not to complete it by hand.
    EXPECT_TRUE(contains(r.err, "godwit migrate resolve --rolled-back")) << r.err;
    EXPECT_FALSE(contains(r.err, "Complete or revert the applied statements")) << r.err;
  }
}

// A migration folder whose name is not UTF-8. Prisma 7.10.1 reads the name with U+FFFD, finds
// no migration.sql and fails with "Error: P3015 ... Could not find the migration file at
// migration.sql." (after creating the database); godwit names the folder and connects to nothing.
TEST(Defects, FolderNameNotUtf8IsP3015BeforeConnecting) {
  Project p("sqlite");
  p.add("20240102000000_bad\xFF", "CREATE TABLE b (id INTEGER);\n");
  auto r = p.godwit({"migrate", "deploy"}, "file:./dev.db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Error: P3015")) << r.err;
  EXPECT_TRUE(contains(r.err, "`20240102000000_bad\\xFF`")) << r.err;
  EXPECT_FALSE(fs::exists(p.dir.path() / "dev.db")) << "deploy connected (created the file)";
  // status reads the folder while it connects (it creates nothing): P3015 too.
  fs::rename(p.dir.path() / "migrations" / "20240102000000_bad\xFF", p.dir.path() / "aside");
  ASSERT_EQ(p.godwit({"migrate", "deploy"}, "file:./dev.db").exit_code, 0);
  fs::rename(p.dir.path() / "aside", p.dir.path() / "migrations" / "20240102000000_bad\xFF");
  r = p.godwit({"migrate", "status"}, "file:./dev.db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Error: P3015")) << r.err;
  EXPECT_TRUE(contains(r.err, "`20240102000000_bad\\xFF`")) << r.err;
}

// A NUL byte: Prisma sends the text and SQLite stops reading at the NUL ("unrecognized token",
// a failed row). godwit refuses it before applying anything, naming the migration and path.
TEST(Defects, NulByteNamesTheMigrationAndAppliesNothing) {
  Project p("sqlite");
  p.add("20240102000000_nul",
        std::string("CREATE TABLE c (t TEXT);\nINSERT INTO c VALUES ('x") + '\0' + "y');\n");
  auto r = p.godwit({"migrate", "deploy"}, "file:./dev.db");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "Error: GW1201")) << r.err;
  EXPECT_TRUE(contains(r.err, "The migration `20240102000000_nul` contains a NUL byte (line 2 of "))
      << r.err;
  EXPECT_TRUE(contains(r.err, "20240102000000_nul/migration.sql")) << r.err;
  EXPECT_EQ(sqlite3_cli(p.dir.path() / "dev.db", "SELECT count(*) FROM _prisma_migrations;"), "0\n")
      << "the init migration of the same run was applied";
}

// Invalid UTF-8 inside a script: Prisma reads it as Node does (U+FFFD) and applies that text.
// The oracle's row and value for this very file: checksum 9ab76d75…7247, t = x U+FFFD y.
TEST(Defects, InvalidUtf8InAScriptRunsAsPrismaReadsIt) {
  Project p("sqlite");
  p.add("20240102000000_enc", "CREATE TABLE b (t TEXT);\nINSERT INTO b VALUES ('x\xFFy');\n");
  auto r = p.godwit({"migrate", "deploy"}, "file:./dev.db");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto db = p.dir.path() / "dev.db";
  EXPECT_EQ(sqlite3_cli(db,
                        "SELECT checksum FROM _prisma_migrations WHERE migration_name = "
                        "'20240102000000_enc';"),
            "9ab76d756c9793d73587f1dab1f6e8509cb8d36245882d41734ccac0186f7247\n");
  EXPECT_EQ(sqlite3_cli(db, "SELECT hex(t) FROM b;"), "78EFBFBD79\n");
}

}  // namespace
}  // namespace godwit::test
