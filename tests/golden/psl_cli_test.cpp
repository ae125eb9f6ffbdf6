// `godwit validate` and `godwit format` end to end (the real binary in temp directories).
#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {

constexpr const char* kValid = R"psl(datasource db {
  provider = "sqlite"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
)psl";

constexpr const char* kMessy = R"psl(datasource db {
provider = "sqlite"
}
model User {
  email String @unique
  id Int @default(autoincrement()) @id
}
)psl";

constexpr const char* kFormatted = R"psl(datasource db {
  provider = "sqlite"
}

model User {
  email String @unique
  id    Int    @id @default(autoincrement())
}
)psl";

TEST(PslCli, ValidateValidSchema) {
  TempDir dir;
  write_file(dir.path() / "schema.prisma", kValid);
  auto r = run_godwit({"validate", "--schema", "schema.prisma"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "The schema at schema.prisma is valid 🚀\n");
}

TEST(PslCli, ValidateFindsTheDefaultSchema) {
  TempDir dir;
  write_file(dir.path() / "prisma" / "schema.prisma", kValid);
  auto r = run_godwit({"validate"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "The schema at prisma/schema.prisma is valid 🚀\n");
  TempDir empty;
  auto missing = run_godwit({"validate"}, {}, empty.path());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("Error: P1012"), std::string::npos);
  EXPECT_NE(missing.err.find("Could not find a schema.prisma file"), std::string::npos);
}

TEST(PslCli, ValidateReportsEveryError) {
  TempDir dir;
  write_file(dir.path() / "schema.prisma",
             "datasource db {\n  provider = \"sqlite\"\n}\n\nmodel A {\n  id Int @id\n  b Foo\n  c "
             "Bar\n}\n");
  auto r = run_godwit({"validate", "--schema", "schema.prisma"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("Error: P1012\n", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("Type \"Foo\" is neither a built-in type"), std::string::npos);
  EXPECT_NE(r.err.find("Type \"Bar\" is neither a built-in type"), std::string::npos);
  EXPECT_NE(r.err.find("-->  schema.prisma:7"), std::string::npos);
  EXPECT_NE(r.err.find("Validation Error Count: 2"), std::string::npos);
}

TEST(PslCli, ValidatePrintsWarnings) {
  TempDir dir;
  write_file(dir.path() / "schema.prisma",
             std::string("generator client {\n  provider        = \"prisma-client-js\"\n  "
                         "previewFeatures = [\"tracing\"]\n}\n\n") +
                 kValid);
  auto r = run_godwit({"validate", "--schema", "schema.prisma"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "Prisma schema warning:\n- Preview feature \"tracing\" is deprecated. The functionality "
      "can be used without specifying it as a preview feature.\nThe schema at schema.prisma "
      "is valid 🚀\n");
}

TEST(PslCli, FormatRewritesAndCheckReports) {
  TempDir dir;
  auto file = dir.path() / "schema.prisma";
  write_file(file, kMessy);
  auto check = run_godwit({"format", "--schema", "schema.prisma", "--check"}, {}, dir.path());
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.err.find("Error: GW1001"), std::string::npos);
  EXPECT_NE(check.err.find("There are unformatted files. Run godwit format to format them."),
            std::string::npos);
  EXPECT_EQ(read_file(file), kMessy) << "--check must not write";

  auto r = run_godwit({"format", "--schema", "schema.prisma"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Formatted schema.prisma in ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("ms 🚀\n"), std::string::npos);
  EXPECT_EQ(read_file(file), kFormatted);

  auto again = run_godwit({"format", "--check"}, {}, dir.path());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "All files are formatted correctly!\n");
}

TEST(PslCli, FormatRefusesAnInvalidSchema) {
  TempDir dir;
  auto file = dir.path() / "schema.prisma";
  std::string bad =
      "datasource db {\nprovider = \"sqlite\"\n}\nmodel A {\n  id Int @id\n  b Foo\n}\n";
  write_file(file, bad);
  auto r = run_godwit({"format"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Error: P1012"), std::string::npos);
  // Errors point into the formatted text, as Prisma's do.
  // (`b Foo` is on line 6 of the file, line 7 once a blank line separates the blocks.)
  EXPECT_NE(r.err.find("-->  schema.prisma:7\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" 7 |   b  Foo\n"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(file), bad);
}

TEST(PslCli, MultiFileSchemaFolder) {
  TempDir dir;
  write_file(dir.path() / "schema" / "db.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");
  write_file(dir.path() / "schema" / "models" / "user.prisma", "model User {\nid Int @id\n}\n");
  auto v = run_godwit({"validate", "--schema", "schema"}, {}, dir.path());
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "The schemas at schema are valid 🚀\n");
  auto f = run_godwit({"format", "--schema", "schema"}, {}, dir.path());
  EXPECT_EQ(f.exit_code, 0) << f.err;
  EXPECT_EQ(read_file(dir.path() / "schema" / "models" / "user.prisma"),
            "model User {\n  id Int @id\n}\n");
  EXPECT_EQ(read_file(dir.path() / "schema" / "db.prisma"),
            "datasource db {\n  provider = \"sqlite\"\n}\n");
}

}  // namespace
}  // namespace godwit::test
