// `godwit migrate dev` end to end on a real SQLite file and the suite's PostgreSQL, with the
// real Prisma 7.10.1 (GODWIT_PRISMA_ORACLE) as the reference: the texts below are the ones
// Prisma printed for the same runs (its CLI's MigrateDev and ENG dev_diagnostic_cli.rs), and
// the interop tests run Prisma itself on the same schema change.
// - first and second migration, then "Already in sync"; --create-only, edited, then applied;
// - drift made by hand: explained (with its SQL), exit 130, nothing dropped;
// - a failed migration in the history: explained with the `migrate resolve` ways out;
// - without a terminal: data-loss warnings need --accept-data-loss, a missing --name is refused
//   at once (Prisma waits for input), in CI the name is the timestamp alone (as Prisma);
// - the PostgreSQL shadow database is gone after success, failure and SIGINT;
// - interop: godwit's --create-only migration.sql is byte-identical to Prisma's, and each
//   tool's migrate dev takes the other's migration and is then in sync;
// - renames (godwit only, `--rename`; Prisma has none): a field, a model and an enum value
//   renamed with their rows intact, the suggestion printed without the flag, a flag that
//   matches nothing refused.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "live/interop/interop_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::Database;
using interop::Project;
using namespace std::chrono_literals;

std::string dev_schema(const std::string& provider, const std::string& models) {
  return "datasource db {\n  provider = \"" + provider + "\"\n}\n\n" + models;
}

const char* const kUserModel =
    "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n"
    "  name  String\n}\n";
const char* const kPostModel =
    "\nmodel Post {\n  id    Int    @id @default(autoincrement())\n  title String\n}\n";

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// A project (schema.prisma, prisma.config.ts reading DATABASE_URL, an empty migrations folder)
// and its own empty database.
struct DevProject {
  DevProject(const std::string& provider, const std::string& models)
      : provider(provider),
        project(prepared(source, provider, models)),
        db(provider, "migrate_dev") {}

  // The folder Project copies: the schema and an empty migrations folder.
  static fs::path prepared(const TempDir& dir, const std::string& provider,
                           const std::string& models) {
    write_file(dir.path() / "schema.prisma", dev_schema(provider, models));
    fs::create_directories(dir.path() / "migrations");
    return dir.path();
  }

  void set_models(const std::string& models) const {
    write_file(project.root() / "schema.prisma", dev_schema(provider, models));
  }
  CommandResult godwit(const std::vector<std::string>& args,
                       const std::vector<std::string>& extra_env = {}) const {
    // Each project its own shadow cache (dev/shadow_cache.hpp), never the user's.
    std::vector<std::string> env{"DATABASE_URL=" + db.url(), "NO_COLOR=1",
                                 "CI=", "GODWIT_CACHE_DIR=" + cache_dir().string()};
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    return run_godwit(args, env, project.root());
  }
  CommandResult prisma(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{prisma_oracle()};
    argv.insert(argv.end(), args.begin(), args.end());
    // CI=1: Prisma then never waits for a name on a stdin that is no terminal.
    return run_command(argv, {"DATABASE_URL=" + db.url(), "NO_COLOR=1", "CI=1"}, project.root());
  }
  // The migration folders, in order.
  std::vector<std::string> folders() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(project.migrations()))
      if (e.is_directory()) names.insert(e.path().filename().string());
    return {names.begin(), names.end()};
  }
  // The folder whose name ends with `_<slug>` (two made in the same second sort by their slug).
  std::string folder_named(const std::string& slug) const {
    for (const auto& f : folders())
      if (ends_with(f, "_" + slug)) return f;
    return "(no folder named *_" + slug + ")";
  }
  std::string script(const std::string& folder) const {
    return read_file(project.migrations() / folder / "migration.sql");
  }
  fs::path cache_dir() const { return source.path() / "cache"; }
  // The one shadow cache file of the project ("" when there is none).
  fs::path cache_file() const {
    if (!fs::exists(cache_dir())) return {};
    for (const auto& e : fs::directory_iterator(cache_dir()))
      if (e.path().extension() == ".json") return e.path();
    return {};
  }

  std::string provider;
  TempDir source;
  Project project;
  Database db;
};

