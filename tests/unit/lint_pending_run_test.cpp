// Lint with the context of the pending set (lint::RunOptions::pending_run): a non-concurrent
// CREATE INDEX, a foreign key, a missing lock_timeout ... on a table that an earlier pending
// migration of the same deploy creates is no hazard (the table is new and empty when the deploy
// reaches it, and nobody else uses it); on a table that already exists, or one an earlier
// migration filled, it still is. Real PostgreSQL linter, real parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
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

// The lines of `file` that report `code`.
std::vector<int> lines_of(const lint::Report& r, const std::string& file, const std::string& code) {
  std::vector<int> lines;
  for (const auto& f : r.findings) {
    if (f.code == code && f.file == file) lines.push_back(f.line);
  }
  return lines;
}

std::string with_table(std::string sql, const std::string& table) {
  for (std::size_t at = sql.find("\"T"); at != std::string::npos; at = sql.find("\"T", at)) {
    sql.replace(at + 1, 1, table);
    at += table.size() + 1;
  }
  return sql;
}

const std::string kCreateTeamNoKey =
    "CREATE TABLE \"Team\" (\"id\" TEXT NOT NULL, \"name\" TEXT NOT NULL, \"n\" INTEGER,\n"
    "  \"owner\" TEXT);\n";

// Every rule whose hazard is a lock, a rewrite, a scan, lost rows or broken clients of an
// existing table, on one statement (or two) about table "T": reported when "T" is the existing
// "User", quiet when it is "Team", which the earlier pending migration creates.
TEST(LintPendingRun, RulesAboutAnExistingTableAreQuietOnATableCreatedEarlierInTheRun) {
  const std::map<std::string, std::string> cases = {
      {"index-create-not-concurrent", "CREATE INDEX \"T_name_idx\" ON \"T\"(\"name\");"},
      {"foreign-key-validated-inline",
       "ALTER TABLE \"T\" ADD CONSTRAINT \"T_owner_fkey\" FOREIGN KEY (\"owner\") REFERENCES "
       "\"Owner\"(\"id\");"},
      {"check-constraint-validated-inline",
       "ALTER TABLE \"T\" ADD CONSTRAINT \"T_n_check\" CHECK (\"n\" > 0);"},
      {"unique-constraint-direct",
       "ALTER TABLE \"T\" ADD CONSTRAINT \"T_name_key\" UNIQUE (\"name\");"},
      {"primary-key-direct", "ALTER TABLE \"T\" ADD PRIMARY KEY (\"id\");"},
      {"exclusion-constraint",
       "ALTER TABLE \"T\" ADD CONSTRAINT \"T_excl\" EXCLUDE USING gist (\"n\" WITH =);"},
      {"set-not-null-scan", "ALTER TABLE \"T\" ALTER COLUMN \"n\" SET NOT NULL;"},
      {"add-column-volatile-default",
       "ALTER TABLE \"T\" ADD COLUMN \"u\" UUID DEFAULT gen_random_uuid();"},
      {"add-stored-generated-column",
       "ALTER TABLE \"T\" ADD COLUMN \"g\" INTEGER GENERATED ALWAYS AS (\"n\" * 2) STORED;"},
      {"add-serial-column", "ALTER TABLE \"T\" ADD COLUMN \"s\" SERIAL;"},
      {"column-type-change", "ALTER TABLE \"T\" ALTER COLUMN \"n\" TYPE BIGINT;"},
      {"add-required-column", "ALTER TABLE \"T\" ADD COLUMN \"r\" TEXT NOT NULL;"},
      {"backfill-in-ddl-transaction",
       "ALTER TABLE \"T\" ADD COLUMN \"b\" TEXT;\nUPDATE \"T\" SET \"b\" = 'x';"},
      {"missing-lock-timeout", "ALTER TABLE \"T\" ADD COLUMN \"c\" TEXT;"},
      {"missing-statement-timeout", "ALTER TABLE \"T\" ADD COLUMN \"c\" TEXT;"},
      {"drop-table", "DROP TABLE \"T\";"},
      {"drop-column", "ALTER TABLE \"T\" DROP COLUMN \"n\";"},
      {"drop-foreign-key", "ALTER TABLE \"T\" DROP CONSTRAINT \"T_owner_fkey\";"},
      {"rename-column", "ALTER TABLE \"T\" RENAME COLUMN \"n\" TO \"m\";"},
      {"rename-table", "ALTER TABLE \"T\" RENAME TO \"T2\";"},
      {"drop-not-null", "ALTER TABLE \"T\" ALTER COLUMN \"name\" DROP NOT NULL;"},
  };
  const std::string second = "20240102000000_change/migration.sql";
  for (const auto& [code, sql] : cases) {
    SCOPED_TRACE(code + ": " + sql);
    auto run = [&](const std::string& table, bool pending_run) {
      const std::vector<lint::Input> inputs = {
          migration("20240101000000_team", kCreateTeamNoKey),
          migration("20240102000000_change", with_table(sql, table) + "\n"),
      };
      return lines_of(lint_run(inputs, pending_run), second, code);
    };
    EXPECT_TRUE(run("Team", true).empty()) << "reported on the table the run creates";
    EXPECT_FALSE(run("User", true).empty()) << "not reported on an existing table";
    // Linted on its own (--all, paths), "Team" may exist with rows somewhere: reported.
    EXPECT_FALSE(run("Team", false).empty()) << "not reported outside a pending run";
  }
}

