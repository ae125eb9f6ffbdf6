// SQLite script splitting (sqlite3_complete) and classification; the pieces are executed
// on a real SQLite database to show each is a whole statement.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "dialect/sqlite/run/split.hpp"

namespace godwit::sqlite {
namespace {

using sql::TransactionMode;

std::vector<std::string> kinds(const sql::Script& s) {
  std::vector<std::string> out;
  for (const auto& st : s.statements)
    out.emplace_back(st.kind.view());
  return out;
}
std::vector<int> lines(const sql::Script& s) {
  std::vector<int> out;
  for (const auto& st : s.statements)
    out.push_back(st.line);
  return out;
}

// Runs each statement on its own on a fresh in-memory database; returns the first error.
std::string run_each(const sql::Script& s) {
  sqlite3* raw = nullptr;
  sqlite3_open(":memory:", &raw);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
  for (const auto& st : s.statements) {
    char* err = nullptr;
    if (sqlite3_exec(db.get(), std::string(st.text).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = "line " + std::to_string(st.line) + ": " + (err ? err : "?");
      sqlite3_free(err);
      return msg;
    }
  }
  return {};
}

TEST(SqliteSplit, TriggerBodiesStayWhole) {
  const std::string script =
      "CREATE TABLE \"A\" (\"id\" INTEGER PRIMARY KEY, \"n\" TEXT DEFAULT 'a;b');\n"
      "CREATE TABLE log (msg TEXT);\n"
      "CREATE TRIGGER a_ins AFTER INSERT ON \"A\"\nBEGIN\n"
      "  INSERT INTO log VALUES ('ins;' || NEW.n);\n  UPDATE log SET msg = msg || ';';\nEND;\n"
      "CREATE TEMP TRIGGER a_del BEFORE DELETE ON \"A\" BEGIN SELECT 1; END;\n"
      "INSERT INTO \"A\" (\"n\") VALUES ('x');\n";
  auto s = split_script(script);
  EXPECT_EQ(kinds(s), (std::vector<std::string>{"CREATE TABLE", "CREATE TABLE", "CREATE TRIGGER",
                                                "CREATE TRIGGER", "INSERT"}));
  EXPECT_EQ(lines(s), (std::vector<int>{1, 2, 3, 8, 9}));
  EXPECT_TRUE(s.statements[2].text.ends_with("END"));
  EXPECT_EQ(s.mode, TransactionMode::kSingle);
  EXPECT_EQ(run_each(s), "");
}

TEST(SqliteSplit, StringsCommentsAndQuotedNames) {
  const std::string script =
      "-- CreateTable\n/* a ; comment /* not nested */\n"
      "CREATE TABLE \"x;y\" (`a;` TEXT, [b;] TEXT DEFAULT 'it''s;');\n"
      "INSERT INTO \"x;y\" VALUES ('--;', '/*;*/') -- tail;\n;\n"
      ";;\n-- the end;\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(s.statements[0].text, "CREATE TABLE \"x;y\" (`a;` TEXT, [b;] TEXT DEFAULT 'it''s;')");
  EXPECT_EQ(s.statements[0].line, 3);
  EXPECT_EQ(s.statements[1].text, "INSERT INTO \"x;y\" VALUES ('--;', '/*;*/') -- tail;");
  EXPECT_EQ(run_each(s), "");
}

TEST(SqliteSplit, FinalStatementWithoutSemicolon) {
  auto s = split_script("CREATE TABLE a (x);\nINSERT INTO a VALUES (1)\n-- done\n");
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(s.statements[1].text, "INSERT INTO a VALUES (1)\n-- done");
  EXPECT_TRUE(split_script("-- This is an empty migration.").statements.empty());
  EXPECT_TRUE(split_script("").statements.empty());
}

TEST(SqliteSplit, PrismaRedefinitionPragmas) {
  // prisma-compat.md §7.8, newer and older forms, as real migrations write them.
  const std::string script =
      "-- RedefineTables\nPRAGMA defer_foreign_keys=ON;\nPRAGMA foreign_keys=OFF;\n"
      "CREATE TABLE \"new_T\" (\"id\" TEXT NOT NULL PRIMARY KEY);\n"
      "INSERT INTO \"new_T\" (\"id\") SELECT \"id\" FROM \"T\";\nDROP TABLE \"T\";\n"
      "ALTER TABLE \"new_T\" RENAME TO \"T\";\nPRAGMA foreign_key_check(\"T\");\n"
      "PRAGMA foreign_keys=ON;\nPRAGMA defer_foreign_keys=OFF;\n";
  auto s = split_script(script);
  EXPECT_EQ(kinds(s), (std::vector<std::string>{
                          "PRAGMA defer_foreign_keys", "PRAGMA foreign_keys", "CREATE TABLE",
                          "INSERT", "DROP TABLE", "ALTER TABLE", "PRAGMA foreign_key_check",
                          "PRAGMA foreign_keys", "PRAGMA defer_foreign_keys"}));
  EXPECT_EQ(sqlite::pragma_value(s.statements[0]), "ON");
  EXPECT_EQ(sqlite::pragma_value(s.statements[1]), "OFF");
  EXPECT_EQ(sqlite::pragma_value(s.statements[6]), "T");
  EXPECT_EQ(sqlite::pragma_value(s.statements[7]), "ON");
  // foreign_keys is a silent no-op inside a transaction; defer_foreign_keys is not.
  EXPECT_FALSE(s.statements[0].no_transaction);
  EXPECT_TRUE(s.statements[1].no_transaction);
  EXPECT_FALSE(s.statements[6].no_transaction);
  EXPECT_EQ(s.mode, TransactionMode::kAutocommit);
  EXPECT_EQ(lines(s), (std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

TEST(SqliteSplit, PragmaSpellings) {
  struct Case {
    const char* sql;
    const char* kind;
    const char* value;
    bool no_transaction;
  };
  const Case cases[] = {
      {"PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys", "OFF", true},
      {"pragma Foreign_Keys=off", "PRAGMA foreign_keys", "off", true},
      {"PRAGMA   main.foreign_keys\n=\n0", "PRAGMA foreign_keys", "0", true},
      {"PRAGMA foreign_keys=off", "PRAGMA foreign_keys", "off", true},
      {"PRAGMA foreign_keys", "PRAGMA foreign_keys", "", false},
      {"PRAGMA /* c */ foreign_keys ( 'ON' )", "PRAGMA foreign_keys", "ON", true},
      {"Pragma writable_schema=1", "PRAGMA writable_schema", "1", false},
      {"PRAGMA foreign_key_check", "PRAGMA foreign_key_check", "", false},
      {"PRAGMA foreign_key_check('a''b')", "PRAGMA foreign_key_check", "a'b", false},
      {"PRAGMA journal_mode=WAL", "PRAGMA journal_mode", "WAL", true},
      {"PRAGMA journal_mode", "PRAGMA journal_mode", "", false},
      {"PRAGMA synchronous = NORMAL", "PRAGMA synchronous", "NORMAL", true},
      {"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA wal_checkpoint", "TRUNCATE", true},
      {"PRAGMA user_version = 3", "PRAGMA user_version", "3", false},
  };
  for (const Case& c : cases) {
    const std::string sql = std::string(c.sql) + ";";  // the statements view it: keep it alive
    auto s = split_script(sql);
    ASSERT_EQ(s.statements.size(), 1u) << c.sql;
    EXPECT_EQ(s.statements[0].kind, c.kind) << c.sql;
    EXPECT_EQ(sqlite::pragma_value(s.statements[0]), c.value) << c.sql;
    EXPECT_EQ(s.statements[0].no_transaction, c.no_transaction) << c.sql;
  }
}

TEST(SqliteSplit, TransactionControlAndVacuum) {
  auto s = split_script(
      "BEGIN IMMEDIATE TRANSACTION; SAVEPOINT s; RELEASE s; ROLLBACK TRANSACTION TO SAVEPOINT s;"
      " END TRANSACTION; COMMIT; ROLLBACK; VACUUM; CREATE INDEX \"i\" ON t(a)");
  EXPECT_EQ(kinds(s),
            (std::vector<std::string>{"BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK TO SAVEPOINT",
                                      "COMMIT", "COMMIT", "ROLLBACK", "VACUUM", "CREATE INDEX"}));
  for (std::size_t i = 0; i < 7; ++i)
    EXPECT_TRUE(s.statements[i].transaction_control) << i;
  EXPECT_TRUE(s.statements[7].no_transaction);
  EXPECT_FALSE(s.statements[8].transaction_control);
  EXPECT_EQ(s.mode, TransactionMode::kAsWritten);
  EXPECT_EQ(split_script("VACUUM").mode, TransactionMode::kAutocommit);
}

TEST(SqliteSplit, CrlfAndByteOrderMark) {
  const std::string script =
      "\xEF\xBB\xBF-- CreateTable\r\nCREATE TABLE \"A\" (\r\n    \"id\" TEXT NOT NULL\r\n);"
      "\r\n\r\n-- CreateIndex\r\nCREATE UNIQUE INDEX \"A_id_key\" ON \"A\"(\"id\");\r\n";
  auto s = split_script(script);
  ASSERT_EQ(s.statements.size(), 2u);
  EXPECT_EQ(s.statements[0].text, "CREATE TABLE \"A\" (\r\n    \"id\" TEXT NOT NULL\r\n)");
  EXPECT_EQ(lines(s), (std::vector<int>{2, 7}));
  EXPECT_EQ(s.offset_of(s.statements[0]), script.find("CREATE"));
  EXPECT_EQ(kinds(s), (std::vector<std::string>{"CREATE TABLE", "CREATE INDEX"}));
  EXPECT_EQ(run_each(s), "");
}

TEST(SqliteSplit, NulByteIsAnError) {
  std::string script = "SELECT 1;\0SELECT 2;";
  script.push_back('\0');
  EXPECT_THROW(split_script(script), core::Error);
}

}  // namespace
}  // namespace godwit::sqlite
