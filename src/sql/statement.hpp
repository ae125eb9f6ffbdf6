#pragma once
// A migration script split into statements by the dialect's own parser, each classified
// for the runner (which transaction mode the script needs).

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::sql {

/// One statement of a script.
struct Statement {
  /// as written and as sent to the server: comments inside kept, leading white space and
  /// comments and trailing white space trimmed, without the trailing ';'. A view of the script
  /// text that was split (Script::source): no copy per statement, so a 100 MB data migration
  /// holds its text once. That text must outlive the statement.
  std::string_view text;
  std::size_t offset = 0;            ///< byte offset of `text` in the script (of its first token)
  int line = 1;                      ///< 1-based line of the statement's first token in the script
  bool transaction_control = false;  ///< BEGIN / COMMIT / ROLLBACK / SAVEPOINT / END ...
  bool no_transaction = false;       ///< cannot run inside a transaction block (CIC, VACUUM, ...)
  std::string kind;  ///< short tag for messages and lint, e.g. "CREATE INDEX CONCURRENTLY"
  /// SQLite `PRAGMA` statements only: the value after '=' or inside '(...)', unquoted, case as
  /// written ("OFF" for `PRAGMA foreign_keys=OFF`, "T" for `PRAGMA foreign_key_check("T")`);
  /// empty for the query form (`PRAGMA foreign_keys`) and for every other statement.
  std::string pragma_value;
  /// False when the dialect's parser rejected the statement (it is still sent to the server,
  /// which reports the error); `kind` then comes from its leading keywords only.
  bool parsed = true;
};

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
};

/// The mode a script needs: kAsWritten if any statement is transaction control, else
/// kAutocommit if any statement cannot run in a transaction block, else kSingle.
TransactionMode transaction_mode_for(const std::vector<Statement>& statements);

}  // namespace godwit::sql
