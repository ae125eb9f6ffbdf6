// PostgreSQL introspection, first phase and driver: namespaces, tables, views, enums; then the
// columns (introspect_columns.cpp), constraints (introspect_constraints.cpp), sequences and
// extensions. Object order follows Prisma's describer (ORDER BY namespace, name on `name`
// columns, which compare bytewise), because it decides the order of Prisma's script.
#include "dialect/postgres/introspect/introspect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "core/heap.hpp"
#include "dialect/postgres/introspect/introspect_internal.hpp"

namespace godwit::postgres {

namespace introspect {

std::string object_name(const std::string& ns, const std::string& name) {
  return fmt::format("\"{}\".\"{}\"", ns, name);
}

const std::string& cell(const db::Row& row, std::size_t i) {
  static const std::string kEmpty;
  return row[i] ? *row[i] : kEmpty;
}

bool cell_bool(const db::Row& row, std::size_t i) {
  return row[i] && *row[i] == "t";
}

std::int64_t cell_int(const db::Row& row, std::size_t i) {
  return row[i] ? std::stoll(*row[i]) : 0;
}

void sort_rows(db::Rows& rows, std::initializer_list<std::size_t> text_columns,
               std::initializer_list<std::size_t> int_columns) {
  struct Key {
    std::size_t row;
    std::array<std::int64_t, 2> ints{};
  };
  std::vector<Key> keys(rows.rows.size());
  for (std::size_t r = 0; r < keys.size(); ++r) {
    keys[r].row = r;
    std::size_t k = 0;
    for (auto c : int_columns)
      keys[r].ints.at(k++) = cell_int(rows.rows[r], c);
  }
  std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    const db::Row& ra = rows.rows[a.row];
    const db::Row& rb = rows.rows[b.row];
    for (auto c : text_columns) {
      if (ra[c].has_value() != rb[c].has_value()) return ra[c].has_value();  // NULLS LAST
      if (!ra[c]) continue;
      if (int order = ra[c]->compare(*rb[c]); order != 0) return order < 0;
    }
    return a.ints < b.ints;
  });
  std::vector<db::Row> sorted;
  sorted.reserve(keys.size());
  for (const auto& k : keys)
    sorted.push_back(std::move(rows.rows[k.row]));
  rows.rows = std::move(sorted);
}

// `{"a","b"}`: a text[] literal for `$1::text[]` (libpq parameters are text).
std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

const char* const kSequencesQuery =
    "SELECT n.nspname, c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, "
    "  s.seqcache, s.seqcycle, dn.nspname, dc.relname, a.attname "
    "FROM pg_catalog.pg_sequence s "
    "JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid "
    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass "
    "  AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass "
    "  AND d.deptype IN ('a', 'i') "
    "LEFT JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid "
    "LEFT JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace "
    "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid "
    "  AND a.attnum = d.refobjsubid "
    "WHERE n.nspname = ANY ($1::text[]) "
    "ORDER BY n.nspname, c.relname";

}  // namespace introspect

