// The render golden cases: tests/golden/render/<case>/schema.prisma, rendered by the real
// godwit binary for each provider the case lists, must equal what the real Prisma CLI printed:
//   <provider>.sql          migrate diff --from-empty --to-schema ... --script
//   <provider>.summary.txt  the same without --script
// The expected files are written only by tests/golden/render/make_expected.sh (the Prisma
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

using Case = GoldenCase;

fs::path cases_dir() {
  return source_dir() / "tests" / "golden" / "render";
}

std::vector<Case> all_cases() {
  return golden_cases(cases_dir(), "schema.prisma");
}

class RenderCase : public ::testing::TestWithParam<Case> {
 protected:
  // Runs `migrate diff --from-empty --to-schema` on the case schema with the provider set.
  CommandResult diff(const std::vector<std::string>& extra) {
    const Case& c = GetParam();
    fs::path schema = tmp_.path() / "schema.prisma";
    write_file(schema,
               with_provider(read_file(cases_dir() / c.name / "schema.prisma"), c.provider));
    std::vector<std::string> args = {"migrate", "diff", "--from-empty", "--to-schema",
                                     schema.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_godwit(args);
  }
  fs::path expected(const std::string& suffix) const {
    return cases_dir() / GetParam().name / (GetParam().provider + suffix);
  }
  TempDir tmp_;
};

TEST_P(RenderCase, ScriptEqualsPrisma) {
  ASSERT_TRUE(fs::exists(expected(".sql"))) << "run tests/golden/render/make_expected.sh";
  auto r = diff({"--script"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(first_difference(read_file(expected(".sql")), r.out), "");
}

TEST_P(RenderCase, SummaryEqualsPrisma) {
  ASSERT_TRUE(fs::exists(expected(".summary.txt"))) << "run tests/golden/render/make_expected.sh";
  auto r = diff({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(first_difference(read_file(expected(".summary.txt")), r.out), "");
}

TEST_P(RenderCase, OutputFileGetsTheScriptWithOneTrailingNewline) {
  fs::path out = tmp_.path() / "out.sql";
  auto r = diff({"--script", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "\n");  // Prisma's CLI prints its blank line all the same
  // Prisma writes the script and adds a newline only when it lacks one; stdout gets one more.
  std::string stdout_text = read_file(expected(".sql"));
  ASSERT_FALSE(stdout_text.empty());
  EXPECT_EQ(read_file(out), stdout_text.substr(0, stdout_text.size() - 1));
}

INSTANTIATE_TEST_SUITE_P(Cases, RenderCase, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return golden_case_name(info.param);
                         });

TEST(RenderCases, EveryCaseHasItsExpectedFiles) {
  auto cases = all_cases();
  EXPECT_GE(cases.size(), 30u);
  for (const auto& c : cases) {
    fs::path dir = cases_dir() / c.name;
    EXPECT_TRUE(fs::exists(dir / (c.provider + ".sql"))) << c.name << " " << c.provider;
    EXPECT_TRUE(fs::exists(dir / (c.provider + ".summary.txt"))) << c.name << " " << c.provider;
  }
}

}  // namespace
}  // namespace godwit::test
