#pragma once
// Shared by the interoperability tests (tests/live/interop_*_test.cpp): a project directory that
// both godwit and the real Prisma 7 CLI (GODWIT_PRISMA_ORACLE) read, a fresh database of either
// provider, and the `_prisma_migrations` rows in a tool-neutral form.
//
// Prisma 7 reads the database URL only from prisma.config.ts and rejects `url = env(...)` in
// the datasource (../shared/tools/prisma-oracle/README-oracle.md), so the project holds a copy of
// the schema without url/directUrl/shadowDatabaseUrl lines and a config that takes DATABASE_URL;
// godwit reads the same DATABASE_URL (its default when the datasource has no url).

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.hpp"

namespace godwit::test::interop {
namespace fs = std::filesystem;

/// tests/live/interop/<provider>/ (small hand-written fixtures).
inline fs::path fixture_dir(const std::string& provider) {
  return source_dir() / "tests" / "live" / "interop" / provider;
}

/// A temp project: schema.prisma (url lines removed), prisma.config.ts, migrations/.
class Project {
 public:
  /// `source` holds schema.prisma and migrations/ (a corpus history or a fixture folder).
  explicit Project(const fs::path& source) {
    static const std::regex kUrlLine(R"(^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$)");
    std::istringstream in(read_file(source / "schema.prisma"));
    std::string line, schema;
    while (std::getline(in, line)) {
      if (!std::regex_match(line, kUrlLine)) schema += line + "\n";
    }
    write_file(root() / "schema.prisma", schema);
    write_file(root() / "prisma.config.ts",
               "export default {\n"
               "  schema: 'schema.prisma',\n"
               "  migrations: { path: 'migrations' },\n"
               "  datasource: { url: process.env.DATABASE_URL as string },\n"
               "}\n");
    fs::copy(source / "migrations", migrations(), fs::copy_options::recursive);
  }

  const fs::path& root() const { return dir_.path(); }
  fs::path migrations() const { return root() / "migrations"; }

  /// Writes migrations/<name>/migration.sql (creating or replacing it).
  void put_migration(const std::string& name, const std::string& sql) const {
    write_file(migrations() / name / "migration.sql", sql);
  }

 private:
  TempDir dir_;
};

/// A fresh empty database: a new PostgreSQL database on the test server, or a SQLite file
/// path (not created: both tools create it).
class Database {
 public:
  Database(const std::string& provider, const std::string& hint) {
    if (provider == "postgresql") {
      pg_ = std::make_unique<PgDatabase>(hint);
      url_ = pg_->url();
    } else {
      file_ = files_.path() / (hint + ".db");
      url_ = "file:" + file_.string();
    }
  }

  const std::string& url() const { return url_; }
  bool is_postgres() const { return pg_ != nullptr; }

  /// Runs SQL through psql or the sqlite3 CLI; rows come back '|'-separated.
  std::string query(const std::string& sql) const {
    if (pg_) return psql(url_, sql);
    // On stdin: the sqlite3 CLI takes an argument starting with "--" (a SQL comment) as an
    // option.
    auto r = run_command({"sqlite3", "-bail", file_.string()}, {}, {}, sql);
    if (r.exit_code != 0) throw std::runtime_error("sqlite3 failed: " + r.err + "\nSQL: " + sql);
    return r.out;
  }

  /// True when `table` exists in the default schema.
  bool has_table(const std::string& table) const {
    auto out =
        pg_ ? query("SELECT to_regclass('public.\"" + table + "\"') IS NOT NULL")
            : query("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '" +
                    table + "'");
    return out == "t\n" || out == "1\n";
  }

