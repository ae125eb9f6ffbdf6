// Lint with the context of the pending set (lint::RunOptions::pending_run): a non-concurrent
// CREATE INDEX on a table that an earlier pending migration of the same deploy creates is no
// lock hazard (the table is new and empty when the deploy reaches it); on a table that already
// exists, or one an earlier migration filled, it still is. Real PostgreSQL linter, real parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dialect/registry.hpp"
#include "lint/run.hpp"

namespace godwit::test {
namespace {

lint::Input migration(const std::string& name, const std::string& sql) {
  return {name + "/migration.sql", name, sql};
}

// The lines of `file` that report index-create-not-concurrent.
std::vector<int> index_findings(const lint::Report& r, const std::string& file) {
  std::vector<int> lines;
  for (const auto& f : r.findings) {
    if (f.code == "index-create-not-concurrent" && f.file == file) lines.push_back(f.line);
  }
  return lines;
}

lint::Report lint_run(const std::vector<lint::Input>& inputs, bool pending_run) {
  lint::RunOptions options;
  options.pending_run = pending_run;
  options.threads = 2;  // results must not depend on which thread linted which file
  return lint::run(*dialect::find_parts("postgresql")->linter, inputs, options);
}

const std::string kCreateTeam =
    "CREATE TABLE \"Team\" (\"id\" TEXT NOT NULL, \"name\" TEXT NOT NULL,\n"
    "  CONSTRAINT \"Team_pkey\" PRIMARY KEY (\"id\"));\n";

TEST(LintPendingRun, IndexOnATableAnEarlierPendingMigrationCreatesIsFine) {
  const std::vector<lint::Input> inputs = {
      migration("20240101000000_team", kCreateTeam),
      migration("20240102000000_team_name",
                "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"),
  };
  EXPECT_TRUE(
      index_findings(lint_run(inputs, true), "20240102000000_team_name/migration.sql").empty());
  // Without the pending set's context (--all, paths) the second file is linted on its own: the
  // table may exist with rows in some environment.
  EXPECT_EQ(index_findings(lint_run(inputs, false), "20240102000000_team_name/migration.sql"),
            std::vector<int>{1});
}

TEST(LintPendingRun, IndexOnATableThatAlreadyExistsIsStillReported) {
  const std::vector<lint::Input> inputs = {
      migration("20240101000000_team", kCreateTeam),
      migration("20240102000000_user_email",
                "CREATE INDEX \"User_email_idx\" ON \"User\"(\"email\");\n"
                "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"),
  };
  const auto r = lint_run(inputs, true);
  EXPECT_EQ(index_findings(r, "20240102000000_user_email/migration.sql"), std::vector<int>{1});
}

TEST(LintPendingRun, ATableFilledOrDroppedInBetweenIsNoLongerNew) {
  // Rows written by a migration in between: the build has data to index under its lock.
  const std::vector<lint::Input> filled = {
      migration("20240101000000_team", kCreateTeam),
      migration("20240102000000_seed",
                "INSERT INTO \"Team\" (\"id\", \"name\") VALUES ('a', 'b');\n"),
      migration("20240103000000_idx", "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"),
  };
  EXPECT_EQ(index_findings(lint_run(filled, true), "20240103000000_idx/migration.sql"),
            std::vector<int>{1});
  // Written in the same file before the index: the same.
  const std::vector<lint::Input> same_file = {
      migration("20240101000000_team", kCreateTeam),
      migration("20240102000000_seed_idx",
                "INSERT INTO \"Team\" (\"id\", \"name\") VALUES ('a', 'b');\n"
                "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"),
  };
  EXPECT_EQ(index_findings(lint_run(same_file, true), "20240102000000_seed_idx/migration.sql"),
            std::vector<int>{2});
  // A DO block may write anywhere: nothing created before it counts as empty.
  const std::vector<lint::Input> opaque = {
      migration("20240101000000_team", kCreateTeam),
      migration("20240102000000_do", "DO $$ BEGIN PERFORM 1; END $$;\n"),
      migration("20240103000000_idx", "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"),
  };
  EXPECT_EQ(index_findings(lint_run(opaque, true), "20240103000000_idx/migration.sql"),
            std::vector<int>{1});
  // Dropped and not created again: the index is on some other, existing "Team".
  const std::vector<lint::Input> dropped = {
      migration("20240101000000_team", kCreateTeam),
      migration("20240102000000_drop", "DROP TABLE \"Team\";\n"),
      migration("20240103000000_idx", "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"),
  };
  EXPECT_EQ(index_findings(lint_run(dropped, true), "20240103000000_idx/migration.sql"),
            std::vector<int>{1});
}

TEST(LintPendingRun, SchemaQualifiedNamesMatchAsWithinAFile) {
  const std::vector<lint::Input> inputs = {
      migration("20240101000000_team",
                "CREATE TABLE \"app\".\"Team\" (\"id\" TEXT NOT NULL, \"name\" TEXT);\n"),
      migration("20240102000000_idx",
                "CREATE INDEX \"Team_name_idx\" ON \"app\".\"Team\"(\"name\");\n"
                "CREATE INDEX \"Team_id_idx\" ON \"other\".\"Team\"(\"id\");\n"),
  };
  EXPECT_EQ(index_findings(lint_run(inputs, true), "20240102000000_idx/migration.sql"),
            std::vector<int>{2});
}

}  // namespace
}  // namespace godwit::test
