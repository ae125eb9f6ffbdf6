// godwit and the real Prisma 7.10.1 CLI on the same databases, PostgreSQL and SQLite: each reads
// what the other wrote in `_prisma_migrations` (deploy, status, resolve), and switching tools back
// and forth re-runs and loses nothing. The oracle costs ~1.5 s per call, so each test makes at
// most four calls and the histories are small (umami, pingvin-share, hand-written fixtures).
#include <gtest/gtest.h>

#include <algorithm>

#include "live/interop/interop_support.hpp"

namespace godwit::test::interop {
namespace {

struct Dialect {
  std::string provider;
  std::string history;     // corpus folder for the round-trip test
  std::string extra_name;  // a folder name that sorts after every folder of `history`
};

void PrintTo(const Dialect& d, std::ostream* os) {
  *os << d.provider;
}

constexpr const char* kUpToDate = "Database schema is up to date!";
// ENG sql-schema-connector flavour/sqlite.rs (prisma-compat.md §1.1).
constexpr const char* kSqliteHistoryDdl = R"(CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);)";
constexpr const char* kNothingPending = "No pending migrations to apply.";

class Interop : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    GODWIT_REQUIRE_ORACLE();
    if (GetParam().provider == "postgresql") GODWIT_REQUIRE_PG();
  }
  const std::string& provider() const { return GetParam().provider; }
  fs::path fixtures() const { return fixture_dir(provider()); }
  std::string fixture(const std::string& file) const { return read_file(fixtures() / file); }
};

