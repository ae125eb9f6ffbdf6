// `godwit migrate diff` transcripts: exit codes, output files and the errors for inputs this
// release does not diff yet (prisma-compat.md §5.7).
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

class DiffCli : public ::testing::Test {
 protected:
  fs::path schema(std::string_view text) {
    fs::path p = tmp_.path() / "schema.prisma";
    write_file(p, text);
    return p;
  }
  TempDir tmp_;
};

constexpr std::string_view kOneModel = R"(datasource db {
  provider = "sqlite"
}

model A {
  id Int @id
}
)";

TEST_F(DiffCli, EmptySchemaExitCodeZero) {
  auto p = schema("datasource db {\n  provider = \"postgresql\"\n}\n");
  auto r =
      run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--exit-code"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "No difference detected.\n\n");
  r = run_godwit(
      {"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--script", "--exit-code"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "-- This is an empty migration.\n\n");
}

TEST_F(DiffCli, NonEmptyDiffExitsTwoOnlyWithExitCode) {
  auto p = schema(kOneModel);
  auto r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "\n[+] Added tables\n  - A\n\n");
  // Prisma's CLI ends early with 2: its text gets one newline, not the usual blank line.
  r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--exit-code"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "\n[+] Added tables\n  - A\n");
}

TEST_F(DiffCli, OutputFile) {
  auto p = schema(kOneModel);
  fs::path out = tmp_.path() / "out.sql";
  auto r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--script",
                       "--output", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "\n");  // Prisma's CLI still prints its blank line
  r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--script",
                  "--output", out.string(), "--exit-code"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read_file(out),
            "-- CreateTable\nCREATE TABLE \"A\" (\n    \"id\" INTEGER NOT NULL PRIMARY KEY "
            "AUTOINCREMENT\n);\n");
  r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "-o",
                  (tmp_.path() / "no" / "such" / "dir" / "x.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW1104"), std::string::npos) << r.err;
}

// An implicit many-to-many table "_" + 20 x "Ä" + "To" + 20 x "Ö": Prisma cuts its foreign-key
// names at 56 bytes, which here falls inside an "Ö", and Prisma 7.10.1's engine then crashes
// (`migrate diff` exits 1 with "Error in Schema engine", the wasm engine's "RuntimeError:
// unreachable"): there is no Prisma output to follow. godwit backs off to the character
// boundary, as Prisma does for every other generated name.
TEST_F(DiffCli, ManyToManyForeignKeyNameCutInsideACharacterBacksOff) {
  std::string a, b;
  for (int i = 0; i < 20; ++i) {
    a += "\xC3\x84";  // Ä
    b += "\xC3\x96";  // Ö
  }
  auto p = schema("datasource db {\n  provider = \"postgresql\"\n}\n\nmodel " + a +
                  " {\n  id Int @id\n  bs " + b + "[]\n}\n\nmodel " + b +
                  " {\n  id Int @id\n  as " + a + "[]\n}\n");
  auto r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--script"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // 1 + 40 + 2 = 43 bytes, then six whole "Ö" (55 bytes) instead of a cut at 56.
  std::string prefix = "_" + a + "To" + b.substr(0, 12);
  EXPECT_NE(r.out.find("ADD CONSTRAINT \"" + prefix + "_A_fkey\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ADD CONSTRAINT \"" + prefix + "_B_fkey\""), std::string::npos) << r.out;
}

TEST_F(DiffCli, ExactlyOneFromAndOneTo) {
  auto p = schema(kOneModel);
  auto r = run_godwit({"migrate", "diff", "--to-schema", p.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("0 `--from-...` parameter(s) provided. 1 must be provided."),
            std::string::npos)
      << r.err;
  r = run_godwit(
      {"migrate", "diff", "--from-empty", "--from-schema", p.string(), "--to-schema", p.string()});
  EXPECT_NE(r.err.find("2 `--from-...` parameter(s) provided."), std::string::npos) << r.err;
  r = run_godwit({"migrate", "diff", "--from-empty"});
  EXPECT_NE(r.err.find("0 `--to-...` parameter(s) provided."), std::string::npos) << r.err;
  r = run_godwit({"migrate", "diff", "--from-empty", "--to-empty"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Could not determine the connector to use for diffing."), std::string::npos)
      << r.err;
}

// Migrations folders and the config's database need a project (its datasource names the
// server of the shadow database, or the database): without one, Prisma's P1012, nothing printed.
// A migrations folder that does not exist is named. (tests/live/diff_migrations_test.cpp and
// introspect_*_test.cpp run these forms on real databases.)
TEST_F(DiffCli, DatabaseFormsNeedAProject) {
  auto p = schema(kOneModel);
  const auto empty_dir = tmp_.path() / "empty";
  std::filesystem::create_directories(empty_dir);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--from-migrations", tmp_.path().string(), "--to-schema", p.string()},
           {"--from-config-datasource", "--to-schema", p.string()},
           {"--from-empty", "--to-migrations", tmp_.path().string()},
       }) {
    std::vector<std::string> argv = {"migrate", "diff"};
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = run_godwit(argv, {}, empty_dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("P1012"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  auto r = run_godwit({"migrate", "diff", "--from-migrations", (tmp_.path() / "nowhere").string(),
                       "--to-schema", p.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Could not load `--from-migrations` from provided path"), std::string::npos)
      << r.err;
}

TEST_F(DiffCli, SchemaProblems) {
  auto r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema",
                       (tmp_.path() / "missing.prisma").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Could not load `--to-schema` from provided path"), std::string::npos)
      << r.err;
  auto p =
      schema("datasource db {\n  provider = \"postgresql\"\n}\n\nmodel A {\n  id Nope @id\n}\n");
  r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--script"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("P1012"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  p = schema("datasource db {\n  provider = \"mysql\"\n}\n\nmodel A {\n  id Int @id\n}\n");
  r = run_godwit({"migrate", "diff", "--from-empty", "--to-schema", p.string(), "--script"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW1100"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace godwit::test
