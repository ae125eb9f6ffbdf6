// Lints every history of ../shared/corpus (PostgreSQL and SQLite, every rule included) without
// a crash, and checks that the per-rule counts table in docs/lint.md is current: the block
// between `<!-- corpus-counts:begin -->` and `<!-- corpus-counts:end -->` must be what this
// test renders. GODWIT_UPDATE_EXPECT=1 rewrites that block (godwit's own counts; docs/lint.md
// explains each against squawk's).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "dialect/postgres/pgparse/facts.hpp"
#include "dialect/postgres/pgparse/split.hpp"
#include "dialect/registry.hpp"
#include "lint/run.hpp"
#include "migrate/migrations_dir.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kBegin = "<!-- corpus-counts:begin -->";
constexpr std::string_view kEnd = "<!-- corpus-counts:end -->";

struct Totals {
  std::map<std::string, std::map<std::string, std::size_t>> counts;  // code -> provider -> n
  std::map<std::string, std::size_t> files, statements;              // provider -> n
};

// Every migrations folder of the corpus with its provider (from migration_lock.toml).
std::vector<std::pair<fs::path, std::string>> histories() {
  std::vector<std::pair<fs::path, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(corpus_dir())) {
    if (e.path().filename() != "migration_lock.toml") continue;
    std::string provider = migrate::read_lock_provider(read_file(e.path()));
    if (dialect::find_parts(provider) == nullptr) continue;  // mysql: no godwit dialect
    out.emplace_back(e.path().parent_path(), std::string(dialect::find_parts(provider)->provider));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string render(const Totals& t) {
  std::set<std::string> codes;
  for (std::string p : {"postgresql", "sqlite"}) {
    for (const auto& r : dialect::find_parts(p)->linter->rules())
      codes.insert(std::string(r.code));
  }
  for (const auto& r : lint::engine_rules())
    codes.insert(std::string(r.code));
  auto get = [&](const std::string& code, const std::string& p) -> std::size_t {
    auto it = t.counts.find(code);
    if (it == t.counts.end()) return 0;
    auto jt = it->second.find(p);
    return jt == it->second.end() ? 0 : jt->second;
  };
  std::string out = std::string(kBegin) +
                    "\n| code | PostgreSQL histories | SQLite histories |\n|---|---:|---:|\n";
  for (const auto& c : codes) {
    out += "| `" + c + "` | " + std::to_string(get(c, "postgresql")) + " | " +
           std::to_string(get(c, "sqlite")) + " |\n";
  }
  auto n = [&](const std::map<std::string, std::size_t>& m, const std::string& p) {
    auto it = m.find(p);
    return std::to_string(it == m.end() ? 0 : it->second);
  };
  out += "| files linted | " + n(t.files, "postgresql") + " | " + n(t.files, "sqlite") + " |\n";
  out += "| statements | " + n(t.statements, "postgresql") + " | " + n(t.statements, "sqlite") +
         " |\n";
  out += std::string(kEnd);
  return out;
}

TEST(LintCorpus, WholeCorpusLintsAndDocsCountsAreCurrent) {
  if (!fs::exists(corpus_dir())) {
    ASSERT_FALSE(live_parts_required()) << "the corpus is missing: " << corpus_dir();
    GTEST_SKIP() << "no corpus at " << corpus_dir();
  }
  Totals t;
  auto all = histories();
  ASSERT_GE(all.size(), 8u);
  for (const auto& [dir, provider] : all) {
    SCOPED_TRACE(dir.string());
    auto folder = migrate::read_migrations_dir(dir);
    std::vector<lint::Input> inputs;
    for (const auto& m : folder.migrations) {
      if (m.script) inputs.push_back({m.script_file, m.name, *m.script});
    }
    lint::RunOptions options;
    options.config.included = {"all"};
    lint::Report r;
    ASSERT_NO_THROW(r = lint::run(*dialect::find_parts(provider)->linter, inputs, options));
    EXPECT_EQ(r.files, inputs.size());
    t.files[provider] += r.files;
    t.statements[provider] += r.statements;
    for (const auto& f : r.findings) {
      EXPECT_GT(f.line, 0) << f.code << " in " << f.file;
      ++t.counts[f.code][provider];
    }
  }
  EXPECT_GT(t.statements["postgresql"], 3000u);

  const fs::path doc = source_dir() / "docs" / "lint.md";
  std::string text = read_file(doc);
  auto b = text.find(kBegin);
  auto e = text.find(kEnd);
  ASSERT_NE(b, std::string::npos) << "docs/lint.md has no " << kBegin;
  ASSERT_NE(e, std::string::npos) << "docs/lint.md has no " << kEnd;
  std::string current = text.substr(b, e + kEnd.size() - b);
  std::string wanted = render(t);
  if (update_expectations()) {
    write_file(doc, text.substr(0, b) + wanted + text.substr(e + kEnd.size()));
    return;
  }
  EXPECT_EQ(current, wanted) << "docs/lint.md's corpus counts are stale: rerun with "
                                "GODWIT_UPDATE_EXPECT=1 and explain the change";
}

// Lint reads each file with one parse; the runner splits it piece by piece. Both must see the
// same statements (text, line, kind, transaction needs, file mode), or lint would reason about
// a different transaction than the one deploy runs.
TEST(LintCorpus, FactsSeeTheStatementsTheRunnerRuns) {
  if (!fs::exists(corpus_dir())) {
    ASSERT_FALSE(live_parts_required()) << "the corpus is missing: " << corpus_dir();
    GTEST_SKIP() << "no corpus at " << corpus_dir();
  }
  std::size_t files = 0;
  for (const auto& [dir, provider] : histories()) {
    if (provider != "postgresql") continue;
    for (const auto& m : migrate::read_migrations_dir(dir).migrations) {
      if (!m.script) continue;
      SCOPED_TRACE(m.script_file);
      auto facts = postgres::file_facts(*m.script);
      auto runner = postgres::split_script(*m.script);
      ASSERT_EQ(facts.script.statements.size(), runner.statements.size());
      EXPECT_EQ(facts.script.mode, runner.mode);
      for (std::size_t i = 0; i < runner.statements.size(); ++i) {
        const auto& a = facts.script.statements[i];
        const auto& b = runner.statements[i];
        EXPECT_EQ(a.text, b.text);
        EXPECT_EQ(a.line, b.line);
        EXPECT_EQ(std::string_view(a.kind), std::string_view(b.kind));
        EXPECT_EQ(a.no_transaction, b.no_transaction);
        EXPECT_EQ(a.transaction_control, b.transaction_control);
      }
      ++files;
    }
  }
  EXPECT_GT(files, 1000u);
}

}  // namespace
}  // namespace godwit::test
