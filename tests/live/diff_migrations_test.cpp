// `migrate diff --from-migrations`: the folder replayed on a shadow database (dialect/shadow.hpp)
// and compared with the schema.
// - Every corpus history: `--from-migrations <migrations> --to-schema <schema> --script` prints
//   ../shared/corpus/<history>/prisma-golden/drift.sql byte for byte: what the real Prisma
//   7.10.1 printed for the same command (empty for most; hand-made indexes for hoppscotch,
//   langfuse and trigger.dev, a missing index for umami, 30 dropped foreign keys and more for
//   trigger.dev).
// - A migration that fails on the shadow database is P3006 naming it, and the PostgreSQL
//   shadow database is gone afterwards, then as after every run.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include "live/interop/interop_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::Database;
using interop::Project;

using History = interop::CorpusHistory;

using interop::no_shadow_left;
using interop::shadow_databases;

class DiffMigrationsCorpus : public ::testing::TestWithParam<History> {
 protected:
  void SetUp() override {
    if (GetParam().provider == "postgresql") GODWIT_REQUIRE_PG();
    GODWIT_REQUIRE_LIVE_PART(fs::exists(corpus_dir() / GetParam().name),
                             "the corpus: " + (corpus_dir() / GetParam().name).string());
  }
};

TEST_P(DiffMigrationsCorpus, ScriptEqualsPrismasDrift) {
  const History& h = GetParam();
  const fs::path history = corpus_dir() / h.name;
  Project project(history);
  // The project's database: only its server matters (the shadow database is made there).
  Database db(h.provider, "diff_migrations");
  auto diff =
      interop::godwit(project, db,
                      {"migrate", "diff", "--from-migrations", project.migrations().string(),
                       "--to-schema", (project.root() / "schema.prisma").string(), "--script"});
  ASSERT_EQ(diff.exit_code, 0) << interop::describe(diff);
  EXPECT_EQ(diff.out, read_file(history / "prisma-golden" / "drift.sql"));
}

INSTANTIATE_TEST_SUITE_P(Histories, DiffMigrationsCorpus,
                         ::testing::ValuesIn(interop::corpus_histories()),
                         interop::corpus_test_name);

class DiffMigrationsFailure : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") GODWIT_REQUIRE_PG();
  }
};

