#pragma once
// Shared helpers for godwit's test suites.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::test {

/// The repository root (where CMakeLists.txt is).
std::filesystem::path source_dir();

/// ../shared/corpus next to the repository (read-only test input).
std::filesystem::path corpus_dir();

/// Path of the built `godwit` binary.
std::filesystem::path godwit_binary();

/// A fresh empty directory under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, std::string_view content);

/// True when GODWIT_UPDATE_EXPECT=1: golden tests rewrite their expected files instead of
/// comparing.
bool update_expectations();

/// Compares `actual` with the file `expected_path`; with GODWIT_UPDATE_EXPECT=1 writes it
/// instead. Returns an empty string on match, else a short unified description of the first
/// difference.
std::string check_golden(const std::filesystem::path& expected_path, std::string_view actual);

/// Result of running a command.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `argv` (argv[0] is looked up in PATH unless it has a '/') with extra environment
/// entries ("NAME=value"; "NAME=" unsets), in `cwd` if given, and captures stdout/stderr.
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::vector<std::string>& env = {},
                          const std::filesystem::path& cwd = {}, std::string_view stdin_text = {});

/// A process started in the background, its output captured to files; for tests that run
/// commands at the same time or kill one midway.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
               const std::filesystem::path& cwd = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  int pid() const { return pid_; }
  void kill(int signal);
  /// Waits for the process to end and returns its exit code (128 + signal when killed) and
  /// output.
  CommandResult wait();

 private:
  int pid_ = -1;
  TempDir out_dir_;
  bool waited_ = false;
  CommandResult result_;
};

/// Starts the godwit binary with `args` in the background.
std::unique_ptr<ChildProcess> spawn_godwit(const std::vector<std::string>& args,
                                           const std::vector<std::string>& env = {},
                                           const std::filesystem::path& cwd = {});

/// Runs the godwit binary with `args`.
CommandResult run_godwit(const std::vector<std::string>& args,
                         const std::vector<std::string>& env = {},
                         const std::filesystem::path& cwd = {}, std::string_view stdin_text = {});

/// GODWIT_TEST_PG_URL (a superuser URL to the throwaway test server), or empty.
std::string pg_admin_url();

/// GODWIT_PRISMA_ORACLE (the real Prisma CLI wrapper that scripts/test installs), or empty.
std::string prisma_oracle();

/// True when GODWIT_REQUIRE_LIVE=1, as scripts/test sets it: a live part that is missing
/// (PostgreSQL, the Prisma oracle, the corpus, a shell or tool a test drives) fails the test
/// instead of skipping it, so a suite run on an unprepared machine cannot pass by skipping.
bool live_parts_required();

/// Skips the current test, or fails it under GODWIT_REQUIRE_LIVE=1, unless `available`.
/// `what` names the missing part and how to get it. Use in a test body or SetUp (it returns).
#define GODWIT_REQUIRE_LIVE_PART(available, what)                        \
  do {                                                                   \
    if (!(available)) {                                                  \
      if (::godwit::test::live_parts_required()) {                       \
        FAIL() << "missing live part (GODWIT_REQUIRE_LIVE=1): " << what; \
      } else {                                                           \
        GTEST_SKIP() << "missing live part: " << what;                   \
      }                                                                  \
    }                                                                    \
  } while (false)

/// The throwaway PostgreSQL server (scripts/test starts it).
#define GODWIT_REQUIRE_PG()                                         \
  GODWIT_REQUIRE_LIVE_PART(!::godwit::test::pg_admin_url().empty(), \
                           "PostgreSQL: GODWIT_TEST_PG_URL is not set (scripts/test starts one)")

/// The real Prisma CLI (scripts/test installs it from ../shared/tools/prisma-oracle).
#define GODWIT_REQUIRE_ORACLE()                                                                \
  GODWIT_REQUIRE_LIVE_PART(!::godwit::test::prisma_oracle().empty(),                           \
                           "the Prisma oracle: GODWIT_PRISMA_ORACLE is not set (scripts/test " \
                           "installs it)")

/// Creates a fresh database on the test server and returns its URL; drops it on destruction.
class PgDatabase {
 public:
  explicit PgDatabase(std::string_view name_hint);
  ~PgDatabase();
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::string url_;
};

/// Runs `sql` through psql against `url` and returns stdout (unaligned, tuples only,
/// '|'-separated). Throws std::runtime_error on a non-zero exit.
std::string psql(const std::string& url, const std::string& sql);

/// Runs `sql` through the sqlite3 CLI on `file` and returns stdout. Throws on failure.
std::string sqlite3_cli(const std::filesystem::path& file, const std::string& sql);

/// Sets (or, with nullptr, unsets) an environment variable for one scope, then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> saved_;
};

}  // namespace godwit::test
