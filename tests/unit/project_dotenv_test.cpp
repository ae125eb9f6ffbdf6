#include <gtest/gtest.h>

#include "core/error.hpp"
#include "project/dotenv.hpp"
#include "project/project.hpp"
#include "support/test_support.hpp"

namespace godwit::project {
namespace {

TEST(Dotenv, ParsesTheUsualForms) {
  auto env = parse_dotenv(
      "# comment\n"
      "DATABASE_URL=\"postgresql://u:p@localhost:5432/app?schema=public\"\n"
      "export SHADOW='file:./shadow.db'\n"
      "PLAIN = value with spaces  # trailing comment\n"
      "MULTI=\"line1\\nline2\"\n"
      "EMPTY=\n"
      "not a line\n");
  EXPECT_EQ(env["DATABASE_URL"], "postgresql://u:p@localhost:5432/app?schema=public");
  EXPECT_EQ(env["SHADOW"], "file:./shadow.db");
  EXPECT_EQ(env["PLAIN"], "value with spaces");
  EXPECT_EQ(env["MULTI"], "line1\nline2");
  EXPECT_EQ(env["EMPTY"], "");
  EXPECT_EQ(env.count("not"), 0u);
}

class ProjectLoad : public ::testing::Test {
 protected:
  test::TempDir dir;
  void schema(const std::string& datasource_body) {
    test::write_file(dir.path() / "prisma" / "schema.prisma",
                     "datasource db {\n" + datasource_body + "}\n\nmodel A {\n  id Int @id\n}\n");
  }
  EnvLookup env(std::map<std::string, std::string> vars) {
    return [vars](const std::string& k) -> std::optional<std::string> {
      auto it = vars.find(k);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    };
  }
};

TEST_F(ProjectLoad, UrlFromEnvThenDotenvThenFlag) {
  schema("  provider = \"sqlite\"\n  url = env(\"DATABASE_URL\")\n");
  test::write_file(dir.path() / "prisma" / ".env", "DATABASE_URL=file:./from-dotenv.db\n");
  auto p = load_project({}, dir.path(), env({}));
  EXPECT_EQ(p.target.url, "file:./from-dotenv.db");
  EXPECT_EQ(p.target.base_dir, dir.path() / "prisma");
  EXPECT_EQ(p.migrations_dir, dir.path() / "prisma" / "migrations");
  // The process environment wins over .env, as dotenv does.
  EXPECT_EQ(load_project({}, dir.path(), env({{"DATABASE_URL", "file:env.db"}})).target.url,
            "file:env.db");
  ProjectOptions o;
  o.url = "file:flag.db";
  o.migrations = "elsewhere";
  auto q = load_project(o, dir.path(), env({{"DATABASE_URL", "file:env.db"}}));
  EXPECT_EQ(q.target.url, "file:flag.db");
  EXPECT_EQ(q.migrations_dir, dir.path() / "elsewhere");
}

TEST_F(ProjectLoad, MissingVariableIsP1012AndWrongSchemeP1013) {
  schema("  provider = \"postgresql\"\n  url = env(\"NOPE\")\n");
  try {
    load_project({}, dir.path(), env({}));
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1012");
    EXPECT_NE(e.message().find("Environment variable not found: NOPE."), std::string::npos);
  }
  try {
    load_project({}, dir.path(), env({{"NOPE", "mysql://x"}}));
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1013");
  }
}

TEST_F(ProjectLoad, SecretsAreRedactedForDisplay) {
  schema("  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n");
  auto p =
      load_project({}, dir.path(), env({{"DATABASE_URL", "postgresql://bob:hunter2@db:5432/app"}}));
  EXPECT_EQ(p.target.display.find("hunter2"), std::string::npos);
}

TEST_F(ProjectLoad, FallsBackToSchemaPrismaInCwd) {
  test::write_file(dir.path() / "schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");
  auto p = load_project({}, dir.path(), env({{"DATABASE_URL", "file:x.db"}}));
  EXPECT_EQ(p.schema_path, dir.path() / "schema.prisma");
  EXPECT_EQ(p.target.url, "file:x.db");
}

TEST_F(ProjectLoad, NoSchemaIsAClearError) {
  try {
    load_project({}, dir.path(), env({}));
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1012");
    EXPECT_NE(e.message().find("Could not find a schema.prisma file"), std::string::npos);
  }
}

}  // namespace
}  // namespace godwit::project
