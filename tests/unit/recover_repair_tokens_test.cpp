// `migrate repair`'s test for an edit that is only white space or comments
// (src/recover/repair_tokens.hpp): statements split by each dialect's own splitter, compared
// token by token.
#include <gtest/gtest.h>

#include "dialect/registry.hpp"
#include "recover/repair_tokens.hpp"

namespace godwit::recover {
namespace {

std::vector<std::string> tokens(std::string_view text) {
  auto t = statement_tokens(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(std::vector<std::string>{});
}

TEST(RepairTokens, CommentsAndWhiteSpaceAreNotTokens) {
  EXPECT_EQ(
      tokens("CREATE  INDEX \"a\"\n  ON \"T\" /* why */ (\"x\") -- note\n"),
      (std::vector<std::string>{"CREATE", "INDEX", "\"a\"", "ON", "\"T\"", "(", "\"x\"", ")"}));
}

TEST(RepairTokens, QuotedRunsAreKeptAsWritten) {
  EXPECT_EQ(tokens("SELECT 'a  -- b', \"x  y\", $f$ body  /* c */ $f$, E'it\\'s'"),
            (std::vector<std::string>{"SELECT", "'a  -- b'", ",", "\"x  y\"", ",",
                                      "$f$ body  /* c */ $f$", ",", "E", "'it\\'s'"}));
  EXPECT_EQ(tokens("SELECT 'it''s'"), (std::vector<std::string>{"SELECT", "'it''s'"}));
}

TEST(RepairTokens, OperatorRunsStayTogether) {
  EXPECT_NE(tokens("a <= b"), tokens("a < = b"));
  EXPECT_EQ(tokens("a<=b"), tokens("a <= b"));
  EXPECT_EQ(tokens("a =--x\n b"), (std::vector<std::string>{"a", "=", "b"}));
}

TEST(RepairTokens, UncertainTextIsNotRead) {
  EXPECT_FALSE(statement_tokens("SELECT 'open").has_value());
  EXPECT_FALSE(statement_tokens("SELECT 1 /* a /* b */ c */").has_value());
  EXPECT_FALSE(statement_tokens("SELECT 1 /* open").has_value());
}

class RepairTokenScripts : public ::testing::TestWithParam<std::string> {
 protected:
  const migrate::Dialect& dialect() const { return *dialect::find(GetParam()); }
};

TEST_P(RepairTokenScripts, WhiteSpaceAndCommentEditsAreNoDifference) {
  const std::string original =
      "-- CreateTable\nCREATE TABLE \"T\" (\"id\" INTEGER NOT NULL);\n\n"
      "-- CreateIndex\nCREATE INDEX \"T_id\" ON \"T\"(\"id\");\n";
  const std::string edited =
      "/* reviewed */\nCREATE TABLE \"T\" (\n  \"id\" INTEGER NOT NULL -- key\n);;\n"
      "CREATE INDEX \"T_id\" ON \"T\" ( \"id\" ) ; -- done\n";
  EXPECT_FALSE(first_token_difference(dialect(), original, edited).has_value());
}

TEST_P(RepairTokenScripts, RealEditsNameTheFirstStatementThatDiffers) {
  const std::string original =
      "CREATE TABLE \"T\" (\"id\" INTEGER);\nCREATE INDEX \"i\" ON \"T\"(\"id\");\n";
  auto changed = first_token_difference(
      dialect(), original,
      "CREATE TABLE \"T\" (\"id\" INTEGER);\nCREATE INDEX \"j\" ON \"T\"(\"id\");\n");
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(changed->statement, 2u);
  EXPECT_EQ(changed->original, "CREATE INDEX \"i\" ON \"T\"(\"id\")");
  EXPECT_EQ(changed->edited, "CREATE INDEX \"j\" ON \"T\"(\"id\")");
  auto added = first_token_difference(dialect(), original, original + "DROP TABLE \"T\";\n");
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(added->statement, 3u);
  EXPECT_EQ(added->original, "");
  // A changed literal is a real edit, white space inside it included.
  EXPECT_TRUE(first_token_difference(dialect(), "INSERT INTO \"T\" VALUES ('a b');",
                                     "INSERT INTO \"T\" VALUES ('a  b');")
                  .has_value());
  // Case is a real edit too (identifiers and literals may depend on it).
  EXPECT_TRUE(first_token_difference(dialect(), "CREATE TABLE t (id INTEGER);",
                                     "CREATE TABLE T (id INTEGER);")
                  .has_value());
}

INSTANTIATE_TEST_SUITE_P(Dialects, RepairTokenScripts, ::testing::Values("postgresql", "sqlite"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace godwit::recover
