// The rename golden cases (tests/golden/diff/renames/<case>/, README.md there): godwit's
// `migrate diff --rename` (Prisma has no rename: these outputs are godwit's own).
//   <provider>.sql         godwit migrate diff --from-schema from --to-schema to --script
//                          --rename <each line of `renames`>; written by GODWIT_UPDATE_EXPECT=1
//                          and reviewed by hand
//   <provider>.prisma.sql  the REAL Prisma 7.10.1 without the rename (make_expected.sh there):
//                          godwit without --rename must print exactly this
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "golden/render_compare.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

fs::path rename_cases_dir() {
  return source_dir() / "tests" / "golden" / "diff" / "renames";
}

class RenameCase : public ::testing::TestWithParam<GoldenCase> {
 protected:
  CommandResult diff(bool with_renames) {
    const GoldenCase& c = GetParam();
    const fs::path dir = rename_cases_dir() / c.name;
    fs::path from = tmp_.path() / "from.prisma";
    fs::path to = tmp_.path() / "to.prisma";
    write_file(from, with_provider(read_file(dir / "from.prisma"), c.provider));
    write_file(to, with_provider(read_file(dir / "to.prisma"), c.provider));
    std::vector<std::string> args = {"migrate",     "diff",      "--from-schema", from.string(),
                                     "--to-schema", to.string(), "--script"};
    if (with_renames) {
      std::istringstream lines(read_file(dir / "renames"));
      for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        args.push_back("--rename");
        args.push_back(line);
      }
    }
    return run_godwit(args);
  }
  fs::path expected(const std::string& suffix) const {
    return rename_cases_dir() / GetParam().name / (GetParam().provider + suffix);
  }
  TempDir tmp_;
};

TEST_P(RenameCase, WithTheFlagRendersTheRenames) {
  auto r = diff(true);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(check_golden(expected(".sql"), r.out), "");
}

TEST_P(RenameCase, WithoutTheFlagEqualsPrisma) {
  ASSERT_TRUE(fs::exists(expected(".prisma.sql")))
      << "run tests/golden/diff/renames/make_expected.sh";
  auto r = diff(false);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(first_difference(read_file(expected(".prisma.sql")), r.out), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, RenameCase,
                         ::testing::ValuesIn(golden_cases(rename_cases_dir(), "from.prisma")),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return golden_case_name(info.param);
                         });

// Each kind of rename drops nothing: no DROP of a table, column or type in the scripts.
TEST(RenameCases, NoScriptDropsTheRenamedObject) {
  for (const auto& c : golden_cases(rename_cases_dir(), "from.prisma")) {
    const fs::path sql = rename_cases_dir() / c.name / (c.provider + ".sql");
    if (!fs::exists(sql)) continue;  // WithTheFlagRendersTheRenames reports it
    const std::string text = read_file(sql);
    EXPECT_EQ(text.find("DROP TABLE \"User\""), std::string::npos) << sql;
    EXPECT_EQ(text.find("DROP TYPE"), std::string::npos) << sql;
    EXPECT_EQ(text.find("DROP COLUMN \"name\""), std::string::npos) << sql;
    EXPECT_NE(text.find("RENAME"), std::string::npos) << sql;
  }
}

// A flag that matches nothing is an error naming what the migration drops and creates.
TEST(RenameCli, AFlagMatchingNothingNamesWhatExists) {
  const fs::path dir = rename_cases_dir() / "field_renamed";
  auto r =
      run_godwit({"migrate", "diff", "--from-schema", (dir / "from.prisma").string(), "--to-schema",
                  (dir / "to.prisma").string(), "--script", "--rename", "User.nme=fullName"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW1240"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("It drops: `name`; it adds: `fullName`."), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");

  auto model =
      run_godwit({"migrate", "diff", "--from-schema", (dir / "from.prisma").string(), "--to-schema",
                  (dir / "to.prisma").string(), "--script", "--rename", "Usr.name=fullName"});
  EXPECT_EQ(model.exit_code, 1);
  EXPECT_NE(model.err.find("the schema has no model or enum `Usr`. Models: `User`; enums: none."),
            std::string::npos)
      << model.err;

  auto malformed =
      run_godwit({"migrate", "diff", "--from-schema", (dir / "from.prisma").string(), "--to-schema",
                  (dir / "to.prisma").string(), "--script", "--rename", "User.name"});
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_NE(malformed.err.find("GW1241"), std::string::npos) << malformed.err;

  auto twice = run_godwit({"migrate", "diff", "--from-schema", (dir / "from.prisma").string(),
                           "--to-schema", (dir / "to.prisma").string(), "--script", "--rename",
                           "User.name=fullName", "--rename", "User.name=fullName"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("GW1242"), std::string::npos) << twice.err;
}

// SQLite stores enums as text: an enum value rename has no database object and is refused.
TEST(RenameCli, AnEnumValueRenameOnSqliteIsRefused) {
  TempDir tmp;
  const fs::path dir = rename_cases_dir() / "enum_value_renamed";
  write_file(tmp.path() / "from.prisma", with_provider(read_file(dir / "from.prisma"), "sqlite"));
  write_file(tmp.path() / "to.prisma", with_provider(read_file(dir / "to.prisma"), "sqlite"));
  auto r = run_godwit({"migrate", "diff", "--from-schema", (tmp.path() / "from.prisma").string(),
                       "--to-schema", (tmp.path() / "to.prisma").string(), "--script", "--rename",
                       "Role.USER=MEMBER"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("GW1243"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace godwit::test
