// `db seed` side by side with the real Prisma 7.10.1 on the same project: the same stdout,
// stderr and exit code when the seed command succeeds (extra arguments after `--`), fails, is
// missing, or reads a variable of `.env` (which Prisma loads through `import "dotenv/config"`).
// package.json's `prisma.seed` without a config file is Prisma 6's form, which Prisma 7 ignores
// and godwit still runs (docs/compatibility.md): checked on godwit alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

// A SQLite project: schema.prisma, prisma.config.ts (`config`, none when empty), seed.sh, and
// extra files.
void write_project(const fs::path& root, const std::string& config,
                   const std::vector<std::pair<std::string, std::string>>& files = {}) {
  write_file(root / "schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");
  if (!config.empty()) write_file(root / "prisma.config.ts", config);
  write_file(root / "seed.sh",
             "echo \"seeding with args: $*\"\n"
             "echo \"GREETING=${GREETING:-unset}\"\n"
             "echo \"to stderr\" >&2\n"
             "exit ${SEED_EXIT:-0}\n");
  for (const auto& [path, text] : files)
    write_file(root / path, text);
  // "dotenv/config" resolves from the project's node_modules: the oracle's own.
  auto modules = fs::path(prisma_oracle()).parent_path() / "node_modules";
  if (fs::exists(modules)) fs::create_directory_symlink(modules, root / "node_modules");
}

std::string config_with_seed(const std::string& seed, bool dotenv = false) {
  return std::string(dotenv ? "import \"dotenv/config\";\n" : "") +
         "export default {\n"
         "  schema: 'schema.prisma',\n"
         "  migrations: { path: 'migrations'" +
         (seed.empty() ? "" : ", seed: '" + seed + "'") +
         " },\n"
         "  datasource: { url: 'file:./dev.db' },\n"
         "}\n";
}

struct Both {
  CommandResult prisma, godwit;
};

Both run_both(const fs::path& root, const std::vector<std::string>& args,
              const std::vector<std::string>& env = {}) {
  std::vector<std::string> full_env = {"PRISMA_HIDE_UPDATE_MESSAGE=1", "GREETING="};
  full_env.insert(full_env.end(), env.begin(), env.end());
  std::vector<std::string> prisma_args = {prisma_oracle(), "db", "seed"};
  prisma_args.insert(prisma_args.end(), args.begin(), args.end());
  std::vector<std::string> godwit_args = {"db", "seed"};
  godwit_args.insert(godwit_args.end(), args.begin(), args.end());
  return {run_command(prisma_args, full_env, root), run_godwit(godwit_args, full_env, root)};
}

void expect_same(const Both& b) {
  EXPECT_EQ(b.godwit.exit_code, b.prisma.exit_code);
  EXPECT_EQ(b.godwit.out, b.prisma.out);
  EXPECT_EQ(b.godwit.err, b.prisma.err);
}

TEST(DbSeed, RunsTheCommandWithExtraArgumentsAsPrisma) {
  GODWIT_REQUIRE_ORACLE();
  TempDir dir;
  write_project(dir.path(), config_with_seed("sh ./seed.sh"));
  auto b = run_both(dir.path(), {"--", "--count", "3"});
  expect_same(b);
  EXPECT_EQ(b.godwit.exit_code, 0);
  EXPECT_NE(b.godwit.out.find("seeding with args: --count 3"), std::string::npos) << b.godwit.out;
}

TEST(DbSeed, AFailingCommandExitsOneAsPrisma) {
  GODWIT_REQUIRE_ORACLE();
  TempDir dir;
  write_project(dir.path(), config_with_seed("sh ./seed.sh"));
  auto b = run_both(dir.path(), {"--", "x"}, {"SEED_EXIT=3"});
  expect_same(b);
  EXPECT_EQ(b.godwit.exit_code, 1);
  EXPECT_NE(b.godwit.err.find("Command failed with exit code 3: sh ./seed.sh x"), std::string::npos)
      << b.godwit.err;
}

TEST(DbSeed, NoSeedCommandIsExplainedAsPrisma) {
  GODWIT_REQUIRE_ORACLE();
  TempDir dir;
  write_project(dir.path(), config_with_seed(""));
  auto b = run_both(dir.path(), {});
  expect_same(b);
  EXPECT_EQ(b.godwit.exit_code, 0);
  EXPECT_NE(b.godwit.out.find("No seed command configured"), std::string::npos);
}

TEST(DbSeed, TheSeedSeesDotenvVariablesAsPrismas) {
  GODWIT_REQUIRE_ORACLE();
  TempDir dir;
  write_project(dir.path(), config_with_seed("sh ./seed.sh", /*dotenv=*/true),
                {{".env", "GREETING=hello from .env\n"}});
  auto b = run_both(dir.path(), {});
  expect_same(b);
  EXPECT_NE(b.godwit.out.find("GREETING=hello from .env"), std::string::npos) << b.godwit.out;
  // The process environment wins over .env, as with dotenv.
  auto own = run_godwit({"db", "seed"}, {"GREETING=from the shell"}, dir.path());
  EXPECT_NE(own.out.find("GREETING=from the shell"), std::string::npos) << own.out;
}

TEST(DbSeed, PackageJsonSeedRunsAsInPrisma6) {
  TempDir dir;
  write_project(dir.path(), "",
                {{"package.json", R"({"name": "x", "prisma": {"seed": "sh ./seed.sh"}})"},
                 {".env", "GREETING=from schema .env\n"}});
  auto r = run_godwit({"db", "seed", "--", "a", "b"}, {"GREETING="}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Running seed command `sh ./seed.sh a b` ..."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("GREETING=from schema .env"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The seed command has been executed."), std::string::npos) << r.out;
}

}  // namespace
}  // namespace godwit::test