 private:
  TempDir files_;
  std::unique_ptr<PgDatabase> pg_;
  fs::path file_;
  std::string url_;
};

/// `_prisma_migrations` in the columns Prisma's golden history.tsv has, flags as 1/0, one
/// line per row, tab-separated, ordered by name then rolled-back rows first: the rows two tools
/// wrote for the same history compare equal, whatever ids and timestamps they chose.
/// The PostgreSQL shadow databases (`prisma_migrate_shadow_db_*`) on the test server.
inline std::set<std::string> shadow_databases() {
  std::set<std::string> out;
  std::istringstream in(psql(pg_admin_url(),
                             "SELECT datname FROM pg_database "
                             "WHERE datname LIKE 'prisma_migrate_shadow_db_%'"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.insert(line);
  return out;
}

/// Waits until every shadow database not in `before` is gone: other tests running at the same
/// time (ctest -j) make and drop their own, so "the same set as before" would be a race. False
/// when one stays for 60 s: a shadow database left behind.
inline bool no_shadow_left(const std::set<std::string>& before) {
  for (int i = 0; i < 600; ++i) {
    bool left = false;
    for (const auto& name : shadow_databases())
      left = left || !before.contains(name);
    if (!left) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

/// A test run once per provider ("postgresql", "sqlite") that needs the oracle, and checks
/// after each PostgreSQL case that the shadow databases it made are gone again (only its own:
/// other tests' shadows come and go under ctest -j).
class ShadowCheckedTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      GODWIT_REQUIRE_PG();
      shadows_before_ = shadow_databases();
    }
    GODWIT_REQUIRE_ORACLE();
  }
  void TearDown() override {
    if (GetParam() == "postgresql" && !pg_admin_url().empty()) {
      EXPECT_TRUE(no_shadow_left(shadows_before_)) << "a prisma_migrate_shadow_db_* was left";
    }
  }

 private:
  std::set<std::string> shadows_before_;
};

inline std::string history_rows(const Database& db) {
  auto out = db.query(
      "SELECT migration_name, checksum, applied_steps_count, "
      "CASE WHEN logs IS NULL THEN 1 ELSE 0 END, "
      "CASE WHEN finished_at IS NOT NULL THEN 1 ELSE 0 END, "
      "CASE WHEN rolled_back_at IS NULL THEN 1 ELSE 0 END "
      "FROM _prisma_migrations ORDER BY migration_name, 6, checksum");
  for (auto& c : out) {
    if (c == '|') c = '\t';
  }
  return out;
}

/// Row ids with their names: unchanged ids prove a tool re-ran and rewrote nothing.
inline std::string history_ids(const Database& db) {
  return db.query("SELECT id, migration_name FROM _prisma_migrations ORDER BY id");
}

/// prisma-golden/history.tsv of a corpus history without its header, flags as 1/0.
inline std::string golden_history(const fs::path& history) {
  std::istringstream in(read_file(history / "prisma-golden" / "history.tsv"));
  std::string line, out;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::istringstream fields(line);
    std::string col;
    while (std::getline(fields, col, '\t'))
      cols.push_back(col);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (i >= 3 && cols[i] == "t") cols[i] = "1";
      if (i >= 3 && cols[i] == "f") cols[i] = "0";
      out += (i ? "\t" : "") + cols[i];
    }
    out += "\n";
  }
  return out;
}

/// One expected history row (see history_rows).
inline std::string row(const std::string& name, const std::string& checksum, int steps,
                       bool logs_null, bool finished, bool not_rolled_back) {
  return name + "\t" + checksum + "\t" + std::to_string(steps) + "\t" + (logs_null ? "1" : "0") +
         "\t" + (finished ? "1" : "0") + "\t" + (not_rolled_back ? "1" : "0") + "\n";
}

/// sha256 of a file from coreutils: an independent check of the stored checksums.
inline std::string sha256_of(const fs::path& file) {
  auto r = run_command({"sha256sum", file.string()});
  return r.out.substr(0, 64);
}

/// Runs the real Prisma CLI in the project on `db`.
inline CommandResult prisma(const Project& p, const Database& db,
                            const std::vector<std::string>& args) {
  std::vector<std::string> argv{prisma_oracle()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, {"DATABASE_URL=" + db.url(), "NO_COLOR=1"}, p.root());
}

/// Runs godwit in the project on `db`.
inline CommandResult godwit(const Project& p, const Database& db,
                            const std::vector<std::string>& args) {
  return run_godwit(args, {"DATABASE_URL=" + db.url(), "NO_COLOR=1"}, p.root());
}

/// A history of ../shared/corpus (a folder below it) and its provider.
struct CorpusHistory {
  std::string name;
  std::string provider;
};

inline void PrintTo(const CorpusHistory& h, std::ostream* os) {
  *os << h.name;
}

/// Every corpus history godwit can run (the MySQL one left out).
inline const std::vector<CorpusHistory>& corpus_histories() {
  static const std::vector<CorpusHistory> kAll = {
      {"langfuse__langfuse", "postgresql"},
      {"triggerdotdev__trigger.dev/database", "postgresql"},
      {"triggerdotdev__trigger.dev/run-ops-database", "postgresql"},
      {"hoppscotch__hoppscotch", "postgresql"},
      {"umami-software__umami", "postgresql"},
      {"teableio__teable/postgres", "postgresql"},
      {"teableio__teable/sqlite", "sqlite"},
      {"Mintplex-Labs__anything-llm", "sqlite"},
      {"stonith404__pingvin-share", "sqlite"},
  };
  return kAll;
}

/// A gtest parameter name for a history: its folder with every other character than a letter
/// or digit as '_'.
inline std::string corpus_test_name(const ::testing::TestParamInfo<CorpusHistory>& info) {
  std::string name;
  for (char c : info.param.name)
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

/// gtest failure text for a command result.
inline std::string describe(const CommandResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

}  // namespace godwit::test::interop
