// Lexical helpers and error-position mapping shared by both dialects.
#include <gtest/gtest.h>

#include <string>

#include "dialect/postgres/pgparse/parse_tree.hpp"
#include "dialect/postgres/pgparse/split.hpp"
#include "sql/lex.hpp"
#include "sql/position.hpp"

namespace godwit::sql {
namespace {

TEST(SkipTrivia, CommentsAndWhiteSpace) {
  std::string_view t = "  -- a\n /* b /* c */ d */ x";
  EXPECT_EQ(skip_trivia(t, 0, CommentStyle::kPostgres), t.find('x'));
  // SQLite block comments do not nest: the first "*/" closes it.
  EXPECT_EQ(skip_trivia(t, 0, CommentStyle::kSqlite), t.find("d */"));
  EXPECT_EQ(skip_trivia("-- only", 0, CommentStyle::kSqlite), 7u);
  EXPECT_EQ(skip_trivia("/* open", 0, CommentStyle::kPostgres), 7u);
  EXPECT_EQ(skip_trivia("\xEF\xBB\xBF x", 0, CommentStyle::kSqlite), 4u);
  // A BOM only counts at the very start of the script.
  EXPECT_EQ(skip_trivia("a\xEF\xBB\xBF", 1, CommentStyle::kSqlite), 1u);
}

TEST(LeadingWords, StopsAtNonWords) {
  EXPECT_EQ(leading_words("create /*x*/ unique\nindex \"i\" on", 6, CommentStyle::kPostgres),
            (std::vector<std::string>{"CREATE", "UNIQUE", "INDEX"}));
  EXPECT_EQ(leading_words("PRAGMA foreign_keys=OFF", 6, CommentStyle::kSqlite),
            (std::vector<std::string>{"PRAGMA", "FOREIGN_KEYS"}));
  EXPECT_TRUE(leading_words("(SELECT 1)", 3, CommentStyle::kSqlite).empty());
  EXPECT_EQ(join_words({"A", "B", "C"}, 2), "A B");
}

TEST(StatementsFromRanges, TrimsAndDropsEmpty) {
  std::string_view script = "a;\n-- c\n  b x \n;  ;\r\n/* t */";
  std::vector<RawRange> ranges = {{0, 1}, {2, 15}, {16, 18}, {19, script.size()}};
  auto st = statements_from_ranges(script, ranges, CommentStyle::kPostgres);
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[0].text, "a");
  EXPECT_EQ(st[0].line, 1);
  EXPECT_EQ(st[1].text, "b x");
  EXPECT_EQ(st[1].text.data() - script.data(), 10);
  EXPECT_EQ(st[1].line, 3);
}

TEST(ByteOffsetOfChar, CountsCodePoints) {
  std::string_view t = "aé✓😀b";  // 1 + 2 + 3 + 4 + 1 bytes
  EXPECT_EQ(byte_offset_of_char(t, 1), 0u);
  EXPECT_EQ(byte_offset_of_char(t, 2), 1u);
  EXPECT_EQ(byte_offset_of_char(t, 3), 3u);
  EXPECT_EQ(byte_offset_of_char(t, 4), 6u);
  EXPECT_EQ(byte_offset_of_char(t, 5), 10u);
  EXPECT_EQ(byte_offset_of_char(t, 99), t.size());
  EXPECT_EQ(byte_offset_of_char(t, 0), 0u);
  // A stray continuation byte or a cut sequence is one character, not a skip of the next.
  EXPECT_EQ(byte_offset_of_char("\x80x", 2), 1u);
  EXPECT_EQ(byte_offset_of_char("\xE2\x9Cx", 2), 2u);
}

TEST(ScriptLineAt, MapsStatementPositionToScriptLine) {
  const std::string script =
      "-- header\nCREATE TABLE a (id int);\n\n-- Größe ✓\nCREATE TABLE \"Größe\" (\n"
      "  id int,\n  x intt\n);\n";
  Statement st;
  st.text = "CREATE TABLE \"Größe\" (\n  id int,\n  x intt\n)";
  st.line = 5;
  // "intt" starts at character 38 of the statement (byte 40: "ö" and "ß" are 2 bytes each).
  const int pos = 38;
  ASSERT_EQ(st.text.substr(byte_offset_of_char(st.text, pos), 4), "intt");
  EXPECT_EQ(script_line_at(st, pos), 7);
  EXPECT_EQ(script_line_at(st, 1), 5);
  EXPECT_EQ(script_line_at(st, 0), 5);     // unknown position
  EXPECT_EQ(script_line_at(st, 1000), 8);  // clamped to the statement's last line
}

// End to end with a position PostgreSQL's own scanner computed (libpg_query reports the
// same character position as the server's PG_DIAG_STATEMENT_POSITION).
TEST(ScriptLineAt, ParserErrorPositionOnCrlfScriptWithMultiByteText) {
  const std::string script =
      "\xEF\xBB\xBF-- Ünïcödé header ✓\r\nCREATE TABLE \"ä\" (id int);\r\n\r\n"
      "INSERT INTO \"ä\" VALUES (1),\r\n  ('日本語'),\r\n  (2) WHERE;\r\nSELECT 1;\r\n";
  auto s = postgres::split_script(script);
  ASSERT_EQ(s.statements.size(), 3u);
  const Statement& bad = s.statements[1];
  EXPECT_FALSE(bad.parsed);
  EXPECT_EQ(bad.line, 4);
  auto err = postgres::parse_sql(bad.text).error;
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(script_line_at(bad, err->position), 6);
  EXPECT_EQ(bad.text.substr(byte_offset_of_char(bad.text, err->position), 5), "WHERE");
}

}  // namespace
}  // namespace godwit::sql
