// The shadow cache of `migrate dev` (dev/shadow_cache.hpp): a catalog survives its JSON round
// trip exactly (every kind of object and default, PostgreSQL index details, raw bytes), a
// stored result is returned only for exactly its key, and a corrupt file is a miss with a
// warning. tests/live/migrate_dev_test.cpp checks the cache end to end (edits, server key).
#include <gtest/gtest.h>

#include "dev/shadow_cache.hpp"
#include "dialect/registry.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/validate.hpp"
#include "schema/dump.hpp"
#include "support/test_support.hpp"

namespace godwit::dev {
namespace {

schema::Catalog build(std::string_view text) {
  test::TempDir dir;
  test::write_file(dir.path() / "schema.prisma", text);
  auto result = psl::validate_or_throw(psl::load_schema_source(dir.path() / "schema.prisma"));
  return psl::build_catalog(result.schema, *dialect::find_parts(result.schema.provider())->psl);
}

constexpr std::string_view kRich = R"psl(datasource db {
  provider = "postgresql"
  schemas  = ["public", "audit"]
}

generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions"]
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique @db.VarChar(200)
  role      Role     @default(USER)
  roles     Role[]   @default([USER, ADMIN])
  score     Decimal  @default(1.50) @db.Decimal(10, 2)
  data      Json     @default("{\"a\": 1}")
  blob      Bytes?
  createdAt DateTime @default(now())
  uid       String   @default(uuid())
  expr      String   @default(dbgenerated("lower('X')"))
  posts     Post[]

  @@index([data(ops: JsonbPathOps)], type: Gin)
  @@schema("public")
}

model Post {
  id       BigInt @id @default(autoincrement())
  authorId Int
  title    String
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@unique([authorId, title(sort: Desc)])
  @@schema("audit")
}

enum Role {
  USER
  ADMIN

  @@schema("public")
}
)psl";

TEST(ShadowCache, ACatalogSurvivesItsJsonRoundTrip) {
  schema::Catalog c = build(kRich);
  // What a Prisma schema cannot say but an introspected database holds.
  c.add_view({c.tables[0].namespace_id, "v", "SELECT 1"});
  c.add_sequence({c.tables[0].namespace_id, "s", 5, 2, 1, 100, 1, true, c.tables[0].columns[0]});
  c.add_check({schema::TableId{0}, "positive", "(id > 0)"});
  schema::Column bytes;
  bytes.table = schema::TableId{0};
  bytes.name = "raw";
  bytes.type.family = schema::TypeFamily::Binary;
  bytes.default_value =
      schema::DefaultValue::constant(schema::Value::bytes(std::string("\x00\xff\x80z", 4)));
  c.add_column(bytes);
  const schema::Catalog back = catalog_from_json(catalog_to_json(c));
  EXPECT_EQ(schema::dump(back), schema::dump(c));
  EXPECT_TRUE(back == c);
}

TEST(ShadowCache, AStoredResultIsReturnedOnlyForItsExactKey) {
  test::TempDir dir;
  const auto file = dir.path() / "cache.json";
  ShadowKey key{"postgresql", "PostgreSQL 15.4", "0.1.0 123 4.5",         "{}",
                "",           {{"a", "1"}},      {{"a", "1"}, {"b", "2"}}};
  ShadowResult result{build(kRich), build(kRich), {{"index \"x\"", "left out"}}};
  ASSERT_EQ(store_shadow_cache(file, key, result), "");
  std::string warning;
  auto hit = load_shadow_cache(file, key, &warning);
  ASSERT_TRUE(hit.has_value());
  EXPECT_TRUE(*hit == result);
  EXPECT_EQ(warning, "");
  for (auto changed : {&ShadowKey::provider, &ShadowKey::server_version, &ShadowKey::godwit,
                       &ShadowKey::options, &ShadowKey::shadow_url}) {
    ShadowKey other = key;
    other.*changed += "x";
    EXPECT_FALSE(load_shadow_cache(file, other, &warning).has_value());
  }
  ShadowKey edited = key;
  edited.all[1].second = "3";
  EXPECT_FALSE(load_shadow_cache(file, edited, &warning).has_value());
  ShadowKey reordered = key;
  std::swap(reordered.all[0], reordered.all[1]);
  EXPECT_FALSE(load_shadow_cache(file, reordered, &warning).has_value());
  EXPECT_EQ(warning, "");
}

TEST(ShadowCache, ACorruptFileIsAMissWithAWarning) {
  test::TempDir dir;
  const auto file = dir.path() / "cache.json";
  ShadowKey key{"sqlite", "SQLite 3.40.1", "v", "{}", "", {}, {}};
  ASSERT_EQ(store_shadow_cache(file, key, {build(kRich), build(kRich), {}}), "");
  std::string text = test::read_file(file);
  test::write_file(file, text.substr(0, text.size() / 2));
  std::string warning;
  EXPECT_FALSE(load_shadow_cache(file, key, &warning).has_value());
  EXPECT_NE(warning.find("could not be read"), std::string::npos) << warning;
  // Ids outside their vectors are refused, not followed.
  ASSERT_EQ(store_shadow_cache(file, key, {build(kRich), build(kRich), {}}), "");
  text = test::read_file(file);
  const auto at = text.find("\"columns\":[");
  ASSERT_NE(at, std::string::npos);
  text.insert(at + std::string("\"columns\":[").size(), "999999,");
  test::write_file(file, text);
  warning.clear();
  EXPECT_FALSE(load_shadow_cache(file, key, &warning).has_value());
  EXPECT_NE(warning, "");
}

TEST(ShadowCache, TheFileIsPerMigrationsFolderUnderTheCacheDirectory) {
  auto env = [](const char* cache, const char* xdg) {
    return [cache, xdg](const std::string& name) -> std::optional<std::string> {
      if (name == "GODWIT_CACHE_DIR" && cache) return std::string(cache);
      if (name == "XDG_CACHE_HOME" && xdg) return std::string(xdg);
      if (name == "HOME") return std::string("/home/u");
      return std::nullopt;
    };
  };
  auto a = shadow_cache_file("/p/a/migrations", env(nullptr, nullptr));
  auto b = shadow_cache_file("/p/b/migrations", env(nullptr, nullptr));
  EXPECT_EQ(a.parent_path(), "/home/u/.cache/godwit");
  EXPECT_NE(a, b);
  EXPECT_EQ(shadow_cache_file("/p/a/migrations", env(nullptr, "/x")).parent_path(), "/x/godwit");
  EXPECT_EQ(shadow_cache_file("/p/a/migrations", env("/c", "/x")).parent_path(), "/c");
}

}  // namespace
}  // namespace godwit::dev
