// `godwit migrate adopt-drift` end to end (issue 11, docs/recovery.md): a corpus history deployed
// on a real PostgreSQL database and a real SQLite file, changed by hand (an index, a column, a
// table with a row), then adopted. The real Prisma 7.10.1 (GODWIT_PRISMA_ORACLE) is the judge:
// - the migration's file is byte for byte what `prisma migrate diff --from-migrations
//   <migrations> --to-config-datasource --script` prints for the same database;
// - afterwards, with the change put in the Prisma schema, `godwit migrate dev` and `prisma
//   migrate dev --create-only` both see no drift and nothing to change, and the hand-made
//   objects and their rows are still there;
// - refusals: no drift (exit 0, nothing written), no --name without a terminal, no history
//   table, a failed, a pending, an edited and a missing migration, each with its GW code and
//   nothing written or recorded.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "live/interop/interop_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::Database;
using interop::Project;

// A corpus history and the hand-made change made on it: an index on `model`'s `index_columns`,
// a nullable column "hotfixNote" on `model`, and a table "Hotfix" with one row.
struct AdoptCase {
  std::string history;
  std::string provider;
  std::string model;
  std::string index_columns;  ///< SQL: "\"projectId\", \"createdAt\""
  std::string index_fields;   ///< PSL: "[projectId, createdAt]"
  std::string insert_row;     ///< SQL inserting a row into `model` with "hotfixNote" = 'kept'
};

void PrintTo(const AdoptCase& c, std::ostream* os) {
  *os << c.history;
}

const AdoptCase kPostgres{
    "triggerdotdev__trigger.dev/run-ops-database",
    "postgresql",
    "WaitpointTag",
    "\"projectId\", \"createdAt\"",
    "[projectId, createdAt]",
    "INSERT INTO \"WaitpointTag\" (\"id\", \"name\", \"environmentId\", \"projectId\", "
    "\"hotfixNote\") VALUES ('t1', 'tag', 'env', 'proj', 'kept');"};

const AdoptCase kSqlite{"stonith404__pingvin-share",
                        "sqlite",
                        "User",
                        "\"createdAt\"",
                        "[createdAt]",
                        "INSERT INTO \"User\" (\"id\", \"updatedAt\", \"username\", \"email\", "
                        "\"hotfixNote\") VALUES ('u1', 0, 'ann', 'ann@example.com', 'kept');"};

// Prisma 7 rejects the "metrics" preview feature the trigger.dev schemas list.
void adopt_drop_metrics_preview(const Project& project) {
  std::string schema = read_file(project.root() / "schema.prisma");
  schema = std::regex_replace(schema, std::regex(R"(, *"metrics")"), "");
  schema = std::regex_replace(schema, std::regex(R"("metrics", *)"), "");
  write_file(project.root() / "schema.prisma", schema);
}

std::string hand_made_sql(const AdoptCase& c) {
  const bool pg = c.provider == "postgresql";
  return "CREATE INDEX \"hot_idx\" ON \"" + c.model + "\"(" + c.index_columns +
         ");\n"
         "ALTER TABLE \"" +
         c.model + "\" ADD COLUMN \"hotfixNote\" TEXT;\n" +
         (pg ? "CREATE TABLE \"Hotfix\" (\"id\" SERIAL NOT NULL, \"note\" TEXT NOT NULL, "
               "CONSTRAINT \"Hotfix_pkey\" PRIMARY KEY (\"id\"));\n"
             : "CREATE TABLE \"Hotfix\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
               "\"note\" TEXT NOT NULL);\n") +
         "INSERT INTO \"Hotfix\" (\"note\") VALUES ('kept');\n" + c.insert_row + "\n";
}

// The same change in the Prisma schema: what a developer adds after adopting the drift.
void put_change_in_schema(const Project& project, const AdoptCase& c) {
  std::string schema = read_file(project.root() / "schema.prisma");
  const std::string head = "model " + c.model + " {\n";
  const auto at = schema.find(head);
  ASSERT_NE(at, std::string::npos) << head;
  schema.insert(at + head.size(),
                "  hotfixNote String?\n\n  @@index(" + c.index_fields + ", map: \"hot_idx\")\n");
  schema += "\nmodel Hotfix {\n  id   Int    @id @default(autoincrement())\n  note String\n}\n";
  write_file(project.root() / "schema.prisma", schema);
}

std::set<std::string> adopt_folders(const Project& p) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(p.migrations()))
    if (e.is_directory()) out.insert(e.path().filename().string());
  return out;
}

