#pragma once
// The per-dialect part of backups (dialect::Parts::archiver): copying a database into one file,
// copying a file back, and a scratch copy for `backup verify`. Everything else (names, the
// manifest, retention, the checks) is written once in src/backup/ over this seam.
//
// An interface only, so the dialect libraries include it without linking src/backup/
// (which itself links the dialects). Implementations: dialect/postgres/backup/backup.cpp (pg_dump
// -Fc, pg_restore), dialect/sqlite/backup/backup.cpp (SQLite's online backup API).

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "project/target.hpp"

namespace godwit::backup {

/// What a backup covers. PostgreSQL: these schemas (the datasource's `schemas`, else the
/// URL's `?schema=`, else "public") with their data and the extensions installed in them;
/// SQLite: the whole file (the list is ["main"]).
struct Scope {
  std::vector<std::string> namespaces;
};

/// What the tool that wrote a backup said about itself and the source.
struct DumpInfo {
  std::string tool;            ///< e.g. "pg_dump (PostgreSQL) 15.18", "SQLite 3.40.1 backup API"
  std::string server_version;  ///< e.g. "15.18"; SQLite: the library version
  std::string database;        ///< PostgreSQL database name; SQLite: the file name
};

/// Reads the source exactly as the backup copies it (same snapshot), for the manifest.
using SnapshotReader = std::function<void(db::Connection&)>;

/// A restored copy of a backup that only `backup verify` reads; removed (PostgreSQL: the
/// database dropped, SQLite: the file deleted) when destroyed, also after an error.
class ScratchCopy {
 public:
  virtual ~ScratchCopy() = default;
  virtual db::Connection& connection() = 0;
  /// For messages, e.g. `database "godwit_verify_<uuid>"`.
  virtual std::string describe() const = 0;
};

class Archiver {
 public:
  virtual ~Archiver() = default;

  /// The backup file's extension without the dot: "pgdump", "sqlite".
  virtual std::string_view file_extension() const = 0;

  /// The database's name for file names and listings: PostgreSQL's database, SQLite's file
  /// name without its folder.
  virtual std::string database_name(const project::DatabaseTarget& target) const = 0;

  /// What a backup of `target` covers, from the datasource's `schemas` (may be empty).
  virtual Scope scope(const project::DatabaseTarget& target,
                      const std::vector<std::string>& datasource_schemas) const = 0;

  /// Copies `scope` of `target` into `out`, a file that exists, is empty and is owner-only
  /// (the caller made it so), and calls `read` with a connection that sees exactly what was
  /// copied. Never creates the database. Errors: the connection's P1xxx errors (P1003 when the
  /// database does not exist), GW2600 (a tool is missing), GW2601 (pg_dump older than the
  /// server), GW2602 (the copy failed, with the tool's or SQLite's message).
  virtual DumpInfo dump(const project::DatabaseTarget& target, const Scope& scope,
                        const std::filesystem::path& out, const SnapshotReader& read) const = 0;

  /// Replaces `scope` of `target` by the backup `file` (PostgreSQL: the schemas dropped with
  /// everything in them, then pg_restore; SQLite: every page of the file copied over the
  /// database). Errors: connection errors, GW2600, GW2603 (the restore failed).
  virtual void restore(const project::DatabaseTarget& target, const Scope& scope,
                       const std::filesystem::path& file) const = 0;

  /// Restores `file` into a new scratch database next to `main` (PostgreSQL: a temporary
  /// database on its server; SQLite: a temporary file). Errors: GW2600, GW2603, GW2604 (the
  /// scratch database cannot be made).
  virtual std::unique_ptr<ScratchCopy> restore_scratch(const project::DatabaseTarget& main,
                                                       const Scope& scope,
                                                       const std::filesystem::path& file) const = 0;
};

}  // namespace godwit::backup
