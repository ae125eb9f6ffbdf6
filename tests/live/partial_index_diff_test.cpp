// Partial indexes with Prisma 7.10's partialIndexes preview feature, against the real Prisma
// 7.10.1 on the same PostgreSQL database: the database holds each index as pg_get_expr prints
// it (`(status = 'active'::text)`), the schema as written (`{ status: "active" }`), and both
// tools must agree on which of them changed, byte for byte. Prisma's own quirks are part of
// the contract: a VarChar column compared with a literal reads `((v)::text = 'x'::text)` in
// the database, which neither tool takes for the schema's `"v" = 'x'`.
#include <gtest/gtest.h>

#include "live/interop/interop_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::Database;

constexpr const char* kHeader = R"(generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["partialIndexes"]
}

datasource db {
  provider = "postgresql"
}

enum State {
  QUEUED
  DONE
}
)";

constexpr const char* kModel = R"psl(
model Job {
  id        Int       @id
  state     State
  status    String
  code      String    @db.VarChar(20)
  owner     String?
  attempts  Int
  urgent    Boolean
  deletedAt DateTime?

  @@index([state], where: { state: "QUEUED" })
  @@index([status], where: { status: "active", owner: { not: null } })
  @@index([code], where: { code: "x" })
  @@index([attempts], where: { attempts: 3, urgent: true })
  @@index([owner], where: raw("status <> 'gone'"))
  @@index([deletedAt], where: raw("(\"deletedAt\" IS NULL)"))
  @@unique([status, owner], where: { deletedAt: null })
}
)psl";

std::string changed_model() {
  std::string m = kModel;
  auto swap = [&](const std::string& from, const std::string& to) {
    auto at = m.find(from);
    if (at != std::string::npos) m.replace(at, from.size(), to);
  };
  swap("where: { state: \"QUEUED\" }", "where: { state: \"DONE\" }");
  swap("@@index([attempts], where: { attempts: 3, urgent: true })", "@@index([attempts])");
  swap("raw(\"status <> 'gone'\")", "raw(\"status != 'gone'\")");
  return m;
}

// A raw() predicate that differs from the database's only in the case of an unquoted name.
std::string upper_case_model() {
  std::string m = kModel;
  const std::string from = "raw(\"status <> 'gone'\")";
  m.replace(m.find(from), from.size(), "raw(\"STATUS <> 'gone'\")");
  return m;
}

struct SharedProject {
  TempDir dir;
  Database db{"postgresql", "partial_index_diff"};
  std::string error;
};

class PartialIndexDiff : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (pg_admin_url().empty() || prisma_oracle().empty()) return;
    setup_ = new SharedProject;
    const fs::path& dir = setup_->dir.path();
    write_file(dir / "schema.prisma", std::string(kHeader) + kModel);
    write_file(dir / "changed.prisma", std::string(kHeader) + changed_model());
    // The same database read without the preview feature.
    std::string plain = std::string(kHeader) + kModel;
    plain.replace(plain.find("  previewFeatures = [\"partialIndexes\"]\n"),
                  std::string("  previewFeatures = [\"partialIndexes\"]\n").size(), "");
    std::string model_no_where;
    for (std::size_t at = 0; at < plain.size();) {
      auto end = plain.find('\n', at);
      std::string line = plain.substr(at, end - at);
      if (auto w = line.find(", where:"); w != std::string::npos) line = line.substr(0, w) + ")";
      model_no_where += line + "\n";
      at = end + 1;
    }
    fs::create_directories(dir / "plain");
    write_file(dir / "plain" / "schema.prisma", model_no_where);
    write_file(dir / "plain" / "prisma.config.ts",
               "export default {\n"
               "  schema: 'schema.prisma',\n"
               "  datasource: { url: process.env.DATABASE_URL as string },\n"
               "}\n");
    write_file(dir / "upper.prisma", std::string(kHeader) + upper_case_model());
    write_file(dir / "prisma.config.ts",
               "export default {\n"
               "  schema: 'schema.prisma',\n"
               "  migrations: { path: 'migrations' },\n"
               "  datasource: { url: process.env.DATABASE_URL as string },\n"
               "}\n");
    fs::create_directories(dir / "migrations" / "1_init");
    auto init = prisma({"migrate", "diff", "--from-empty", "--to-schema", "schema.prisma",
                        "--script", "-o", "migrations/1_init/migration.sql"});
    write_file(dir / "migrations" / "migration_lock.toml", "provider = \"postgresql\"\n");
    auto deploy = prisma({"migrate", "deploy"});
    if (init.exit_code != 0 || deploy.exit_code != 0) setup_->error = init.err + deploy.err;
  }
  static void TearDownTestSuite() {
    delete setup_;
    setup_ = nullptr;
  }
  void SetUp() override {
    GODWIT_REQUIRE_PG();
    GODWIT_REQUIRE_ORACLE();
    ASSERT_NE(setup_, nullptr);
    ASSERT_EQ(setup_->error, "") << "Prisma could not make the database";
  }

  static CommandResult prisma(const std::vector<std::string>& args, const fs::path& sub = {}) {
    std::vector<std::string> argv{prisma_oracle()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, env(), setup_->dir.path() / sub);
  }
  static CommandResult godwit(const std::vector<std::string>& args, const fs::path& sub = {}) {
    return run_godwit(args, env(), setup_->dir.path() / sub);
  }
  static std::vector<std::string> env() {
    return {"DATABASE_URL=" + setup_->db.url(), "NO_COLOR=1"};
  }

  // Both tools' stdout and exit code for `migrate diff <args>`, run in the project folder or
  // its subfolder `sub`; returns godwit's stdout.
  static std::string expect_same(const std::vector<std::string>& args, const fs::path& sub = {}) {
    std::vector<std::string> full{"migrate", "diff"};
    full.insert(full.end(), args.begin(), args.end());
    auto theirs = prisma(full, sub);
    auto ours = godwit(full, sub);
    EXPECT_EQ(ours.exit_code, theirs.exit_code) << interop::describe(ours) << theirs.err;
    EXPECT_EQ(ours.out, theirs.out);
    return ours.out;
  }

  static SharedProject* setup_;
};

