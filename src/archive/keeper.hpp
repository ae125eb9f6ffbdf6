#pragma once
// Data-keeping rollbacks (issue 11; docs/recovery.md, "Keeping data across a down: --archive"):
// `migrate deploy --archive` copies what a statement is about to destroy (a dropped table's
// rows, a dropped column's values with the row's key) into an archive, in the migration's own
// transaction; `migrate down` puts it back after the verified down.sql re-created the shape, in
// the down's transaction, then drops the archive.
//
// Where archives live:
// - PostgreSQL: schema `_godwit_archive`: one table per archived object and the manifest
//   `_godwit_archive.archives` (shape below).
// - SQLite: the file `<database>.godwit-archive` next to the database, ATTACHed as
//   `_godwit_archive` (ATTACH cannot run inside a transaction: Keeper::attach runs first).
//
// Manifest `_godwit_archive.archives`, one row per archive table:
//   id             bigint identity / INTEGER PRIMARY KEY: order of archiving
//   migration_name text: the migration whose deploy archived it (down restores by this name)
//   kind           'table' | 'column'
//   schema_name    the table's schema (PostgreSQL) / 'main' (SQLite)
//   table_name     the table the data came from (and goes back to)
//   column_name    kind 'column': the dropped column; NULL for 'table'
//   archive_table  the archive's table name in _godwit_archive
//   key_columns    JSON array of the key columns copied with a column ('[]' for a table)
//   column_types   JSON array of [name, type] of every archived column as it was declared
//                  (PostgreSQL format_type; SQLite declared type): what the down must re-create
//   row_count      rows copied
//   created_at     when (timestamptz / ISO 8601 text in UTC)
//
// This header is an interface only: the migrate and down libraries include it without linking
// the archive library (the dialect registry hands out the implementations, as backup/ does).

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/connection.hpp"
#include "sql/statement.hpp"

namespace godwit::archive {

/// The schema (PostgreSQL) or attached database name (SQLite) archives live in.
inline constexpr const char* kArchiveSchema = "_godwit_archive";

/// One manifest row, as read back.
struct ArchiveRecord {
  std::int64_t id = 0;
  std::string migration;
  std::string kind;  ///< "table" or "column"
  std::string schema;
  std::string table;
  std::string column;  ///< kind "column" only
  std::string archive_table;
  std::vector<std::string> key_columns;
  std::vector<std::pair<std::string, std::string>> column_types;  ///< [name, declared type]
  std::int64_t row_count = 0;
  std::string created_at;
  std::optional<std::int64_t> size_bytes;  ///< on disk (PostgreSQL, SQLite with dbstat)
  double age_days = 0;
  /// "table `public`.`User`" or "column `public`.`User`.`email`".
  std::string object() const;
};

/// SQL to run right before statement `before` of a migration script (0-based index into the
/// script as split by the runner), in the same transaction when the script runs in one.
struct Injection {
  std::size_t before = 0;
  std::string sql;
  std::string what;  ///< e.g. "column `public`.`User`.`email`" (for reports)
};

/// One dialect's archive SQL. Implementations: archive/postgres_keeper.hpp,
/// archive/sqlite_keeper.hpp; dialect::Parts::keeper hands them out.
class Keeper {
 public:
  virtual ~Keeper() = default;

  /// Outside any transaction, before a deploy or down that may archive or restore: SQLite
  /// ATTACHes `<database>.godwit-archive` (`create`: made when missing; otherwise a missing
  /// file means no archives and nothing is attached); PostgreSQL does nothing. Returns false
  /// when there is no archive storage (nothing to list or restore).
  virtual bool attach(db::Connection& conn, bool create) const = 0;

  /// The statements to inject before the data-destroying statements of `script` (the text of
  /// migration `migration`), read against the database as it is before the migration runs.
  /// Errors: core::Error GW2890 when a dropped column's table has no primary key nor unique
  /// key of NOT NULL columns (the values could not be put back on their rows) — nothing has
  /// run yet.
  virtual std::vector<Injection> plan(db::Connection& conn, const std::string& migration,
                                      const sql::Script& script) const = 0;

  /// The manifest, oldest first; empty when there is none (no schema / no attached file).
  virtual std::vector<ArchiveRecord> list(db::Connection& conn) const = 0;

  /// SQL that fails when, on a database whose shape is the one the down re-created, the
  /// record's table (kind table) or column (kind column) does not exist: the migration created
  /// the object itself, so there is nothing to restore it into (the archive is then dropped).
  virtual std::string exists_check_sql(const ArchiveRecord& record) const = 0;

  /// SQL that fails when a column of `record.column_types` that the restore writes is missing
  /// or declared with another type on that database (GW2891).
  virtual std::string type_check_sql(const ArchiveRecord& record) const = 0;

  /// Statements (one per element) that put the archived data back (table: INSERT ... SELECT
  /// by column name, sequences set past the max; column: UPDATE ... by key), then drop the
  /// archive table and its manifest row.
  virtual std::vector<std::string> restore_sql(const ArchiveRecord& record) const = 0;

  /// Statements that drop the archive table and its manifest row (archive drop, and a restore
  /// whose object the down does not re-create).
  virtual std::vector<std::string> drop_sql(const ArchiveRecord& record) const = 0;
};

/// The archive table's base name for `migration` and an object (`table` or `table.column`):
/// "<migration>__<object>" with characters outside [A-Za-z0-9_] as '_', cut to 56 bytes (room
/// for a "_NN" suffix within PostgreSQL's 63-byte identifiers).
std::string archive_base_name(const std::string& migration, const std::string& object);

/// `script` with `injections` inserted before their statements: a Script whose injected
/// statements are not views of `script.source` (so runners send them on their own) and carry
/// the line of the statement they precede. `storage` owns their text and must outlive the
/// result. `injections` are in statement order. Inline: deploy and down use it without
/// linking the archive library.
inline sql::Script with_injections(const sql::Script& script,
                                   const std::vector<Injection>& injections,
                                   std::deque<std::string>& storage) {
  if (injections.empty()) return script;
  sql::Script out;
  out.mode = script.mode;
  out.source = script.source;
  out.owned_source = script.owned_source;
  out.statements.reserve(script.statements.size() + injections.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i <= script.statements.size(); ++i) {
    while (next < injections.size() && injections[next].before == i) {
      storage.push_back(injections[next].sql);
      sql::Statement st;
      st.text = storage.back();
      st.line = i < script.statements.size()
                    ? script.statements[i].line
                    : (script.statements.empty() ? 1 : script.statements.back().line);
      st.kind = "GODWIT ARCHIVE";
      out.statements.push_back(st);
      ++next;
    }
    if (i < script.statements.size()) out.statements.push_back(script.statements[i]);
  }
  return out;
}

/// Parses a manifest's JSON columns into `record` (key_columns, column_types).
void read_json_columns(ArchiveRecord& record, const std::string& keys, const std::string& types);

}  // namespace godwit::archive
