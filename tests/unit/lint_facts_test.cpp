// pgparse/facts: the typed statement facts lint rules read (operation, table, lock level,
// column and constraint details), and the engine's suppressions and godwit.toml parsing.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "dialect/postgres/pgparse/facts.hpp"
#include "lint/config.hpp"

namespace godwit::postgres {
namespace {

Action only_action(std::string_view sql) {
  FileFacts f = file_facts(sql);
  EXPECT_EQ(f.facts.size(), 1u);
  EXPECT_EQ(f.facts.at(0).actions.size(), 1u) << sql;
  return f.facts.at(0).actions.at(0);
}

TEST(LintFacts, LockLevelsFollowPostgresDocumentation) {
  EXPECT_EQ(only_action("CREATE INDEX i ON t (a)").lock, LockLevel::kShare);
  EXPECT_EQ(only_action("CREATE INDEX CONCURRENTLY i ON t (a)").lock,
            LockLevel::kShareUpdateExclusive);
  EXPECT_EQ(only_action("ALTER TABLE t ADD COLUMN a int").lock, LockLevel::kAccessExclusive);
  EXPECT_EQ(only_action("ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)").lock,
            LockLevel::kShareRowExclusive);
  EXPECT_EQ(only_action("ALTER TABLE t VALIDATE CONSTRAINT f").lock,
            LockLevel::kShareUpdateExclusive);
  EXPECT_EQ(only_action("DROP INDEX CONCURRENTLY i").lock, LockLevel::kShareUpdateExclusive);
  EXPECT_EQ(only_action("UPDATE t SET a = 1").lock, LockLevel::kRowExclusive);
  EXPECT_EQ(only_action("LOCK TABLE t IN SHARE MODE").lock, LockLevel::kShare);
  EXPECT_EQ(lock_name(LockLevel::kAccessExclusive), "ACCESS EXCLUSIVE");
  EXPECT_NE(lock_blocks(LockLevel::kShare).find("writes"), std::string_view::npos);
}

TEST(LintFacts, ColumnsAndConstraints) {
  Action a = only_action(
      "ALTER TABLE \"s\".\"t\" ADD COLUMN \"c\" VARCHAR(191) NOT NULL DEFAULT gen_random_uuid()");
  EXPECT_EQ(a.op, Op::kAddColumn);
  EXPECT_EQ(a.table.quoted(), "\"s\".\"t\"");
  EXPECT_EQ(a.column.type, "varchar");
  EXPECT_EQ(a.column.typmods, std::vector<long>{191});
  EXPECT_TRUE(a.column.not_null);
  EXPECT_TRUE(a.column.volatile_default);
  EXPECT_EQ(a.column.default_function, "gen_random_uuid");

  a = only_action("ALTER TABLE t ADD COLUMN c timestamp(3) DEFAULT CURRENT_TIMESTAMP");
  EXPECT_TRUE(a.column.has_default);
  EXPECT_FALSE(a.column.volatile_default);

  a = only_action(
      "ALTER TABLE t ADD CONSTRAINT k CHECK (a IS NOT NULL AND b IS NOT NULL) NOT VALID");
  ASSERT_EQ(a.constraints.size(), 1u);
  EXPECT_EQ(a.constraints[0].kind, ConstraintFacts::Kind::kCheck);
  EXPECT_TRUE(a.constraints[0].not_valid);
  EXPECT_EQ(a.constraints[0].not_null_columns, (std::vector<std::string>{"a", "b"}));

  a = only_action("CREATE TABLE t (id bigserial PRIMARY KEY, j json, CONSTRAINT u UNIQUE (j))");
  EXPECT_EQ(a.op, Op::kCreateTable);
  ASSERT_EQ(a.columns.size(), 2u);
  EXPECT_TRUE(a.columns[0].serial);
  EXPECT_TRUE(a.columns[0].primary_key);
  EXPECT_EQ(a.columns[1].type, "json");
  ASSERT_EQ(a.constraints.size(), 1u);
  EXPECT_EQ(a.constraints[0].kind, ConstraintFacts::Kind::kUnique);
}

TEST(LintFacts, OneActionPerAlterTableSubcommand) {
  FileFacts f = file_facts(
      "ALTER TABLE t DROP COLUMN a, ALTER COLUMN b SET NOT NULL;\n"
      "ALTER TABLE t ALTER COLUMN b TYPE text, ALTER COLUMN c DROP NOT NULL;");
  ASSERT_EQ(f.facts.size(), 2u);
  ASSERT_EQ(f.facts[0].actions.size(), 2u);
  EXPECT_EQ(f.facts[0].actions[0].op, Op::kDropColumn);
  EXPECT_EQ(f.facts[0].actions[1].op, Op::kSetNotNull);
  EXPECT_EQ(f.facts[1].actions[0].op, Op::kAlterColumnType);
  EXPECT_EQ(f.facts[1].actions[1].op, Op::kDropNotNull);
}

TEST(LintFacts, UnparsableFileFallsBackToTheRunnersSplit) {
  FileFacts f =
      file_facts("CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMNN x int;\nDROP TABLE a;");
  ASSERT_EQ(f.script.statements.size(), 3u);
  EXPECT_TRUE(f.script.statements[0].parsed);
  EXPECT_FALSE(f.script.statements[1].parsed);
  EXPECT_TRUE(f.facts[1].actions.empty());
  ASSERT_EQ(f.facts[2].actions.size(), 1u);
  EXPECT_EQ(f.facts[2].actions[0].op, Op::kDrop);
  EXPECT_EQ(f.script.statements[2].line, 3);
}

TEST(LintFacts, SettingsAndTransactions) {
  FileFacts f =
      file_facts("SET lock_timeout = '5s'; BEGIN; CREATE INDEX CONCURRENTLY i ON t (a); COMMIT;");
  ASSERT_EQ(f.facts.size(), 4u);
  EXPECT_EQ(f.facts[0].actions[0].op, Op::kSetting);
  EXPECT_EQ(f.facts[0].actions[0].object, "lock_timeout");
  EXPECT_EQ(f.facts[0].actions[0].new_name, "5s");
  EXPECT_EQ(f.facts[1].actions[0].op, Op::kBegin);
  EXPECT_EQ(f.facts[3].actions[0].op, Op::kCommit);
  EXPECT_EQ(f.script.mode, sql::TransactionMode::kAsWritten);
}

TEST(LintConfig, ParsesTheLintTable) {
  auto c = lint::parse_config(
      "[lint]\ndisable = [\"drop-column\"]\ninclude = [\"design\"]\n[lint.severity]\n"
      "rename-column = \"error\"\n",
      "godwit.toml");
  EXPECT_TRUE(c.disabled.contains("drop-column"));
  EXPECT_TRUE(c.included.contains("design"));
  EXPECT_EQ(c.severity.at("rename-column"), lint::Severity::kError);
  EXPECT_TRUE(lint::parse_config("[other]\nx = 1\n", "godwit.toml").disabled.empty());
  try {
    lint::parse_config("[lint.severity]\nrename-column = \"fatal\"\n", "godwit.toml");
    ADD_FAILURE() << "a bad level was accepted";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2403");
  }
}

}  // namespace
}  // namespace godwit::postgres
