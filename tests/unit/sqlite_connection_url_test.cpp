// Prisma SQLite URLs -> absolute database file paths.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "dialect/sqlite/connect/url.hpp"
#include "support/test_support.hpp"

namespace godwit::sqlite {
namespace {

namespace fs = std::filesystem;

std::string error_code_of(const std::string& url, const fs::path& base) {
  try {
    parse_url(url, base);
  } catch (const core::Error& e) {
    return e.code();
  }
  return "no error";
}

TEST(SqliteUrl, RelativePathsResolveAgainstTheBaseDir) {
  EXPECT_EQ(parse_url("file:./dev.db", "/proj/prisma").file, fs::path("/proj/prisma/dev.db"));
  EXPECT_EQ(parse_url("file:dev.db", "/proj/prisma").file, fs::path("/proj/prisma/dev.db"));
  EXPECT_EQ(parse_url("file:../data/dev.db", "/proj/prisma").file, fs::path("/proj/data/dev.db"));
  EXPECT_EQ(parse_url("file:/abs/path.db", "/proj/prisma").file, fs::path("/abs/path.db"));
  // quaint also accepts a `sqlite:` prefix.
  EXPECT_EQ(parse_url("sqlite:dev.db", "/proj").file, fs::path("/proj/dev.db"));
}

TEST(SqliteUrl, RelativeBaseDirIsMadeAbsolute) {
  auto target = parse_url("file:./dev.db", "prisma");
  EXPECT_TRUE(target.file.is_absolute());
  EXPECT_EQ(target.file, (fs::current_path() / "prisma" / "dev.db").lexically_normal());
}

TEST(SqliteUrl, KeepsTheUrlAndReadsTheBusyTimeout) {
  auto target = parse_url("file:./dev.db?socket_timeout=10&connection_limit=1", "/p");
  EXPECT_EQ(target.url, "file:./dev.db?socket_timeout=10&connection_limit=1");
  EXPECT_EQ(target.file, fs::path("/p/dev.db"));
  EXPECT_EQ(target.busy_timeout, std::chrono::seconds(10));
  EXPECT_EQ(parse_url("file:dev.db", "/p").busy_timeout, std::chrono::milliseconds(5000));
  // Unknown parameters are ignored, as Prisma does.
  EXPECT_EQ(parse_url("file:dev.db?mode=ro&cache=shared", "/p").file, fs::path("/p/dev.db"));
}

TEST(SqliteUrl, InMemoryStaysInMemory) {
  EXPECT_EQ(parse_url("file::memory:", "/p").file, fs::path(":memory:"));
}

TEST(SqliteUrl, InvalidUrlsAreP1013) {
  test::TempDir dir;
  EXPECT_EQ(error_code_of("postgresql://u@h/d", dir.path()), "P1013");
  EXPECT_EQ(error_code_of("./dev.db", dir.path()), "P1013");
  EXPECT_EQ(error_code_of("file:", dir.path()), "P1013");
  EXPECT_EQ(error_code_of("file:dev.db?connection_limit=many", dir.path()), "P1013");
  EXPECT_EQ(error_code_of("file:dev.db?socket_timeout=-1", dir.path()), "P1013");
  // A folder is not a database file (quaint refuses it too).
  EXPECT_EQ(error_code_of("file:./", dir.path()), "P1013");
  EXPECT_EQ(error_code_of("file:" + dir.path().string(), "/"), "P1013");
}

}  // namespace
}  // namespace godwit::sqlite
