// `migrate diff` with a live database on one side, against the real Prisma 7.10.1 on the same
// database: every form a release script or a developer uses prints the same bytes and exits
// the same way. The database is made by Prisma's own creation script for the schema, then
// changed by hand (an index added, an index and a foreign key dropped), so each direction has
// objects to create and objects to drop. Prisma names objects with their namespace
// ("public"."User") unless the `to` side is a Prisma schema: the same script then reads
// differently whichever side the database is on.
#include <gtest/gtest.h>

#include "live/interop/interop_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;
using interop::Database;

constexpr const char* kSchema = R"(datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String
  posts Post[]

  @@index([name])
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}
)";

// One project and database for the suite: the tests only read them.
struct SharedProject {
  TempDir dir;
  Database db{"postgresql", "diff_database"};
  std::string error;  ///< why the setup failed, "" when it did not
};

class DiffDatabase : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (pg_admin_url().empty() || prisma_oracle().empty()) return;
    setup_ = new SharedProject;
    const fs::path& dir = setup_->dir.path();
    write_file(dir / "schema.prisma", kSchema);
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
    if (init.exit_code != 0 || deploy.exit_code != 0) {
      setup_->error = init.err + deploy.err;
      return;
    }
    setup_->db.query(
        "CREATE INDEX \"hand_idx\" ON \"User\" (\"email\", \"name\");"
        "DROP INDEX \"User_name_idx\";"
        "ALTER TABLE \"Post\" DROP CONSTRAINT \"Post_authorId_fkey\";");
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

  static CommandResult prisma(const std::vector<std::string>& args) {
    std::vector<std::string> argv{prisma_oracle()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, env(), setup_->dir.path());
  }
  static CommandResult godwit(const std::vector<std::string>& args) {
    return run_godwit(args, env(), setup_->dir.path());
  }
  static std::vector<std::string> env() {
    return {"DATABASE_URL=" + setup_->db.url(), "NO_COLOR=1"};
  }

  // Both tools' stdout and exit code for `migrate diff <args>`.
  static void expect_same(const std::vector<std::string>& args) {
    std::vector<std::string> full{"migrate", "diff"};
    full.insert(full.end(), args.begin(), args.end());
    auto theirs = prisma(full);
    auto ours = godwit(full);
    ASSERT_EQ(ours.exit_code, theirs.exit_code) << interop::describe(ours) << theirs.err;
    EXPECT_EQ(ours.out, theirs.out);
  }

  static SharedProject* setup_;
};

SharedProject* DiffDatabase::setup_ = nullptr;

TEST_F(DiffDatabase, DatabaseToSchemaIsUnqualified) {
  expect_same({"--from-config-datasource", "--to-schema", "schema.prisma", "--script"});
}

TEST_F(DiffDatabase, SchemaToDatabaseIsQualified) {
  expect_same({"--from-schema", "schema.prisma", "--to-config-datasource", "--script"});
}

TEST_F(DiffDatabase, SchemaToEmptyIsQualified) {
  expect_same({"--from-schema", "schema.prisma", "--to-empty", "--script"});
}

TEST_F(DiffDatabase, MigrationsAgainstTheDatabaseBothWays) {
  expect_same({"--from-migrations", "migrations", "--to-config-datasource", "--script"});
  expect_same({"--from-config-datasource", "--to-migrations", "migrations", "--script"});
}

TEST_F(DiffDatabase, SummaryAndExitCode) {
  expect_same({"--from-config-datasource", "--to-schema", "schema.prisma", "--exit-code"});
  expect_same({"--from-schema", "schema.prisma", "--to-config-datasource"});
}

}  // namespace
}  // namespace godwit::test
