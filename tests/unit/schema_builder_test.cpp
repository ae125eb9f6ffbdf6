// psl -> catalog lowering: the catalog content itself (what the renderers and, later, the
// differ see), beyond the rendered SQL that the golden cases compare with Prisma.
#include <gtest/gtest.h>

#include "dialect/registry.hpp"
#include "psl/catalog_builder.hpp"
#include "psl/validate.hpp"
#include "schema/dump.hpp"
#include "schema/lookup.hpp"
#include "support/test_support.hpp"

namespace godwit::psl {
namespace {

schema::Catalog build(std::string_view text) {
  test::TempDir dir;
  test::write_file(dir.path() / "schema.prisma", text);
  auto result = validate_or_throw(load_schema_source(dir.path() / "schema.prisma"));
  return build_catalog(result.schema, *dialect::find_parts(result.schema.provider())->psl);
}

constexpr std::string_view kBlog = R"(datasource db {
  provider = "PROVIDER"
}

enum Role {
  USER
  ADMIN @map("admin")
}

model User {
  id    Int    @id @default(autoincrement())
  key   String @default(uuid())
  role  Role   @default(ADMIN)
  posts Post[]
  tags  Tag[]
}

model Post {
  id       Int  @id
  authorId Int?
  author   User? @relation(fields: [authorId], references: [id])
}

model Tag {
  name  String @id
  users User[]
}
)";

std::string with(std::string_view provider) {
  std::string s{kBlog};
  s.replace(s.find("PROVIDER"), 8, provider);
  return s;
}

TEST(SchemaBuilder, PostgresCatalog) {
  auto c = build(with("postgresql"));
  EXPECT_EQ(schema::dump(c),
            "catalog default_namespace=public\n"
            "namespace public\n"
            "enum public.Role [USER, admin]\n"
            "table public.User\n"
            "  column id Int @Integer required identity=serial\n"
            "  column key String @Text required default=prisma-level\n"
            "  column role Enum(public.Role) required default=value('admin')\n"
            "  primary User_pkey (id)\n"
            "table public.Post\n"
            "  column id Int @Integer required\n"
            "  column authorId Int @Integer nullable\n"
            "  primary Post_pkey (id)\n"
            "  foreign key Post_authorId_fkey (authorId) -> public.User(id) on delete SetNull "
            "on update Cascade\n"
            "table public.Tag\n"
            "  column name String @Text required\n"
            "  primary Tag_pkey (name)\n"
            "table public._TagToUser\n"
            "  column A String @Text required\n"
            "  column B Int @Integer required\n"
            "  primary _TagToUser_AB_pkey (A, B)\n"
            "  index _TagToUser_B_index (B)\n"
            "  foreign key _TagToUser_A_fkey (A) -> public.Tag(name) on delete Cascade on "
            "update Cascade\n"
            "  foreign key _TagToUser_B_fkey (B) -> public.User(id) on delete Cascade on update "
            "Cascade\n");
}

TEST(SchemaBuilder, SqliteCatalog) {
  auto c = build(with("sqlite"));
  EXPECT_TRUE(c.enums.empty());
  ASSERT_EQ(c.namespaces.size(), 1u);
  EXPECT_EQ(c.namespaces[0].name, "main");
  const auto& role = c.get(*c.find_column(schema::TableId{0}, "role"));
  EXPECT_EQ(role.type.family, schema::TypeFamily::String);
  EXPECT_TRUE(role.type.native.empty());
  // An Int id is a rowid alias on SQLite, with or without @default(autoincrement()).
  EXPECT_EQ(c.get(*c.find_column(schema::TableId{0}, "id")).identity, schema::Identity::Serial);
  EXPECT_EQ(c.get(*c.find_column(schema::TableId{1}, "id")).identity, schema::Identity::Serial);
  EXPECT_FALSE(c.get(*c.find_column(schema::TableId{0}, "id")).default_value.has_value());
  auto join = schema::CatalogLookup(c).find_table(schema::NamespaceId{0}, "_TagToUser");
  ASSERT_TRUE(join);
  EXPECT_EQ(c.get(c.get(*join).indexes[0]).name, "_TagToUser_AB_unique");
  EXPECT_EQ(c.get(c.get(*join).indexes[0]).kind, schema::IndexKind::UniqueIndex);
}

// An extension's `schema:` is a namespace of the catalog like any other; one that holds no
// table or enum is listed after the others and is not created.
TEST(SchemaBuilder, ExtensionSchemasAreNamespaces) {
  auto c = build(R"(generator client {
  provider        = "prisma-client"
  previewFeatures = ["postgresqlExtensions"]
}

datasource db {
  provider   = "postgresql"
  extensions = [pg_trgm(schema: "ext"), citext(schema: "public")]
}

model A {
  id Int @id
}
)");
  EXPECT_EQ(schema::dump(c),
            "catalog default_namespace=public\n"
            "namespace public\n"
            "namespace ext\n"
            "extension citext namespace=public\n"
            "extension pg_trgm namespace=ext\n"
            "table public.A\n"
            "  column id Int @Integer required\n"
            "  primary A_pkey (id)\n");
  EXPECT_EQ(c.namespaces_holding_objects(), (std::vector<bool>{true, false}));
}

// The builder takes a flavour, not a provider: the same schema lowers for either dialect.
TEST(SchemaBuilder, TheFlavourDecidesNotTheProvider) {
  test::TempDir dir;
  test::write_file(dir.path() / "schema.prisma", with("postgresql"));
  auto result = validate_or_throw(load_schema_source(dir.path() / "schema.prisma"));
  auto c = build_catalog(result.schema, sqlite_catalog_flavour());
  EXPECT_EQ(c.default_namespace, "main");
  EXPECT_TRUE(c.enums.empty());
}

}  // namespace
}  // namespace godwit::psl
