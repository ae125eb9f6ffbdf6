#pragma once
// SQLite's lint part (dialect::Parts::linter): SQLite's own hazards (safety-rules.md §1,
// "SQLite notes"): what its ALTER TABLE refuses, Prisma's table redefinition with foreign keys
// still on, and the data-loss and renaming rules that apply to any database. SQLite has no
// parse tree here; the rules read the statements' tokens.

#include "lint/finding.hpp"

namespace godwit::sqlite {

class SqliteLinter final : public lint::Linter {
 public:
  const std::vector<lint::RuleInfo>& rules() const override;
  lint::FileResult lint(std::string_view file, std::string_view text) const override;
};

}  // namespace godwit::sqlite
