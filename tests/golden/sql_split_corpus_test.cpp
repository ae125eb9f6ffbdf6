// Every migration of every corpus history (/work/shared/corpus), split and classified:
// - the statement count equals the `statements` column of the history's replay/manifest.tsv
//   (made by replaying each file with psql / the sqlite3 CLI, so it counts what the servers'
//   own front ends take as statements; a naive ';' count differs on dozens of files);
// - PostgreSQL: the files psql could not run under `-1` (one transaction) are exactly the
//   files split_script puts in kAutocommit mode, and psql's error names the kind of their
//   first no_transaction statement. kAsWritten files (own BEGIN/COMMIT) all ran under `-1`:
//   psql -1 only warns about the inner BEGIN, and the inner COMMIT ends its transaction
//   early, so they are no counter-example;
// - per history, tests/golden/split/<history>.tsv records each file's count, mode and
//   flagged statements (GODWIT_UPDATE_EXPECT=1 rewrites it).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "dialect/postgres/pgparse/split.hpp"
#include "dialect/sqlite/run/split.hpp"
#include "sql/lex.hpp"
#include "support/test_support.hpp"

namespace godwit::sql {
namespace {

namespace fs = std::filesystem;

// All corpus histories but umami-software__umami/mysql-legacy (no MySQL dialect yet).
const std::vector<std::string> kHistories = {
    "Mintplex-Labs__anything-llm",
    "hoppscotch__hoppscotch",
    "langfuse__langfuse",
    "stonith404__pingvin-share",
    "teableio__teable/postgres",
    "teableio__teable/sqlite",
    "triggerdotdev__trigger.dev/database",
    "triggerdotdev__trigger.dev/run-ops-database",
    "umami-software__umami",
};
const std::string kSkipped = "umami-software__umami/mysql-legacy";

struct ManifestRow {
  std::string folder;
  std::size_t statements = 0;
  std::string with_single_transaction;  // "ok" | "FAIL" (PostgreSQL); "ok" (SQLite)
  std::string error;                    // psql's error under -1
};

std::vector<ManifestRow> read_manifest(const fs::path& file) {
  std::vector<ManifestRow> rows;
  const std::string text = test::read_file(file);
  auto lines = core::lines(text);
  for (std::size_t i = 1; i < lines.size(); ++i) {  // line 0 is the header
    if (lines[i].empty()) continue;
    auto cols = core::split(lines[i], '\t');
    EXPECT_GE(cols.size(), 7u) << file << ":" << i + 1;
    if (cols.size() < 7) continue;
    rows.push_back({cols[0], std::stoul(cols[2]), cols[4], cols[6]});
  }
  return rows;
}

std::string provider_of(const fs::path& history) {
  std::string lock = test::read_file(history / "migrations" / "migration_lock.toml");
  for (const char* p : {"postgresql", "sqlite", "mysql"}) {
    if (lock.find(std::string("\"") + p + "\"") != std::string::npos) return p;
  }
  return "";
}

const char* mode_name(TransactionMode m) {
  switch (m) {
    case TransactionMode::kSingle:
      return "single";
    case TransactionMode::kAutocommit:
      return "autocommit";
    case TransactionMode::kAsWritten:
      return "as-written";
  }
  return "?";
}

// Statements worth seeing in the golden file: those that decide the mode, plus enum value
// additions and SQLite pragmas (the runner looks for both).
bool flagged(const Statement& s) {
  return s.transaction_control || s.no_transaction || !s.parsed ||
         s.kind == "ALTER TYPE ADD VALUE" || s.kind.starts_with("PRAGMA ");
}

TEST(SplitCorpus, CoversEveryHistory) {
  const fs::path root = test::corpus_dir();
  ASSERT_TRUE(fs::is_directory(root)) << root << " (set GODWIT_CORPUS_DIR)";
  std::set<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.path().filename() == "manifest.tsv") {
      found.insert(fs::relative(e.path().parent_path().parent_path(), root).generic_string());
    }
  }
  std::set<std::string> expected(kHistories.begin(), kHistories.end());
  expected.insert(kSkipped);
  EXPECT_EQ(found, expected);
  EXPECT_EQ(provider_of(root / kSkipped), "mysql");
}

class SplitCorpusHistory : public testing::TestWithParam<std::string> {};

