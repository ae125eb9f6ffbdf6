// load_schema_source / read_datasource (src/psl/datasource.hpp).
#include <gtest/gtest.h>

#include "psl/datasource.hpp"
#include "support/test_support.hpp"

namespace godwit::psl {
namespace {

using test::TempDir;
using test::write_file;

TEST(PslDatasource, LoadsOneFile) {
  TempDir dir;
  write_file(dir.path() / "schema.prisma", "model A {\n  id Int @id\n}\n");
  auto src = load_schema_source(dir.path() / "schema.prisma");
  ASSERT_EQ(src.files.size(), 1u);
  EXPECT_EQ(src.files[0].text, "model A {\n  id Int @id\n}\n");
}

TEST(PslDatasource, LoadsAFolderRecursivelySorted) {
  TempDir dir;
  write_file(dir.path() / "b.prisma", "model B {\n  id Int @id\n}\n");
  write_file(dir.path() / "a.prisma", "model A {\n  id Int @id\n}\n");
  write_file(dir.path() / "sub" / "c.prisma", "model C {\n  id Int @id\n}\n");
  write_file(dir.path() / "notes.txt", "x");
  auto src = load_schema_source(dir.path());
  ASSERT_EQ(src.files.size(), 3u);
  EXPECT_EQ(src.files[0].path.filename(), "a.prisma");
  EXPECT_EQ(src.files[1].path.filename(), "b.prisma");
  EXPECT_EQ(src.files[2].path.filename(), "c.prisma");
}

TEST(PslDatasource, MissingPathsAreP1012) {
  TempDir dir;
  try {
    load_schema_source(dir.path() / "nope.prisma");
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1012");
  }
  try {
    load_schema_source(dir.path());  // a folder without .prisma files
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1012");
  }
}

SchemaSource source_of(std::string text) {
  SchemaSource s;
  s.root = "schema.prisma";
  s.files.push_back({"schema.prisma", std::move(text)});
  return s;
}

TEST(PslDatasource, ReadsTheDatasource) {
  auto ds = read_datasource(source_of(R"(generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider     = "postgres"
  url          = env("DATABASE_URL")
  directUrl    = "postgresql://x"
  relationMode = "prisma"
  schemas      = ["a", "b"]
}
)"));
  EXPECT_EQ(ds.name, "db");
  EXPECT_EQ(ds.provider, "postgresql");
  ASSERT_TRUE(ds.url);
  EXPECT_TRUE(ds.url->from_env);
  EXPECT_EQ(ds.url->value, "DATABASE_URL");
  ASSERT_TRUE(ds.direct_url);
  EXPECT_FALSE(ds.direct_url->from_env);
  EXPECT_EQ(ds.relation_mode, "prisma");
  EXPECT_EQ(ds.schemas, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ds.where.line, 5);
  EXPECT_EQ(ds.where.column, 1);
  EXPECT_EQ(ds.file, "schema.prisma");
}

TEST(PslDatasource, MultiFileSchemaFindsTheBlockInAnyFile) {
  SchemaSource s;
  s.files.push_back({"a.prisma", "model A {\n  id Int @id\n}\n"});
  s.files.push_back({"b.prisma", "\n\ndatasource db {\n  provider = \"sqlite\"\n}\n"});
  auto ds = read_datasource(s);
  EXPECT_EQ(ds.provider, "sqlite");
  EXPECT_EQ(ds.file, "b.prisma");
  EXPECT_EQ(ds.where.file, "b.prisma");
  EXPECT_EQ(ds.where.line, 3);
}

std::string error_of(const std::string& text) {
  try {
    read_datasource(source_of(text));
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "P1012");
    return e.message();
  }
  return "(no error)";
}

TEST(PslDatasource, Errors) {
  EXPECT_NE(error_of("datasource db {\n}\n")
                .find("Argument \"provider\" is missing in data source block \"db\"."),
            std::string::npos);
  EXPECT_NE(error_of("datasource db {\n  provider = 1\n}\n")
                .find("Expected a String value, but received numeric value `1`."),
            std::string::npos);
  EXPECT_NE(error_of("datasource a {\n  provider = \"sqlite\"\n}\ndatasource b {\n  provider = "
                     "\"sqlite\"\n}\n")
                .find("You defined more than one datasource."),
            std::string::npos);
  EXPECT_NE(error_of("model A {\n  id Int @id\n}\n").find("no datasource"), std::string::npos);
  std::string syntax = error_of("datasource db {\n  provider = \"sqlite\"\n}\nbogus line\n");
  EXPECT_NE(syntax.find("This line is invalid."), std::string::npos);
  EXPECT_NE(syntax.find("-->  schema.prisma:4"), std::string::npos);
  EXPECT_NE(syntax.find("Validation Error Count: 1"), std::string::npos);
}

}  // namespace
}  // namespace godwit::psl