// (a) and (b): a corpus history deployed by each tool; each tool's status reads the other's
// database as up to date; one more migration is then deployed by the other tool on each side.
TEST_P(Interop, CorpusHistorySwitchesToolsWithoutRerunningAnything) {
  const fs::path history = corpus_dir() / GetParam().history;
  Project project(history);
  Database by_godwit(provider(), "interop_rt_godwit");
  Database by_prisma(provider(), "interop_rt_prisma");

  auto g = godwit(project, by_godwit, {"migrate", "deploy"});
  ASSERT_EQ(g.exit_code, 0) << describe(g);
  auto p = prisma(project, by_prisma, {"migrate", "deploy"});
  ASSERT_EQ(p.exit_code, 0) << describe(p);

  // (a) Prisma reads godwit's history as its own, and the rows are the ones Prisma writes.
  p = prisma(project, by_godwit, {"migrate", "status"});
  EXPECT_EQ(p.exit_code, 0) << describe(p);
  EXPECT_NE(p.out.find(kUpToDate), std::string::npos) << describe(p);
  const auto golden = golden_history(history);
  EXPECT_EQ(history_rows(by_godwit), golden);
  EXPECT_EQ(history_rows(by_prisma), golden);

  // (b) godwit reads Prisma's history as up to date and applies nothing.
  g = godwit(project, by_prisma, {"migrate", "status"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find(kUpToDate), std::string::npos) << describe(g);
  const auto prisma_ids = history_ids(by_prisma);
  g = godwit(project, by_prisma, {"migrate", "deploy"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find(kNothingPending), std::string::npos) << describe(g);
  EXPECT_EQ(history_ids(by_prisma), prisma_ids);

  // One more folder: Prisma deploys it on godwit's database, godwit on Prisma's.
  const auto& extra = GetParam().extra_name;
  project.put_migration(extra, fixture("extra_migration.sql"));
  const auto godwit_ids = history_ids(by_godwit);
  p = prisma(project, by_godwit, {"migrate", "deploy"});
  EXPECT_EQ(p.exit_code, 0) << describe(p);
  g = godwit(project, by_prisma, {"migrate", "deploy"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find("Applying migration `" + extra + "`"), std::string::npos) << describe(g);

  const auto with_extra =
      golden +
      row(extra, sha256_of(project.migrations() / extra / "migration.sql"), 1, true, true, true);
  for (const Database* db : {&by_godwit, &by_prisma}) {
    EXPECT_EQ(history_rows(*db), with_extra);
    EXPECT_TRUE(db->has_table("interop_extra"));
  }
  // The earlier rows were left alone: the new row is the only id added on each side.
  for (const auto& [db, before] : {std::pair{&by_godwit, godwit_ids}, {&by_prisma, prisma_ids}}) {
    const auto after = history_ids(*db);
    std::istringstream lines(before);
    for (std::string line; std::getline(lines, line);) {
      EXPECT_NE(after.find(line + "\n"), std::string::npos) << "row lost or rewritten: " << line;
    }
    EXPECT_EQ(std::count(after.begin(), after.end(), '\n'),
              std::count(before.begin(), before.end(), '\n') + 1);
  }

  p = prisma(project, by_prisma, {"migrate", "status"});
  EXPECT_EQ(p.exit_code, 0) << describe(p);
  EXPECT_NE(p.out.find(kUpToDate), std::string::npos) << describe(p);
  g = godwit(project, by_godwit, {"migrate", "status"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find(kUpToDate), std::string::npos) << describe(g);
}

// (c) Baselining: each tool's `resolve --applied` on a database that already has the schema
// is read as up to date by the other, and both write the same row (logs '', 0 steps).
TEST_P(Interop, ResolveAppliedByOneToolIsUpToDateForTheOther) {
  Project project(fixtures());
  const auto init_sql = read_file(project.migrations() / "0001_init" / "migration.sql");
  const auto expected =
      row("0001_init", sha256_of(project.migrations() / "0001_init" / "migration.sql"), 0, false,
          true, true);

  Database baselined_by_godwit(provider(), "interop_base_godwit");
  baselined_by_godwit.query(init_sql);
  auto g = godwit(project, baselined_by_godwit, {"migrate", "resolve", "--applied", "0001_init"});
  ASSERT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find("Migration 0001_init marked as applied."), std::string::npos) << describe(g);
  auto p = prisma(project, baselined_by_godwit, {"migrate", "status"});
  EXPECT_EQ(p.exit_code, 0) << describe(p);
  EXPECT_NE(p.out.find(kUpToDate), std::string::npos) << describe(p);

  Database baselined_by_prisma(provider(), "interop_base_prisma");
  baselined_by_prisma.query(init_sql);
  if (provider() == "sqlite") {
    // The oracle's SQLite engine is the wasm build, which cannot create a missing history table
    // in `resolve` (P1014; the native build can): give it the table, in Prisma's own DDL.
    baselined_by_prisma.query(kSqliteHistoryDdl);
  }
  p = prisma(project, baselined_by_prisma, {"migrate", "resolve", "--applied", "0001_init"});
  ASSERT_EQ(p.exit_code, 0) << describe(p);
  EXPECT_NE(p.out.find("Migration 0001_init marked as applied."), std::string::npos) << describe(p);
  g = godwit(project, baselined_by_prisma, {"migrate", "status"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find(kUpToDate), std::string::npos) << describe(g);
  g = godwit(project, baselined_by_prisma, {"migrate", "deploy"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find(kNothingPending), std::string::npos) << describe(g);

  EXPECT_EQ(history_rows(baselined_by_godwit), expected);
  EXPECT_EQ(history_rows(baselined_by_prisma), expected);
}

// The rows both recovery paths end with: the failed attempt (logs kept, rolled back) and the
// fixed migration applied once.
std::string recovered_rows(const Project& project, const fs::path& broken) {
  const auto m = project.migrations();
  return row("0001_init", sha256_of(m / "0001_init" / "migration.sql"), 1, true, true, true) +
         row("0002_tag", sha256_of(broken), 0, false, false, false) +
         row("0002_tag", sha256_of(m / "0002_tag" / "migration.sql"), 1, true, true, true);
}

// (c) A migration that fails under godwit is read as failed by Prisma, marked rolled back by
// Prisma, and deployed by godwit once fixed.
TEST_P(Interop, FailedByGodwitRolledBackByPrismaThenDeployedByGodwit) {
  Project project(fixtures());
  project.put_migration("0002_tag", fixture("0002_tag_broken.sql"));
  Database db(provider(), "interop_fail_godwit");

  auto g = godwit(project, db, {"migrate", "deploy"});
  ASSERT_EQ(g.exit_code, 1) << describe(g);
  EXPECT_NE(g.err.find("P3018"), std::string::npos) << describe(g);
  EXPECT_FALSE(db.has_table("Tag"));

  auto p = prisma(project, db, {"migrate", "status"});
  EXPECT_EQ(p.exit_code, 1) << describe(p);
  EXPECT_NE(p.err.find("Following migration have failed:\n0002_tag\n"), std::string::npos)
      << describe(p);
  p = prisma(project, db, {"migrate", "resolve", "--rolled-back", "0002_tag"});
  ASSERT_EQ(p.exit_code, 0) << describe(p);
  EXPECT_NE(p.out.find("Migration 0002_tag marked as rolled back."), std::string::npos)
      << describe(p);

  project.put_migration("0002_tag", fixture("0002_tag_fixed.sql"));
  g = godwit(project, db, {"migrate", "deploy"});
  ASSERT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find("Applying migration `0002_tag`"), std::string::npos) << describe(g);
  EXPECT_EQ(g.out.find("Applying migration `0001_init`"), std::string::npos) << describe(g);
  EXPECT_TRUE(db.has_table("Tag"));
  g = godwit(project, db, {"migrate", "status"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find(kUpToDate), std::string::npos) << describe(g);
  EXPECT_EQ(history_rows(db), recovered_rows(project, fixtures() / "0002_tag_broken.sql"));
}

// (c) The reverse: failed under Prisma, read as failed and rolled back by godwit, deployed by
// Prisma once fixed; godwit then reads the result as up to date.
TEST_P(Interop, FailedByPrismaRolledBackByGodwitThenDeployedByPrisma) {
  Project project(fixtures());
  project.put_migration("0002_tag", fixture("0002_tag_broken.sql"));
  Database db(provider(), "interop_fail_prisma");

  auto p = prisma(project, db, {"migrate", "deploy"});
  ASSERT_NE(p.exit_code, 0) << describe(p);
  EXPECT_FALSE(db.has_table("Tag"));

  auto g = godwit(project, db, {"migrate", "status"});
  EXPECT_EQ(g.exit_code, 1) << describe(g);
  EXPECT_NE(g.err.find("Following migration have failed:\n0002_tag\n"), std::string::npos)
      << describe(g);
  g = godwit(project, db, {"migrate", "resolve", "--rolled-back", "0002_tag"});
  ASSERT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find("Migration 0002_tag marked as rolled back."), std::string::npos)
      << describe(g);

  project.put_migration("0002_tag", fixture("0002_tag_fixed.sql"));
  p = prisma(project, db, {"migrate", "deploy"});
  ASSERT_EQ(p.exit_code, 0) << describe(p);
  EXPECT_NE(p.out.find("0002_tag/"), std::string::npos) << describe(p);
  EXPECT_EQ(p.out.find("0001_init/"), std::string::npos) << describe(p);
  EXPECT_TRUE(db.has_table("Tag"));
  g = godwit(project, db, {"migrate", "status"});
  EXPECT_EQ(g.exit_code, 0) << describe(g);
  EXPECT_NE(g.out.find(kUpToDate), std::string::npos) << describe(g);
  EXPECT_EQ(history_rows(db), recovered_rows(project, fixtures() / "0002_tag_broken.sql"));
}

INSTANTIATE_TEST_SUITE_P(Providers, Interop,
                         ::testing::Values(Dialect{"postgresql", "umami-software__umami",
                                                   "20_interop_extra"},
                                           Dialect{"sqlite", "stonith404__pingvin-share",
                                                   "29990101000000_interop_extra"}),
                         [](const auto& info) { return info.param.provider; });

}  // namespace
}  // namespace godwit::test::interop
