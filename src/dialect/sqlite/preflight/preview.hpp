#pragma once
// SQLite's part of `migrate deploy --dry-run` (migrate/preview.hpp). SQLite has no table locks:
// a statement that writes takes the database's write lock (RESERVED, EXCLUSIVE to commit;
// sqlite.org/lockingv3.html), held until the migration's transaction ends. A statement is
// listed as locking the existing table it names (ALTER TABLE, DROP TABLE, CREATE INDEX ... ON,
// INSERT, UPDATE, DELETE), so the dry run can show that table's size. Sizes: count(*) (exact)
// and the bytes of the table and its indexes from the dbstat virtual table when the SQLite
// library has it (-1 otherwise).

#include "migrate/dialect.hpp"
#include "migrate/preview.hpp"

namespace godwit::sqlite {

class SqlitePreviewer final : public migrate::DeployPreviewer {
 public:
  /// `runner` splits the scripts, so the statements and the transaction mode are the runner's.
  explicit SqlitePreviewer(const migrate::Dialect& runner) : runner_(runner) {}
  migrate::ScriptPreview preview(std::string_view script) const override;
  std::vector<migrate::TableSize> table_sizes(
      db::Connection& conn, const std::vector<std::string>& tables) const override;

 private:
  const migrate::Dialect& runner_;
};

}  // namespace godwit::sqlite
