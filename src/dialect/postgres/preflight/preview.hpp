#pragma once
// PostgreSQL's part of `migrate deploy --dry-run` (migrate/preview.hpp): each statement's locks
// from the lint facts (pgparse/facts.hpp: the lock each action takes on its table, and the
// second relation it locks, as PostgreSQL 15's "Explicit Locking" and reference pages list
// them), and table sizes from pg_class.reltuples and pg_total_relation_size.

#include "migrate/preview.hpp"

namespace godwit::postgres {

class PostgresPreviewer final : public migrate::DeployPreviewer {
 public:
  migrate::ScriptPreview preview(std::string_view script) const override;
  /// reltuples is an estimate (-1 before the table's first VACUUM or ANALYZE): a table of at
  /// most 16 MB is then counted exactly, a bigger one is left unknown rather than scanned.
  std::vector<migrate::TableSize> table_sizes(
      db::Connection& conn, const std::vector<std::string>& tables) const override;
};

}  // namespace godwit::postgres
