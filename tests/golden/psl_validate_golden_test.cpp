// Validation goldens (tests/golden/psl/{invalid,valid}/<case>/schema.prisma):
// - every invalid case fails with the P1012 text in expected.txt (GODWIT_UPDATE_EXPECT=1
//   rewrites it);
// - every valid case validates, with its warnings (if any) in expected.txt;
// - godwit rejects exactly the cases the real Prisma CLI rejected, and its first error says what
//   Prisma's first error says (oracle_verdicts.tsv, written by make_oracle_verdicts.sh).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "psl/validate.hpp"
#include "support/test_support.hpp"

namespace godwit::psl {
namespace {
namespace fs = std::filesystem;

fs::path golden_dir() {
  return test::source_dir() / "tests" / "golden" / "psl";
}

std::vector<fs::path> cases(const std::string& kind) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(golden_dir() / kind))
    if (fs::exists(e.path() / "schema.prisma")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

SchemaSource source_of(const fs::path& dir) {
  SchemaSource s;
  s.root = "schema.prisma";
  s.files.push_back({"schema.prisma", test::read_file(dir / "schema.prisma")});
  return s;
}

std::string warnings_text(const Diagnostics& d) {
  std::string out;
  for (const auto& w : d.warnings())
    out += "warning: " + w.message + "\n";
  return out;
}

TEST(PslValidateGolden, InvalidSchemasFailWithTheExpectedErrors) {
  auto all = cases("invalid");
  ASSERT_GE(all.size(), 40u);
  for (const auto& dir : all) {
    SCOPED_TRACE(dir.filename().string());
    auto src = source_of(dir);
    auto r = validate_schema(src);
    EXPECT_TRUE(r.diagnostics.has_errors());
    std::string actual = to_p1012(src, r.diagnostics).render() + warnings_text(r.diagnostics);
    auto diff = test::check_golden(dir / "expected.txt", actual);
    EXPECT_EQ(diff, "");
  }
}

TEST(PslValidateGolden, ValidSchemasPass) {
  for (const auto& dir : cases("valid")) {
    SCOPED_TRACE(dir.filename().string());
    auto src = source_of(dir);
    auto r = validate_schema(src);
    EXPECT_FALSE(r.diagnostics.has_errors()) << render_errors(src, r.diagnostics);
    auto diff = test::check_golden(dir / "expected.txt", "valid\n" + warnings_text(r.diagnostics));
    EXPECT_EQ(diff, "");
  }
}

// The text of the first "error: " line of a P1012 report ("-" when there is none), as
// make_oracle_verdicts.sh extracts it from Prisma's output (tabs become spaces).
std::string first_error(const std::string& report) {
  std::istringstream in(report);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("error: ")) {
      line.erase(0, 7);
      std::replace(line.begin(), line.end(), '\t', ' ');
      return line;
    }
  }
  return "-";
}

TEST(PslValidateGolden, RejectsExactlyWhatPrismaRejectsWithItsFirstError) {
  std::ifstream in(golden_dir() / "oracle_verdicts.tsv");
  ASSERT_TRUE(in) << "run tests/golden/psl/make_oracle_verdicts.sh";
  std::string line;
  std::getline(in, line);  // header
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string name, code, oracle_first_error;
    std::getline(row, name, '\t');
    std::getline(row, code, '\t');
    std::getline(row, oracle_first_error);
    SCOPED_TRACE(name);
    auto dir = golden_dir() / name;
    ASSERT_TRUE(fs::exists(dir / "schema.prisma"));
    auto src = source_of(dir);
    auto r = validate_schema(src);
    EXPECT_EQ(r.diagnostics.has_errors(), code != "0");
    auto godwit_first_error =
        r.diagnostics.has_errors() ? first_error(to_p1012(src, r.diagnostics).render()) : "-";
    EXPECT_EQ(godwit_first_error, oracle_first_error);
    ++checked;
  }
  EXPECT_EQ(checked, cases("invalid").size() + cases("valid").size())
      << "oracle_verdicts.tsv is stale: rerun make_oracle_verdicts.sh";
}

}  // namespace
}  // namespace godwit::psl
