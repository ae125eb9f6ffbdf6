#pragma once
// pgparse-internal: classification of a statement whose protobuf tree is already at hand (a
// whole file parsed once, facts.cpp). Includes libpg_query's protobuf header, so only this
// folder's .cpp files may include it.

#include <pg_query/pg_query.pb-c.h>

#include "dialect/postgres/pgparse/classify.hpp"

namespace godwit::postgres {

/// classify_sql() for one statement node of a parse tree.
Classification classify_statement_node(const PgQuery__Node* stmt);

}  // namespace godwit::postgres
