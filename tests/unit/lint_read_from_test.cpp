// lint::Input::read_from: files read on the linting threads. The text read is the whole file
// (empty, one byte, sizes around the read buffer's), a folder without migration.sql is dropped
// when skip_if_absent says so (as `migrate lint --all` lists folders without a stat each), and
// a file that is missing otherwise is GW2402. Real PostgreSQL linter, real files.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "dialect/registry.hpp"
#include "lint/run.hpp"
#include "support/test_support.hpp"

namespace godwit::test {
namespace {

lint::Report lint_files(const std::vector<lint::Input>& inputs) {
  lint::RunOptions options;
  options.threads = 2;
  return lint::run(*dialect::find_parts("postgresql")->linter, inputs, options);
}

lint::Input from_file(const std::filesystem::path& file, bool skip_if_absent) {
  lint::Input in{file.string(), file.parent_path().filename().string(), {}};
  in.read_from = file;
  in.skip_if_absent = skip_if_absent;
  return in;
}

// A script of `n` statements that each drop a column, padded with a comment to `bytes` bytes.
std::string drops(int n, std::size_t bytes) {
  std::string sql;
  for (int i = 0; i < n; ++i)
    sql += "ALTER TABLE \"t\" DROP COLUMN \"c" + std::to_string(i) + "\";\n";
  if (sql.size() < bytes) sql += "--" + std::string(bytes - sql.size() - 3, 'x') + "\n";
  return sql;
}

TEST(LintReadFrom, ReadsWholeFilesOfEverySize) {
  TempDir dir;
  std::vector<lint::Input> inputs;
  const std::vector<std::size_t> sizes = {0, 1, 4095, 4096, 4097, 1 << 20};
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    auto file = dir.path() / ("m" + std::to_string(i)) / "migration.sql";
    std::filesystem::create_directories(file.parent_path());
    write_file(file, sizes[i] < 40 ? std::string(sizes[i], '\n') : drops(1, sizes[i]));
    inputs.push_back(from_file(file, false));
  }
  // The last statement of the largest file sits past its first megabyte.
  auto last = dir.path() / "m_last" / "migration.sql";
  std::filesystem::create_directories(last.parent_path());
  write_file(last, drops(1, 1 << 20) + "ALTER TABLE \"u\" DROP COLUMN \"late\";\n");
  inputs.push_back(from_file(last, false));

  auto report = lint_files(inputs);
  EXPECT_EQ(report.files, inputs.size());
  int drop_findings_in_last = 0;
  for (const auto& f : report.findings) {
    if (f.file == last.string() && f.statement.find("\"late\"") != std::string::npos) {
      ++drop_findings_in_last;
    }
  }
  EXPECT_GE(drop_findings_in_last, 1);
}

TEST(LintReadFrom, AFolderWithoutMigrationSqlIsDroppedWhenAllowed) {
  TempDir dir;
  auto present = dir.path() / "20240101000000_a" / "migration.sql";
  std::filesystem::create_directories(present.parent_path());
  write_file(present, drops(2, 0));
  std::filesystem::create_directories(dir.path() / "notes");
  const std::vector<lint::Input> inputs = {from_file(present, true),
                                           from_file(dir.path() / "notes" / "migration.sql", true)};
  auto report = lint_files(inputs);
  EXPECT_EQ(report.files, 1u);
  EXPECT_EQ(report.statements, 2u);
  for (const auto& f : report.findings)
    EXPECT_EQ(f.file, present.string());
}

TEST(LintReadFrom, AMissingFileIsAnErrorOtherwise) {
  TempDir dir;
  const std::vector<lint::Input> inputs = {from_file(dir.path() / "gone" / "migration.sql", false)};
  try {
    lint_files(inputs);
    FAIL() << "expected GW2402";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "GW2402");
    EXPECT_NE(e.message().find("gone"), std::string::npos);
  }
}

}  // namespace
}  // namespace godwit::test
