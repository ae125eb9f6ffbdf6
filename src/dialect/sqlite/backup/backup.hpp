#pragma once
// Backups of SQLite databases (backup/archiver.hpp) with SQLite's online backup API
// (sqlite3_backup_*): a consistent copy of every page while other connections keep reading and
// writing, into a file that is itself a SQLite database (journal mode DELETE, so it is one
// self-contained file). Restore copies the pages the other way.

#include "backup/archiver.hpp"

namespace godwit::sqlite {

class SqliteArchiver final : public backup::Archiver {
 public:
  std::string_view file_extension() const override { return "sqlite"; }
  std::string database_name(const project::DatabaseTarget& target) const override;
  /// Always ["main"]: the whole file.
  backup::Scope scope(const project::DatabaseTarget& target,
                      const std::vector<std::string>& datasource_schemas) const override;
  /// The manifest's reads run on the finished copy itself.
  backup::DumpInfo dump(const project::DatabaseTarget& target, const backup::Scope& scope,
                        const std::filesystem::path& out,
                        const backup::SnapshotReader& read) const override;
  /// Every page of `file` over the database file (created when missing); the backup API takes
  /// the database's write lock for the copy, waiting the URL's busy timeout for it.
  void restore(const project::DatabaseTarget& target, const backup::Scope& scope,
               const std::filesystem::path& file) const override;
  /// A temporary file (owner-only) in the system temp folder, deleted afterwards.
  std::unique_ptr<backup::ScratchCopy> restore_scratch(
      const project::DatabaseTarget& main, const backup::Scope& scope,
      const std::filesystem::path& file) const override;
};

}  // namespace godwit::sqlite
