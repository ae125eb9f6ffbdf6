// PostgreSQL's ReadBack (schema/inspector.hpp): a shadow database read back after every
// migration of a replay reads again only the tables the migration's statements name.
//
// The four per-table catalog queries (columns, indexes, foreign keys, checks: most of a read's
// server time) keep the previous read's rows of the other tables and read the named ones with
// `AND relname = ANY ($2)`; everything else (namespaces, tables, views, enums, sequences,
// extensions) is read whole every time, so a new, dropped or renamed table, enum or view is
// always seen. The tables come from godwit's statement facts (pgparse/facts.hpp); any statement
// whose effect on other tables is not certain (DO blocks, functions that are not only created,
// extensions, schemas, renamed or dropped types and sequences, anything unparsed or unknown)
// makes that read a whole one. Foreign keys name the table they reference, so the tables whose
// keys reference a named table are read again too (a renamed column or table changes their
// rows). Event triggers could run DDL behind any statement: once the database has one, every
// read is whole. tests/live/introspect_read_back_test.cpp compares every read with a whole one
// on the corpus histories.
#include <optional>
#include <set>

#include "dialect/postgres/introspect/introspect.hpp"
#include "dialect/postgres/introspect/introspect_internal.hpp"
#include "dialect/postgres/pgparse/facts.hpp"

namespace godwit::postgres {
namespace {

using introspect::cell;

struct PerTableQuery {
  const char* sql;
  std::string filtered;  // the same for the tables in $2
};

// `AND <alias>.relname = ANY ($2::text[])` before the ORDER BY, if any.
std::string for_some_tables(std::string_view sql, std::string_view alias) {
  std::string filter = std::string(" AND ") + std::string(alias) + ".relname = ANY ($2::text[])";
  std::string out(sql);
  const auto order = out.rfind(" ORDER BY ");
  out.insert(order == std::string::npos ? out.size() : order, filter);
  return out;
}

const std::vector<PerTableQuery>& per_table_queries() {
  static const std::vector<PerTableQuery> kQueries = {
      {introspect::kColumnsQuery, for_some_tables(introspect::kColumnsQuery, "c")},
      {introspect::kIndexesQuery, for_some_tables(introspect::kIndexesQuery, "tc")},
      {introspect::kForeignKeysQuery, for_some_tables(introspect::kForeignKeysQuery, "c")},
      {introspect::kChecksQuery, for_some_tables(introspect::kChecksQuery, "c")},
  };
  return kQueries;
}

using Tables = std::set<std::string>;

// Adds the tables an action can change the per-table rows of; false when that is not known.
bool add_touched(const Action& a, const db::Rows& last_indexes, Tables& out) {
  auto table_of_index = [&](const std::string& index) -> bool {
    for (const auto& row : last_indexes.rows) {
      if (cell(row, 2) == index) {
        out.insert(cell(row, 1));
        return true;
      }
    }
    return false;
  };
  switch (a.op) {
    // Rows, sessions, privileges and objects read whole on every read: no table changes.
    case Op::kUpdate:
    case Op::kDelete:
    case Op::kInsert:
    case Op::kTruncate:
    case Op::kLockTable:
    case Op::kSetting:
    case Op::kBegin:
    case Op::kCommit:
    case Op::kRollback:
    case Op::kGrant:
    case Op::kPolicy:
    case Op::kRowSecurity:
    case Op::kCreateTrigger:
    case Op::kCreateFunction:
    case Op::kCreateView:
    case Op::kRefreshMatView:
    case Op::kCreateEnum:
    case Op::kAddEnumValue:
    case Op::kCreateSequence:
    case Op::kVacuumFull:
    case Op::kCluster:
    case Op::kReindex:
    case Op::kSetTablespace:
    case Op::kReplicaIdentity:
    case Op::kComment:
      return true;
    case Op::kCreateTable:
    case Op::kCreateTableAs:
    case Op::kAddColumn:
    case Op::kDropColumn:
    case Op::kAlterColumnType:
    case Op::kSetNotNull:
    case Op::kDropNotNull:
    case Op::kSetDefault:
    case Op::kDropDefault:
    case Op::kAddConstraint:
    case Op::kValidateConstraint:
    case Op::kDropConstraint:
    case Op::kRenameConstraint:
    case Op::kCreateIndex:
    case Op::kRenameColumn:
    case Op::kSetLogged:
      if (a.table.empty()) return false;
      out.insert(a.table.name);
      return true;
    case Op::kRenameTable:
      if (a.table.empty() || a.new_name.empty()) return false;
      out.insert(a.table.name);
      out.insert(a.new_name);
      return true;
    case Op::kDropIndex:
    case Op::kRenameIndex:
      return table_of_index(a.object);
    case Op::kDrop:
      if (a.object_kind == "VIEW") return true;
      if (a.object_kind != "TABLE" && a.object_kind != "MATERIALIZED VIEW") return false;
      if (!a.table.empty()) out.insert(a.table.name);
      for (const auto& r : a.relations)
        out.insert(r.name);
      return !a.table.empty() || !a.relations.empty();
    default:
      return false;
  }
}

// The tables whose per-table rows `scripts` can have changed; nullopt when not known.
std::optional<Tables> touched_tables(const std::vector<std::string>& scripts,
                                     const db::Rows& last_indexes,
                                     const db::Rows& last_foreign_keys) {
  Tables out;
  for (const auto& script : scripts) {
    const FileFacts facts = file_facts(script);
    if (facts.facts.size() != facts.script.statements.size()) return std::nullopt;
    for (const auto& statement : facts.facts) {
      if (statement.actions.empty()) return std::nullopt;
      for (const auto& action : statement.actions) {
        if (!add_touched(action, last_indexes, out)) return std::nullopt;
      }
    }
  }
  // Foreign keys of other tables that reference a named one: their rows carry its name and
  // its columns' names.
  for (const auto& row : last_foreign_keys.rows) {
    if (out.contains(cell(row, 6))) out.insert(cell(row, 1));
  }
  return out;
}

class PgReadBack final : public schema::ReadBack {
 public:
  explicit PgReadBack(schema::InspectOptions options) : options_(std::move(options)) {}

