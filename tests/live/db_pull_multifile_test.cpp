// `db pull` over a multi-file schema (a `prisma/schema` folder) against the real Prisma 7.10.1
// (GODWIT_PRISMA_ORACLE), on SQLite and the suite's PostgreSQL. Each tool starts from the same
// folder and database; their stdout (`--print`, and the summary with its time masked) and the
// folders they leave must be the same, byte for byte:
// - re-introspection writes each model and enum back into its own file, a new column included;
//   new tables (and, on PostgreSQL, a new enum) go to `introspected.prisma`;
// - a table that is gone leaves its file holding only a line break;
// - `--force` writes the whole schema into `introspected.prisma` and removes the other files.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <regex>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

const char* const kConfig =
    "generator client {\n  provider = \"prisma-client-js\"\n}\n\ndatasource db {\n"
    "  provider = \"PROVIDER\"\n}\n";
const char* const kUser =
    "/// The users.\nmodel User {\n  id    Int    @id @default(autoincrement())\n"
    "  email String @unique\n  posts Post[]\n}\n";
const char* const kPost =
    "model Post {\n  id       Int  @id @default(autoincrement())\n  authorId Int\n"
    "  author   User @relation(fields: [authorId], references: [id])\n}\n";

// One folder per tool run, all made from the same files; one database both use in turn.
class MultiFilePull {
 public:
  explicit MultiFilePull(std::string provider) : provider_(std::move(provider)) {
    if (provider_ == "postgresql") {
      pg_ = std::make_unique<PgDatabase>("pull_multifile");
      url_ = pg_->url();
    } else {
      url_ = "file:" + (dir_.path() / "pull.db").string();
    }
    files_["config.prisma"] = std::regex_replace(kConfig, std::regex("PROVIDER"), provider_);
    files_["user.prisma"] = kUser;
    files_["post.prisma"] = kPost;
  }

  bool postgres() const { return pg_ != nullptr; }
  void query(const std::string& sql) const {
    if (pg_) {
      psql(url_, sql);
    } else {
      sqlite3_cli(dir_.path() / "pull.db", sql);
    }
  }
  std::map<std::string, std::string>& files() { return files_; }

  // A fresh project folder holding files() under prisma/schema.
  fs::path project(const std::string& name) const {
    const fs::path root = dir_.path() / name;
    fs::remove_all(root);
    for (const auto& [file, text] : files_)
      write_file(root / "prisma" / "schema" / file, text);
    write_file(root / "prisma.config.ts",
               "export default {\n  schema: 'prisma/schema',\n  datasource: { url: "
               "process.env.DATABASE_URL as string },\n}\n");
    return root;
  }

  CommandResult run(bool prisma, const fs::path& root, const std::vector<std::string>& args) const {
    std::vector<std::string> env{"DATABASE_URL=" + url_, "NO_COLOR=1"};
    if (!prisma) return run_godwit(args, env, root);
    std::vector<std::string> argv{prisma_oracle()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv, env, root);
  }

 private:
  std::string provider_;
  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  std::string url_;
  std::map<std::string, std::string> files_;
};

std::map<std::string, std::string> folder(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(root / "prisma" / "schema"))
    out[e.path().filename().string()] = read_file(e.path());
  return out;
}

std::string masked(const std::string& out) {
  return std::regex_replace(out, std::regex(" in [0-9.]+m?s"), " in <time>");
}

// Both tools on copies of the same folder: `--print` first (nothing written) unless `print` is
// false, then `args`. Returns the folder Prisma left.
std::map<std::string, std::string> expect_same_pull(const MultiFilePull& p,
                                                    const std::vector<std::string>& args,
                                                    const std::string& step, bool print = true) {
  auto prisma_root = p.project("prisma_" + std::to_string(args.size()));
  auto godwit_root = p.project("godwit_" + std::to_string(args.size()));
  if (print) {
    auto print_args = args;
    print_args.push_back("--print");
    auto prisma_print = p.run(true, prisma_root, print_args);
    auto godwit_print = p.run(false, godwit_root, print_args);
    EXPECT_EQ(prisma_print.exit_code, 0) << step << "\n" << prisma_print.err;
    EXPECT_EQ(godwit_print.exit_code, 0) << step << "\n" << godwit_print.err;
    EXPECT_EQ(godwit_print.out, prisma_print.out) << step << ": --print";
  }

  auto prisma = p.run(true, prisma_root, args);
  auto godwit = p.run(false, godwit_root, args);
  EXPECT_EQ(prisma.exit_code, 0) << step << "\n" << prisma.err;
  EXPECT_EQ(godwit.exit_code, 0) << step << "\n" << godwit.err;
  EXPECT_EQ(masked(godwit.out), masked(prisma.out)) << step << ": the summary";
  EXPECT_EQ(folder(godwit_root), folder(prisma_root)) << step << ": the files written";
  return folder(prisma_root);
}

class DbPullMultiFile : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    GODWIT_REQUIRE_ORACLE();
    if (GetParam() == "postgresql") GODWIT_REQUIRE_PG();
  }
};

TEST_P(DbPullMultiFile, EachModelStaysInItsFileAndNewOnesGoToIntrospectedPrisma) {
  MultiFilePull p(GetParam());
  const bool pg = p.postgres();
  const std::string serial = pg ? "SERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
  p.query("CREATE TABLE \"User\" (id " + serial +
          ", email TEXT NOT NULL, name TEXT);"
          "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(email);"
          "CREATE TABLE \"Post\" (id " +
          serial +
          ", \"authorId\" INTEGER NOT NULL REFERENCES \"User\"(id) ON DELETE RESTRICT ON "
          "UPDATE CASCADE);"
          "CREATE TABLE \"Tag\" (id INTEGER PRIMARY KEY, label TEXT NOT NULL);");
  if (pg) {
    // An enum in a file of its own, and a new one that goes to introspected.prisma.
    p.query(
        "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN'); CREATE TYPE \"Mood\" AS ENUM ('OK');"
        "ALTER TABLE \"User\" ADD COLUMN role \"Role\" NOT NULL DEFAULT 'USER';"
        "ALTER TABLE \"Tag\" ADD COLUMN mood \"Mood\";");
    p.files()["user.prisma"] =
        std::regex_replace(kUser, std::regex("  posts Post\\[\\]\n"),
                           "  posts Post[]\n  role  Role   @default(USER)\n");
    p.files()["enums.prisma"] = "enum Role {\n  USER\n  ADMIN\n}\n";
  }
  p.files() = expect_same_pull(p, {"db", "pull"}, "a new column, a new table");

  p.query("DROP TABLE \"Post\"; CREATE TABLE \"Zed\" (id INTEGER PRIMARY KEY, v TEXT);");
  p.files() = expect_same_pull(p, {"db", "pull"}, "a table gone");

  // (`--print --force` prints one schema, as for a single file: DbPull.PrintEqualsPrisma.)
  expect_same_pull(p, {"db", "pull", "--force"}, "--force", /*print=*/false);
}

INSTANTIATE_TEST_SUITE_P(Providers, DbPullMultiFile, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace godwit::test
