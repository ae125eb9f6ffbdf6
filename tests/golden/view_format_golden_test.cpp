// The views' SQL files of `prisma db pull`: tests/golden/view_format/<case>.sql holds a view's
// definition as PostgreSQL returns it (pg_views.definition), <case>.expected the file the real
// Prisma 7.10.1 wrote for it (see make_expected.sh; never rewritten by GODWIT_UPDATE_EXPECT).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "sql/view_format.hpp"
#include "support/test_support.hpp"

namespace godwit::sql {
namespace {
namespace fs = std::filesystem;

fs::path cases_dir() {
  return test::source_dir() / "tests" / "golden" / "view_format";
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(cases_dir()))
    if (entry.path().extension() == ".sql") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(ViewFormatGolden, MatchesPrismaDbPull) {
  std::vector<std::string> names = case_names();
  ASSERT_GE(names.size(), 40u);
  std::vector<std::string> failed;
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    std::string definition = test::read_file(cases_dir() / (name + ".sql"));
    std::string expected = test::read_file(cases_dir() / (name + ".expected"));
    std::string actual = format_view_definition(definition);
    EXPECT_EQ(actual, expected);
    if (actual != expected) failed.push_back(name);
  }
  std::string list;
  for (const std::string& name : failed)
    list += " " + name;
  EXPECT_TRUE(failed.empty()) << failed.size() << " of " << names.size() << " differ:" << list;
}

// Cut-off definitions leave strings, quoted names and parentheses open: the formatter reads
// them the crate's way and must stay within its input (this runs under the sanitizers).
TEST(ViewFormatGolden, TruncatedDefinitionsFormat) {
  for (const std::string& name : case_names()) {
    SCOPED_TRACE(name);
    std::string definition = test::read_file(cases_dir() / (name + ".sql"));
    std::size_t step = std::max<std::size_t>(1, definition.size() / 16);
    for (std::size_t length = 0; length < definition.size(); length += step) {
      std::string formatted =
          format_view_definition(std::string_view(definition).substr(0, length));
      if (!formatted.empty()) {
        EXPECT_NE(formatted.back(), ' ') << length;
      }
    }
  }
}

TEST(ViewFormat, EmptyAndBlankInput) {
  EXPECT_EQ(format_view_definition(""), "");
  EXPECT_EQ(format_view_definition(" \n\t "), "");
}

TEST(ViewFormat, UnterminatedStringIsNoString) {
  // The crate reads a lone quote as an operator, then the rest as words.
  EXPECT_EQ(format_view_definition("SELECT 'abc"), "SELECT\n  ' abc");
}

TEST(ViewFormat, LimitCommaStaysOnItsLine) {
  EXPECT_EQ(format_view_definition("SELECT a FROM t LIMIT 5, 10;"),
            "SELECT\n  a\nFROM\n  t\nLIMIT\n  5, 10;");
}

TEST(ViewFormat, KeywordAfterDotIsAName) {
  EXPECT_EQ(format_view_definition("SELECT t.status, status FROM t"),
            "SELECT\n  t.status,\n  STATUS\nFROM\n  t");
}

}  // namespace
}  // namespace godwit::sql
