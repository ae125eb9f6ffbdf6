// `migrate diff --to-url` when the database cannot be read: the error names the problem with
// Prisma's code and nothing is created (a missing SQLite file stays missing, as a read must not
// create a database).
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

TEST(IntrospectCli, UrlOfAnotherDatabaseIsP1013) {
  TempDir dir;
  auto r = run_godwit({"migrate", "diff", "--from-empty", "--to-url", "mysql://u@h/db", "--script"},
                      {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("P1013"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(IntrospectCli, MissingSqliteFileIsP1003AndNotCreated) {
  TempDir dir;
  fs::path file = dir.path() / "missing.db";
  auto r = run_godwit(
      {"migrate", "diff", "--from-empty", "--to-url", "file:" + file.string(), "--script"}, {},
      dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("P1003"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(file));
}

TEST(IntrospectCli, MissingPostgresDatabaseIsP1003) {
  GODWIT_REQUIRE_PG();
  std::string url = pg_admin_url();
  url = url.substr(0, url.rfind('/')) + "/introspect_no_such_database";
  TempDir dir;
  auto r =
      run_godwit({"migrate", "diff", "--from-empty", "--to-url", url, "--script"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("P1003"), std::string::npos) << r.err;
}

// Two `--to-...` sources: Prisma's count message, as for every other form.
TEST(IntrospectCli, ToUrlCountsAsOneToSource) {
  TempDir dir;
  auto r = run_godwit({"migrate", "diff", "--from-empty", "--to-url", "file:a.db",
                       "--to-schema-datasource", "schema.prisma", "--script"},
                      {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2 `--to-...` parameter(s) provided. 1 must be provided."),
            std::string::npos)
      << r.err;
}

// Prisma 6's --to-schema-datasource reads the database the schema's datasource names (Prisma 7
// removed the flag, so there is no oracle run): the same script as --to-url on that database.
TEST(IntrospectCli, ToSchemaDatasourceReadsTheSchemasDatabase) {
  TempDir dir;
  sqlite3_cli(dir.path() / "dev.db",
              "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
              "\"email\" TEXT NOT NULL);");
  write_file(dir.path() / "prisma" / "schema.prisma",
             "datasource db {\n  provider = \"sqlite\"\n  url      = \"file:../dev.db\"\n}\n");
  auto by_schema = run_godwit({"migrate", "diff", "--from-empty", "--to-schema-datasource",
                               "prisma/schema.prisma", "--script"},
                              {}, dir.path());
  ASSERT_EQ(by_schema.exit_code, 0) << by_schema.err;
  auto by_url = run_godwit({"migrate", "diff", "--from-empty", "--to-url",
                            "file:" + (dir.path() / "dev.db").string(), "--script"},
                           {}, dir.path());
  ASSERT_EQ(by_url.exit_code, 0) << by_url.err;
  EXPECT_EQ(by_schema.out, by_url.out);
  EXPECT_NE(by_url.out.find("CREATE TABLE \"User\""), std::string::npos) << by_url.out;
}

}  // namespace
}  // namespace godwit::test
