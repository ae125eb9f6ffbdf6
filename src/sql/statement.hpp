#pragma once
// A migration script split into statements by the dialect's own parser, each classified
// for the runner (which transaction mode the script needs).

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::sql {

/// A statement's kind tag ("CREATE TABLE", "INSERT", "PRAGMA foreign_keys"), interned for the
/// whole process: a statement stores two bytes instead of a string. Converts from and to
/// std::string_view and compares with strings (`kind == "COPY"`). Thread-safe. At most 65,535
/// distinct tags exist (tags come from statements' leading keywords); later new ones read as
/// "UNKNOWN".
class StatementKind {
 public:
  StatementKind() = default;             ///< ""
  StatementKind(std::string_view name);  // NOLINT(google-explicit-constructor): a tag is text
  StatementKind(const std::string& name) : StatementKind(std::string_view(name)) {}
  StatementKind(const char* name) : StatementKind(std::string_view(name)) {}

  std::string_view view() const;
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return id_ == 0; }
  bool starts_with(std::string_view prefix) const { return view().starts_with(prefix); }

  friend bool operator==(const StatementKind& a, std::string_view b) { return a.view() == b; }

 private:
  std::uint16_t id_ = 0;
};

std::ostream& operator<<(std::ostream& out, const StatementKind& kind);

/// One statement of a script. 24 bytes: a data migration holds one per statement of its file
/// (a 100,000-statement file: 2.4 MB).
struct Statement {
  /// as written and as sent to the server: comments inside kept, leading white space and
  /// comments and trailing white space trimmed, without the trailing ';'. A view of the script
  /// text that was split (Script::source, where it starts at Script::offset_of()): no copy per
  /// statement, so a 100 MB data migration holds its text once. That text must outlive the
  /// statement.
  std::string_view text;
  int line = 1;        ///< 1-based line of the statement's first token in the script
  StatementKind kind;  ///< short tag for messages and lint, e.g. "CREATE INDEX CONCURRENTLY"
  bool transaction_control : 1 = false;  ///< BEGIN / COMMIT / ROLLBACK / SAVEPOINT / END ...
  bool no_transaction : 1 = false;  ///< cannot run inside a transaction block (CIC, VACUUM, ...)
  /// False when the dialect's parser rejected the statement (it is still sent to the server,
  /// which reports the error); `kind` then comes from its leading keywords only. PostgreSQL
  /// data statements (INSERT/UPDATE/DELETE) in pieces of only those are not parsed
  /// (pgparse/split.cpp, dml_ranges) and stay true: the server reports their syntax errors.
  bool parsed : 1 = true;
};
// A data migration holds one Statement per statement of its file: keep them small.
static_assert(sizeof(Statement) <= 24);

/// How a runner must execute a script.
enum class TransactionMode {
  kSingle,      ///< all statements in one transaction (Prisma's implicit transaction)
  kAutocommit,  ///< statement by statement, each committed on its own (needed by CIC & co.)
  kAsWritten,   ///< the script has its own BEGIN/COMMIT: run statements as written
};

struct Script {
  std::vector<Statement> statements;
  TransactionMode mode = TransactionMode::kSingle;
  /// The text the statements view, `statements[i].text` being `source.substr(offset, size)`:
  /// consecutive statements are consecutive text, with only white space, comments and the ';'
  /// that ends the first between them, so a run of statements can be sent as one view. Empty
  /// when unknown (a Script built by hand); then runners send statement by statement.
  std::string_view source;
  /// Owns `source` when the splitter had to change the caller's text (a byte order mark
  /// blanked); null when `source` is the caller's text, which must then outlive the Script.
  std::shared_ptr<const std::string> owned_source;

  /// True when `st.text` is part of `source` (statements of a split script; not those of a
  /// Script built by hand).
  bool in_source(const Statement& st) const {
    return !source.empty() && st.text.data() >= source.data() &&
           st.text.data() + st.text.size() <= source.data() + source.size();
  }
  /// The byte offset in `source` where `st.text` starts; `st` must be in_source().
  std::size_t offset_of(const Statement& st) const {
    return static_cast<std::size_t>(st.text.data() - source.data());
  }
};

/// The mode a script needs: kAsWritten if any statement is transaction control, else
/// kAutocommit if any statement cannot run in a transaction block, else kSingle.
TransactionMode transaction_mode_for(const std::vector<Statement>& statements);

}  // namespace godwit::sql
