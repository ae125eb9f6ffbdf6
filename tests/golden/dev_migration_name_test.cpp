// Migration folder names: godwit's slug of a --name equals the folder Prisma 7.10.1's
// `migrate dev --create-only --name <name>` made (tests/golden/dev_names/slugs.tsv, written by
// its make_expected.sh from the oracle), and the timestamp is UTC yyyymmddHHMMSS.
#include <gtest/gtest.h>

#include <sstream>

#include "dev/migration_name.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

TEST(DevMigrationName, SlugsEqualPrismas) {
  std::istringstream in(read_file(source_dir() / "tests" / "golden" / "dev_names" / "slugs.tsv"));
  int cases = 0;
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    EXPECT_EQ(dev::slugify_migration_name(line.substr(0, tab)), line.substr(tab + 1))
        << "name: " << line.substr(0, tab);
    ++cases;
  }
  EXPECT_GE(cases, 12);
}

TEST(DevMigrationName, FolderIsTheUtcTimestampThenTheSlug) {
  // 2026-12-03 13:13:47.5 UTC
  const core::TimePoint t{std::chrono::microseconds(1796303627500000LL)};
  EXPECT_EQ(dev::migration_folder_name(t, "init"), "20261203131347_init");
  EXPECT_EQ(dev::migration_folder_name(t, ""), "20261203131347");
}

TEST(DevMigrationName, LongNamesAreCutAt200Bytes) {
  EXPECT_EQ(dev::slugify_migration_name(std::string(300, 'a')), std::string(200, 'a'));
}

}  // namespace
}  // namespace godwit::test
