#pragma once
// Backups of PostgreSQL databases (backup/archiver.hpp): `pg_dump --format=custom` of the
// project's schemas and the extensions installed in them, in the same snapshot as the manifest's
// reads (pg_export_snapshot + --snapshot), and pg_restore. The client programs come from PATH
// and must be at least the server's major version (pg_dump refuses older servers' dumps only
// the other way round, and an older pg_dump cannot read a newer server's catalog).

#include "backup/archiver.hpp"

namespace godwit::postgres {

class PostgresArchiver final : public backup::Archiver {
 public:
  std::string_view file_extension() const override { return "pgdump"; }
  std::string database_name(const project::DatabaseTarget& target) const override;
  backup::Scope scope(const project::DatabaseTarget& target,
                      const std::vector<std::string>& datasource_schemas) const override;
  backup::DumpInfo dump(const project::DatabaseTarget& target, const backup::Scope& scope,
                        const std::filesystem::path& out,
                        const backup::SnapshotReader& read) const override;
  /// Takes the migrate lock (advisory lock 72707369, so no deploy runs meanwhile), drops the
  /// scope's schemas with CASCADE in one transaction, then runs `pg_restore --single-transaction
  /// --exit-on-error`: the schemas end up exactly as the backup holds them, objects created
  /// after it included (pg_restore --clean would leave those). Not atomic: when pg_restore
  /// fails, the schemas are left dropped (GW2603 says so; run the restore again).
  void restore(const project::DatabaseTarget& target, const backup::Scope& scope,
               const std::filesystem::path& file) const override;
  /// A database `godwit_verify_<32 hex digits>` on the target's server (CREATEDB needed),
  /// restored with --no-owner and dropped WITH (FORCE) afterwards.
  std::unique_ptr<backup::ScratchCopy> restore_scratch(
      const project::DatabaseTarget& main, const backup::Scope& scope,
      const std::filesystem::path& file) const override;
};

}  // namespace godwit::postgres
