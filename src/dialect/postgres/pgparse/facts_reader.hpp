#pragma once
// One parsed statement -> the Actions of facts.hpp (what it creates, alters, drops or sets, on
// which table, with which lock). Internal to pgparse: facts.cpp calls it per statement.

#include <pg_query/pg_query.pb-c.h>

#include <vector>

#include "dialect/postgres/pgparse/facts.hpp"

namespace godwit::postgres::pgfacts {

/// Appends to `out` the actions of `stmt` (a RawStmt's stmt); nothing for statements the lint
/// rules do not need.
void read_actions(const PgQuery__Node* stmt, std::vector<Action>& out);

}  // namespace godwit::postgres::pgfacts
