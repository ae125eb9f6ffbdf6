#pragma once
// Linting migration files with a dialect's linter: in-file suppressions
// (`-- godwit:ignore CODE reason`), the project's godwit.toml settings, opt-in rules, and the
// checks that need more than one file (non-linear history).

#include <filesystem>
#include <string>
#include <vector>

#include "lint/config.hpp"
#include "lint/finding.hpp"

namespace godwit::lint {

/// One file to lint.
struct Input {
  std::string file;       ///< display path (copied into findings)
  std::string migration;  ///< migration folder name, "" for a loose file
  std::string text;       ///< its SQL
  /// When set, the SQL is read from this file on the linting threads (`text` is ignored), so
  /// that reading a long history overlaps with linting it. Errors: GW2402 if it cannot be read.
  std::filesystem::path read_from;
  /// With read_from: a file that does not exist drops this input (a folder of the migrations
  /// folder without a migration.sql) instead of failing, so listing needs no stat per folder.
  bool skip_if_absent = false;
};

struct Report {
  std::vector<Finding> findings;  ///< in file order, then line order
  std::size_t files = 0;
  std::size_t statements = 0;
  std::size_t count(Severity s) const;
  /// 1 when any finding is an error, else 0 (`godwit migrate lint`'s exit code).
  int exit_code() const { return count(Severity::kError) > 0 ? 1 : 0; }
};

struct RunOptions {
  Config config;
  /// Names of migrations already applied (pending mode): a linted migration that sorts before
  /// the last of them is reported as `non-linear-history`.
  std::vector<std::string> applied;
  /// The inputs are the pending migrations of one deploy, in the order it applies them: a
  /// finding marked Finding::unless_new_tables is dropped when earlier inputs create all those
  /// tables and no input between fills or drops them (a `CREATE INDEX`, a foreign key, a
  /// missing lock_timeout on a table an earlier pending migration creates blocks nobody: the
  /// table is new and empty when the deploy reaches it; docs/lint.md, "Context across the
  /// pending set"). Off for `--all` and paths, whose earlier migrations may be applied already.
  bool pending_run = false;
  /// Files are linted on this many threads (0: one per core).
  unsigned threads = 0;
};

/// The codes the engine itself reports, whatever the dialect.
const std::vector<RuleInfo>& engine_rules();

/// Lints `inputs` in order. Suppressions: `-- godwit:ignore CODE[,CODE...] reason` silences
/// those codes on the next statement (or the statement the comment ends); `-- godwit:ignore-file
/// CODE reason` for the whole file. An ignore without a reason suppresses nothing and is itself
/// a finding (`ignore-without-reason`); one that silences nothing is `unused-ignore`.
Report run(const Linter& linter, const std::vector<Input>& inputs, const RunOptions& options);

}  // namespace godwit::lint
