#include <gtest/gtest.h>

#include "core/sha256.hpp"
#include "core/text.hpp"
#include "core/uuid.hpp"

namespace godwit::core {

TEST(Sha256, MatchesPrismaChecksumExample) {
  // prisma-compat.md §2: "hello" from the engine's own test.
  EXPECT_EQ(sha256_hex("hello"), "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
}

TEST(Sha256, LegacyFormDropsZeroPadding) {
  auto padded = sha256_hex("hello");
  auto legacy = sha256_hex_legacy("hello");
  EXPECT_LE(legacy.size(), padded.size());
  // 2c f2 4d ba 5f b0 a3 0e -> "2cf24dba5fb0a3e": the 0e byte loses its zero.
  EXPECT_EQ(legacy.substr(0, 15), "2cf24dba5fb0a3e");
}

TEST(Uuid, IsVersion4Text) {
  auto id = uuid_v4();
  ASSERT_EQ(id.size(), 36u);
  EXPECT_EQ(id[14], '4');
  EXPECT_NE(uuid_v4(), id);
}

TEST(Text, RedactsPasswords) {
  EXPECT_EQ(redact_url("postgresql://bob:s3cret@db:5432/app?schema=x"),
            "postgresql://bob:****@db:5432/app?schema=x");
  EXPECT_EQ(redact_url("postgresql://db/app?password=s3cret&sslmode=require"),
            "postgresql://db/app?password=****&sslmode=require");
  EXPECT_EQ(redact_url("file:./dev.db"), "file:./dev.db");
}

TEST(Text, LineOfOffset) {
  EXPECT_EQ(line_of_offset("a\nb\nc", 0), 1);
  EXPECT_EQ(line_of_offset("a\nb\nc", 2), 2);
  EXPECT_EQ(line_of_offset("a\nb\nc", 4), 3);
}

}  // namespace godwit::core