// The shadow databases on the test server.
std::set<std::string> dev_shadow_databases() {
  std::set<std::string> out;
  std::istringstream in(psql(pg_admin_url(),
                             "SELECT datname FROM pg_database "
                             "WHERE datname LIKE 'prisma_migrate_shadow_db_%'"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.insert(line);
  return out;
}

// True once every shadow database not in `before` is gone (other tests' come and go).
bool dev_no_shadow_left(const std::set<std::string>& before) {
  for (int i = 0; i < 300; ++i) {
    bool left = false;
    for (const auto& name : dev_shadow_databases())
      left = left || !before.contains(name);
    if (!left) return true;
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

class MigrateDev : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      GODWIT_REQUIRE_PG();
      before_ = dev_shadow_databases();
    }
  }
  void TearDown() override {
    if (GetParam() == "postgresql" && !pg_admin_url().empty()) {
      EXPECT_TRUE(dev_no_shadow_left(before_)) << "a prisma_migrate_shadow_db_* was left";
    }
  }
  std::unique_ptr<DevProject> make(const std::string& models) {
    return std::make_unique<DevProject>(GetParam(), models);
  }
  std::set<std::string> before_;
};

TEST_P(MigrateDev, FirstAndSecondMigrationThenInSync) {
  auto p = make(kUserModel);
  auto first = p->godwit({"migrate", "dev", "--name", "init"});
  ASSERT_EQ(first.exit_code, 0) << interop::describe(first);
  auto folders = p->folders();
  ASSERT_EQ(folders.size(), 1u);
  EXPECT_TRUE(std::regex_match(folders[0], std::regex("[0-9]{14}_init"))) << folders[0];
  EXPECT_NE(first.out.find("\nThe following migration(s) have been created and applied from new "
                           "schema changes:\n\nmigrations/\n  └─ " +
                           folders[0] +
                           "/\n    └─ migration.sql\n\nYour database is now in "
                           "sync with your schema.\n\n"),
            std::string::npos)
      << first.out;
  EXPECT_EQ(read_file(p->project.migrations() / "migration_lock.toml"),
            "# Please do not edit this file manually\n# It should be added in your "
            "version-control system (e.g., Git)\nprovider = \"" +
                GetParam() + "\"\n");
  EXPECT_NE(p->script(folders[0]).find("-- CreateTable\nCREATE TABLE \"User\""), std::string::npos);
  EXPECT_TRUE(p->db.has_table("User"));

  p->set_models(std::string(kUserModel) + kPostModel);
  auto second = p->godwit({"migrate", "dev", "--name", "Add Posts & more!"});
  ASSERT_EQ(second.exit_code, 0) << interop::describe(second);
  folders = p->folders();
  ASSERT_EQ(folders.size(), 2u);
  EXPECT_TRUE(std::regex_match(p->folder_named("add_posts_and_more"),
                               std::regex("[0-9]{14}_add_posts_and_more")));
  EXPECT_TRUE(p->db.has_table("Post"));

  auto again = p->godwit({"migrate", "dev", "--name", "nothing"});
  ASSERT_EQ(again.exit_code, 0) << interop::describe(again);
  EXPECT_TRUE(
      ends_with(again.out, "Already in sync, no schema change or pending migration was found.\n\n"))
      << again.out;
  EXPECT_EQ(p->folders().size(), 2u);
  EXPECT_EQ(p->godwit({"migrate", "status"}).exit_code, 0);
}

TEST_P(MigrateDev, CreateOnlyThenEditedThenApplied) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->set_models(std::string(kUserModel) + kPostModel);
  auto created = p->godwit({"migrate", "dev", "--create-only", "--name", "posts"});
  ASSERT_EQ(created.exit_code, 0) << interop::describe(created);
  auto folders = p->folders();
  ASSERT_EQ(folders.size(), 2u);
  folders[1] = p->folder_named("posts");
  EXPECT_TRUE(ends_with(created.out,
                        "Prisma Migrate created the following migration without "
                        "applying it " +
                            folders[1] +
                            "\n\nYou can now edit it and apply it by running "
                            "godwit migrate dev.\n"))
      << created.out;
  EXPECT_FALSE(p->db.has_table("Post"));
  // Edited by hand before it is applied (data, no schema change): godwit applies the file as
  // it is now and has nothing more to create.
  write_file(p->project.migrations() / folders[1] / "migration.sql",
             p->script(folders[1]) + "\nINSERT INTO \"Post\" (\"title\") VALUES ('hello');\n");
  auto applied = p->godwit({"migrate", "dev", "--name", "unused"});
  ASSERT_EQ(applied.exit_code, 0) << interop::describe(applied);
  EXPECT_TRUE(ends_with(applied.out,
                        "\nThe following migration(s) have been applied:\n\nmigrations/"
                        "\n  └─ " +
                            folders[1] +
                            "/\n    └─ migration.sql\n\nYour database is now in "
                            "sync with your schema.\n\n"))
      << applied.out;
  EXPECT_EQ(p->folders().size(), 2u);
  EXPECT_EQ(p->db.query("SELECT \"title\" FROM \"Post\""), "hello\n");
}

