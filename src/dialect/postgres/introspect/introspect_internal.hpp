#pragma once
// Shared by the PostgreSQL introspection phases (introspect*.cpp): the catalog being built,
// name -> id maps over what was read so far, and the warnings.

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/connection.hpp"
#include "schema/inspector.hpp"

namespace godwit::postgres::introspect {

struct Context {
  db::Connection& conn;
  const schema::InspectOptions& options;
  /// `$1` of every query: the namespaces to read, as a text[] literal.
  std::vector<db::Value> params;
  schema::Inspection out;
  std::map<std::string, schema::NamespaceId> namespaces;
  std::map<std::pair<std::string, std::string>, schema::TableId> tables;
  std::map<std::pair<std::string, std::string>, schema::EnumId> enums;
  std::map<std::pair<std::string, std::string>, schema::ViewId> views;

  /// Rows of catalog queries already run on a second connection (inspect()'s prefetch), by
  /// query text; query() takes them from here first.
  std::map<std::string_view, db::Rows> prefetched;

  schema::Catalog& catalog() { return out.catalog; }
  /// `sql` with `params` as `$1`: its prefetched rows, else run on `conn` now.
  db::Rows query(std::string_view sql) {
    if (auto it = prefetched.find(sql); it != prefetched.end()) {
      db::Rows rows = std::move(it->second);
      prefetched.erase(it);
      return rows;
    }
    return conn.query(sql, params);
  }
  void warn(std::string object, std::string message) {
    out.warnings.push_back({std::move(object), std::move(message)});
  }
  std::optional<schema::TableId> table(const std::string& ns, const std::string& name) const {
    auto it = tables.find({ns, name});
    if (it == tables.end()) return std::nullopt;
    return it->second;
  }
};

/// `"ns"."name"` for warnings.
std::string object_name(const std::string& ns, const std::string& name);

/// A cell that the query guarantees is not NULL.
const std::string& cell(const db::Row& row, std::size_t i);
bool cell_bool(const db::Row& row, std::size_t i);
std::int64_t cell_int(const db::Row& row, std::size_t i);

/// Sorts `rows` as the server's `ORDER BY <text_columns>, <int_columns>` would: the text
/// columns bytewise (they are of type `name`, whose collation is "C"; NULL last), then the
/// integer columns (at most two) numerically. The large catalog queries sort here instead: the
/// server's sort of their wide rows cost up to a third of each query on 500 tables.
void sort_rows(db::Rows& rows, std::initializer_list<std::size_t> text_columns,
               std::initializer_list<std::size_t> int_columns);

// The catalog queries that need nothing read before them but the namespaces: inspect() may send
// them on a second connection while the tables and columns are read.
extern const char* const kIndexesQuery;      // introspect_constraints.cpp
extern const char* const kForeignKeysQuery;  // introspect_constraints.cpp
extern const char* const kChecksQuery;       // introspect_constraints.cpp
extern const char* const kSequencesQuery;    // introspect.cpp
// The per-table queries: each row names its table in columns 0 and 1 (namespace, relation
// name), which read_back.cpp relies on to read them for some tables only.
extern const char* const kColumnsQuery;  // introspect_columns.cpp

/// `items` as a text[] literal for a `$n::text[]` parameter.
std::string text_array(const std::vector<std::string>& items);

/// Rows of catalog queries, by query text, given to inspect_with() before the others run.
using SuppliedRows = std::map<std::string_view, db::Rows>;
/// Called once namespaces are read, with `$1` (the namespaces) as every query takes it.
using RowSupplier =
    std::function<SuppliedRows(db::Connection& conn, const std::vector<db::Value>& params)>;

/// PostgresInspector::inspect, with the rows of some queries (Context::prefetched) given by
/// `supply` (may be empty) instead of read here; read_back.cpp gives the per-table ones.
schema::Inspection inspect_with(db::Connection& conn, const schema::InspectOptions& options,
                                const RowSupplier& supply);

void read_columns(Context& ctx);       // introspect_columns.cpp
void read_view_columns(Context& ctx);  // introspect_columns.cpp: with InspectOptions::views
void read_indexes(Context& ctx);       // introspect_constraints.cpp
void read_foreign_keys(Context& ctx);  // introspect_constraints.cpp
void read_checks(Context& ctx);        // introspect_constraints.cpp

}  // namespace godwit::postgres::introspect
