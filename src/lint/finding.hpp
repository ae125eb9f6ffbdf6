#pragma once
// What lint reports: findings with stable codes (docs/lint.md lists every code, its group in
// ../shared/docs/safety-rules.md §1 and its squawk / strong_migrations equivalents).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::lint {

enum class Severity { kInfo, kWarning, kError };

/// "info", "warning", "error".
std::string_view severity_name(Severity s);
/// The inverse of severity_name; false for anything else.
bool parse_severity(std::string_view text, Severity& out);

/// One rule a dialect's linter can report.
struct RuleInfo {
  std::string_view code;  ///< stable, kebab-case, e.g. "index-create-not-concurrent"
  /// safety-rules.md §1 group: "A" locks and rewrites, "B" data loss, "C" backward
  /// incompatible, "D" file hygiene, "E" design (opt-in), "S" SQLite hazards, "G" lint itself
  std::string_view group;
  Severity severity = Severity::kWarning;  ///< default; godwit.toml may override it
  bool opt_in = false;     ///< reported only when included (group E, and D6 as in squawk)
  std::string_view title;  ///< one line: what it catches
};

/// A table as a migration names it, for the checks across the migrations of one run: `schema`
/// is empty when the file leaves it unqualified.
struct TableRef {
  std::string schema;
  std::string name;
  /// Same table, assuming an unqualified name may live in any schema (as the rules within a
  /// file assume).
  bool same(const TableRef& other) const {
    return name == other.name && (schema.empty() || other.schema.empty() || schema == other.schema);
  }
};

/// One finding. `line` is 1-based in `file`.
struct Finding {
  std::string code;
  Severity severity = Severity::kWarning;
  std::string file;  ///< as given to lint (a display path)
  int line = 0;
  std::string statement;  ///< the statement's text as written ("" for file-level findings)
  std::string message;    ///< what is wrong here, naming the objects
  std::string lock;       ///< lock taken, e.g. `ACCESS EXCLUSIVE on "User"`; "" when none
  std::string blocks;     ///< what that lock blocks while held or queued
  std::string safe_sql;   ///< the safe alternative as SQL (may be several statements); "" if none
  std::string note;       ///< why, or what else to know; may be ""
  /// Set when the finding does not hold if these tables are new and empty when the statement
  /// runs: in a run of the pending migrations (RunOptions::pending_run), the engine drops the
  /// finding when earlier migrations of the run created every one of them
  /// (FileResult::created_empty). Empty: the finding always holds. Not printed.
  std::vector<TableRef> unless_new_tables;
  /// A once-per-file finding (missing-lock-timeout ...) reported at the first statement it
  /// applies to: the linter emits one candidate per such statement, and the engine keeps the
  /// first of each code that survives `unless_new_tables` and drops the rest. Not printed.
  bool first_in_file = false;
};

/// What a dialect's linter found in one file, before suppressions and configuration.
struct FileResult {
  std::vector<Finding> findings;
  std::size_t statements = 0;  ///< statements checked
  /// Tables the file creates and leaves empty and in place (not dropped, no rows written): for
  /// a later file of the same run they are new and empty.
  std::vector<TableRef> created_empty;
  /// Tables the file writes rows to (INSERT), fills (CREATE TABLE AS) or drops: a table an
  /// earlier file created is not new and empty after this one.
  std::vector<TableRef> no_longer_empty;
  /// The file may write rows to tables it does not name (DO blocks, COPY, statements that do
  /// not parse): after it, no table an earlier file created counts as empty.
  bool opaque_writes = false;
};

/// A dialect's lint part (dialect::Parts::linter). Stateless; `lint` may run on several
/// threads at once.
class Linter {
 public:
  virtual ~Linter() = default;
  /// Every code this linter can report (codes of the engine itself excluded).
  virtual const std::vector<RuleInfo>& rules() const = 0;
  /// Lints one migration file. `file` is only copied into the findings. Never throws for bad
  /// SQL (a statement that does not parse is a finding); throws core::Error GW1201 for a NUL
  /// byte.
  virtual FileResult lint(std::string_view file, std::string_view text) const = 0;
};

}  // namespace godwit::lint
