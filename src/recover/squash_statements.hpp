#pragma once
// Which statements of the migrations a squash replaces are not in the differ's script
// (recover/squash.hpp): the ones carried verbatim and the row statements.

#include <string>
#include <vector>

#include "dialect/registry.hpp"
#include "migrate/migrations_dir.hpp"
#include "recover/squash.hpp"

namespace godwit::recover {

struct SquashSorted {
  std::vector<SquashStatement> carried;  ///< objects the schema model does not hold
  std::vector<SquashStatement> data;     ///< row statements (INSERT, UPDATE, DELETE, COPY, ...)
};

/// Sorts the statements of `range` (each with its migration.sql read). Statements the schema
/// model holds (tables, indexes, enums, ...: down::why_not_reversible accepts them), transaction
/// control, PRAGMAs, and INSERT ... SELECT into a table the same migration created (a table
/// redefinition's copy) are neither: the differ's script stands for them.
SquashSorted sort_squash_statements(const dialect::Parts& parts,
                                    const std::vector<const migrate::LocalMigration*>& range,
                                    bool extensions_modelled);

}  // namespace godwit::recover