namespace {

using namespace introspect;
using schema::Catalog;

// prisma.config.ts `tables.external` / `enums.external`: "name" or "namespace.name".
bool is_external(const std::vector<std::string>& list, const std::string& ns,
                 const std::string& name) {
  for (const auto& entry : list) {
    if (entry == name || entry == ns + "." + name) return true;
  }
  return false;
}

void read_namespaces(Context& ctx) {
  std::vector<std::string> wanted = ctx.options.namespaces;
  if (wanted.empty()) {
    auto rows = ctx.conn.query("SELECT current_schema()");
    wanted.push_back(rows.rows.empty() || !rows.rows[0][0] ? "public" : *rows.rows[0][0]);
  }
  ctx.params = {db::Value{text_array(wanted)}};
  // Prisma reads the namespaces that exist among those asked for (namespaces_query.sql).
  auto rows = ctx.conn.query(
      "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY ($1::text[]) "
      "ORDER BY nspname",
      ctx.params);
  for (const auto& row : rows.rows) {
    const std::string& name = cell(row, 0);
    ctx.namespaces[name] = ctx.catalog().add_namespace(name);
  }
}

void read_tables(Context& ctx) {
  // Ordinary tables and partitioned tables, not their partitions (tables_query.sql); foreign
  // tables and materialized views are listed only to be reported.
  auto rows = ctx.conn.query(
      "SELECT n.nspname, c.relname, c.relkind, "
      "  (SELECT count(*) FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid), "
      "  c.relrowsecurity "
      "FROM pg_catalog.pg_class c "
      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = ANY ($1::text[]) "
      "  AND ((c.relkind = 'r' AND NOT c.relispartition) OR c.relkind IN ('p', 'f', 'm')) "
      "ORDER BY n.nspname, c.relname",
      ctx.params);
  for (const auto& row : rows.rows) {
    const std::string& ns = cell(row, 0);
    const std::string& name = cell(row, 1);
    const std::string& kind = cell(row, 2);
    if (name == "_prisma_migrations" || is_external(ctx.options.external_tables, ns, name)) {
      continue;
    }
    if (kind == "f") {
      ctx.warn("foreign table " + object_name(ns, name),
               "foreign tables are not read (the schema model has no foreign tables)");
      continue;
    }
    if (kind == "m") {
      ctx.warn("materialized view " + object_name(ns, name),
               "materialized views are not read (the schema model has none)");
      continue;
    }
    if (kind == "p") {
      ctx.warn("table " + object_name(ns, name),
               fmt::format("partitioned table: read as a plain table; its partitioning and its "
                           "{} partition(s) are not in the model",
                           cell(row, 3)));
    }
    if (cell_bool(row, 4)) {
      ctx.warn("table " + object_name(ns, name),
               "row level security is enabled: not in the model (nor its policies)");
    }
    ctx.tables[{ns, name}] = ctx.catalog().add_table(ctx.namespaces.at(ns), name);
  }
}

void read_views(Context& ctx) {
  // Prisma's describer reads pg_views without an ORDER BY (postgres.rs get_views), and `db pull`
  // writes new views in the order it gets them: the same joins give the same order here
  // (View::listed); the catalog itself keeps views sorted by name.
  auto rows = ctx.conn.query(
      "SELECT views.schemaname, views.viewname, views.definition, "
      "  pg_catalog.obj_description(class.oid, 'pg_class') "
      "FROM pg_catalog.pg_views views "
      "JOIN pg_catalog.pg_namespace ns ON views.schemaname = ns.nspname "
      "JOIN pg_catalog.pg_class class ON class.relnamespace = ns.oid "
      "  AND class.relname = views.viewname "
      "WHERE views.schemaname = ANY ($1::text[])",
      ctx.params);
  std::vector<schema::View> views;
  for (const auto& row : rows.rows) {
    schema::View v;
    v.namespace_id = ctx.namespaces.at(cell(row, 0));
    v.name = cell(row, 1);
    v.definition = cell(row, 2);
    if (ctx.options.views) v.description = row[3];
    v.listed = static_cast<std::uint32_t>(views.size());
    views.push_back(std::move(v));
  }
  std::sort(views.begin(), views.end(), [&](const schema::View& a, const schema::View& b) {
    const auto& na = ctx.catalog().get(a.namespace_id).name;
    const auto& nb = ctx.catalog().get(b.namespace_id).name;
    return std::tie(na, a.name) < std::tie(nb, b.name);
  });
  for (auto& v : views) {
    std::pair<std::string, std::string> key{ctx.catalog().get(v.namespace_id).name, v.name};
    ctx.views[std::move(key)] = ctx.catalog().add_view(std::move(v));
  }
}

void read_enums(Context& ctx) {
  auto rows = ctx.conn.query(
      "SELECT n.nspname, t.typname, e.enumlabel "
      "FROM pg_catalog.pg_type t "
      "JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
      "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
      "WHERE n.nspname = ANY ($1::text[]) "
      "ORDER BY n.nspname, t.typname, e.enumsortorder",
      ctx.params);
  std::optional<schema::EnumId> current;
  std::pair<std::string, std::string> current_key;
  for (const auto& row : rows.rows) {
    std::pair<std::string, std::string> key{cell(row, 0), cell(row, 1)};
    if (is_external(ctx.options.external_enums, key.first, key.second)) continue;
    if (!current || key != current_key) {
      schema::Enum e;
      e.namespace_id = ctx.namespaces.at(key.first);
      e.name = key.second;
      current = ctx.catalog().add_enum(std::move(e));
      current_key = key;
      ctx.enums[key] = *current;
    }
    ctx.catalog().enums[current->value].values.push_back(cell(row, 2));
  }
}

// Sequences other than the ones a serial or identity column implies (those are the column's
// Identity, as the Prisma schema builder leaves them out too).
void read_sequences(Context& ctx) {
  auto rows = ctx.query(kSequencesQuery);
  Catalog& c = ctx.catalog();
  for (const auto& row : rows.rows) {
    schema::Sequence s;
    s.namespace_id = ctx.namespaces.at(cell(row, 0));
    s.name = cell(row, 1);
    s.start = cell_int(row, 2);
    s.increment = cell_int(row, 3);
    s.min_value = cell_int(row, 4);
    s.max_value = cell_int(row, 5);
    s.cache = cell_int(row, 6);
    s.cycle = cell_bool(row, 7);
    if (row[8] && row[9] && row[10]) {
      if (auto t = ctx.table(*row[8], *row[9])) {
        if (auto col = c.find_column(*t, *row[10])) {
          if (c.get(*col).identity != schema::Identity::None) continue;
          s.owned_by = *col;
        }
      }
    }
    c.add_sequence(std::move(s));
  }
}

void read_extensions(Context& ctx) {
  auto rows = ctx.conn.query(
      "SELECT e.extname, e.extversion, n.nspname "
      "FROM pg_catalog.pg_extension e "
      "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace "
      "ORDER BY e.extname");
  Catalog& c = ctx.catalog();
  for (const auto& row : rows.rows) {
    // plpgsql (in every database) too: Prisma 7.10.1's script creates it as well.
    schema::Extension e;
    e.name = cell(row, 0);
    e.version = cell(row, 1);
    const std::string& ns = cell(row, 2);
    auto [it, added] = ctx.namespaces.try_emplace(ns);
    if (added) it->second = c.add_namespace(ns);
    e.namespace_id = it->second;
    c.add_extension(std::move(e));
  }
}

// The queries that need only the namespaces, run on a second connection while the first reads
// tables and columns. Whatever fails here (opening it, a query) is left out: Context::query then
// runs that query on the first connection, which reports the error if it is real. Catalog
// queries take milliseconds, so a signal that cancels the first connection's query waits for
// these at most that long (the future joins before inspect() returns or throws).
std::map<std::string_view, db::Rows> prefetch(const std::function<db::Connection*()>& open,
                                              std::vector<db::Value> params,
                                              std::vector<const char*> queries) {
  core::prefer_huge_pages_for_thread_heap();
  std::map<std::string_view, db::Rows> rows;
  try {
    db::Connection* conn = open();
    if (conn == nullptr) return rows;
    for (const char* sql : queries)
      rows.emplace(sql, conn->query(sql, params));
  } catch (...) {
    // See above: the first connection runs what is missing.
  }
  return rows;
}

}  // namespace

