// PostgreSQL script splitting and classification with the real libpg_query parser.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "dialect/postgres/pgparse/classify.hpp"
#include "dialect/postgres/pgparse/parse_tree.hpp"
#include "dialect/postgres/pgparse/split.hpp"
#include "sql/lex.hpp"

namespace godwit::postgres {
namespace {

using sql::TransactionMode;

std::vector<std::string> texts(const sql::Script& s) {
  std::vector<std::string> out;
  for (const auto& st : s.statements)
    out.emplace_back(st.text);
  return out;
}
std::vector<int> lines(const sql::Script& s) {
  std::vector<int> out;
  for (const auto& st : s.statements)
    out.push_back(st.line);
  return out;
}
std::vector<std::string> kinds(const sql::Script& s) {
  std::vector<std::string> out;
  for (const auto& st : s.statements)
    out.emplace_back(st.kind.view());
  return out;
}

// Every statement's text must be the script's bytes at its offset, a view of Script::source,
// and between two statements there must be only trivia and the ';' that ends the first: the
// runner sends a run of statements as the script's own text from the first to the last
// (migrate::apply_script's groups), and script_line_at relies on the offsets.
void expect_texts_in_place(std::string_view script, const sql::Script& s) {
  for (std::size_t i = 0; i < s.statements.size(); ++i) {
    const auto& st = s.statements[i];
    ASSERT_TRUE(s.in_source(st)) << st.text;
    EXPECT_EQ(script.substr(s.offset_of(st), st.text.size()), st.text);
    if (i == 0) continue;
    const auto& prev = s.statements[i - 1];
    const std::size_t from = s.offset_of(prev) + prev.text.size();
    const std::string_view gap = script.substr(from, s.offset_of(st) - from);
    std::size_t pos = 0;
    int semicolons = 0;
    while ((pos = sql::skip_trivia(gap, pos, sql::CommentStyle::kPostgres)) < gap.size() &&
           gap[pos] == ';') {
      ++semicolons;
      ++pos;
    }
    EXPECT_EQ(pos, gap.size()) << "between `" << prev.text << "` and `" << st.text << "`: `" << gap
                               << "`";
    EXPECT_GE(semicolons, 1) << "between `" << prev.text << "` and `" << st.text << "`";
  }
}

TEST(PgSplit, DollarQuotedBodiesKeepTheirSemicolons) {
  const std::string script =
      "DO $$\nBEGIN\n  PERFORM 1;\n  RAISE NOTICE 'a;b';\nEND\n$$;\n"
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
      "BEGIN\n  NEW.x := 1; RETURN NEW;\nEND;\n$fn$;\n"
      "SELECT $tag$ $$ ; $tag$;\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 3u);
  EXPECT_EQ(kinds(s), (std::vector<std::string>{"DO", "CREATE FUNCTION", "SELECT"}));
  EXPECT_EQ(lines(s), (std::vector<int>{1, 7, 12}));
  EXPECT_EQ(s.statements[2].text, "SELECT $tag$ $$ ; $tag$");
  EXPECT_EQ(s.mode, TransactionMode::kSingle);
  expect_texts_in_place(script, s);
}

TEST(PgSplit, StringsAndIdentifiersWithSemicolons) {
  const std::string script =
      "INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;');\n"
      "INSERT INTO t VALUES (E'line\\n;\\'quoted;\\'');\n"
      "SELECT U&'d\\0061t;a';\n";
  auto s = split_script(script);
  EXPECT_EQ(texts(s), (std::vector<std::string>{
                          "INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;')",
                          "INSERT INTO t VALUES (E'line\\n;\\'quoted;\\'')",
                          "SELECT U&'d\\0061t;a'",
                      }));
  EXPECT_EQ(lines(s), (std::vector<int>{1, 2, 3}));
}

TEST(PgSplit, CommentsLeadingTrailingAndNested) {
  const std::string script =
      "-- CreateTable\n"
      "/* outer /* nested ; */ still comment ; */\n"
      "CREATE TABLE \"A\" (\n  id int -- trailing; comment\n);\n"
      "\n-- AddForeignKey\nALTER TABLE \"A\" /* ; */ ADD COLUMN b int;\n"
      ";;\n"
      "-- only a comment at the end;\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(s.statements[0].text, "CREATE TABLE \"A\" (\n  id int -- trailing; comment\n)");
  EXPECT_EQ(s.statements[0].line, 3);
  EXPECT_EQ(s.offset_of(s.statements[0]), script.find("CREATE"));
  EXPECT_EQ(s.statements[1].text, "ALTER TABLE \"A\" /* ; */ ADD COLUMN b int");
  EXPECT_EQ(s.statements[1].line, 8);
  EXPECT_EQ(kinds(s), (std::vector<std::string>{"CREATE TABLE", "ALTER TABLE"}));
  expect_texts_in_place(script, s);
}

TEST(PgSplit, EmptyAndCommentOnlyScripts) {
  EXPECT_TRUE(split_script("").statements.empty());
  EXPECT_TRUE(split_script("-- This is an empty migration.").statements.empty());
  EXPECT_TRUE(split_script("  ;\n; /* x */ ;").statements.empty());
}

TEST(PgSplit, OwnBeginCommitMeansAsWritten) {
  const std::string script =
      "BEGIN;\nALTER TYPE \"S\" RENAME TO \"S_old\";\nCREATE TYPE \"S\" AS ENUM ('a');\n"
      "COMMIT;\n";
  auto s = split_script(script);
  EXPECT_EQ(kinds(s), (std::vector<std::string>{"BEGIN", "ALTER TYPE", "CREATE TYPE", "COMMIT"}));
  EXPECT_TRUE(s.statements[0].transaction_control);
  EXPECT_FALSE(s.statements[1].transaction_control);
  EXPECT_TRUE(s.statements[3].transaction_control);
  EXPECT_EQ(s.mode, TransactionMode::kAsWritten);
}

TEST(PgSplit, TransactionControlForms) {
  auto s = split_script(
      "START TRANSACTION ISOLATION LEVEL REPEATABLE READ; SAVEPOINT a; RELEASE SAVEPOINT a;"
      " ROLLBACK TO a; END; ABORT; PREPARE TRANSACTION 'x'; COMMIT PREPARED 'x';"
      " SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
  EXPECT_EQ(kinds(s),
            (std::vector<std::string>{
                "START TRANSACTION", "SAVEPOINT", "RELEASE", "ROLLBACK TO SAVEPOINT", "COMMIT",
                "ROLLBACK", "PREPARE TRANSACTION", "COMMIT PREPARED", "SET TRANSACTION"}));
  for (std::size_t i = 0; i < 7; ++i)
    EXPECT_TRUE(s.statements[i].transaction_control) << i;
  // COMMIT PREPARED ends another (prepared) transaction, and refuses to run in a block.
  EXPECT_FALSE(s.statements[7].transaction_control);
  EXPECT_TRUE(s.statements[7].no_transaction);
  EXPECT_FALSE(s.statements[8].transaction_control);
}

TEST(PgSplit, ConcurrentIndexFileNeedsAutocommit) {
  // langfuse 20250519093327_media_add_index_project_id_id shape.
  const std::string script =
      "-- CreateIndex\n"
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"media_project_id_id_idx\" ON "
      "\"media\"(\"project_id\", "
      "\"id\");\n\n-- DropIndex\nDROP INDEX CONCURRENTLY IF EXISTS \"media_project_id_idx\";\n";
  auto s = split_script(script);
  EXPECT_EQ(kinds(s),
            (std::vector<std::string>{"CREATE INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY"}));
  EXPECT_TRUE(s.statements[0].no_transaction);
  EXPECT_TRUE(s.statements[1].no_transaction);
  EXPECT_EQ(lines(s), (std::vector<int>{2, 5}));
  EXPECT_EQ(s.mode, TransactionMode::kAutocommit);
}

// Checked against a PostgreSQL 15 server: each of these fails inside BEGIN ... ROLLBACK
// with "... cannot run inside a transaction block", and each "ok" one does not.
TEST(PgSplit, NoTransactionStatementsMatchPostgres15) {
  struct Case {
    const char* sql;
    const char* kind;
    bool no_transaction;
  };
  const Case cases[] = {
      {"CREATE UNIQUE INDEX CONCURRENTLY i ON t(a)", "CREATE INDEX CONCURRENTLY", true},
      {"CREATE INDEX i ON t(a)", "CREATE INDEX", false},
      {"DROP INDEX CONCURRENTLY i", "DROP INDEX CONCURRENTLY", true},
      {"DROP INDEX i", "DROP INDEX", false},
      {"REINDEX TABLE CONCURRENTLY t", "REINDEX CONCURRENTLY", true},
      {"REINDEX (CONCURRENTLY) INDEX i", "REINDEX CONCURRENTLY", true},
      {"REINDEX TABLE t", "REINDEX", false},
      {"REINDEX SCHEMA s", "REINDEX", true},
      {"REINDEX DATABASE d", "REINDEX", true},
      {"ALTER TABLE p DETACH PARTITION c CONCURRENTLY", "ALTER TABLE DETACH PARTITION CONCURRENTLY",
       true},
      {"ALTER TABLE p DETACH PARTITION c", "ALTER TABLE", false},
      {"VACUUM", "VACUUM", true},
      {"VACUUM (ANALYZE) t", "VACUUM", true},
      {"ANALYZE t", "ANALYZE", false},
      {"CLUSTER", "CLUSTER", true},
      {"CLUSTER t USING t_pkey", "CLUSTER", false},
      {"CREATE DATABASE d", "CREATE DATABASE", true},
      {"DROP DATABASE d", "DROP DATABASE", true},
      {"ALTER DATABASE d SET TABLESPACE x", "ALTER DATABASE", true},
      {"ALTER DATABASE d SET work_mem = '1MB'", "ALTER DATABASE", false},
      {"CREATE TABLESPACE x LOCATION '/x'", "CREATE TABLESPACE", true},
      {"DROP TABLESPACE x", "DROP TABLESPACE", true},
      {"ALTER SYSTEM SET work_mem = '1MB'", "ALTER SYSTEM", true},
      {"DISCARD ALL", "DISCARD ALL", true},
      {"DISCARD PLANS", "DISCARD", false},
      {"ROLLBACK PREPARED 'x'", "ROLLBACK PREPARED", true},
      {"CREATE SUBSCRIPTION s CONNECTION '' PUBLICATION p", "CREATE SUBSCRIPTION", true},
      {"CREATE SUBSCRIPTION s CONNECTION '' PUBLICATION p WITH (connect = false)",
       "CREATE SUBSCRIPTION", false},
      {"ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)", "ALTER SUBSCRIPTION",
       false},
      {"ALTER SUBSCRIPTION s REFRESH PUBLICATION", "ALTER SUBSCRIPTION", true},
      {"ALTER TYPE e ADD VALUE 'b'", "ALTER TYPE ADD VALUE", false},
      {"ALTER TYPE e RENAME VALUE 'a' TO 'b'", "ALTER TYPE RENAME VALUE", false},
      {"CHECKPOINT", "CHECKPOINT", false},
      {"CREATE EXTENSION IF NOT EXISTS pg_trgm", "CREATE EXTENSION", false},
  };
  for (const Case& c : cases) {
    auto s = split_script(c.sql);
    ASSERT_EQ(s.statements.size(), 1u) << c.sql;
    EXPECT_EQ(s.statements[0].kind, c.kind) << c.sql;
    EXPECT_EQ(s.statements[0].no_transaction, c.no_transaction) << c.sql;
    EXPECT_FALSE(s.statements[0].transaction_control) << c.sql;
    EXPECT_EQ(s.mode, c.no_transaction ? TransactionMode::kAutocommit : TransactionMode::kSingle)
        << c.sql;
  }
}

TEST(PgSplit, KindsOfCommonMigrationStatements) {
  auto s = split_script(
      "CREATE TYPE \"Role\" AS ENUM ('A');"
      "CREATE TABLE t (id int);"
      "ALTER TABLE t RENAME COLUMN a TO b;"
      "ALTER TABLE t RENAME CONSTRAINT a TO b;"
      "ALTER VIEW v RENAME COLUMN a TO b;"
      "ALTER INDEX i RENAME TO j;"
      "ALTER TABLE t OWNER TO x;"
      "ALTER TYPE \"Role\" SET SCHEMA s;"
      "DROP TABLE t;"
      "DROP TYPE \"Role\";"
      "CREATE OR REPLACE VIEW v AS SELECT 1;"
      "CREATE MATERIALIZED VIEW m AS SELECT 1;"
      "CREATE SEQUENCE q;"
      "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;"
      "CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';"
      "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();"
      "UPDATE t SET a = 1;"
      "DELETE FROM t;"
      "INSERT INTO t SELECT 1;"
      "SET lock_timeout = '5s';"
      "COMMENT ON TABLE t IS 'x';"
      "GRANT SELECT ON t TO x;"
      "CREATE POLICY p ON t USING (true);"
      "CREATE SCHEMA IF NOT EXISTS s;"
      "LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
  EXPECT_EQ(
      kinds(s),
      (std::vector<std::string>{
          "CREATE TYPE",     "CREATE TABLE",    "ALTER TABLE",      "ALTER TABLE",
          "ALTER VIEW",      "ALTER INDEX",     "ALTER TABLE",      "ALTER TYPE",
          "DROP TABLE",      "DROP TYPE",       "CREATE VIEW",      "CREATE MATERIALIZED VIEW",
          "CREATE SEQUENCE", "CREATE FUNCTION", "CREATE PROCEDURE", "CREATE TRIGGER",
          "UPDATE",          "DELETE",          "INSERT",           "SET",
          "COMMENT",         "GRANT",           "CREATE POLICY",    "CREATE SCHEMA",
          "LOCK TABLE"}));
  EXPECT_EQ(s.mode, TransactionMode::kSingle);
}

TEST(PgSplit, SyntaxErrorInStatementThreeStillSplits) {
  const std::string script =
      "CREATE TABLE a (id int);\n"
      "CREATE TABLE b (id int);\n"
      "CREATE TABLEX c (id int);\n"
      "DO $$ BEGIN PERFORM 1; END $$;\n"
      "CREATE INDEX CONCURRENTLY i ON a(id);\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 5u);
  EXPECT_EQ(lines(s), (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(s.statements[2].text, "CREATE TABLEX c (id int)");
  EXPECT_FALSE(s.statements[2].parsed);
  EXPECT_EQ(s.statements[2].kind, "CREATE TABLEX");
  EXPECT_TRUE(s.statements[0].parsed);
  EXPECT_EQ(s.statements[3].kind, "DO");
  // The statements around the bad one are still classified from their parse trees.
  EXPECT_EQ(s.statements[4].kind, "CREATE INDEX CONCURRENTLY");
  EXPECT_EQ(s.mode, TransactionMode::kAutocommit);
  expect_texts_in_place(script, s);
}

TEST(PgSplit, UnparsableStatementsAreClassifiedByKeywords) {
  // MERGE ... RETURNING is PostgreSQL 17 syntax: libpg_query (PostgreSQL 15) rejects it.
  auto s = split_script(
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE RETURNING *;\n"
      "CREATE UNIQUE INDEX CONCURRENTLY i ON t(a) WHERE WHERE;\n"
      "BEGIN TRANSACTION ISOLATION LEVEL NOPE;\n");
  ASSERT_EQ(s.statements.size(), 3u);
  EXPECT_FALSE(s.statements[0].parsed);
  EXPECT_EQ(s.statements[0].kind, "MERGE");
  EXPECT_EQ(s.statements[1].kind, "CREATE INDEX CONCURRENTLY");
  EXPECT_TRUE(s.statements[1].no_transaction);
  EXPECT_EQ(s.statements[2].kind, "BEGIN");
  EXPECT_TRUE(s.statements[2].transaction_control);
}

TEST(PgSplit, AtomicFunctionBodySurvivesASyntaxErrorElsewhere) {
  // The scanner alone would cut the BEGIN ATOMIC body at its inner ';'.
  const std::string script =
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\n"
      "END;\nSELECT x y z;\nCREATE INDEX CONCURRENTLY i ON t(a);\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 3u);
  EXPECT_EQ(s.statements[0].kind, "CREATE FUNCTION");
  EXPECT_TRUE(s.statements[0].parsed);
  EXPECT_TRUE(s.statements[0].text.ends_with("END"));
  EXPECT_FALSE(s.statements[1].parsed);
  EXPECT_EQ(lines(s), (std::vector<int>{1, 6, 7}));
  EXPECT_EQ(s.mode, TransactionMode::kAutocommit);
  expect_texts_in_place(script, s);
}

TEST(PgSplit, UnterminatedQuoteBecomesOneStatement) {
  // Even the scanner gives up: the whole script goes to the server, which reports it.
  const std::string script = "\n\nCREATE TABLE a (id int);\nINSERT INTO a VALUES ('oops);\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 1u);
  EXPECT_EQ(s.statements[0].line, 3);
  EXPECT_FALSE(s.statements[0].parsed);
  EXPECT_EQ(s.statements[0].text, "CREATE TABLE a (id int);\nINSERT INTO a VALUES ('oops);");
}

TEST(PgSplit, CrlfLineEnds) {
  const std::string script =
      "-- CreateTable\r\nCREATE TABLE \"A\" (\r\n  \"id\" TEXT\r\n);\r\n\r\n"
      "-- CreateIndex\r\nCREATE UNIQUE INDEX \"A_id_key\" ON \"A\"(\"id\");\r\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(s.statements[0].text, "CREATE TABLE \"A\" (\r\n  \"id\" TEXT\r\n)");
  EXPECT_EQ(lines(s), (std::vector<int>{2, 7}));
  EXPECT_EQ(s.statements[1].text.back(), ')');
  expect_texts_in_place(script, s);
}

TEST(PgSplit, ByteOrderMarkAtStartIsSkipped) {
  const std::string script = "\xEF\xBB\xBF-- CreateTable\nCREATE TABLE a (id int);\nSELECT 1;";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(s.statements[0].text, "CREATE TABLE a (id int)");
  EXPECT_EQ(s.statements[0].line, 2);
  EXPECT_TRUE(s.statements[0].parsed);
  EXPECT_EQ(s.statements[1].line, 3);
  // Directly before the first token.
  auto bom = split_script(
      "\xEF\xBB\xBF"
      "SELECT 1");
  EXPECT_EQ(bom.offset_of(bom.statements.at(0)), 3u);
}

TEST(PgSplit, MultiByteTextKeepsByteOffsets) {
  const std::string script = "COMMENT ON TABLE t IS 'Größe; ✓';\n  SELECT '日本';";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(s.statements[1].text, "SELECT '日本'");
  EXPECT_EQ(s.statements[1].line, 2);
  expect_texts_in_place(script, s);
}

TEST(PgSplit, NulByteIsAnError) {
  std::string script = "SELECT 1;\nSELECT 2;";
  script[12] = '\0';
  try {
    split_script(script);
    FAIL() << "expected GW1201";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW1201");
    EXPECT_NE(e.message().find("line 2"), std::string::npos);
  }
}

TEST(PgParseTree, ClassifiesOneStatementFromItsTree) {
  auto c = classify_sql("CREATE INDEX CONCURRENTLY i ON \"T\" (a DESC)");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->kind, "CREATE INDEX CONCURRENTLY");
  EXPECT_TRUE(c->no_transaction);
  EXPECT_FALSE(classify_sql("CREATE TABLEX t").has_value());
  EXPECT_FALSE(classify_sql("-- nothing").has_value());
  EXPECT_FALSE(classify_sql("SELECT 1; SELECT 2").has_value());
}

TEST(PgParseTree, ParseSqlGivesTheParsersStatementBounds) {
  auto out = parse_sql("SELECT 1;\n  -- c\nSELECT 2");
  ASSERT_FALSE(out.error.has_value());
  ASSERT_EQ(out.ranges.size(), 2u);
  EXPECT_EQ(out.ranges[0].begin, 0u);
  EXPECT_EQ(out.ranges[0].end, 8u);
  EXPECT_EQ(out.ranges[1].begin, 9u);
  EXPECT_EQ(out.ranges[1].end, 25u);
}

TEST(PgParseTree, ParseErrorHasCharacterPosition) {
  // 'ééé' is 5 characters but 8 bytes: the position counts characters.
  auto out = parse_sql("SELECT 'ééé'\nFROM x WHERE WHERE");
  ASSERT_TRUE(out.error.has_value());
  EXPECT_EQ(out.error->message, "syntax error at or near \"WHERE\"");
  EXPECT_EQ(out.error->position, 27);
  EXPECT_TRUE(out.ranges.empty());
}

}  // namespace
}  // namespace godwit::postgres
