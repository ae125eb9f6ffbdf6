// Splitting scripts larger than the parser's piece size (kParsePieceBytes): the cuts between
// pieces must not change a single statement, whatever lies around them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialect/postgres/pgparse/split.hpp"

namespace godwit::postgres {
namespace {

constexpr std::size_t kPiece = kParsePieceBytes;

struct Expected {
  std::string text;
  int line;
  std::string kind;
};

// Appends `text;\n` and records it.
void add(std::string& script, std::vector<Expected>& expected, const std::string& text,
         const std::string& kind) {
  int line = 1;
  std::size_t counted = 0;
  if (!expected.empty()) {
    // Count from the previous statement on (the padding between them included).
    line = expected.back().line;
    counted = script.rfind(expected.back().text);
  }
  for (std::size_t i = counted; i < script.size(); ++i)
    line += script[i] == '\n';
  expected.push_back({text, line, kind});
  script += text + ";\n";
}

void expect_same(const sql::Script& got, const std::vector<Expected>& expected) {
  ASSERT_EQ(got.statements.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& st = got.statements[i];
    EXPECT_EQ(st.text, expected[i].text) << "statement " << i + 1;
    EXPECT_EQ(st.line, expected[i].line) << "statement " << i + 1;
    EXPECT_EQ(st.kind, expected[i].kind) << "statement " << i + 1;
    EXPECT_TRUE(st.parsed) << "statement " << i + 1;
  }
}

// Statements whose text holds ';' in every place a naive cut would go wrong.
std::vector<std::pair<std::string, std::string>> tricky() {
  return {
      {"INSERT INTO t VALUES ('a;b', 'it''s; fine')", "INSERT"},
      {"INSERT INTO t VALUES (E'x\\';y', U&'d;\\0061')", "INSERT"},
      {"SELECT 1 /* a; /* nested; */ still; */ + 2", "SELECT"},
      {"SELECT 3 -- trailing; comment\n  + 4", "SELECT"},
      {"CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN PERFORM 1; RETURN 2; "
       "END $body$",
       "CREATE FUNCTION"},
      {"SELECT \"we;ird\" FROM (SELECT 1 AS \"we;ird\") s", "SELECT"},
      {"UPDATE t SET a = $$x;y$$", "UPDATE"},
  };
}

TEST(PgSplitLarge, CutsBetweenPiecesChangeNoStatement) {
  std::string script = "CREATE TABLE t (a text, b text);\n";
  std::vector<Expected> expected = {{"CREATE TABLE t (a text, b text)", 1, "CREATE TABLE"}};
  script.reserve(18 * kPiece + 4096);
  const auto cases = tricky();
  for (std::size_t i = 0; script.size() < 18 * kPiece; ++i) {
    const auto& [text, kind] = cases[i % cases.size()];
    add(script, expected, text, kind);
  }
  expect_same(split_script(script), expected);
}

TEST(PgSplitLarge, AnAtomicBodyAcrossACutStaysOneStatement) {
  std::string script;
  std::vector<Expected> expected;
  while (script.size() < kPiece - 200)
    add(script, expected, "INSERT INTO t VALUES (1, 2)", "INSERT");
  // The body's first ';' lands just past the first piece's end.
  while (script.size() < kPiece - 20)
    script += "--\n";
  add(script, expected,
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END",
      "CREATE FUNCTION");
  add(script, expected, "CREATE INDEX CONCURRENTLY i ON t (a)", "CREATE INDEX CONCURRENTLY");
  auto got = split_script(script);
  expect_same(got, expected);
  EXPECT_EQ(got.mode, sql::TransactionMode::kAutocommit);
}

TEST(PgSplitLarge, ASyntaxErrorInALaterPieceIsItsOwnStatement) {
  std::string script;
  std::vector<Expected> expected;
  while (script.size() < 8 * kPiece)
    add(script, expected, "INSERT INTO t VALUES (1, 2)", "INSERT");
  add(script, expected, "CREATE TABLE u (a int,, b int)", "CREATE TABLE");
  add(script, expected, "DELETE FROM t", "DELETE");
  auto got = split_script(script);
  ASSERT_EQ(got.statements.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(got.statements[i].text, expected[i].text);
    EXPECT_EQ(got.statements[i].line, expected[i].line);
    EXPECT_EQ(got.statements[i].parsed, i != expected.size() - 2) << i;
  }
}

// Pieces of data statements are split by the light lexer alone (split.cpp, dml_ranges): the
// same statements as PostgreSQL's parser finds, with ';' inside strings (E'...' escapes too),
// quoted names, comments and dollar quotes, empty statements and lower-case keywords. A syntax
// error in such a statement is left to the server (`parsed` stays true).
TEST(PgSplitLarge, DataStatementsSplitByTheLexerAsByTheParser) {
  const std::vector<std::string> tricky = {
      "INSERT INTO t VALUES (1, 'a;b')",
      "insert into t values (2, E'it\\'s; fine')",
      "UPDATE \"we;ird\" SET v = 'x' -- a comment; with a semicolon\n WHERE id = 3",
      "DELETE FROM t /* nested /* ; */ comment */ WHERE id = 4",
      "INSERT INTO t VALUES (5, $tag$dollar ; quoted$tag$)",
      "INSERT INTO t VALUES (6, $$plain ; dollars$$)",
      "Update t SET v = 'it''s; doubled' WHERE id = 7",
      "INSERT INTO t VALUES (8,, 2)",  // a syntax error: the server reports it
  };
  std::string script;
  std::vector<Expected> expected;
  for (std::size_t i = 0; script.size() < 6 * kPiece; ++i) {
    const std::string& st = tricky[i % tricky.size()];
    add(script, expected, st,
        st[0] == 'D'                     ? "DELETE"
        : (st[0] == 'U' || st[0] == 'u') ? "UPDATE"
                                         : "INSERT");
    if (i % 97 == 0) script += ";\n";  // an empty statement
  }
  auto got = split_script(script);
  ASSERT_EQ(got.statements.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(got.statements[i].text, expected[i].text) << i;
    EXPECT_EQ(got.statements[i].line, expected[i].line) << i;
    EXPECT_EQ(got.statements[i].kind, expected[i].kind) << i;
    EXPECT_TRUE(got.statements[i].parsed) << i;
  }
}

}  // namespace
}  // namespace godwit::postgres
