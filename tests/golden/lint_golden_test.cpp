// Lint golden cases: tests/golden/lint/<code>/{positive,negative}/migration.sql -> expected.txt
// (the findings as `godwit migrate lint` prints them, the case's own rule included if it is
// opt-in). Every code a
// linter lists has both cases: the positive one must report the code, the negative one must
// not (checked here, whatever expected.txt says). expected.txt is godwit's own output format:
// GODWIT_UPDATE_EXPECT=1 rewrites it; each was read by hand (docs/lint.md). Codes starting
// with `sqlite-` are SQLite's, the rest PostgreSQL's; a case may hold `applied.txt`, the
// migrations already applied (one name a line), for non-linear-history.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "dialect/registry.hpp"
#include "lint/run.hpp"
#include "lint/text.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

namespace fs = std::filesystem;

fs::path cases_dir() {
  return source_dir() / "tests" / "golden" / "lint";
}

std::string provider_of(const std::string& code) {
  return code.starts_with("sqlite-") ? "sqlite" : "postgresql";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  for (char c : text) {
    if (c == '\n') {
      if (!line.empty()) out.push_back(line);
      line.clear();
    } else if (c != '\r') {
      line += c;
    }
  }
  if (!line.empty()) out.push_back(line);
  return out;
}

lint::Report lint_case(const std::string& code, const fs::path& dir) {
  const auto* parts = dialect::find_parts(provider_of(code));
  lint::RunOptions options;
  options.config.included = {code};  // an opt-in rule's own cases report it
  if (fs::exists(dir / "applied.txt")) options.applied = lines_of(read_file(dir / "applied.txt"));
  lint::Input in{"migration.sql", "20240101000000_case", read_file(dir / "migration.sql")};
  return lint::run(*parts->linter, {in}, options);
}

std::vector<std::string> case_codes() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(cases_dir())) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LintGolden, EveryRuleHasAPositiveAndANegativeCase) {
  std::set<std::string> have;
  for (const auto& c : case_codes()) {
    if (fs::exists(cases_dir() / c / "positive" / "migration.sql") &&
        fs::exists(cases_dir() / c / "negative" / "migration.sql")) {
      have.insert(c);
    }
  }
  std::vector<std::string> missing;
  for (std::string provider : {"postgresql", "sqlite"}) {
    for (const auto& r : dialect::find_parts(provider)->linter->rules()) {
      if (!have.contains(std::string(r.code))) missing.push_back(std::string(r.code));
    }
  }
  for (const auto& r : lint::engine_rules()) {
    if (!have.contains(std::string(r.code))) missing.push_back(std::string(r.code));
  }
  EXPECT_TRUE(missing.empty()) << "codes without tests/golden/lint/<code>/{positive,negative}: "
                               << testing::PrintToString(missing);
}

TEST(LintGolden, Cases) {
  std::size_t checked = 0;
  for (const auto& code : case_codes()) {
    for (std::string kind : {"positive", "negative"}) {
      fs::path dir = cases_dir() / code / kind;
      if (!fs::exists(dir / "migration.sql")) continue;
      SCOPED_TRACE(code + "/" + kind);
      lint::Report r = lint_case(code, dir);
      bool reported = std::any_of(r.findings.begin(), r.findings.end(),
                                  [&](const lint::Finding& f) { return f.code == code; });
      EXPECT_EQ(reported, kind == "positive")
          << code << (kind == "positive" ? " not reported" : " reported") << ":\n"
          << lint::render_text(r);
      EXPECT_EQ(check_golden(dir / "expected.txt", lint::render_text(r)), "");
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace godwit::test
