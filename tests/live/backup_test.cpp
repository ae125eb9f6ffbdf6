// godwit backup create | list | restore | verify and `migrate deploy --backup` on a real SQLite
// file and the suite's PostgreSQL 15: a backup taken before a deploy restores the exact
// pre-deploy schema (PostgreSQL: `pg_dump --schema-only` text, SQLite: `.schema`) and row
// counts; restore refuses newer migrations without --force; files are owner-only; retention by
// count and age; verify catches a manifest that does not match; pg_dump missing from PATH is a
// clear error and stops a deploy with nothing applied.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

bool has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

class BackupProject {
 public:
  BackupProject(const std::string& provider, const std::string& name) : provider_(provider) {
    write_file(root() / "prisma" / "schema.prisma",
               "datasource db {\n  provider = \"" + provider +
                   "\"\n  url      = env(\"DATABASE_URL\")\n}\n");
    write_file(root() / "prisma" / "migrations" / "migration_lock.toml",
               "provider = \"" + provider + "\"\n");
    if (is_pg()) {
      pg_ = std::make_unique<PgDatabase>(name);
      url_ = pg_->url();
    } else {
      url_ = "file:./dev.db";
    }
  }
  bool is_pg() const { return provider_ == "postgresql"; }
  const fs::path& root() const { return dir_.path(); }
  fs::path backups() const { return root() / ".godwit" / "backups"; }
  fs::path sqlite_file() const { return root() / "prisma" / "dev.db"; }
  void add(const std::string& name, const std::string& sql) const {
    write_file(root() / "prisma" / "migrations" / name / "migration.sql", sql);
  }
  CommandResult godwit(const std::vector<std::string>& args,
                       std::vector<std::string> env = {}) const {
    env.push_back("DATABASE_URL=" + url_);
    return run_godwit(args, env, root());
  }
  std::string sql(const std::string& text) const {
    std::string out = is_pg() ? psql(url_, text) : sqlite3_cli(sqlite_file(), text);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
      out.pop_back();
    return out;
  }
  // The schema as the database's own tool prints it: independent of godwit's introspection.
  std::string schema_text() const {
    if (!is_pg()) return sqlite3_cli(sqlite_file(), ".schema");
    auto r = run_command({"pg_dump", "--schema-only", "--no-owner", "--dbname=" + url_});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // Comments, and psql's \restrict / \unrestrict lines with their random key (pg_dump
    // 15.14 and later), differ between two runs over the same schema.
    std::string out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) {
      if (!line.starts_with("--") && !line.starts_with("\\restrict") &&
          !line.starts_with("\\unrestrict"))
        out += line + "\n";
    }
    return out;
  }
  // Row counts of every table, history included, as "table=count" lines.
  std::string row_counts() const {
    std::string tables =
        is_pg() ? sql("SELECT string_agg(tablename, ' ' ORDER BY tablename) FROM pg_tables WHERE "
                      "schemaname = 'public'")
                : sql("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE "
                      "type = 'table' ORDER BY name)");
    std::string out;
    std::istringstream in(tables);
    for (std::string t; in >> t;)
      out += t + "=" + sql("SELECT count(*) FROM \"" + t + "\"") + "\n";
    return out;
  }
  std::vector<fs::path> backup_files() const {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(backups(), ec)) {
      auto ext = e.path().extension();
      if (ext == ".pgdump" || ext == ".sqlite") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  std::string provider_;
  TempDir dir_;
  std::unique_ptr<PgDatabase> pg_;
  std::string url_;
};

constexpr const char* kInit =
    "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"email\" TEXT NOT NULL);\n"
    "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");\n"
    "INSERT INTO \"User\" (\"id\", \"email\") VALUES (1, 'a@x'), (2, 'b@x'), (3, 'c@x');\n";
constexpr const char* kSecond =
    "CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"userId\" INTEGER REFERENCES "
    "\"User\"(\"id\"));\n"
    "INSERT INTO \"Post\" VALUES (1, 1);\n"
    "INSERT INTO \"User\" (\"id\", \"email\") VALUES (4, 'd@x');\n"
    "DROP INDEX \"User_email_key\";\n";

class Backup : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      GODWIT_REQUIRE_PG();
      GODWIT_REQUIRE_LIVE_PART(!run_command({"pg_dump", "--version"}).out.empty(),
                               "pg_dump on PATH (apt-get install postgresql-client-15)");
    } else {
      GODWIT_REQUIRE_LIVE_PART(!run_command({"sqlite3", "--version"}).out.empty(),
                               "the sqlite3 CLI (apt-get install sqlite3)");
    }
  }
  std::string name() const {
    return ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }
};