namespace introspect {

schema::Inspection inspect_with(db::Connection& conn, const schema::InspectOptions& options,
                                const RowSupplier& supply) {
  Context ctx{conn, options, {}, {}, {}, {}, {}};
  // Every name is qualified, as Prisma renders a schema it read from a database (see
  // schema/inspector.hpp).
  ctx.catalog().default_namespace.clear();
  read_namespaces(ctx);
  if (supply) ctx.prefetched = supply(conn, ctx.params);
  std::vector<const char*> ahead;
  for (const char* sql : {kIndexesQuery, kForeignKeysQuery, kChecksQuery, kSequencesQuery}) {
    if (!ctx.prefetched.contains(sql)) ahead.push_back(sql);
  }
  std::future<std::map<std::string_view, db::Rows>> side;
  if (options.second_connection && !ahead.empty()) {
    side = std::async(std::launch::async, prefetch, options.second_connection, ctx.params, ahead);
  }
  read_tables(ctx);
  read_views(ctx);
  read_enums(ctx);
  read_columns(ctx);
  if (options.views) read_view_columns(ctx);
  if (side.valid()) ctx.prefetched.merge(side.get());
  read_indexes(ctx);
  read_foreign_keys(ctx);
  read_checks(ctx);
  read_sequences(ctx);
  if (options.extensions) read_extensions(ctx);
  ctx.catalog().partial_indexes = options.partial_indexes;
  return std::move(ctx.out);
}

}  // namespace introspect

schema::Inspection PostgresInspector::inspect(db::Connection& conn,
                                              const schema::InspectOptions& options) const {
  return introspect::inspect_with(conn, options, nullptr);
}

}  // namespace godwit::postgres
