#pragma once
// Rename-aware downs (issue 11): a migration that renames a table, a column, an enum or an enum
// value must get a down that renames back, not a drop and an add that loses the values (the two
// schemas alone cannot tell a rename from a drop + create: diff/renames.hpp). The dialect reads
// the forward migration's rename statements (dialect::Parts::renames: PostgreSQL from pgparse's
// statement facts, SQLite from its splitter and a small recogniser), and `reversed_renames`
// turns them into the differ's rename hints for the down (from the catalog after the migration
// to the catalog before it).
//
// Index and constraint renames (ALTER INDEX ... RENAME, RENAME CONSTRAINT) need no hint: the
// differ pairs indexes and foreign keys by their columns and renders Prisma's RenameIndex /
// RenameForeignKey steps itself.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diff/change_set.hpp"
#include "schema/catalog.hpp"

namespace godwit::down {

/// One rename statement of a migration, names as the database stores them (unquoted names
/// folded as the dialect folds them).
struct StatementRename {
  enum class Kind : std::uint8_t {
    kTable,      ///< ALTER TABLE owner RENAME TO to (`from` = owner)
    kColumn,     ///< ALTER TABLE owner RENAME [COLUMN] from TO to
    kEnum,       ///< ALTER TYPE owner RENAME TO to (`from` = owner)
    kEnumValue,  ///< ALTER TYPE owner RENAME VALUE 'from' TO 'to'
  };
  Kind kind = Kind::kTable;
  std::string schema;  ///< "" when unqualified (the connection's default namespace)
  std::string owner;   ///< the table or type as the statement names it
  std::string from;
  std::string to;
  friend bool operator==(const StatementRename&, const StatementRename&) = default;
};

/// Reads the rename statements of a migration script, in script order (a dialect part).
class RenameReader {
 public:
  virtual ~RenameReader() = default;
  /// The renames of `script` (a whole migration.sql). Statements that do not parse, or are
  /// not renames, are left out: a rename the reader misses only costs the hint (the down then
  /// drops and re-creates, and says the values are lost).
  virtual std::vector<StatementRename> renames(std::string_view script) const = 0;
};

/// The differ's rename hints (diff/renames.hpp: RenameTable, RenameEnum, RenameColumn,
/// RenameEnumValue; ids of `after` in `from`, of `before` in `to`) that undo the migration's
/// `renames`: the down goes from `after` (the schema after the migration) to `before`. Renames
/// are followed through the script (a table renamed twice, a column of a renamed table); a
/// rename whose result the two catalogs do not show as a drop + create (the object was renamed
/// and then dropped, or re-created under its old name) gives no hint.
std::vector<diff::Change> reversed_renames(const std::vector<StatementRename>& renames,
                                           const schema::Catalog& after,
                                           const schema::Catalog& before);

}  // namespace godwit::down
