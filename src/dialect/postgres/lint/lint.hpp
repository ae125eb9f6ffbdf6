#pragma once
// PostgreSQL's lint part (dialect::Parts::linter): safety-rules.md §1 groups A-D (locks and
// rewrites, data loss, backward-incompatible changes, file hygiene) and, opt-in, E (design),
// over the statement facts of pgparse/facts.hpp. docs/lint.md lists every code with its
// squawk and strong_migrations equivalents.

#include "lint/finding.hpp"

namespace godwit::postgres {

class PostgresLinter final : public lint::Linter {
 public:
  const std::vector<lint::RuleInfo>& rules() const override;
  lint::FileResult lint(std::string_view file, std::string_view text) const override;
};

}  // namespace godwit::postgres
