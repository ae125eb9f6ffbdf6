// The PostgreSQL default parser (dialect/postgres/introspect/introspect_default.hpp) on the
// defaults pg_get_expr prints, with the results Prisma's describer gives (ENG postgres/default.rs
// tests).
#include <gtest/gtest.h>

#include "dialect/postgres/introspect/introspect_default.hpp"
#include "schema/dump.hpp"

namespace godwit::postgres {
namespace {

using schema::DefaultKind;

std::string show(const ParsedDefault& d) {
  if (d.is_sequence) return "sequence " + d.sequence;
  if (!d.value) return "none";
  if (d.value->kind == DefaultKind::Value) return schema::to_debug_string(d.value->value);
  if (d.value->kind == DefaultKind::Now) return "now";
  return "dbgenerated " + d.value->expression;
}

std::string parse(std::string_view text, DefaultFamily f, bool list = false, bool json = false) {
  return show(parse_default(text, f, list, json));
}

TEST(PostgresIntrospectDefault, Sequences) {
  EXPECT_EQ(parse("nextval('first_sequence'::regclass)", DefaultFamily::Int),
            "sequence first_sequence");
  EXPECT_EQ(parse("nextval('schema_name.second_sequence'::regclass)", DefaultFamily::Int),
            "sequence second_sequence");
  EXPECT_EQ(parse(R"(nextval('"third_Sequence"'::regclass))", DefaultFamily::Int),
            "sequence third_Sequence");
  EXPECT_EQ(parse(R"(nextval('"schema_Name"."fourth_Sequence"'::regclass))", DefaultFamily::Int),
            "sequence fourth_Sequence");
  EXPECT_EQ(parse("nextval(('fifth_sequence'::text)::regclass)", DefaultFamily::Int),
            "sequence fifth_sequence");
  EXPECT_EQ(parse("string_default_named_seq", DefaultFamily::Int),
            "dbgenerated string_default_named_seq");
}

TEST(PostgresIntrospectDefault, Constants) {
  EXPECT_EQ(parse("'-4'::integer", DefaultFamily::Int), "-4");
  EXPECT_EQ(parse("'-42'::integer", DefaultFamily::Int), "-42");
  EXPECT_EQ(parse("1.50", DefaultFamily::Float), "1.50");
  EXPECT_EQ(parse("'-0.001'::numeric", DefaultFamily::Float), "-0.001");
  EXPECT_EQ(parse("true", DefaultFamily::Boolean), "true");
  EXPECT_EQ(parse("'it''s'::text", DefaultFamily::String), "'it's'");
  EXPECT_EQ(parse("'green'::\"Color\"", DefaultFamily::Enum), "'green'");
  EXPECT_EQ(parse("'\\x68656c6c6f'::bytea", DefaultFamily::Binary), "x'68656c6c6f'");
  EXPECT_EQ(parse("CURRENT_TIMESTAMP", DefaultFamily::DateTime), "now");
  EXPECT_EQ(parse("now()", DefaultFamily::DateTime), "now");
  EXPECT_EQ(parse("NULL::text", DefaultFamily::String), "none");
}

TEST(PostgresIntrospectDefault, AnythingElseIsDbGeneratedVerbatim) {
  EXPECT_EQ(
      parse("'2020-01-01 10:11:12.345'::timestamp without time zone", DefaultFamily::DateTime),
      "dbgenerated '2020-01-01 10:11:12.345'::timestamp without time zone");
  EXPECT_EQ(parse("gen_random_uuid()", DefaultFamily::Other), "dbgenerated gen_random_uuid()");
  EXPECT_EQ(parse("'abc'::uuid", DefaultFamily::Other), "dbgenerated 'abc'::uuid");
  EXPECT_EQ(parse("lower('ABC'::text)", DefaultFamily::String), "dbgenerated lower('ABC'::text)");
}

TEST(PostgresIntrospectDefault, Lists) {
  EXPECT_EQ(parse("ARRAY[9, 12999, '-4'::integer, 0, 1249849]", DefaultFamily::Int, true),
            "[9, 12999, -4, 0, 1249849]");
  EXPECT_EQ(parse("'{a,\"b c\"}'::text[]", DefaultFamily::String, true), "['a', 'b c']");
  EXPECT_EQ(parse("ARRAY['RED'::\"Color\", 'green'::\"Color\"]", DefaultFamily::Enum, true),
            "['RED', 'green']");
  EXPECT_EQ(
      parse("(ARRAY[]::character varying[])::character varying(10)[]", DefaultFamily::String, true),
      "[]");
  EXPECT_EQ(parse("ARRAY[lower('A')]", DefaultFamily::String, true),
            "dbgenerated ARRAY[lower('A')]");
}

// Text no database prints: the parser reads nothing past its input (the suite's sanitizer run
// checks it) and finds no sequence in it. Most of it is dbgenerated; like Prisma's parser, a
// value followed by one unread token still counts as the value (its `is_finished` allows one).
TEST(PostgresIntrospectDefault, MalformedText) {
  for (std::string_view text : {"", "'abc", "E'\\", "E'\\u12'", "nextval(", "nextval('", "::", "'{",
                                "'{1,'", "ARRAY[", "(ARRAY[1", "\"x", "-", "1.", "((1"}) {
    for (auto family : {DefaultFamily::String, DefaultFamily::Int, DefaultFamily::Float,
                        DefaultFamily::Boolean, DefaultFamily::DateTime, DefaultFamily::Binary,
                        DefaultFamily::Enum, DefaultFamily::Other}) {
      for (bool list : {false, true}) {
        auto d = parse_default(text, family, list, false);
        EXPECT_FALSE(d.is_sequence) << text;
        EXPECT_TRUE(d.value.has_value()) << text;
      }
    }
  }
  EXPECT_EQ(parse("'abc", DefaultFamily::String), "dbgenerated 'abc");
  EXPECT_EQ(parse("nextval('", DefaultFamily::Int), "dbgenerated nextval('");
  EXPECT_EQ(parse("1.", DefaultFamily::Int), "1");  // Prisma's one-token allowance
}

}  // namespace
}  // namespace godwit::postgres