TEST_P(DiffMigrationsFailure, AFailingMigrationIsP3006AndNoShadowIsLeft) {
  const std::string provider = GetParam();
  TempDir dir;
  write_file(dir.path() / "schema.prisma", "datasource db {\n  provider = \"" + provider +
                                               "\"\n}\n\nmodel A {\n  id Int @id\n}\n");
  write_file(dir.path() / "prisma.config.ts",
             "export default {\n  schema: 'schema.prisma',\n  migrations: { path: 'migrations' },\n"
             "  datasource: { url: process.env.DATABASE_URL as string },\n}\n");
  write_file(dir.path() / "migrations" / "migration_lock.toml",
             "provider = \"" + provider + "\"\n");
  write_file(dir.path() / "migrations" / "0001_init" / "migration.sql",
             "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  write_file(dir.path() / "migrations" / "0002_broken" / "migration.sql",
             "CREATE INDEX \"B_x_idx\" ON \"B\"(\"x\");\n");
  Database db(provider, "diff_migrations_fail");
  std::set<std::string> before;
  if (provider == "postgresql") before = shadow_databases();
  auto r = run_godwit({"migrate", "diff", "--from-migrations", "migrations", "--to-schema",
                       "schema.prisma", "--script"},
                      {"DATABASE_URL=" + db.url()}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << interop::describe(r);
  EXPECT_NE(r.err.find("P3006"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Migration `0002_broken` failed to apply cleanly to the shadow database."),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
  if (provider == "postgresql") {
    EXPECT_TRUE(no_shadow_left(before)) << "a prisma_migrate_shadow_db_* database was left";
  }
  // The good migrations alone replay to the schema: no difference, and no shadow left either.
  fs::remove_all(dir.path() / "migrations" / "0002_broken");
  auto ok = run_godwit({"migrate", "diff", "--from-migrations", "migrations", "--to-schema",
                        "schema.prisma", "--exit-code"},
                       {"DATABASE_URL=" + db.url()}, dir.path());
  EXPECT_EQ(ok.exit_code, 0) << interop::describe(ok);
  if (provider == "postgresql") EXPECT_TRUE(no_shadow_left(before));
}

INSTANTIATE_TEST_SUITE_P(Providers, DiffMigrationsFailure,
                         ::testing::Values("postgresql", "sqlite"));

// prisma.config.ts `migrations.initShadowDb` runs on the shadow database before the replay (a
// migration that writes to an external table then replays), as Prisma's does: both tools
// agree on the result; a script the database refuses is GW1245 (Prisma prints the database's
// error and no code) and leaves no shadow database.
TEST(DiffMigrationsInitShadowDb, RunsBeforeTheReplayAsPrismasDoes) {
  GODWIT_REQUIRE_PG();
  GODWIT_REQUIRE_ORACLE();
  TempDir dir;
  auto config = [&](const std::string& init_sql) {
    write_file(dir.path() / "prisma.config.ts",
               "export default {\n  schema: 'schema.prisma',\n"
               "  experimental: { externalTables: true },\n"
               "  tables: { external: ['public.ext'] },\n"
               "  migrations: { path: 'migrations', initShadowDb: '" +
                   init_sql +
                   "' },\n"
                   "  datasource: { url: process.env.DATABASE_URL as string },\n}\n");
  };
  config("CREATE TABLE ext (id INTEGER PRIMARY KEY);");
  write_file(dir.path() / "schema.prisma",
             "datasource db {\n  provider = \"postgresql\"\n}\n\n"
             "model Post {\n  id    Int @id\n  extId Int\n}\n");
  write_file(dir.path() / "migrations" / "migration_lock.toml", "provider = \"postgresql\"\n");
  write_file(dir.path() / "migrations" / "0001_init" / "migration.sql",
             "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL, \"extId\" INTEGER NOT NULL, "
             "CONSTRAINT \"Post_pkey\" PRIMARY KEY (\"id\"));\nINSERT INTO ext VALUES (1);\n");
  Database db("postgresql", "diff_init_shadow");
  const std::vector<std::string> args = {"migrate",    "diff",        "--from-migrations",
                                         "migrations", "--to-schema", "schema.prisma",
                                         "--script"};
  const std::vector<std::string> env = {"DATABASE_URL=" + db.url()};
  const auto before = shadow_databases();
  auto ours = run_godwit(args, env, dir.path());
  ASSERT_EQ(ours.exit_code, 0) << interop::describe(ours);
  std::vector<std::string> prisma_argv{prisma_oracle()};
  prisma_argv.insert(prisma_argv.end(), args.begin(), args.end());
  auto theirs = run_command(prisma_argv, {"DATABASE_URL=" + db.url(), "NO_COLOR=1"}, dir.path());
  ASSERT_EQ(theirs.exit_code, 0) << interop::describe(theirs);
  EXPECT_EQ(ours.out, theirs.out);
  EXPECT_EQ(ours.out, "-- This is an empty migration.\n\n");

  config("CREATE TABLE ext (id INTEGR PRIMARY KEY);");
  auto bad = run_godwit(args, env, dir.path());
  EXPECT_EQ(bad.exit_code, 1) << interop::describe(bad);
  EXPECT_NE(bad.err.find("GW1245"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("type \"integr\" does not exist"), std::string::npos) << bad.err;
  EXPECT_TRUE(no_shadow_left(before)) << "a prisma_migrate_shadow_db_* database was left";
}

}  // namespace
}  // namespace godwit::test
