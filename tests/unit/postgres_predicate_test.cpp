// Partial index predicates compared by PostgreSQL's parse tree (pgparse/predicate.hpp): what
// the schema writes and what pg_get_expr prints for the same index are the same predicate;
// the cases where Prisma 7.10.1 also sees a difference stay different
// (tests/live/partial_index_diff_test.cpp checks them against Prisma on a database).
#include <gtest/gtest.h>

#include "dialect/postgres/pgparse/predicate.hpp"

namespace godwit::postgres {
namespace {

TEST(PgPredicate, TheDatabasesSpellingIsTheSchemasPredicate) {
  // Schema (object form or raw) on the left, pg_get_expr's text on the right.
  EXPECT_TRUE(same_predicate("\"status\" = 'active'", "(status = 'active'::text)"));
  EXPECT_TRUE(same_predicate("status = 'active'", "(status = 'active'::text)"));
  EXPECT_TRUE(same_predicate("\"st\" = 'A'", "(st = 'A'::\"State\")"));
  EXPECT_TRUE(same_predicate("\"ok\" = true AND \"n\" = 3", "((ok = true) AND (n = 3))"));
  EXPECT_TRUE(same_predicate("\"status\" != 'x'", "(status <> 'x'::text)"));
  EXPECT_TRUE(same_predicate("\"n\" IS NOT NULL", "(n IS NOT NULL)"));
  EXPECT_TRUE(same_predicate("((status = 'a'))", "status='a'"));
  EXPECT_TRUE(same_predicate("STATUS = 'a'", "status = 'a'"));  // unquoted names fold
}

TEST(PgPredicate, DifferentRowsOrCastsOnColumnsStayDifferent) {
  EXPECT_FALSE(same_predicate("\"state\" = 'QUEUED'", "(state = 'DONE'::\"State\")"));
  // A cast on the column (a VarChar compared with text), as Prisma also tells apart.
  EXPECT_FALSE(same_predicate("\"v\" = 'x'", "((v)::text = 'x'::text)"));
  // A cast to a type spelled as a keyword is not dropped (Prisma keeps it too).
  EXPECT_FALSE(same_predicate("status = 'a'::varchar", "(status = 'a'::text)"));
  EXPECT_FALSE(same_predicate("a AND (b OR c)", "(a AND b) OR c"));
  EXPECT_FALSE(same_predicate("\"Status\" = 'a'", "status = 'a'"));  // quoted names keep case
  EXPECT_FALSE(same_predicate("n > 1", "n >= 1"));
}

TEST(PgPredicate, TextThatIsNotOneExpressionHasNoCanonicalForm) {
  EXPECT_FALSE(canonical_predicate("a) OR (b").has_value());
  EXPECT_FALSE(canonical_predicate("true; DROP TABLE t").has_value());
  EXPECT_FALSE(canonical_predicate("status = 'unterminated").has_value());
  EXPECT_FALSE(canonical_predicate(std::string_view("a\0b", 3)).has_value());
  EXPECT_FALSE(canonical_predicate("1 FROM t").has_value());
  // Unparsable texts compare as text.
  EXPECT_TRUE(same_predicate("status = 'x", "status = 'x"));
  EXPECT_FALSE(same_predicate("status = 'x", "status = 'y"));
}

TEST(PgPredicate, SourcePositionsDoNotCount) {
  auto a = canonical_predicate("n = 1");
  auto b = canonical_predicate("      n    =    1   ");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a, b);
  EXPECT_EQ(a->find("location"), std::string::npos) << *a;
}

}  // namespace
}  // namespace godwit::postgres
