#pragma once
// PostgreSQL's archive SQL (archive/keeper.hpp): schema `_godwit_archive`. Which statements
// destroy data comes from pgparse's typed statement facts (DROP TABLE: Op::kDrop of a TABLE;
// ALTER TABLE ... DROP COLUMN: Op::kDropColumn). The injected statements are DO blocks that
// read the catalog when they run (inside the migration's transaction, right before the
// statement), so a key or column added earlier in the same migration counts, and a table
// created by the migration itself is archived like any other (down then drops that archive:
// there is nothing to restore it into).
//
// Values of types outside pg_catalog (enums, domains, extension types, arrays of them) are
// archived as their text form and cast back on restore, so the archive does not depend on a
// type the migration drops next (DROP TYPE would fail otherwise).

#include "archive/keeper.hpp"

namespace godwit::archive {

class PostgresKeeper final : public Keeper {
 public:
  bool attach(db::Connection& conn, bool create) const override;
  std::vector<Injection> plan(db::Connection& conn, const std::string& migration,
                              const sql::Script& script) const override;
  std::vector<ArchiveRecord> list(db::Connection& conn) const override;
  std::string exists_check_sql(const ArchiveRecord& record) const override;
  std::string type_check_sql(const ArchiveRecord& record) const override;
  std::vector<std::string> restore_sql(const ArchiveRecord& record) const override;
  std::vector<std::string> drop_sql(const ArchiveRecord& record) const override;
};

}  // namespace godwit::archive