// A foreign key locks both tables (SHARE ROW EXCLUSIVE). Validating it scans the referencing
// table, so only that one must be new for foreign-key-validated-inline to be quiet; the lock on
// a referenced table that exists still has to be queued for behind its users, which
// missing-lock-timeout keeps reporting.
TEST(LintPendingRun, AForeignKeyIsHarmlessOnlyWhenItsTablesAreNew) {
  const std::string second = "20240102000000_fk/migration.sql";
  auto run = [&](const std::string& first_sql, const std::string& fk) {
    const std::vector<lint::Input> inputs = {
        migration("20240101000000_team", first_sql),
        migration("20240102000000_fk", fk),
    };
    return lint_run(inputs, true);
  };
  const std::string team_to_owner =
      "ALTER TABLE \"Team\" ADD CONSTRAINT \"Team_owner_fkey\" FOREIGN KEY (\"owner\") "
      "REFERENCES \"Owner\"(\"id\");\n";
  // New referencing table, existing referenced table: no scan to speak of, but the lock on
  // "Owner" is still queued for.
  auto r = run(kCreateTeamNoKey, team_to_owner);
  EXPECT_TRUE(lines_of(r, second, "foreign-key-validated-inline").empty());
  EXPECT_EQ(lines_of(r, second, "missing-lock-timeout"), std::vector<int>{1});
  EXPECT_EQ(lines_of(r, second, "missing-statement-timeout"), std::vector<int>{1});
  // Both tables new: nothing to report.
  r = run(kCreateTeamNoKey + "CREATE TABLE \"Owner\" (\"id\" TEXT PRIMARY KEY);\n", team_to_owner);
  EXPECT_TRUE(lines_of(r, second, "foreign-key-validated-inline").empty());
  EXPECT_TRUE(lines_of(r, second, "missing-lock-timeout").empty());
  EXPECT_TRUE(lines_of(r, second, "missing-statement-timeout").empty());
  // Existing referencing table, new referenced table: every row of "User" is still checked
  // under the lock.
  r = run(kCreateTeamNoKey,
          "ALTER TABLE \"User\" ADD CONSTRAINT \"User_team_fkey\" FOREIGN KEY (\"teamId\") "
          "REFERENCES \"Team\"(\"id\");\n");
  EXPECT_EQ(lines_of(r, second, "foreign-key-validated-inline"), std::vector<int>{1});
  EXPECT_EQ(lines_of(r, second, "missing-lock-timeout"), std::vector<int>{1});
  // A REFERENCES column added to the new table: the same as ADD CONSTRAINT.
  r = run(kCreateTeamNoKey,
          "ALTER TABLE \"Team\" ADD COLUMN \"ownerId\" TEXT REFERENCES \"Owner\"(\"id\");\n");
  EXPECT_TRUE(lines_of(r, second, "foreign-key-validated-inline").empty());
  EXPECT_EQ(lines_of(r, second, "missing-lock-timeout"), std::vector<int>{1});
}

// The timeouts are reported once per file, at the first statement that waits for a lock on a
// table others use: when that statement's table is new, the next one that locks an existing
// table is the one reported.
TEST(LintPendingRun, TheTimeoutFindingMovesToTheFirstStatementOnAnExistingTable) {
  const std::string second = "20240102000000_two/migration.sql";
  const std::vector<lint::Input> inputs = {
      migration("20240101000000_team", kCreateTeamNoKey),
      migration("20240102000000_two",
                "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"
                "ALTER TABLE \"User\" ADD COLUMN \"c\" TEXT;\n"
                "ALTER TABLE \"Post\" ADD COLUMN \"c\" TEXT;\n"),
  };
  for (const char* code : {"missing-lock-timeout", "missing-statement-timeout"}) {
    SCOPED_TRACE(code);
    EXPECT_EQ(lines_of(lint_run(inputs, true), second, code), std::vector<int>{2});
    EXPECT_EQ(lines_of(lint_run(inputs, false), second, code), std::vector<int>{1});
  }
  // A SET lock_timeout before the first statement on an existing table: nothing to report.
  const std::vector<lint::Input> set_later = {
      migration("20240101000000_team", kCreateTeamNoKey),
      migration("20240102000000_two",
                "CREATE INDEX \"Team_name_idx\" ON \"Team\"(\"name\");\n"
                "SET lock_timeout = '2s';\n"
                "ALTER TABLE \"User\" ADD COLUMN \"c\" TEXT;\n"),
  };
  EXPECT_TRUE(lines_of(lint_run(set_later, true), second, "missing-lock-timeout").empty());
  EXPECT_EQ(lines_of(lint_run(set_later, false), second, "missing-lock-timeout"),
            std::vector<int>{1});
  // Rows written to the new table earlier in the same file: it counts as in use.
  const std::vector<lint::Input> filled = {
      migration("20240101000000_team", kCreateTeamNoKey),
      migration("20240102000000_two",
                "INSERT INTO \"Team\" (\"id\", \"name\") VALUES ('a', 'b');\n"
                "ALTER TABLE \"Team\" ADD COLUMN \"c\" TEXT;\n"
                "ALTER TABLE \"User\" ADD COLUMN \"c\" TEXT;\n"),
  };
  EXPECT_EQ(lines_of(lint_run(filled, true), second, "missing-lock-timeout"), std::vector<int>{2});
}

}  // namespace
}  // namespace godwit::test
