// The diff golden cases: tests/golden/diff/<case>/{from,to}.prisma, diffed by the real godwit
// binary for each provider the case lists, must equal what the real Prisma CLI printed:
//   <provider>.sql          migrate diff --from-schema from --to-schema to --script --exit-code
//   <provider>.exit_code    that run's exit code (0: no difference, 2: differences)
//   <provider>.summary.txt  the same without --script and --exit-code
// The expected files are written only by tests/golden/diff/make_expected.sh (the Prisma
// oracle); GODWIT_UPDATE_EXPECT does not touch them.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "golden/render_compare.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

fs::path diff_cases_dir() {
  return source_dir() / "tests" / "golden" / "diff";
}

std::vector<GoldenCase> all_diff_cases() {
  return golden_cases(diff_cases_dir(), "from.prisma");
}

class DiffCase : public ::testing::TestWithParam<GoldenCase> {
 protected:
  // Writes the case's two schemas with the provider set; returns their paths.
  std::pair<std::string, std::string> schemas() {
    const GoldenCase& c = GetParam();
    fs::path from = tmp_.path() / "from.prisma";
    fs::path to = tmp_.path() / "to.prisma";
    write_file(from,
               with_provider(read_file(diff_cases_dir() / c.name / "from.prisma"), c.provider));
    write_file(to, with_provider(read_file(diff_cases_dir() / c.name / "to.prisma"), c.provider));
    return {from.string(), to.string()};
  }
  CommandResult diff(const std::vector<std::string>& extra) {
    auto [from, to] = schemas();
    std::vector<std::string> args = {"migrate", "diff", "--from-schema", from, "--to-schema", to};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_godwit(args);
  }
  fs::path expected(const std::string& suffix) const {
    return diff_cases_dir() / GetParam().name / (GetParam().provider + suffix);
  }
  TempDir tmp_;
};

TEST_P(DiffCase, ScriptAndExitCodeEqualPrisma) {
  ASSERT_TRUE(fs::exists(expected(".sql"))) << "run tests/golden/diff/make_expected.sh";
  auto r = diff({"--script", "--exit-code"});
  EXPECT_EQ(r.exit_code, std::stoi(read_file(expected(".exit_code")))) << r.err;
  EXPECT_EQ(first_difference(read_file(expected(".sql")), r.out), "") << r.err;
}

TEST_P(DiffCase, SummaryEqualsPrisma) {
  ASSERT_TRUE(fs::exists(expected(".summary.txt"))) << "run tests/golden/diff/make_expected.sh";
  auto r = diff({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(first_difference(read_file(expected(".summary.txt")), r.out), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, DiffCase, ::testing::ValuesIn(all_diff_cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return golden_case_name(info.param);
                         });

TEST(DiffCases, EveryCaseHasItsExpectedFiles) {
  auto cases = all_diff_cases();
  EXPECT_GE(cases.size(), 60u);
  for (const auto& c : cases) {
    fs::path dir = diff_cases_dir() / c.name;
    for (const char* suffix : {".sql", ".exit_code", ".summary.txt"})
      EXPECT_TRUE(fs::exists(dir / (c.provider + suffix))) << c.name << " " << c.provider;
  }
}

// Prisma 6's --from-schema-datamodel / --to-schema-datamodel (removed in Prisma 7, still in
// teams' scripts) are the same as --from-schema / --to-schema in godwit.
TEST(DiffCli, Prisma6DatamodelFlagsAreTheSchemaFlags) {
  TempDir tmp;
  fs::path dir = diff_cases_dir() / "add_table";
  auto r = run_godwit({"migrate", "diff", "--from-schema-datamodel", (dir / "from.prisma").string(),
                       "--to-schema-datamodel", (dir / "to.prisma").string(), "--script",
                       "--exit-code"});
  ASSERT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(first_difference(read_file(dir / "postgresql.sql"), r.out), "");
  auto both = run_godwit({"migrate", "diff", "--from-schema", (dir / "from.prisma").string(),
                          "--from-schema-datamodel", (dir / "from.prisma").string(), "--to-empty"});
  EXPECT_EQ(both.exit_code, 1);
  EXPECT_NE(both.err.find("2 `--from-...` parameter(s) provided. 1 must be provided."),
            std::string::npos)
      << both.err;
}

// -o writes the script with one trailing newline, and the exit code still says whether there
// were changes (stdout then stays empty, as Prisma's CLI leaves it when it exits with 2).
TEST(DiffCli, OutputFileAndExitCode) {
  TempDir tmp;
  fs::path dir = diff_cases_dir() / "drop_table";
  fs::path out = tmp.path() / "out.sql";
  auto r =
      run_godwit({"migrate", "diff", "--from-schema", (dir / "from.prisma").string(), "--to-schema",
                  (dir / "to.prisma").string(), "--script", "--exit-code", "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  // The expected script was printed with --exit-code: one trailing newline, as in the file.
  EXPECT_EQ(read_file(out), read_file(dir / "postgresql.sql"));
}

// A schema against an empty one: everything is removed (Prisma: `--from-schema X --to-empty`
// prints the removed tables).
TEST(DiffCli, SchemaToEmptyRemovesEverything) {
  fs::path dir = diff_cases_dir() / "schema_removed_all";
  auto empty_side = run_godwit(
      {"migrate", "diff", "--from-schema", (dir / "from.prisma").string(), "--to-empty"});
  auto schema_side = run_godwit({"migrate", "diff", "--from-schema", (dir / "from.prisma").string(),
                                 "--to-schema", (dir / "to.prisma").string()});
  ASSERT_EQ(empty_side.exit_code, 0) << empty_side.err;
  ASSERT_EQ(schema_side.exit_code, 0) << schema_side.err;
  EXPECT_EQ(empty_side.out, schema_side.out);
  EXPECT_NE(empty_side.out.find("[-] Removed tables\n  - Owner\n  - Pet\n"), std::string::npos)
      << empty_side.out;
}

// Schemas for two providers cannot be diffed (Prisma 7.10.1's engine fails with "Error in Schema
// engine"); godwit says why.
TEST(DiffCli, SchemasOfTwoProvidersAreRefused) {
  TempDir tmp;
  std::string schema = read_file(diff_cases_dir() / "add_table" / "from.prisma");
  fs::path pg = tmp.path() / "pg.prisma";
  fs::path lite = tmp.path() / "lite.prisma";
  write_file(pg, with_provider(schema, "postgresql"));
  write_file(lite, with_provider(schema, "sqlite"));
  auto r = run_godwit(
      {"migrate", "diff", "--from-schema", pg.string(), "--to-schema", lite.string(), "--script"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW1106"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("`postgresql` and `sqlite`"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(DiffCli, MissingFromSchemaIsNamed) {
  auto r =
      run_godwit({"migrate", "diff", "--from-schema", "/nonexistent/schema.prisma", "--to-empty"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Could not load `--from-schema` from provided path "
                       "`/nonexistent/schema.prisma`: file or directory not found"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace godwit::test
