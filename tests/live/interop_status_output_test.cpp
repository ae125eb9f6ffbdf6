// `migrate status` and `migrate deploy` print what the real Prisma 7.10.1 prints, stream by stream
// (stdout and stderr apart: scripts grep one of them) and with the same exit code, in every
// state of a history: up to date, pending, failed, no history table with and without local
// migrations; on SQLite and PostgreSQL, with the URL in a prisma.config.ts (so Prisma's "Loaded
// Prisma config" line is there too). The only differences allowed are godwit's command name in
// the advice lines (`godwit migrate dev (or prisma migrate dev)`, `godwit migrate resolve`),
// rewritten to Prisma's before comparing, and deploy's "Applying migration `<name>`" progress
// lines, which Prisma 6 printed and Prisma 7.10.1 no longer does (docs/compatibility.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

constexpr const char* kFirst = "20240101000000_init";
constexpr const char* kSecond = "20240102000000_tags";

// godwit's advice names its own command: make it Prisma's.
std::string as_prisma(std::string text) {
  text = std::regex_replace(text, std::regex("Applying migration `[^`\n]*`\n"), "");
  text = std::regex_replace(text, std::regex(R"(godwit migrate dev \(or prisma migrate dev\))"),
                            "prisma migrate dev");
  return std::regex_replace(text, std::regex(R"(godwit migrate )"), "prisma migrate ");
}

// A project with two migrations and the URL in prisma.config.ts; the database is `url`.
class Project {
 public:
  Project(const std::string& provider, const std::string& url) {
    const bool pg = provider == "postgresql";
    write_file(root() / "prisma" / "schema.prisma", "datasource db {\n  provider = \"" + provider +
                                                        "\"\n}\n\nmodel User {\n  id Int @id\n}\n");
    write_file(root() / "prisma" / "migrations" / "migration_lock.toml",
               "provider = \"" + provider + "\"\n");
    add(kFirst, pg ? "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL, PRIMARY KEY (\"id\"));\n"
                   : "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    add(kSecond, "CREATE TABLE \"Tag\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
    write_file(root() / "prisma.config.ts",
               "export default {\n  schema: \"prisma/schema.prisma\",\n  datasource: { url: \"" +
                   url + "\" },\n};\n");
  }
  const fs::path& root() const { return dir_.path(); }
  void add(const std::string& name, const std::string& sql) {
    write_file(root() / "prisma" / "migrations" / name / "migration.sql", sql);
  }
  void remove(const std::string& name) { fs::remove_all(root() / "prisma" / "migrations" / name); }
  CommandResult godwit(const std::vector<std::string>& args) const {
    return run_godwit(args, env(), root());
  }
  CommandResult prisma(std::vector<std::string> args) const {
    args.insert(args.begin(), prisma_oracle());
    return run_command(args, env(), root());
  }

 private:
  static std::vector<std::string> env() {
    return {"DATABASE_URL=", "PRISMA_HIDE_UPDATE_MESSAGE=1", "NO_COLOR=1"};
  }
  TempDir dir_;
};

void expect_same(const CommandResult& prisma, const CommandResult& godwit,
                 const std::string& what) {
  EXPECT_EQ(godwit.exit_code, prisma.exit_code) << what << "\n" << godwit.err << prisma.err;
  EXPECT_EQ(as_prisma(godwit.out), prisma.out) << what << ": stdout";
  EXPECT_EQ(as_prisma(godwit.err), prisma.err) << what << ": stderr";
}

// One database per provider; `reset` empties it.
struct Target {
  std::string provider;
  std::string url;
  std::function<void()> reset;
  std::function<void(const std::string&)> run_sql;
  std::unique_ptr<PgDatabase> pg;
  std::unique_ptr<TempDir> dir;
};

Target make_target(const std::string& provider) {
  Target t;
  t.provider = provider;
  if (provider == "postgresql") {
    t.pg = std::make_unique<PgDatabase>("status_output");
    t.url = t.pg->url();
    std::string url = t.url;
    t.run_sql = [url](const std::string& sql) { psql(url, sql); };
    t.reset = [url] { psql(url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"); };
  } else {
    t.dir = std::make_unique<TempDir>();
    fs::path file = t.dir->path() / "dev.db";
    t.url = "file:" + file.string();
    t.run_sql = [file](const std::string& sql) { sqlite3_cli(file, sql); };
    t.reset = [file] {
      fs::remove(file);
      sqlite3_cli(file, "CREATE TABLE \"_keep\" (x); DROP TABLE \"_keep\";");
    };
  }
  return t;
}

class StatusOutput : public ::testing::TestWithParam<std::string> {};

TEST_P(StatusOutput, EveryStateAsPrismaPrintsIt) {
  GODWIT_REQUIRE_ORACLE();
  if (GetParam() == "postgresql") GODWIT_REQUIRE_PG();
  Target t = make_target(GetParam());
  Project p(t.provider, t.url);
  auto status = [&](const std::string& what) {
    expect_same(p.prisma({"migrate", "status"}), p.godwit({"migrate", "status"}), what);
  };

  // An empty database: no history table, two local migrations (Prisma lists them as pending).
  t.reset();
  status("empty database");
  // A table but no history: the same (the baseline advice comes from deploy's P3005).
  t.run_sql("CREATE TABLE \"Other\" (\"id\" INTEGER);");
  status("no history table, not empty");

  // Deploy: each tool on an empty database.
  t.reset();
  auto prisma_deploy = p.prisma({"migrate", "deploy"});
  t.reset();
  auto godwit_deploy = p.godwit({"migrate", "deploy"});
  expect_same(prisma_deploy, godwit_deploy, "deploy");
  status("up to date");

  // Nothing pending: deploy again.
  expect_same(p.prisma({"migrate", "deploy"}), p.godwit({"migrate", "deploy"}), "deploy again");

  // One pending migration.
  p.add("20240103000000_more", "CREATE TABLE \"More\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n");
  status("one pending");
  p.remove("20240103000000_more");

  // The last migration failed.
  t.run_sql(std::string("UPDATE \"_prisma_migrations\" SET finished_at = NULL, logs = 'boom' "
                        "WHERE migration_name = '") +
            kSecond + "';");
  status("failed");

  // No local migrations and no history table.
  t.reset();
  p.remove(kFirst);
  p.remove(kSecond);
  status("no migrations, no history table");
}

INSTANTIATE_TEST_SUITE_P(Providers, StatusOutput, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace godwit::test