// Prisma's migrate dev in a clean environment (only what it needs): Prisma 7.10.1 refuses some
// flags when variables of the caller's environment look like an AI agent's. CI=1: it never
// waits for input.
CommandResult oracle_clean_env(const Project& p, const Database& db,
                               const std::vector<std::string>& args) {
  std::vector<std::string> argv{
      "env",
      "-i",
      "PATH=" + std::string(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin"),
      "HOME=" + std::string(std::getenv("HOME") ? std::getenv("HOME") : "/root"),
      "DATABASE_URL=" + db.url(),
      "NO_COLOR=1",
      "CI=1",
      prisma_oracle()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, {}, p.root());
}

class AdoptDrift : public ::testing::TestWithParam<AdoptCase> {
 protected:
  void SetUp() override {
    if (GetParam().provider == "postgresql") GODWIT_REQUIRE_PG();
    const auto source = corpus_dir() / GetParam().history;
    GODWIT_REQUIRE_LIVE_PART(fs::exists(source / "migrations"), "the corpus: " + source.string());
  }
};

TEST_P(AdoptDrift, HandMadeIndexColumnAndTableBecomeAnAppliedMigration) {
  GODWIT_REQUIRE_ORACLE();
  const AdoptCase& c = GetParam();
  Project project(corpus_dir() / c.history);
  adopt_drop_metrics_preview(project);
  Database db(c.provider, "adopt_drift");
  auto deploy = interop::godwit(project, db, {"migrate", "deploy"});
  ASSERT_EQ(deploy.exit_code, 0) << interop::describe(deploy);
  db.query(hand_made_sql(c));
  const auto before = adopt_folders(project);
  const std::string history_before = interop::history_rows(db);

  // migrate dev stops on the drift and offers adopt-drift as the way out (not only a reset).
  auto dev_drift = interop::godwit(project, db, {"migrate", "dev", "--name", "x"});
  EXPECT_EQ(dev_drift.exit_code, 130) << interop::describe(dev_drift);
  EXPECT_NE(dev_drift.err.find("run `godwit migrate adopt-drift --name <name>`"), std::string::npos)
      << interop::describe(dev_drift);
  EXPECT_EQ(adopt_folders(project), before);

  // Prisma's script for the same difference, as `migrate diff ... --script > file` writes it.
  auto expected = interop::prisma(
      project, db,
      {"migrate", "diff", "--from-migrations", "migrations", "--to-config-datasource", "--script"});
  ASSERT_EQ(expected.exit_code, 0) << interop::describe(expected);

  auto adopt = interop::godwit(project, db, {"migrate", "adopt-drift", "--name", "Hotfix by hand"});
  ASSERT_EQ(adopt.exit_code, 0) << interop::describe(adopt);
  EXPECT_NE(adopt.out.find("Drift detected"), std::string::npos) << adopt.out;
  auto after = adopt_folders(project);
  ASSERT_EQ(after.size(), before.size() + 1);
  std::string folder;
  for (const auto& f : after)
    if (!before.contains(f)) folder = f;
  EXPECT_TRUE(std::regex_match(folder, std::regex("[0-9]{14}_hotfix_by_hand"))) << folder;
  const auto script = project.migrations() / folder / "migration.sql";
  EXPECT_EQ(read_file(script), expected.out);
  EXPECT_NE(adopt.out.find(folder + "/\n    └─ migration.sql"), std::string::npos) << adopt.out;

  // Recorded as `migrate resolve --applied` records it; the other rows untouched.
  EXPECT_EQ(interop::history_rows(db), [&] {
    // history_rows orders by name: the new row sorts last (its timestamp is newest).
    return history_before + interop::row(folder, interop::sha256_of(script), 0, false, true, true);
  }()) << interop::history_rows(db);

  // Adopting again finds nothing: exit 0, nothing written.
  auto again = interop::godwit(project, db, {"migrate", "adopt-drift", "--name", "again"});
  ASSERT_EQ(again.exit_code, 0) << interop::describe(again);
  EXPECT_NE(again.out.find("No drift"), std::string::npos) << again.out;
  EXPECT_EQ(adopt_folders(project), after);

  // With the change in the schema, neither tool sees drift or anything to change.
  put_change_in_schema(project, c);
  auto dev = interop::godwit(project, db, {"migrate", "dev", "--name", "after"});
  ASSERT_EQ(dev.exit_code, 0) << interop::describe(dev);
  EXPECT_NE(dev.out.find("Already in sync, no schema change or pending migration was found."),
            std::string::npos)
      << dev.out;
  EXPECT_EQ(adopt_folders(project), after);
  auto status = interop::godwit(project, db, {"migrate", "status"});
  EXPECT_EQ(status.exit_code, 0) << interop::describe(status);
  auto p_status = interop::prisma(project, db, {"migrate", "status"});
  EXPECT_EQ(p_status.exit_code, 0) << interop::describe(p_status);
  EXPECT_NE(p_status.out.find("Database schema is up to date!"), std::string::npos)
      << interop::describe(p_status);

  auto p_dev =
      oracle_clean_env(project, db, {"migrate", "dev", "--create-only", "--name", "after"});
  ASSERT_EQ(p_dev.exit_code, 0) << interop::describe(p_dev);
  EXPECT_EQ(p_dev.out.find("Drift detected"), std::string::npos) << interop::describe(p_dev);
  EXPECT_EQ(p_dev.err.find("Drift detected"), std::string::npos) << interop::describe(p_dev);
  for (const auto& f : adopt_folders(project)) {
    if (after.contains(f)) continue;
    EXPECT_EQ(read_file(project.migrations() / f / "migration.sql"),
              "-- This is an empty migration.")
        << f;
  }

  // Nothing was dropped: the hand-made objects and their rows are still there.
  EXPECT_EQ(db.query("SELECT \"note\" FROM \"Hotfix\""), "kept\n");
  EXPECT_EQ(db.query("SELECT \"hotfixNote\" FROM \"" + c.model + "\""), "kept\n");
  const std::string index_count =
      c.provider == "postgresql"
          ? db.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'hot_idx'")
          : db.query(
                "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = "
                "'hot_idx'");
  EXPECT_EQ(index_count, "1\n");
}

TEST_P(AdoptDrift, RefusesAnUnfinishedOrDisagreeingHistoryAndWritesNothing) {
  const AdoptCase& c = GetParam();
  Project project(corpus_dir() / c.history);
  Database db(c.provider, "adopt_refusals");
  auto godwit = [&](const std::vector<std::string>& args) {
    return interop::godwit(project, db, args);
  };
  auto expect_refused = [&](const std::string& code, const std::string& says) {
    const auto folders = adopt_folders(project);
    auto r = godwit({"migrate", "adopt-drift", "--name", "refused"});
    EXPECT_EQ(r.exit_code, 1) << interop::describe(r);
    EXPECT_NE(r.err.find("Error: " + code), std::string::npos) << interop::describe(r);
    EXPECT_NE(r.err.find(says), std::string::npos) << interop::describe(r);
    EXPECT_NE(r.err.find("Nothing was written or changed."), std::string::npos)
        << interop::describe(r);
    EXPECT_EQ(adopt_folders(project), folders);
  };

  // No history table at all: baseline is the command for that.
  db.query("CREATE TABLE \"Handmade\" (\"id\" INTEGER PRIMARY KEY);");
  expect_refused("GW2813", "godwit migrate baseline");
  db.query("DROP TABLE \"Handmade\";");

  auto deploy = godwit({"migrate", "deploy"});
  ASSERT_EQ(deploy.exit_code, 0) << interop::describe(deploy);
  const std::string history = interop::history_rows(db);

  // Without --name and without a terminal (the test's stdin is a pipe), refused before any
  // work, also in CI.
  auto unnamed =
      run_godwit({"migrate", "adopt-drift"}, {"DATABASE_URL=" + db.url(), "CI=1"}, project.root());
  EXPECT_EQ(unnamed.exit_code, 1) << interop::describe(unnamed);
  EXPECT_NE(unnamed.err.find("Error: GW2815"), std::string::npos) << interop::describe(unnamed);
  EXPECT_NE(unnamed.err.find("--name"), std::string::npos) << interop::describe(unnamed);

  // No drift: exit 0, nothing written.
  const auto folders = adopt_folders(project);
  auto clean = godwit({"migrate", "adopt-drift", "--name", "nothing"});
  EXPECT_EQ(clean.exit_code, 0) << interop::describe(clean);
  EXPECT_NE(clean.out.find("No drift"), std::string::npos) << clean.out;
  EXPECT_EQ(adopt_folders(project), folders);

  // From here on there is drift, so only the history stops the command.
  db.query("CREATE TABLE \"Handmade\" (\"id\" INTEGER PRIMARY KEY);");

  // A pending migration.
  project.put_migration("99990101000000_pending", "CREATE TABLE \"Later\" (\"id\" INTEGER);\n");
  expect_refused("GW2811", "99990101000000_pending");
  fs::remove_all(project.migrations() / "99990101000000_pending");

  // An applied migration edited afterwards.
  const std::string first = *folders.begin();
  const auto first_sql = project.migrations() / first / "migration.sql";
  const std::string original = read_file(first_sql);
  write_file(first_sql, original + "\n-- edited\n");
  expect_refused("GW2812", first);
  write_file(first_sql, original);

  // An applied migration missing from the folder.
  const std::string last = *folders.rbegin();
  const auto moved = project.root() / "moved";
  fs::rename(project.migrations() / last, moved);
  expect_refused("GW2812", last);
  fs::rename(moved, project.migrations() / last);

  // A failed migration.
  project.put_migration("99990101000000_fails", "SELECT * FROM \"does_not_exist\";\n");
  auto failing = godwit({"migrate", "deploy"});
  ASSERT_EQ(failing.exit_code, 1) << interop::describe(failing);
  expect_refused("GW2810", "godwit migrate resolve --rolled-back \"99990101000000_fails\"");

  // Nothing was recorded by any refusal (the failed deploy's row aside).
  auto rows = interop::history_rows(db);
  EXPECT_EQ(rows.substr(0, history.size()), history);
  EXPECT_EQ(rows.find("refused"), std::string::npos) << rows;
}

std::string adopt_case_name(const ::testing::TestParamInfo<AdoptCase>& info) {
  return info.param.provider;
}

INSTANTIATE_TEST_SUITE_P(Corpus, AdoptDrift, ::testing::Values(kPostgres, kSqlite),
                         adopt_case_name);

}  // namespace
}  // namespace godwit::test