TEST_P(MigrateDev, DriftIsExplainedWithItsSqlAndNothingIsDropped) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->db.query(
      "CREATE TABLE \"Hand\" (\"id\" INTEGER PRIMARY KEY); INSERT INTO \"Hand\" VALUES (7);");
  auto r = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(r.exit_code, 130) << interop::describe(r);
  EXPECT_NE(
      r.out.find("Drift detected: Your database schema is not in sync with your migration "
                 "history.\n\nThe following is a summary of the differences between the expected "
                 "database schema given your migrations files, and the actual schema of the "
                 "database.\n\nIt should be understood as the set of changes to get from the "
                 "expected schema to the actual schema.\n\n[+] Added tables\n  - Hand\n\nWe need "
                 "to reset the "),
      std::string::npos)
      << r.out;
  EXPECT_TRUE(ends_with(r.out,
                        "\nYou may use godwit migrate reset to drop the development "
                        "database.\nAll data will be lost.\n"))
      << r.out;
  EXPECT_NE(r.err.find("CREATE TABLE \"Hand\""), std::string::npos) << r.err;
  // The way out that keeps the change (docs/recovery.md): adopt it as a migration.
  EXPECT_NE(r.err.find("godwit migrate adopt-drift --name <name>"), std::string::npos) << r.err;
  EXPECT_EQ(p->db.query("SELECT \"id\" FROM \"Hand\""), "7\n");
  EXPECT_EQ(p->folders().size(), 1u);
}

TEST_P(MigrateDev, FailedMigrationIsExplainedWithTheWaysOut) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  const std::string bad = "20990101000000_bad";
  // The row a failed deploy leaves (started, never finished, not rolled back), whose checksum is
  // of the file as it was before it was fixed.
  p->db.query(std::string("INSERT INTO _prisma_migrations (id, checksum, migration_name, "
                          "started_at, applied_steps_count) VALUES ('failed-row', "
                          "'0000000000000000000000000000000000000000000000000000000000000000', '") +
              bad + "', " + (p->db.is_postgres() ? "now()" : "1796300000000") + ", 0);");
  p->project.put_migration(bad, "CREATE TABLE \"Ok\" (\"id\" INTEGER);\n");
  auto r = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(r.exit_code, 130) << interop::describe(r);
  EXPECT_NE(r.out.find("- The migration `" + bad + "` failed.\n- The migration `" + bad +
                       "` was modified after it was applied.\n\nWe need to reset the "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("godwit migrate resolve --rolled-back \"" + bad + "\""), std::string::npos)
      << r.err;
}

