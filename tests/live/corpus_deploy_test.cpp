// Every real migration history in ../shared/corpus, deployed by godwit onto a fresh database:
// status says up to date, the schema equals the psql/sqlite3 replay, and _prisma_migrations
// holds the rows Prisma's own deploy wrote (prisma-golden/history.tsv).
#include <gtest/gtest.h>

#include <sstream>

#include "support/test_support.hpp"

namespace godwit::test {
namespace {
namespace fs = std::filesystem;

struct History {
  std::string name;  // folder below corpus/
  std::string provider;
};

void PrintTo(const History& h, std::ostream* os) {
  *os << h.name;
}

const std::vector<History> kHistories = {
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

// The schema statements of a `pg_dump -s`, without what depends on the server's or pg_dump's
// version rather than on the schema: comment lines ("-- Dumped from database version 15.18"),
// the \restrict/\unrestrict guards of 15.14+ (random keys), the session settings pg_dump
// writes first (17 adds transaction_timeout) and blank lines.
std::string schema_statements(const std::string& dump) {
  std::istringstream in(dump);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with("--") || line.starts_with("\\restrict") ||
        line.starts_with("\\unrestrict") || line.starts_with("SET ") ||
        line.starts_with("SELECT pg_catalog.set_config(")) {
      continue;
    }
    out += line + "\n";
  }
  return out;
}

std::string without_blank_lines(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (!line.empty()) out += line + "\n";
  }
  return out;
}

// The expected rows, normalised to the t/f flags of the PostgreSQL golden files.
std::string expected_history(const fs::path& dir) {
  auto text = read_file(dir / "prisma-golden" / "history.tsv");
  std::istringstream in(text);
  std::string line, out;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    // SQLite golden files write 1/0 for the three flags; normalise to t/f.
    std::vector<std::string> cols;
    std::istringstream l(line);
    std::string col;
    while (std::getline(l, col, '\t'))
      cols.push_back(col);
    for (std::size_t i = 3; i < cols.size(); ++i) {
      if (cols[i] == "1") cols[i] = "t";
      if (cols[i] == "0") cols[i] = "f";
    }
    for (std::size_t i = 0; i < cols.size(); ++i)
      out += (i ? "\t" : "") + cols[i];
    out += "\n";
  }
  return out;
}

constexpr const char* kHistoryQuery =
    "SELECT migration_name, checksum, applied_steps_count, "
    "CASE WHEN logs IS NULL THEN 't' ELSE 'f' END, "
    "CASE WHEN finished_at IS NOT NULL THEN 't' ELSE 'f' END, "
    "CASE WHEN rolled_back_at IS NULL THEN 't' ELSE 'f' END "
    "FROM _prisma_migrations ORDER BY migration_name";

std::string sorted_lines(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line))
    lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (auto& l : lines)
    out += l + "\n";
  return out;
}

class CorpusDeploy : public ::testing::TestWithParam<History> {};

TEST_P(CorpusDeploy, DeploysLikePrismaAndReplay) {
  const auto& h = GetParam();
  const auto dir = corpus_dir() / h.name;
  const auto schema = (dir / "schema.prisma").string();
  TempDir tmp;
  std::string url;
  std::unique_ptr<PgDatabase> pg;
  const auto db_file = tmp.path() / "corpus.db";
  if (h.provider == "postgresql") {
    GODWIT_REQUIRE_PG();
    pg = std::make_unique<PgDatabase>(h.name);
    url = pg->url();
  } else {
    url = "file:" + db_file.string();
  }

  auto deploy = run_godwit({"migrate", "deploy", "--schema", schema, "--url", url}, {}, tmp.path());
  ASSERT_EQ(deploy.exit_code, 0) << deploy.out << deploy.err;
  EXPECT_NE(deploy.out.find("All migrations have been successfully applied."), std::string::npos);

  auto status = run_godwit({"migrate", "status", "--schema", schema, "--url", url}, {}, tmp.path());
  EXPECT_EQ(status.exit_code, 0) << status.out << status.err;
  EXPECT_NE(status.out.find("Database schema is up to date!"), std::string::npos) << status.out;

  // A second deploy applies nothing.
  auto again = run_godwit({"migrate", "deploy", "--schema", schema, "--url", url}, {}, tmp.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("No pending migrations to apply."), std::string::npos);

  std::string rows;
  if (pg) {
    rows = psql(url, std::string(kHistoryQuery));
    // psql -A -t separates columns with '|'
    for (auto& c : rows) {
      if (c == '|') c = '\t';
    }
    auto dump = run_command(
        {"pg_dump", "-s", "--no-owner", "--no-privileges", "-T", "_prisma_migrations", "-d", url});
    ASSERT_EQ(dump.exit_code, 0) << dump.err;
    auto expected = read_file(dir / "replay" / "final_schema.pg15.sql");
    EXPECT_EQ(schema_statements(dump.out), schema_statements(expected))
        << "schema differs from the psql replay";
  } else {
    rows = sqlite3_cli(db_file, std::string(kHistoryQuery));
    for (auto& c : rows) {
      if (c == '|') c = '\t';
    }
    // `.schema`, as the replay was dumped, without the history table's statement.
    std::istringstream full(sqlite3_cli(db_file, ".schema"));
    std::string schema_dump, line;
    bool in_history = false;
    while (std::getline(full, line)) {
      if (line.find("\"_prisma_migrations\"") != std::string::npos) in_history = true;
      if (!in_history) schema_dump += line + "\n";
      if (in_history && line.starts_with(");")) in_history = false;
    }
    auto expected = read_file(dir / "replay" / "final_schema.sqlite.sql");
    EXPECT_EQ(without_blank_lines(schema_dump), without_blank_lines(expected))
        << "schema differs from the sqlite3 replay";
    EXPECT_EQ(sqlite3_cli(db_file, "PRAGMA integrity_check"), "ok\n");
  }
  EXPECT_EQ(sorted_lines(rows), sorted_lines(expected_history(dir)));
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusDeploy, ::testing::ValuesIn(kHistories),
                         [](const auto& info) {
                           std::string n;
                           for (char c : info.param.name) {
                             n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace godwit::test
