#include "sql/statement.hpp"

#include <algorithm>

namespace godwit::sql {

TransactionMode transaction_mode_for(const std::vector<Statement>& statements) {
  auto any = [&](auto pred) { return std::any_of(statements.begin(), statements.end(), pred); };
  if (any([](const Statement& s) { return s.transaction_control; })) {
    return TransactionMode::kAsWritten;
  }
  if (any([](const Statement& s) { return s.no_transaction; })) return TransactionMode::kAutocommit;
  return TransactionMode::kSingle;
}

}  // namespace godwit::sql