TEST_P(MigrateDev, DataLossNeedsAcceptDataLossWithoutATerminal) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->db.query("INSERT INTO \"User\" (\"email\", \"name\") VALUES ('a@b', 'A');");
  p->set_models(
      "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n}\n");
  auto refused = p->godwit({"migrate", "dev", "--name", "drop_name"});
  EXPECT_EQ(refused.exit_code, 1) << interop::describe(refused);
  EXPECT_NE(
      refused.out.find("\n⚠️  Warnings for the current datasource:\n\n  • You are about to "
                       "drop the column `name` on the `User` table, which still contains "
                       "1 non-null values.\n\n"),
      std::string::npos)
      << refused.out;
  EXPECT_NE(refused.err.find("GW1212"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--accept-data-loss"), std::string::npos) << refused.err;
  EXPECT_EQ(p->folders().size(), 1u);

  auto accepted = p->godwit({"migrate", "dev", "--name", "drop_name", "--accept-data-loss"});
  ASSERT_EQ(accepted.exit_code, 0) << interop::describe(accepted);
  auto folders = p->folders();
  ASSERT_EQ(folders.size(), 2u);
  folders[1] = p->folder_named("drop_name");
  EXPECT_EQ(p->script(folders[1]).substr(0, 120),
            std::string("/*\n  Warnings:\n\n  - You are about to drop the column `name` on the "
                        "`User` table. All the data in the column will be lost.\n\n*/\n")
                .substr(0, 120));
  EXPECT_EQ(p->db.query("SELECT \"email\" FROM \"User\""), "a@b\n");
}

TEST_P(MigrateDev, AMissingNameIsRefusedWithoutATerminalAndIsTheTimestampInCi) {
  auto p = make(kUserModel);
  auto refused = p->godwit({"migrate", "dev"});
  EXPECT_EQ(refused.exit_code, 1) << interop::describe(refused);
  EXPECT_NE(refused.err.find("GW1213"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--name"), std::string::npos) << refused.err;
  EXPECT_TRUE(p->folders().empty());
  auto ci = p->godwit({"migrate", "dev"}, {"CI=1"});
  ASSERT_EQ(ci.exit_code, 0) << interop::describe(ci);
  auto folders = p->folders();
  ASSERT_EQ(folders.size(), 1u);
  EXPECT_TRUE(std::regex_match(folders[0], std::regex("[0-9]{14}"))) << folders[0];
}

TEST_P(MigrateDev, AMigrationFailingOnTheShadowIsP3006) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->project.put_migration("20990101000000_broken", "CREATE INDEX \"x\" ON \"Nope\"(\"id\");\n");
  auto r = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(r.exit_code, 1) << interop::describe(r);
  EXPECT_NE(r.err.find("P3006"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Migration `20990101000000_broken` failed to apply cleanly to the shadow "
                       "database."),
            std::string::npos)
      << r.err;
}

// A field renamed with --rename: RENAME COLUMN (no drop, no warning), the rows keep their
// values, and the next migrate dev is in sync.
TEST_P(MigrateDev, AFieldRenameKeepsTheRows) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->db.query(
      "INSERT INTO \"User\" (\"email\", \"name\") VALUES ('a@b', 'Ada'), ('c@d', 'Grace');");
  p->set_models(
      "model User {\n  id       Int    @id @default(autoincrement())\n  email    String "
      "@unique\n  fullName String\n}\n");
  auto r = p->godwit({"migrate", "dev", "--name", "rename_name", "--rename", "User.name=fullName"});
  ASSERT_EQ(r.exit_code, 0) << interop::describe(r);
  const std::string script = p->script(p->folder_named("rename_name"));
  EXPECT_EQ(script,
            "-- RenameColumn\nALTER TABLE \"User\" RENAME COLUMN \"name\" TO \"fullName\";\n");
  EXPECT_EQ(r.out.find("Warnings"), std::string::npos) << r.out;
  EXPECT_EQ(p->db.query("SELECT \"fullName\" FROM \"User\" ORDER BY \"id\""), "Ada\nGrace\n");
  auto again = p->godwit({"migrate", "dev", "--name", "nothing"});
  EXPECT_TRUE(
      ends_with(again.out, "Already in sync, no schema change or pending migration was found.\n\n"))
      << interop::describe(again);
}

// A model renamed with --rename: the table, its primary key, unique index and the foreign key
// that points at it follow; the rows and the relation survive.
TEST_P(MigrateDev, AModelRenameKeepsTheRowsAndRelations) {
  const std::string before =
      std::string(kUserModel)
          .replace(std::string(kUserModel).find("}\n"), 2, "  posts Post[]\n}\n") +
      "\nmodel Post {\n  id       Int  @id @default(autoincrement())\n  authorId Int\n  author   "
      "User @relation(fields: [authorId], references: [id])\n}\n";
  auto p = make(before);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->db.query("INSERT INTO \"User\" (\"email\", \"name\") VALUES ('a@b', 'Ada');");
  p->db.query("INSERT INTO \"Post\" (\"authorId\") VALUES (1);");
  p->set_models(
      "model Account {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n"
      "  name  String\n  posts Post[]\n}\n\nmodel Post {\n  id       Int     @id "
      "@default(autoincrement())\n  authorId Int\n  author   Account @relation(fields: "
      "[authorId], references: [id])\n}\n");
  // Named to sort after "init": two migrations made in the same second replay in name order.
  auto r = p->godwit({"migrate", "dev", "--name", "to_account", "--rename", "User=Account"});
  ASSERT_EQ(r.exit_code, 0) << interop::describe(r);
  const std::string script = p->script(p->folder_named("to_account"));
  EXPECT_EQ(script.rfind("-- RenameTable\nALTER TABLE \"User\" RENAME TO \"Account\";\n", 0), 0u)
      << script;
  EXPECT_EQ(script.find("DROP TABLE"), std::string::npos) << script;
  EXPECT_FALSE(p->db.has_table("User"));
  EXPECT_EQ(p->db.query("SELECT a.\"name\" FROM \"Account\" a JOIN \"Post\" p ON p.\"authorId\" "
                        "= a.\"id\""),
            "Ada\n");
  auto again = p->godwit({"migrate", "dev", "--name", "nothing"});
  EXPECT_TRUE(
      ends_with(again.out, "Already in sync, no schema change or pending migration was found.\n\n"))
      << interop::describe(again);
}

// Without the flag, a drop and an add of the same shape is named as a likely rename, with the
// flag to add; the drop and add's own refusal stands and nothing is written.
TEST_P(MigrateDev, ALikelyRenameIsSuggestedWithTheFlag) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->db.query("INSERT INTO \"User\" (\"email\", \"name\") VALUES ('a@b', 'Ada');");
  p->set_models(
      "model User {\n  id       Int    @id @default(autoincrement())\n  email    String "
      "@unique\n  fullName String @map(\"full_name\")\n}\n");
  auto r = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(r.exit_code, 1) << interop::describe(r);
  EXPECT_NE(r.err.find("  - the column `name` of `User` is dropped and `full_name` added with "
                       "the same type: --rename User.name=fullName\n"),
            std::string::npos)
      << r.err;
  // An added required column cannot run on the rows: refused (GW1211), nothing written.
  EXPECT_NE(r.err.find("GW1211"), std::string::npos) << r.err;
  EXPECT_EQ(p->folders().size(), 1u);
  // The suggested flag works on the mapped column.
  auto renamed = p->godwit({"migrate", "dev", "--name", "x", "--rename", "User.name=fullName"});
  ASSERT_EQ(renamed.exit_code, 0) << interop::describe(renamed);
  EXPECT_EQ(p->db.query("SELECT \"full_name\" FROM \"User\""), "Ada\n");
}

