#pragma once
// `migrate squash --from A --to B --name N` (issue 11; docs/recovery.md, "godwit migrate
// squash"): the migrations A..B (contiguous in folder order) become one migration whose
// migration.sql is the differ's script from the shadow replay up to the migration before A to
// the replay up to B, rendered as `migrate dev` renders a migration. Nothing changes before it
// is verified: the folder with the squashed migration in place of A..B is replayed on a second
// shadow database and must give the schema the original folder gives.
//
// Two steps, so that the command can show what will change and ask before it changes it:
// plan_squash (read-only: the folder and the history checked, both replays done) and
// apply_squash (the folder changed; a database that had all of A..B applied gets the squashed
// migration's history row, as `migrate resolve --applied` records it, and loses A..B's rows,
// in one transaction under the migrate run lock).
//
// Statements of A..B that the differ cannot carry (down/reversible.hpp decides what the
// schema model holds):
// - objects the model does not hold (views, functions, triggers, policies, grants, comments,
//   DO blocks, extensions without the postgresqlExtensions preview feature) are carried
//   verbatim, in history order, after the differ's script (the replay check proves they still
//   run there);
// - row statements (INSERT, UPDATE, DELETE, COPY, ...) cannot be placed in a diff: the squash
//   is refused with their list (GW2872) unless `drop_data_statements`, which leaves them out.
//   Rows that a table redefinition copies (INSERT ... SELECT into a table the same migration
//   created, SQLite's pattern) are left out always: the differ renders its own redefinition.

#include <string>
#include <vector>

#include "migrate/session.hpp"
#include "schema/inspector.hpp"

namespace godwit::dialect {
struct Parts;
}

namespace godwit::recover {

struct SquashOptions {
  std::string from;  ///< folder name of the first migration to squash (A)
  std::string to;    ///< folder name of the last one (B); may equal `from`
  std::string name;  ///< --name, made into a slug as `migrate dev` does
  /// Leave out the row statements of A..B instead of refusing (see the header's note).
  bool drop_data_statements = false;
};

/// A statement of A..B that is not in the differ's script.
struct SquashStatement {
  std::string migration;
  int line = 0;      ///< 1-based line in that migration.sql
  std::string kind;  ///< "UPDATE", "CREATE VIEW", ...
  std::string text;  ///< as written, without the trailing ';'
};

/// What the database's history says about A..B.
enum class SquashHistory {
  kNoHistory,    ///< no _prisma_migrations table: only the folder changes
  kNoneApplied,  ///< none of A..B has a row: only the folder changes
  kAllApplied,   ///< all of A..B applied: their rows are replaced by the squashed one's
};

struct SquashPlan {
  std::vector<std::string> replaced;  ///< A..B in folder order
  /// The new folder's name: A's timestamp prefix (its name up to the first '_') + "_" + slug,
  /// so that it sorts where A..B sat and folder order stays history order.
  std::string folder;
  std::string text;                      ///< the new migration.sql
  std::string checksum;                  ///< of `text`, as Prisma computes it
  std::string summary;                   ///< diff::summary of the differ's part
  std::vector<SquashStatement> carried;  ///< appended verbatim after the differ's script
  std::vector<SquashStatement> dropped;  ///< row statements left out (drop_data_statements)
  SquashHistory history = SquashHistory::kNoHistory;
};

/// Checks the range, the name and the history, renders the squashed migration and verifies it
/// on two shadow replays. Changes nothing (the shadow databases are dropped).
/// Errors: GW2870 (--from/--to not migrations of the folder, or A after B), GW2871 (a name
/// without a slug, or a folder name that would not sort where A..B sit or exists already),
/// P3015 (a migration of the folder without migration.sql), GW2872 (row statements in A..B
/// without drop_data_statements), GW2873 (only part of A..B applied), GW2874 (a failed
/// migration in A..B, or an applied one edited after it was applied), GW2876
/// (drop_data_statements while the database has none of A..B applied: it would run the squashed
/// migration without them), GW2875 (the squashed folder replays to another schema, shown as
/// SQL; or the squashed migration fails on the shadow database), the replays' P3006/P3014,
/// GW2009 on Ctrl-C.
SquashPlan plan_squash(migrate::Session& session, const dialect::Parts& parts,
                       const schema::InspectOptions& inspect, const migrate::RunOptions& run,
                       const SquashOptions& options);

/// Makes the change plan_squash planned: under the run lock the history is read again (it must
/// still be what the plan saw: else GW2873 and nothing changed); A..B's folders are moved aside,
/// the new folder written; with kAllApplied one transaction inserts the squashed migration's row
/// (as `migrate resolve --applied`: finished, logs '', 0 steps) and deletes every row of A..B.
/// Then the old folders are deleted (version control keeps them). A failure puts the folders
/// back as they were. Errors: GW2873, GW2878 (a folder cannot be moved, written or removed),
/// GW1210, P1002 (the lock), the database's.
void apply_squash(migrate::Session& session, const dialect::Parts& parts,
                  const migrate::RunOptions& run, const SquashPlan& plan);

}  // namespace godwit::recover
