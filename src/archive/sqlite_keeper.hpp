#pragma once
// SQLite's archive SQL (archive/keeper.hpp): the file `<database>.godwit-archive`, ATTACHed as
// `_godwit_archive` (outside any transaction; SQLite then commits the migration and its
// archive together across both files — atomically only in the rollback-journal modes: with
// journal_mode=WAL each file commits atomically on its own, docs/recovery.md says so).
//
// Which statements destroy data: the runner's splitter plus a small recogniser of the three
// shapes Prisma writes (a token scan of each statement, no parser):
// - `DROP TABLE [IF EXISTS] "X"`: the whole table, unless it is the middle of a redefinition;
// - `ALTER TABLE "X" DROP [COLUMN] "c"`: that column with the key;
// - the redefinition `INSERT INTO "new_X" (...) SELECT a, b FROM "X"; DROP TABLE "X";
//   ALTER TABLE "new_X" RENAME TO "X"`: each column of X the SELECT list does not name is
//   archived with the key, before the DROP.
// Why a recogniser rather than comparing table_xinfo before and after each statement inside a
// savepoint: the archive must be written before the statement runs, and a before/after
// comparison would run every statement twice (once to learn what it drops, once for real).
// Tables and keys are read before the migration starts: a table the migration creates is not
// archived (nothing of it existed before, so a down has nothing to put back).

#include "archive/keeper.hpp"

namespace godwit::archive {

class SqliteKeeper final : public Keeper {
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