// A --rename that matches nothing stops before anything is written, naming what the migration
// would drop and add.
TEST_P(MigrateDev, ARenameMatchingNothingIsRefused) {
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p->set_models(
      "model User {\n  id       Int    @id @default(autoincrement())\n  email    String "
      "@unique\n  fullName String\n}\n");
  auto r = p->godwit({"migrate", "dev", "--name", "x", "--rename", "User.nam=fullName"});
  EXPECT_EQ(r.exit_code, 1) << interop::describe(r);
  EXPECT_NE(r.err.find("GW1240"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("It drops: `name`; it adds: `fullName`."), std::string::npos) << r.err;
  EXPECT_EQ(p->folders().size(), 1u);
}

// A second migrate dev with nothing changed re-uses the stored shadow replay; an added
// migration, a different server version in the key and a corrupt file each replay again.
TEST_P(MigrateDev, TheShadowReplayIsReusedOnlyWhenNothingChanged) {
  const std::string reused = "re-used the shadow replay";
  auto p = make(kUserModel);
  ASSERT_EQ(p->godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  auto second = p->godwit({"migrate", "dev", "--name", "x"});
  ASSERT_EQ(second.exit_code, 0) << interop::describe(second);
  ASSERT_FALSE(p->cache_file().empty());
  auto third = p->godwit({"migrate", "dev", "--name", "x"});
  ASSERT_EQ(third.exit_code, 0) << interop::describe(third);
  EXPECT_NE(third.err.find(reused), std::string::npos) << third.err;
  EXPECT_EQ(third.out, second.out);

  // A migration added by hand (and the schema to match): its checksum is not in the key; it is
  // replayed and applied.
  p->set_models(std::string(kUserModel)
                    .replace(std::string(kUserModel).rfind("}\n"), 2, "\n  @@index([name])\n}\n"));
  p->project.put_migration("20990101000000_hand",
                           "CREATE INDEX \"User_name_idx\" ON \"User\"(\"name\");\n");
  auto added = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(added.exit_code, 0) << interop::describe(added);
  EXPECT_EQ(added.err.find(reused), std::string::npos) << added.err;
  EXPECT_NE(added.out.find("20990101000000_hand"), std::string::npos) << added.out;
  EXPECT_EQ(p->folders().size(), 2u);

  // Another server version in the stored key: a miss, and the new replay is stored again.
  std::string text = read_file(p->cache_file());
  const auto at = text.find("\"server_version\":\"");
  ASSERT_NE(at, std::string::npos) << text.substr(0, 200);
  text.insert(at + std::string("\"server_version\":\"").size(), "9");
  write_file(p->cache_file(), text);
  auto other_server = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(other_server.err.find(reused), std::string::npos) << other_server.err;
  auto again = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_NE(again.err.find(reused), std::string::npos) << again.err;
  EXPECT_EQ(again.out, other_server.out);

  // A corrupt file: ignored with a warning, replayed, and the answer is the same.
  write_file(p->cache_file(), text.substr(0, text.size() / 3));
  auto corrupt = p->godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(corrupt.exit_code, again.exit_code) << interop::describe(corrupt);
  EXPECT_NE(corrupt.err.find("could not be read"), std::string::npos) << corrupt.err;
  EXPECT_EQ(corrupt.err.find(reused), std::string::npos) << corrupt.err;
  EXPECT_EQ(corrupt.out, again.out);
}

INSTANTIATE_TEST_SUITE_P(Providers, MigrateDev, ::testing::Values("postgresql", "sqlite"));

// PostgreSQL enums are types: a value renamed with --rename is ALTER TYPE ... RENAME VALUE, and
// the rows and the column's default follow it (SQLite stores enums as text: nothing to rename).
TEST(MigrateDevRenames, AnEnumValueRenameKeepsTheRows) {
  GODWIT_REQUIRE_PG();
  const std::string model = "model User {\n  id   Int  @id\n  role Role @default(USER)\n}\n\n";
  DevProject p("postgresql", model + "enum Role {\n  USER\n  ADMIN\n}\n");
  ASSERT_EQ(p.godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p.db.query("INSERT INTO \"User\" (\"id\") VALUES (1); INSERT INTO \"User\" VALUES (2, 'ADMIN');");
  p.set_models(
      "model User {\n  id   Int  @id\n  role Role @default(MEMBER)\n}\n\n"
      "enum Role {\n  MEMBER\n  ADMIN\n}\n");
  auto hint = p.godwit({"migrate", "dev", "--name", "member", "--create-only"});
  EXPECT_NE(hint.err.find("--rename Role.USER=MEMBER"), std::string::npos)
      << interop::describe(hint);
  fs::remove_all(p.project.migrations() / p.folder_named("member"));
  auto r = p.godwit({"migrate", "dev", "--name", "member", "--rename", "Role.USER=MEMBER"});
  ASSERT_EQ(r.exit_code, 0) << interop::describe(r);
  EXPECT_EQ(p.script(p.folder_named("member")),
            "-- RenameEnumValue\nALTER TYPE \"Role\" RENAME VALUE 'USER' TO 'MEMBER';\n");
  EXPECT_EQ(p.db.query("SELECT \"role\" FROM \"User\" ORDER BY \"id\""), "MEMBER\nADMIN\n");
  p.db.query("INSERT INTO \"User\" (\"id\") VALUES (3);");
  EXPECT_EQ(p.db.query("SELECT \"role\" FROM \"User\" WHERE \"id\" = 3"), "MEMBER\n");
  auto again = p.godwit({"migrate", "dev", "--name", "nothing"});
  EXPECT_TRUE(
      ends_with(again.out, "Already in sync, no schema change or pending migration was found.\n\n"))
      << interop::describe(again);

  // Its down.sql renames the value back, and `migrate down` keeps the rows' values.
  const auto down = read_file(p.project.migrations() / p.folder_named("member") / "down.sql");
  EXPECT_NE(down.find("ALTER TYPE \"Role\" RENAME VALUE 'MEMBER' TO 'USER';"), std::string::npos)
      << down;
  auto reverted = p.godwit({"migrate", "down"});
  ASSERT_EQ(reverted.exit_code, 0) << interop::describe(reverted);
  EXPECT_EQ(p.db.query("SELECT \"role\" FROM \"User\" ORDER BY \"id\""), "USER\nADMIN\nUSER\n");
}

TEST(MigrateDevInterrupt, SigintDuringTheShadowReplayDropsTheShadowDatabase) {
  GODWIT_REQUIRE_PG();
  const auto before = dev_shadow_databases();
  DevProject p("postgresql", kUserModel);
  ASSERT_EQ(p.godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p.project.put_migration("20990101000000_slow",
                          "CREATE TABLE \"Slow\" (\"id\" INTEGER);\nSELECT pg_sleep(60);\n");
  auto child = spawn_godwit({"migrate", "dev", "--name", "x"},
                            {"DATABASE_URL=" + p.db.url(), "NO_COLOR=1", "CI="}, p.project.root());
  bool sleeping = false;
  for (int i = 0; i < 300 && !sleeping; ++i) {
    sleeping = psql(pg_admin_url(),
                    "SELECT count(*) FROM pg_stat_activity WHERE datname LIKE "
                    "'prisma_migrate_shadow_db_%' AND query LIKE '%pg_sleep(60)%'") == "1\n";
    if (!sleeping) std::this_thread::sleep_for(100ms);
  }
  ASSERT_TRUE(sleeping) << "the shadow replay never reached pg_sleep";
  child->kill(SIGINT);
  auto r = child->wait();
  EXPECT_EQ(r.exit_code, 130) << interop::describe(r);
  EXPECT_NE(r.err.find("GW2009"), std::string::npos) << r.err;
  EXPECT_TRUE(dev_no_shadow_left(before));
  EXPECT_FALSE(p.db.has_table("Slow"));
}

// shadowDatabaseUrl: the configured database is emptied and the migrations replayed there (no
// temporary database); the main database as the shadow is refused (GW1244, the text of Prisma's
// native engine). Prisma 7.10.1 on the same project replays on it as it is and fails (P3006),
// which is why godwit empties it first (docs/compatibility.md).
TEST(MigrateDevShadowUrl, TheConfiguredShadowIsEmptiedAndUsedAndTheMainOneRefused) {
  GODWIT_REQUIRE_PG();
  GODWIT_REQUIRE_ORACLE();
  DevProject p("postgresql", kUserModel);
  Database shadow("postgresql", "migrate_dev_shadow");
  write_file(p.project.root() / "prisma.config.ts",
             "export default {\n  schema: 'schema.prisma',\n  migrations: { path: 'migrations' },\n"
             "  datasource: {\n    url: process.env.DATABASE_URL as string,\n"
             "    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL as string,\n  },\n}\n");
  ScopedEnv env("SHADOW_DATABASE_URL", shadow.url().c_str());
  shadow.query("CREATE TABLE keepme (id INTEGER); INSERT INTO keepme VALUES (1);");
  ASSERT_EQ(p.godwit({"migrate", "dev", "--name", "init"}).exit_code, 0);
  p.set_models(std::string(kUserModel) + kPostModel);
  auto second = p.godwit({"migrate", "dev", "--name", "posts"});
  ASSERT_EQ(second.exit_code, 0) << interop::describe(second);
  EXPECT_FALSE(shadow.has_table("keepme"));
  EXPECT_TRUE(shadow.has_table("User"));  // the replay of `init`, left there as Prisma leaves it
  EXPECT_TRUE(p.db.has_table("Post"));

  auto prisma = p.prisma({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(prisma.exit_code, 1) << interop::describe(prisma);
  EXPECT_NE((prisma.out + prisma.err).find("P3006"), std::string::npos)
      << interop::describe(prisma);

  ScopedEnv same("SHADOW_DATABASE_URL", p.db.url().c_str());
  auto refused = p.godwit({"migrate", "dev", "--name", "x"});
  EXPECT_EQ(refused.exit_code, 1) << interop::describe(refused);
  EXPECT_NE(refused.err.find("GW1244"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("The shadow database you configured appears to be the same as the "
                             "main database. Please specify another shadow database."),
            std::string::npos)
      << refused.err;
  EXPECT_TRUE(p.db.has_table("Post"));
}

// The same schema change through both tools: the same migration.sql, and each tool's
// `migrate dev` applies the other's migration and is then in sync.
class MigrateDevInterop : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") GODWIT_REQUIRE_PG();
    GODWIT_REQUIRE_ORACLE();
  }
};

std::string interop_before(const std::string& provider) {
  std::string enums = provider == "postgresql" ? "\nenum Role {\n  USER\n  ADMIN\n}\n" : "";
  return "model User {\n  id    Int    @id @default(autoincrement())\n  email String @unique\n"
         "  name  String\n  age   Int?\n}\n" +
         enums;
}

std::string interop_after(const std::string& provider) {
  const bool pg = provider == "postgresql";
  return std::string(
             "model User {\n  id    Int    @id @default(autoincrement())\n  email String "
             "@unique\n  nick  String?\n") +
         (pg ? "  role  Role   @default(USER)\n" : "") +
         "  posts Post[]\n\n  @@index([nick])\n}\n\nmodel Post {\n  id       Int    @id "
         "@default(autoincrement())\n  title    String @db.VarChar(200)\n  authorId Int\n  "
         "author   User   @relation(fields: [authorId], references: [id], onDelete: "
         "Cascade)\n}\n" +
         (pg ? "\nenum Role {\n  USER\n  ADMIN\n  OWNER\n}\n" : "");
}

TEST_P(MigrateDevInterop, CreateOnlyIsByteIdenticalAndEachToolTakesTheOthersMigration) {
  const std::string provider = GetParam();
  std::string after = interop_after(provider);
  if (provider != "postgresql")
    after = std::regex_replace(after, std::regex(" @db\\.VarChar\\(200\\)"), "");
  DevProject g(provider, interop_before(provider));
  DevProject pr(provider, interop_before(provider));
  auto g_init = g.godwit({"migrate", "dev", "--name", "init"});
  ASSERT_EQ(g_init.exit_code, 0) << interop::describe(g_init);
  auto p_init = pr.prisma({"migrate", "dev", "--name", "init"});
  ASSERT_EQ(p_init.exit_code, 0) << interop::describe(p_init);
  EXPECT_EQ(g.script(g.folders()[0]), pr.script(pr.folders()[0]));

  g.set_models(after);
  pr.set_models(after);
  auto g_change = g.godwit({"migrate", "dev", "--create-only", "--name", "change"});
  ASSERT_EQ(g_change.exit_code, 0) << interop::describe(g_change);
  auto p_change = pr.prisma({"migrate", "dev", "--create-only", "--name", "change"});
  ASSERT_EQ(p_change.exit_code, 0) << interop::describe(p_change);
  ASSERT_EQ(g.folders().size(), 2u);
  ASSERT_EQ(pr.folders().size(), 2u);
  EXPECT_EQ(g.script(g.folders()[1]), pr.script(pr.folders()[1]));

  // godwit applies Prisma's migration and is then in sync.
  auto g_on_p = pr.godwit({"migrate", "dev", "--name", "x"});
  ASSERT_EQ(g_on_p.exit_code, 0) << interop::describe(g_on_p);
  EXPECT_TRUE(ends_with(g_on_p.out, "\nYour database is now in sync with your schema.\n\n"))
      << g_on_p.out;
  EXPECT_EQ(pr.folders().size(), 2u);
  // Prisma applies godwit's. Prisma 7.10.1's `migrate dev` fails after it applied a pending
  // migration on both providers ("<Provider> shadow DB must be provided through an external
  // factory", from its wasm engine's EvaluateDataLoss; checked by hand), so the pending one goes
  // through `prisma migrate deploy`, and `prisma migrate dev` then finds nothing to do.
  auto deploy = g.prisma({"migrate", "deploy"});
  ASSERT_EQ(deploy.exit_code, 0) << interop::describe(deploy);
  auto p_on_g = g.prisma({"migrate", "dev", "--name", "x"});
  ASSERT_EQ(p_on_g.exit_code, 0) << interop::describe(p_on_g);
  EXPECT_NE(p_on_g.out.find("Already in sync, no schema change or pending migration was found."),
            std::string::npos)
      << p_on_g.out;
  EXPECT_EQ(g.folders().size(), 2u);
  // And both are in sync with either tool afterwards.
  auto g_again = g.godwit({"migrate", "dev", "--name", "x"});
  EXPECT_TRUE(ends_with(g_again.out,
                        "Already in sync, no schema change or pending migration was found.\n\n"))
      << interop::describe(g_again);
  auto p_again = pr.prisma({"migrate", "dev", "--name", "x"});
  EXPECT_NE(p_again.out.find("Already in sync, no schema change or pending migration was found."),
            std::string::npos)
      << interop::describe(p_again);
}

INSTANTIATE_TEST_SUITE_P(Providers, MigrateDevInterop, ::testing::Values("postgresql", "sqlite"));

}  // namespace
}  // namespace godwit::test
