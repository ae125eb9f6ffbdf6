// PostgreSQL statements for catalog shapes the Prisma builder does not produce (introspected
// catalogs will): partial indexes, named sequences, columns without a native type, enums in
// other schemas. Prisma-built shapes are covered by tests/golden/render_cases_test.cpp.
#include <gtest/gtest.h>

#include "dialect/postgres/render.hpp"

namespace godwit::postgres {
namespace {

using namespace godwit::schema;

struct Fixture {
  Catalog c;
  NamespaceId pub, other;
  TableId t;
  Fixture() {
    c.default_namespace = "public";
    pub = c.add_namespace("public");
    other = c.add_namespace("other");
    t = c.add_table(other, "T");
  }
  ColumnId add(std::string name, TypeFamily f, NativeType n = {}, Arity a = Arity::Required) {
    Column col;
    col.table = t;
    col.name = std::move(name);
    col.type.family = f;
    col.type.native = std::move(n);
    col.arity = a;
    return c.add_column(std::move(col));
  }
};

TEST(RenderPostgres, QualifiesObjectsOutsideTheDefaultNamespace) {
  Fixture f;
  auto e = f.c.add_enum({f.other, "Mood", {"happy", "sad"}});
  auto id = f.add("id", TypeFamily::Int, {"Integer", {}});
  Column mood;
  mood.table = f.t;
  mood.name = "mood";
  mood.type.family = TypeFamily::Enum;
  mood.type.enum_id = e;
  mood.arity = Arity::List;
  f.c.add_column(mood);
  f.c.add_index({f.t, "T_pkey", IndexKind::PrimaryKey, {{id}}});
  PostgresRenderer r;
  EXPECT_EQ(r.create_enum(f.c, e),
            std::vector<std::string>{"CREATE TYPE \"other\".\"Mood\" AS ENUM ('happy', 'sad')"});
  EXPECT_EQ(r.create_table(f.c, f.t),
            "CREATE TABLE \"other\".\"T\" (\n"
            "    \"id\" INTEGER NOT NULL,\n"
            "    \"mood\" \"other\".\"Mood\"[],\n\n"
            "    CONSTRAINT \"T_pkey\" PRIMARY KEY (\"id\")\n)");
  EXPECT_EQ(r.create_namespace(f.c, f.other),
            std::vector<std::string>{"CREATE SCHEMA IF NOT EXISTS \"other\""});
}

TEST(RenderPostgres, PartialIndexAndOperatorClassWithSort) {
  Fixture f;
  auto a = f.add("a", TypeFamily::String, {"Text", {}});
  auto b = f.add("b", TypeFamily::Int, {"Integer", {}});
  Index idx{f.t,
            "T_a_b_idx",
            IndexKind::Unique,
            {{a, SortOrder::Desc, std::nullopt, "text_pattern_ops"}, {b}}};
  idx.predicate = "\"b\" > 0";
  auto id = f.c.add_index(idx);
  EXPECT_EQ(
      PostgresRenderer{}.create_index(f.c, id),
      "CREATE UNIQUE INDEX \"T_a_b_idx\" ON \"other\".\"T\"(\"a\" text_pattern_ops DESC, \"b\") "
      "WHERE \"b\" > 0");
}

TEST(RenderPostgres, ColumnTypesAndDefaults) {
  Fixture f;
  // Without a native type the family's Prisma default applies.
  auto plain = f.add("plain", TypeFamily::Decimal);
  auto uuid = f.add("u", TypeFamily::Uuid);
  auto serial = f.add("s", TypeFamily::BigInt, {"BigInt", {}});
  f.c.columns[serial.value].auto_increment = true;
  f.c.columns[serial.value].default_value = DefaultValue::sequence("T_s_seq");
  auto gen = f.add("g", TypeFamily::String, {"Text", {}}, Arity::Nullable);
  f.c.columns[gen.value].default_value = DefaultValue::db_generated("");
  auto bytes = f.add("b", TypeFamily::Binary, {"ByteA", {}}, Arity::List);
  f.c.columns[bytes.value].default_value =
      DefaultValue::constant(Value::list({Value::bytes("\x01"), Value::bytes("")}));
  auto odd = f.add("o", TypeFamily::String, {"Interval", {6}});
  EXPECT_EQ(render_column(f.c, plain), "\"plain\" DECIMAL(65,30) NOT NULL");
  EXPECT_EQ(render_column(f.c, uuid), "\"u\" UUID NOT NULL");
  EXPECT_EQ(render_column(f.c, serial), "\"s\" BIGSERIAL NOT NULL");
  EXPECT_EQ(render_column(f.c, gen), "\"g\" TEXT");
  EXPECT_EQ(render_column(f.c, bytes), "\"b\" BYTEA[] DEFAULT ARRAY['\\x01', '\\x']::BYTEA[]");
  EXPECT_EQ(render_column(f.c, odd), "\"o\" INTERVAL(6) NOT NULL");
  EXPECT_EQ(render_default(DefaultValue::prisma_level(), "TEXT"), "");
  EXPECT_EQ(render_default(DefaultValue::constant(Value::json("{\"a\":\"it's\"}")), "JSONB"),
            "'{\"a\":\"it''s\"}'");
}

TEST(RenderPostgres, ForeignKeyAcrossNamespacesAndExtensionOptions) {
  Fixture f;
  auto id = f.add("id", TypeFamily::Int, {"Integer", {}});
  auto u = f.c.add_table(f.pub, "U");
  Column uid;
  uid.table = u;
  uid.name = "id";
  uid.type = {TypeFamily::Int, {"Integer", {}}, {}, {}};
  auto uid_id = f.c.add_column(uid);
  auto fk = f.c.add_foreign_key({f.t,
                                 "T_id_fkey",
                                 {id},
                                 u,
                                 {uid_id},
                                 ReferentialAction::NoAction,
                                 ReferentialAction::SetDefault});
  EXPECT_EQ(PostgresRenderer{}.add_foreign_key(f.c, fk),
            "ALTER TABLE \"other\".\"T\" ADD CONSTRAINT \"T_id_fkey\" FOREIGN KEY (\"id\") "
            "REFERENCES \"U\"(\"id\") ON DELETE NO ACTION ON UPDATE SET DEFAULT");
  auto plain = f.c.add_extension({"hstore", "", ""});
  auto versioned = f.c.add_extension({"postgis", "", "3.1"});
  auto both = f.c.add_extension({"uuid-ossp", "ext", "1.1"});
  PostgresRenderer r;
  EXPECT_EQ(r.create_extension(f.c, plain)[0], "CREATE EXTENSION IF NOT EXISTS \"hstore\"");
  EXPECT_EQ(r.create_extension(f.c, versioned)[0],
            "CREATE EXTENSION IF NOT EXISTS \"postgis\" WITH VERSION \"3.1\"");
  EXPECT_EQ(r.create_extension(f.c, both)[0],
            "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA \"ext\" VERSION \"1.1\"");
}

TEST(RenderPostgres, EmptyCatalogIsTheEmptyMigration) {
  EXPECT_EQ(render_create_script(Catalog{}), "-- This is an empty migration.");
}

}  // namespace
}  // namespace godwit::postgres
