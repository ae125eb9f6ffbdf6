// Prisma's default constraint names and their byte-limit truncation (prisma-compat.md §7.4).
#include <gtest/gtest.h>

#include "schema/naming.hpp"

namespace godwit::schema {
namespace {

TEST(SchemaNaming, ShortNames) {
  EXPECT_EQ(primary_key_name("User", 63), "User_pkey");
  EXPECT_EQ(unique_index_name("User", {"email"}, 63), "User_email_key");
  EXPECT_EQ(index_name("posts", {"published", "created_at"}, 63), "posts_published_created_at_idx");
  EXPECT_EQ(foreign_key_name("Post", {"a", "b"}, 63), "Post_a_b_fkey");
}

TEST(SchemaNaming, PostgresNamesStayWithin63Bytes) {
  std::string table(70, 't');
  EXPECT_EQ(primary_key_name(table, 63), std::string(58, 't') + "_pkey");
  EXPECT_EQ(unique_index_name(table, {"c"}, 63), std::string(59, 't') + "_key");
  EXPECT_EQ(index_name(table, {"c"}, 63), std::string(59, 't') + "_idx");
  EXPECT_EQ(foreign_key_name(table, {"c"}, 63), std::string(58, 't') + "_fkey");
  EXPECT_EQ(primary_key_name(table, 63).size(), 63u);
  // exactly at the limit: kept whole
  EXPECT_EQ(primary_key_name(std::string(58, 'x'), 63), std::string(58, 'x') + "_pkey");
}

TEST(SchemaNaming, TruncationNeverSplitsACharacter) {
  std::string table = "tabl\xC3\xA9";  // "tablé"
  std::string cols(60, 'a');
  cols = "\xC3\xA9" + cols;  // starts with "é"
  // "tablé_é" is 9 bytes; cutting at 59 bytes lands inside no character here, but a name of
  // two-byte characters must be cut at an even offset.
  std::string wide;
  for (int i = 0; i < 40; ++i)
    wide += "\xC3\xA9";
  std::string name = index_name("t", {wide}, 63);
  EXPECT_LE(name.size(), 63u);
  EXPECT_EQ(name, "t_" + wide.substr(0, 56) + "_idx");  // 2 + 56 = 58 bytes < 59
  EXPECT_EQ(truncate_utf8(wide, 5), wide.substr(0, 4));
  EXPECT_EQ(truncate_chars(wide, 3), wide.substr(0, 6));
  EXPECT_EQ(truncate_chars("abc", 10), "abc");
  EXPECT_EQ(unique_index_name(table, {cols}, 63).size(), 63u);
}

TEST(SchemaNaming, SqliteLimitIsLarge) {
  std::string table(200, 't');
  EXPECT_EQ(primary_key_name(table, kSqliteIdentifierLimit), table + "_pkey");
}

}  // namespace
}  // namespace godwit::schema