  schema::Inspection read(db::Connection& conn,
                          const std::vector<std::string>& changed_by) override {
    std::optional<Tables> touched;
    if (!last_.empty() && !whole_only_) {
      touched = touched_tables(changed_by, last_.at(introspect::kIndexesQuery),
                               last_.at(introspect::kForeignKeysQuery));
    }
    auto supply = [&](db::Connection& c, const std::vector<db::Value>& params) {
      if (!touched) {
        whole_only_ = whole_only_ ||
                      !c.query("SELECT 1 FROM pg_catalog.pg_event_trigger LIMIT 1").rows.empty();
      }
      introspect::SuppliedRows out;
      for (const auto& q : per_table_queries()) {
        db::Rows rows = touched ? rows_after(c, q, params, *touched) : c.query(q.sql, params);
        last_[q.sql] = rows;
        out.emplace(q.sql, std::move(rows));
      }
      return out;
    };
    return introspect::inspect_with(conn, options_, supply);
  }

 private:
  // The previous read's rows of the other tables, and the named tables' rows now.
  db::Rows rows_after(db::Connection& c, const PerTableQuery& q,
                      const std::vector<db::Value>& params, const Tables& touched) const {
    const db::Rows& last = last_.at(q.sql);
    db::Rows rows;
    rows.columns = last.columns;
    for (const auto& row : last.rows) {
      if (!touched.contains(cell(row, 1))) rows.rows.push_back(row);
    }
    if (touched.empty()) return rows;
    std::vector<db::Value> with_tables = params;
    with_tables.emplace_back(
        introspect::text_array(std::vector<std::string>(touched.begin(), touched.end())));
    for (auto& row : c.query(q.filtered, with_tables).rows)
      rows.rows.push_back(std::move(row));
    return rows;
  }

  schema::InspectOptions options_;
  std::map<std::string_view, db::Rows> last_;  // per-table query -> the last read's rows
  bool whole_only_ = false;                    // the database has event triggers
};

}  // namespace

std::unique_ptr<schema::ReadBack> PostgresInspector::read_back(
    const schema::InspectOptions& options) const {
  return std::make_unique<PgReadBack>(options);
}

}  // namespace godwit::postgres