TEST_P(Backup, DeployBackupRestoresThePreDeploySchemaAndRowCounts) {
  BackupProject p(GetParam(), name());
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  const auto schema_before = p.schema_text();
  const auto rows_before = p.row_counts();
  ASSERT_TRUE(has(rows_before, "User=3")) << rows_before;

  p.add("20240102000000_posts", kSecond);
  auto deploy = p.godwit({"migrate", "deploy", "--backup"});
  ASSERT_EQ(deploy.exit_code, 0) << deploy.err;
  EXPECT_TRUE(has(deploy.err, "godwit: backup before deploy written to")) << deploy.err;
  // stdout keeps Prisma's transcript.
  EXPECT_FALSE(has(deploy.out, "godwit:")) << deploy.out;
  ASSERT_EQ(p.backup_files().size(), 1u);
  const auto file = p.backup_files().front();
  EXPECT_TRUE(has(file.filename().string(), "_20240101000000_init.")) << file;
  EXPECT_NE(p.schema_text(), schema_before);

  // Owner-only files in an owner-only folder that git ignores.
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat((file.string() + ".json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(p.backups().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_TRUE(has(read_file(p.backups() / ".gitignore"), "*"));

  // The manifest: what was applied, row counts, the file's digest.
  auto m = json::parse(read_file(file.string() + ".json"));
  ASSERT_EQ(m["migrations"].size(), 1u);
  EXPECT_EQ(m["migrations"][0]["name"], "20240101000000_init");
  EXPECT_EQ(m["tables"][0]["rows"], 3);
  EXPECT_EQ(m["sizeBytes"].get<std::uint64_t>(), fs::file_size(file));

  auto verify = p.godwit({"backup", "verify", "latest"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_TRUE(has(verify.out, "verified")) << verify.out;
  if (p.is_pg()) {
    // This verify's own scratch database (other tests may be verifying at the same time).
    std::smatch scratch;
    ASSERT_TRUE(std::regex_search(verify.out, scratch, std::regex("godwit_verify_[0-9a-f]+")))
        << verify.out;
    EXPECT_EQ(psql(pg_admin_url(),
                   "SELECT count(*) FROM pg_database WHERE datname = '" + scratch.str() + "'"),
              "0\n")
        << "the scratch database was left behind";
  }

  // The database has a migration the backup lacks: refused, nothing changed.
  const auto schema_after = p.schema_text();
  auto refused = p.godwit({"backup", "restore", "latest"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(has(refused.err, "Error: GW2610")) << refused.err;
  EXPECT_TRUE(has(refused.err, "20240102000000_posts")) << refused.err;
  EXPECT_EQ(p.schema_text(), schema_after);

  auto restored = p.godwit({"backup", "restore", file.string(), "--force"});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(p.schema_text(), schema_before);
  EXPECT_EQ(p.row_counts(), rows_before);

  // The restored history says what the database holds: the deploy applies the migration again.
  auto again = p.godwit({"migrate", "deploy"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(has(again.out, "20240102000000_posts")) << again.out;
  EXPECT_EQ(p.sql("SELECT count(*) FROM \"Post\""), "1");
}

TEST_P(Backup, ListAndRetentionByCountAndAge) {
  BackupProject p(GetParam(), name());
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  write_file(p.root() / "godwit.toml", "[backup]\nkeep = 2\n");
  for (int i = 0; i < 3; ++i) {
    auto r = p.godwit({"backup", "create"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(p.backup_files().size(), 2u);
  auto list = p.godwit({"backup", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto j = json::parse(list.out);
  ASSERT_EQ(j["backups"].size(), 2u);
  EXPECT_EQ(j["backups"][0]["lastMigration"], "20240101000000_init");
  EXPECT_EQ(j["backups"][0]["rows"], 3);
  EXPECT_GE(j["backups"][0]["createdAt"].get<std::string>(),
            j["backups"][1]["createdAt"].get<std::string>());

  // Age: make one backup a year old; the next create removes it, never the new one.
  auto old = p.backup_files().front();
  auto manifest = json::parse(read_file(old.string() + ".json"));
  manifest["createdAt"] = "2020-01-01T00:00:00.000Z";
  write_file(old.string() + ".json", manifest.dump(2));
  write_file(p.root() / "godwit.toml", "[backup]\nkeep = 0\nmax_age_days = 30\n");
  auto r = p.godwit({"backup", "create"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Removed by retention: ")) << r.out;
  EXPECT_FALSE(fs::exists(old));
  EXPECT_FALSE(fs::exists(old.string() + ".json"));
  EXPECT_EQ(p.backup_files().size(), 2u);
}

TEST_P(Backup, VerifyFailsWhenTheBackupDoesNotMatchItsManifest) {
  BackupProject p(GetParam(), name());
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  ASSERT_EQ(p.godwit({"backup", "create"}).exit_code, 0);
  const auto file = p.backup_files().at(0);
  auto manifest = json::parse(read_file(file.string() + ".json"));
  manifest["tables"][0]["rows"] = 4;
  write_file(file.string() + ".json", manifest.dump(2));
  auto r = p.godwit({"backup", "verify", "--json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "Error: GW2612")) << r.err;
  EXPECT_TRUE(has(r.err, "4 rows in the manifest, 3 restored")) << r.err;

  // A changed file is caught by its digest before anything is restored.
  {
    std::string bytes = read_file(file);
    bytes.back() = static_cast<char>(bytes.back() ^ 1);
    write_file(file, bytes);
  }
  auto damaged = p.godwit({"backup", "verify", file.string()});
  EXPECT_EQ(damaged.exit_code, 1);
  EXPECT_TRUE(has(damaged.err, "Error: GW2609")) << damaged.err;
}

INSTANTIATE_TEST_SUITE_P(Providers, Backup, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(BackupPostgres, MissingPgDumpIsAClearErrorAndStopsTheDeploy) {
  GODWIT_REQUIRE_PG();
  BackupProject p("postgresql", "missing_pg_dump");
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  TempDir empty_path;  // a PATH with no pg_dump on it
  const std::string path = "PATH=" + empty_path.path().string();
  auto r = p.godwit({"backup", "create"}, {path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "Error: GW2600")) << r.err;
  EXPECT_TRUE(has(r.err, "`pg_dump` was not found on PATH")) << r.err;
  EXPECT_TRUE(has(r.err, "postgresql-client-15")) << r.err;
  EXPECT_TRUE(p.backup_files().empty());

  p.add("20240102000000_posts", kSecond);
  auto deploy = p.godwit({"migrate", "deploy", "--backup"}, {path});
  EXPECT_EQ(deploy.exit_code, 1);
  EXPECT_TRUE(has(deploy.err, "Error: GW2613")) << deploy.err;
  EXPECT_TRUE(has(deploy.err, "no migration was applied")) << deploy.err;
  EXPECT_EQ(p.sql("SELECT count(*) FROM _prisma_migrations"), "1");
  EXPECT_EQ(p.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'Post'"), "0");

  // godwit.toml's before_deploy does the same without the flag.
  write_file(p.root() / "godwit.toml", "[backup]\nbefore_deploy = true\n");
  auto configured = p.godwit({"migrate", "deploy"}, {path});
  EXPECT_EQ(configured.exit_code, 1);
  EXPECT_TRUE(has(configured.err, "Error: GW2613")) << configured.err;
  EXPECT_EQ(p.sql("SELECT count(*) FROM _prisma_migrations"), "1");
}

TEST(BackupPostgres, PgDumpOlderThanTheServerIsAClearError) {
  GODWIT_REQUIRE_PG();
  BackupProject p("postgresql", "old_pg_dump");
  p.add("20240101000000_init", kInit);
  ASSERT_EQ(p.godwit({"migrate", "deploy"}).exit_code, 0);
  // A pg_dump of an older major version, as an older postgresql-client package installs it.
  TempDir bin;
  write_file(bin.path() / "pg_dump",
             "#!/bin/sh\necho 'pg_dump (PostgreSQL) 13.16 (Debian 13.16-0+deb11u1)'\n");
  fs::permissions(bin.path() / "pg_dump", fs::perms::owner_all);
  auto r = p.godwit({"backup", "create"}, {"PATH=" + bin.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has(r.err, "Error: GW2601")) << r.err;
  EXPECT_TRUE(has(r.err, "pg_dump (PostgreSQL) 13.16 is older than the server (PostgreSQL 15"))
      << r.err;
  EXPECT_TRUE(has(r.err, "postgresql-client-15")) << r.err;
  EXPECT_TRUE(p.backup_files().empty());
}

}  // namespace
}  // namespace godwit::test