TEST_P(SplitCorpusHistory, MatchesReplayManifest) {
  const fs::path history = test::corpus_dir() / GetParam();
  ASSERT_TRUE(fs::is_directory(history)) << history;
  const std::string provider = provider_of(history);
  ASSERT_TRUE(provider == "postgresql" || provider == "sqlite") << provider;
  const bool pg = provider == "postgresql";

  auto rows = read_manifest(history / "replay" / "manifest.tsv");
  ASSERT_FALSE(rows.empty());
  std::ostringstream golden;
  golden << "# " << GetParam() << " (" << provider
         << "): folder, statements, mode, flagged statements (line kind [no-tx] [=value])\n";
  std::map<std::string, int> kind_counts;
  std::size_t total = 0, naive_differs = 0;

  for (const ManifestRow& row : rows) {
    const fs::path file = history / "migrations" / row.folder / "migration.sql";
    const std::string script = test::read_file(file);
    Script s = pg ? postgres::split_script(script) : sqlite::split_script(script);
    SCOPED_TRACE(row.folder);

    EXPECT_EQ(s.statements.size(), row.statements);
    if (static_cast<std::size_t>(std::count(script.begin(), script.end(), ';')) != row.statements) {
      ++naive_differs;
    }
    const Statement* prev = nullptr;
    for (const Statement& st : s.statements) {
      EXPECT_FALSE(st.text.empty());
      EXPECT_EQ(script.substr(s.offset_of(st), st.text.size()), st.text);
      if (prev != nullptr) {
        // Between two statements only trivia and ';': the runner sends runs of statements as
        // the script's own text (migrate::apply_script's groups).
        const std::size_t from = s.offset_of(*prev) + prev->text.size();
        const std::string_view gap = std::string_view(script).substr(from, s.offset_of(st) - from);
        const auto style = pg ? sql::CommentStyle::kPostgres : sql::CommentStyle::kSqlite;
        std::size_t pos = 0;
        while ((pos = sql::skip_trivia(gap, pos, style)) < gap.size() && gap[pos] == ';')
          ++pos;
        EXPECT_EQ(pos, gap.size()) << "line " << st.line << ": `" << gap << "`";
      }
      prev = &st;
      EXPECT_EQ(st.line, core::line_of_offset(script, s.offset_of(st)));
      EXPECT_TRUE(st.parsed) << "line " << st.line;
      ++kind_counts[std::string(st.kind.view())];
    }
    total += s.statements.size();

    if (pg) {
      const bool failed_in_one_transaction = row.with_single_transaction == "FAIL";
      EXPECT_EQ(failed_in_one_transaction, s.mode == TransactionMode::kAutocommit)
          << "psql -1: " << row.with_single_transaction << ", mode " << mode_name(s.mode);
      if (failed_in_one_transaction) {
        auto first = std::find_if(s.statements.begin(), s.statements.end(),
                                  [](const Statement& st) { return st.no_transaction; });
        ASSERT_NE(first, s.statements.end());
        EXPECT_EQ(row.error,
                  std::string(first->kind.view()) + " cannot run inside a transaction block");
      }
    } else {
      EXPECT_EQ(row.with_single_transaction, "ok");
    }

    golden << row.folder << '\t' << s.statements.size() << '\t' << mode_name(s.mode) << '\t';
    bool first = true;
    for (const Statement& st : s.statements) {
      if (!flagged(st)) continue;
      const std::string pragma = sqlite::pragma_value(st);
      golden << (first ? "" : ", ") << 'L' << st.line << ' ' << st.kind
             << (st.no_transaction ? " [no-tx]" : "") << (pragma.empty() ? "" : " =" + pragma);
      first = false;
    }
    golden << '\n';
  }

  golden << "# " << rows.size() << " files, " << total << " statements; a naive ';' count"
         << " differs on " << naive_differs << " files\n# kinds:";
  for (const auto& [kind, n] : kind_counts)
    golden << ' ' << kind << '=' << n << ';';
  golden << '\n';

  std::string name = GetParam();
  std::replace(name.begin(), name.end(), '/', '_');
  const fs::path expected = test::source_dir() / "tests" / "golden" / "split" / (name + ".tsv");
  EXPECT_EQ(test::check_golden(expected, golden.str()), "");
}

INSTANTIATE_TEST_SUITE_P(Corpus, SplitCorpusHistory, testing::ValuesIn(kHistories),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string n;
                           for (char c : info.param) {
                             n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace godwit::sql
