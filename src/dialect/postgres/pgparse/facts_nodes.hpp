#pragma once
// Reading libpg_query's protobuf nodes into facts (facts.hpp): names, column and constraint
// definitions, enum words. Internal to pgparse: facts_reader.cpp and facts.cpp use it.

#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <string>
#include <vector>

#include "dialect/postgres/pgparse/facts.hpp"

namespace godwit::postgres::pgfacts {

using Node = PgQuery__Node;

/// Whether a C string from the tree is set and not empty.
bool has(const char* s);
/// A C string from the tree as a string ("" for null).
std::string str(const char* s);
/// ASCII lower case.
std::string lower(std::string s);

QualifiedName range_name(const PgQuery__RangeVar* r);
/// A name given as a list of String nodes (types, DROP objects): schema.name.
QualifiedName list_name(std::size_t n, Node* const* items);
/// A name node: a RangeVar, a list of String nodes or one String.
QualifiedName node_name(const Node* n);
/// The strings of a list of String nodes.
std::vector<std::string> string_list(std::size_t n, Node* const* items);

void read_default(const Node* expr, ColumnFacts& c);
void read_type(const PgQuery__TypeName* t, ColumnFacts& c);
ConstraintFacts constraint_facts(const PgQuery__Constraint& k);
ColumnFacts column_facts(const PgQuery__ColumnDef& d);

/// The name of an enum value of a protobuf enum (e.g. an AlterTableType), for messages.
std::string enum_word(const ProtobufCEnumDescriptor& d, int value);

}  // namespace godwit::postgres::pgfacts
