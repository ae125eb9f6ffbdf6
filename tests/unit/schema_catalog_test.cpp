// The catalog: flat vectors with typed ids, per-table id lists kept by add_*, lookups,
// equality and a deterministic dump.
#include <gtest/gtest.h>

#include "schema/catalog.hpp"
#include "schema/dump.hpp"
#include "schema/lookup.hpp"

namespace godwit::schema {
namespace {

Column column(TableId t, std::string name, TypeFamily f, Arity a = Arity::Required) {
  Column c;
  c.table = t;
  c.name = std::move(name);
  c.type.family = f;
  c.arity = a;
  return c;
}

Catalog users_and_posts() {
  Catalog c;
  c.default_namespace = "public";
  auto pub = c.add_namespace("public");
  auto users = c.add_table(pub, "users");
  auto posts = c.add_table(pub, "posts");
  auto uid = c.add_column(column(users, "id", TypeFamily::Int));
  auto email = c.add_column(column(users, "email", TypeFamily::String));
  auto pid = c.add_column(column(posts, "id", TypeFamily::Int));
  auto author = c.add_column(column(posts, "author_id", TypeFamily::Int, Arity::Nullable));
  c.add_index({users, "users_email_key", IndexKind::UniqueIndex, {{email}}});
  c.add_index({users, "users_pkey", IndexKind::PrimaryKey, {{uid}}});
  c.add_index({posts, "posts_pkey", IndexKind::PrimaryKey, {{pid}}});
  c.add_foreign_key({posts,
                     "posts_author_id_fkey",
                     {author},
                     users,
                     {uid},
                     ReferentialAction::SetNull,
                     ReferentialAction::Cascade});
  return c;
}

TEST(SchemaCatalog, TablesListTheirObjectsWithThePrimaryKeyFirst) {
  Catalog c = users_and_posts();
  const Table& users = c.get(TableId{0});
  ASSERT_EQ(users.columns.size(), 2u);
  EXPECT_EQ(c.get(users.columns[1]).name, "email");
  ASSERT_EQ(users.indexes.size(), 2u);
  EXPECT_EQ(c.get(users.indexes[0]).name, "users_pkey");  // added second, listed first
  EXPECT_EQ(c.get(users.indexes[1]).name, "users_email_key");
  EXPECT_TRUE(users.foreign_keys.empty());
  const Table& posts = c.get(TableId{1});
  ASSERT_EQ(posts.foreign_keys.size(), 1u);
  EXPECT_EQ(c.get(posts.foreign_keys[0]).referenced_table, TableId{0});
}

TEST(SchemaCatalog, Lookups) {
  Catalog c = users_and_posts();
  EXPECT_EQ(c.find_column(TableId{1}, "author_id"), ColumnId{3});
  EXPECT_EQ(c.find_column(TableId{0}, "author_id"), std::nullopt);
  EXPECT_EQ(c.primary_key(TableId{0}), IndexId{1});
  EXPECT_TRUE(c.is_default_namespace(NamespaceId{0}));
  EXPECT_FALSE(c.empty());
  EXPECT_TRUE(Catalog{}.empty());
}

TEST(SchemaCatalog, TableWithoutPrimaryKey) {
  Catalog c;
  auto t = c.add_table(c.add_namespace("main"), "log");
  c.add_index(
      {t, "log_idx", IndexKind::Normal, {{c.add_column(column(t, "at", TypeFamily::DateTime))}}});
  EXPECT_EQ(c.primary_key(t), std::nullopt);
}

TEST(SchemaCatalog, NamespacesOtherThanTheDefaultAreQualified) {
  Catalog c;
  c.default_namespace = "public";
  auto pub = c.add_namespace("public");
  auto billing = c.add_namespace("billing");
  EXPECT_TRUE(c.is_default_namespace(pub));
  EXPECT_FALSE(c.is_default_namespace(billing));
}

TEST(SchemaCatalog, EqualityIsStructural) {
  Catalog a = users_and_posts();
  Catalog b = users_and_posts();
  EXPECT_EQ(a, b);
  b.columns[1].default_value = DefaultValue::constant(Value::string("x"));
  EXPECT_NE(a, b);
  Catalog c = users_and_posts();
  c.foreign_keys[0].on_delete = ReferentialAction::Cascade;
  EXPECT_NE(a, c);
}

TEST(SchemaCatalog, DefaultValueConstructors) {
  EXPECT_EQ(DefaultValue::now().kind, DefaultKind::Now);
  EXPECT_EQ(DefaultValue::db_generated("gen_random_uuid()").kind, DefaultKind::DbGenerated);
  EXPECT_EQ(DefaultValue::prisma_level().kind, DefaultKind::PrismaLevel);
  auto v = DefaultValue::constant(Value::list({Value::integer("1"), Value::integer("2")}));
  EXPECT_EQ(v.value.items.size(), 2u);
}

TEST(SchemaCatalog, DumpIsDeterministicAndComplete) {
  Catalog c = users_and_posts();
  c.columns[1].default_value = DefaultValue::constant(Value::string("a@b"));
  c.columns[0].identity = Identity::Serial;
  std::string text = dump(c);
  Catalog copy = c;
  EXPECT_EQ(dump(copy), text);
  EXPECT_EQ(text,
            "catalog default_namespace=public\n"
            "namespace public\n"
            "table public.users\n"
            "  column id Int required identity=serial\n"
            "  column email String required default=value('a@b')\n"
            "  primary users_pkey (id)\n"
            "  unique-index users_email_key (email)\n"
            "table public.posts\n"
            "  column id Int required\n"
            "  column author_id Int nullable\n"
            "  primary posts_pkey (id)\n"
            "  foreign key posts_author_id_fkey (author_id) -> public.users(id) on delete "
            "SetNull on update Cascade\n");
}

// Objects that only introspection produces, and the PostgreSQL side data, in the dump.
TEST(SchemaCatalog, DumpOfIntrospectionOnlyObjects) {
  Catalog c = users_and_posts();
  auto pub = NamespaceId{0};
  auto ext = c.add_namespace("ext");
  c.add_extension({"pg_trgm", ext, "1.6"});
  c.add_sequence({pub, "users_id_seq", 1, 1, 1, 2147483647, 1, false, ColumnId{0}});
  c.add_view({pub, "active users", "SELECT id FROM users"});
  c.add_check({TableId{1}, "posts_id_check", "(id > 0)"});
  c.columns[0].identity = Identity::ByDefault;
  auto idx =
      c.add_index({TableId{0}, "users_email_trgm", IndexKind::UniqueConstraint, {{ColumnId{1}}}});
  c.postgres.indexes[idx] = {IndexAlgorithm::Gin, {"gin_trgm_ops"}};
  c.foreign_keys[0].name = std::nullopt;
  c.foreign_keys[0].deferrable = Deferrable::InitiallyDeferred;
  EXPECT_EQ(dump(c),
            "catalog default_namespace=public\n"
            "namespace public\n"
            "namespace ext\n"
            "extension pg_trgm namespace=ext version=\"1.6\"\n"
            "sequence public.users_id_seq start=1 increment=1 min=1 max=2147483647 cache=1 "
            "owned-by=users.id\n"
            "view public.\"active users\" as SELECT id FROM users\n"
            "table public.users\n"
            "  column id Int required identity=by-default\n"
            "  column email String required\n"
            "  primary users_pkey (id)\n"
            "  unique-index users_email_key (email)\n"
            "  unique-constraint users_email_trgm (email gin_trgm_ops) using Gin\n"
            "table public.posts\n"
            "  column id Int required\n"
            "  column author_id Int nullable\n"
            "  primary posts_pkey (id)\n"
            "  foreign key (unnamed) (author_id) -> public.users(id) on delete SetNull on update "
            "Cascade deferrable-initially-deferred\n"
            "  check posts_id_check (id > 0)\n");
  EXPECT_TRUE(Catalog{}.empty());
  Catalog views_only;
  views_only.add_view({views_only.add_namespace("public"), "v", "SELECT 1"});
  EXPECT_FALSE(views_only.empty());
  EXPECT_EQ(c.namespaces_holding_objects(), (std::vector<bool>{true, false}));
}

TEST(SchemaCatalog, DumpQuotesNamesThatAreNotPlainWords) {
  EXPECT_EQ(dump_name("users_2"), "users_2");
  EXPECT_EQ(dump_name("my table"), "\"my table\"");
  EXPECT_EQ(dump_name("a.b"), "\"a.b\"");
  EXPECT_EQ(dump_name("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
  EXPECT_EQ(dump_name(""), "\"\"");
}

}  // namespace
}  // namespace godwit::schema
