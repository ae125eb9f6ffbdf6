#pragma once
// The rename statements of a PostgreSQL migration, for rename-aware downs (down/renames.hpp),
// read from pgparse's statement facts (pgparse/facts.hpp: kRenameTable, kRenameColumn,
// kRenameEnumValue, and kRenameOther of a TYPE): names as PostgreSQL's parser gives them
// (unquoted names folded to lower case, quoted ones as written).

#include "down/renames.hpp"

namespace godwit::postgres {

class PostgresRenameReader final : public down::RenameReader {
 public:
  std::vector<down::StatementRename> renames(std::string_view script) const override;
};

}  // namespace godwit::postgres