SharedProject* PartialIndexDiff::setup_ = nullptr;

TEST_F(PartialIndexDiff, TheDatabaseAndItsSchemaDifferOnlyWherePrismaSaysSo) {
  // Only the VarChar comparison differs (Prisma's own reading); the enum, text, boolean and
  // number literals and both raw() forms are the same indexes.
  auto out = expect_same(
      {"--from-config-datasource", "--to-schema", "schema.prisma", "--script", "--exit-code"});
  EXPECT_NE(out.find("Job_code_idx"), std::string::npos) << out;
  EXPECT_EQ(out.find("Job_state_idx"), std::string::npos) << out;
  EXPECT_EQ(out.find("Job_owner_idx"), std::string::npos) << out;
}

TEST_F(PartialIndexDiff, AChangedPredicateIsDroppedAndCreatedAgain) {
  auto out = expect_same({"--from-config-datasource", "--to-schema", "changed.prisma", "--script"});
  EXPECT_NE(out.find("WHERE (\"state\" = 'DONE')"), std::string::npos) << out;
}

TEST_F(PartialIndexDiff, TheDatabaseSidePrintsItsPredicates) {
  expect_same({"--from-schema", "changed.prisma", "--to-config-datasource", "--script"});
  expect_same({"--from-migrations", "migrations", "--to-config-datasource", "--exit-code"});
}

TEST_F(PartialIndexDiff, TheSummaryAgrees) {
  expect_same({"--from-config-datasource", "--to-schema", "changed.prisma"});
}

TEST_F(PartialIndexDiff, WithoutThePreviewFeatureThePredicatesAreLeftAlone) {
  // A project whose schema does not enable partialIndexes: Prisma 7.10.1 reads a partial index
  // as a whole-table one that a diff never drops.
  auto out = expect_same({"--from-config-datasource", "--to-schema", "schema.prisma", "--script"},
                         "plain");
  EXPECT_EQ(out.find("DROP INDEX"), std::string::npos) << out;
  // The same project named with --config from the folder above.
  EXPECT_EQ(expect_same({"--config", "plain/prisma.config.ts", "--from-config-datasource",
                         "--to-schema", "plain/schema.prisma", "--script"}),
            out);
}

TEST_F(PartialIndexDiff, TheCaseOfAnUnquotedNameIsNoChangeUnlikePrisma) {
  // docs/compatibility.md, deviation 20: PostgreSQL folds `STATUS` to `status`; Prisma 7.10.1
  // drops and re-creates the index in every migration, godwit sees the same index.
  const std::vector<std::string> args{"migrate",     "diff",         "--from-config-datasource",
                                      "--to-schema", "upper.prisma", "--script"};
  auto theirs = prisma(args);
  ASSERT_EQ(theirs.exit_code, 0) << theirs.err;
  EXPECT_NE(theirs.out.find("DROP INDEX \"Job_owner_idx\""), std::string::npos) << theirs.out;
  auto ours = godwit(args);
  ASSERT_EQ(ours.exit_code, 0) << interop::describe(ours);
  EXPECT_EQ(ours.out.find("Job_owner_idx"), std::string::npos) << ours.out;
}
}  // namespace
}  // namespace godwit::test
