#pragma once
// Shared by the PostgreSQL introspection phases (introspect*.cpp): the catalog being built,
// name -> id maps over what was read so far, and the warnings.

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

void read_columns(Context& ctx);       // introspect_columns.cpp
void read_indexes(Context& ctx);       // introspect_constraints.cpp
void read_foreign_keys(Context& ctx);  // introspect_constraints.cpp
void read_checks(Context& ctx);        // introspect_constraints.cpp

}  // namespace godwit::postgres::introspect
