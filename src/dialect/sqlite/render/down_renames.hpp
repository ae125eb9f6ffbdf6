#pragma once
// The rename statements of a SQLite migration, for rename-aware downs (down/renames.hpp): the
// runner's splitter (sqlite/run/split.hpp), then a recogniser of SQLite's two rename forms
// (sqlite.org/lang_altertable.html): `ALTER TABLE [schema.]t RENAME TO n` and `ALTER TABLE
// [schema.]t RENAME [COLUMN] a TO b`. Names as SQLite stores them: quotes ("x", `x`, [x],
// 'x') removed, case kept (SQLite does not fold identifiers). SQLite has no enums.

#include "down/renames.hpp"

namespace godwit::sqlite {

class SqliteRenameReader final : public down::RenameReader {
 public:
  std::vector<down::StatementRename> renames(std::string_view script) const override;
};

}  // namespace godwit::sqlite
