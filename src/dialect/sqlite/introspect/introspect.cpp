// SQLite introspection, as Prisma's describer reads a database (ENG sqlite.rs): tables and views
// by name, columns in order with types mapped by name (no native types, as the Prisma schema
// builder makes none for SQLite), defaults parsed per type family (parsers.rs), the primary key
// from the columns' `pk`, a single INTEGER primary key as the rowid alias (Identity::Serial),
// indexes in PRAGMA order, foreign keys unnamed (the PRAGMA does not give names).
#include "dialect/sqlite/introspect/introspect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "db/connection.hpp"
#include "schema/naming.hpp"

namespace godwit::sqlite {

namespace {

using schema::DefaultValue;
using schema::TypeFamily;
using schema::Value;

const std::string& text_of(const db::Row& row, std::size_t i) {
  static const std::string kEmpty;
  return row[i] ? *row[i] : kEmpty;
}

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// sqlite.rs is_table_ignored, plus the migrations table.
bool ignored_table(const std::string& name) {
  static const char* const kIgnored[] = {"sqlite_sequence",   "sqlite_stat1", "sqlite_stat2",
                                         "sqlite_stat3",      "sqlite_stat4", "d1_migrations",
                                         "_prisma_migrations"};
  for (const char* n : kIgnored) {
    if (name == n) return true;
  }
  static const std::regex kCloudflare("^_cf_[A-Z]+.*$");
  return std::regex_match(name, kCloudflare);
}

bool is_external(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end() ||
         std::find(list.begin(), list.end(), "main." + name) != list.end();
}

// sqlite.rs get_column_type: the declared type, lower-cased, by name.
TypeFamily family_of(const std::string& t) {
  static const std::map<std::string, TypeFamily> kExact = {
      {"int", TypeFamily::Int},         {"integer", TypeFamily::Int},
      {"bigint", TypeFamily::BigInt},   {"real", TypeFamily::Float},
      {"float", TypeFamily::Float},     {"serial", TypeFamily::Int},
      {"boolean", TypeFamily::Boolean}, {"text", TypeFamily::String},
  };
  if (auto it = kExact.find(t); it != kExact.end()) return it->second;
  if (t.find("char") != std::string::npos) return TypeFamily::String;
  if (t.find("numeric") != std::string::npos || t.find("decimal") != std::string::npos)
    return TypeFamily::Decimal;
  static const std::map<std::string, TypeFamily> kMore = {
      {"date", TypeFamily::DateTime},        {"datetime", TypeFamily::DateTime},
      {"timestamp", TypeFamily::DateTime},   {"binary", TypeFamily::Binary},
      {"blob", TypeFamily::Binary},          {"double", TypeFamily::Float},
      {"binary[]", TypeFamily::Binary},      {"boolean[]", TypeFamily::Boolean},
      {"date[]", TypeFamily::DateTime},      {"datetime[]", TypeFamily::DateTime},
      {"timestamp[]", TypeFamily::DateTime}, {"double[]", TypeFamily::Float},
      {"float[]", TypeFamily::Float},        {"int[]", TypeFamily::Int},
      {"integer[]", TypeFamily::Int},        {"text[]", TypeFamily::String},
      {"jsonb", TypeFamily::Json},
  };
  if (auto it = kMore.find(t); it != kMore.end()) return it->second;
  return TypeFamily::Unsupported;
}

// parsers.rs: `^'?(-?\d+)'?$` then i64.
std::optional<std::string> parse_int(const std::string& s) {
  static const std::regex kNum("^'?(-?\\d+)'?$");
  std::smatch m;
  if (!std::regex_match(s, m, kNum)) return std::nullopt;
  return schema::canonical_integer(m[1].str());
}

// parsers.rs: `^'?([^']+)'?$` then BigDecimal.
std::optional<std::string> parse_float(const std::string& s) {
  static const std::regex kFloat("^'?([^']+)'?$");
  std::smatch m;
  if (!std::regex_match(s, m, kFloat)) return std::nullopt;
  return schema::canonical_decimal(m[1].str());
}

// sqlite.rs unquote_sqlite_string_default.
std::string unquote(const std::string& s) {
  std::string body = s;
  if (s.size() >= 2 &&
      ((s.front() == '\'' && s.back() == '\'') || (s.front() == '"' && s.back() == '"'))) {
    body = s.substr(1, s.size() - 2);
  }
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    out += body[i];
    if (body[i] == '\'' && i + 1 < body.size() && body[i + 1] == '\'') ++i;
  }
  return out;
}

DefaultValue default_of(const std::string& raw, TypeFamily family) {
  switch (family) {
    case TypeFamily::Int:
    case TypeFamily::BigInt:
      if (auto v = parse_int(raw)) return DefaultValue::constant(Value::integer(*v));
      break;
    case TypeFamily::Float:
    case TypeFamily::Decimal:
      if (auto v = parse_float(raw)) return DefaultValue::constant(Value::floating(*v));
      break;
    case TypeFamily::Boolean: {
      auto v = parse_int(raw);
      if (v == "1") return DefaultValue::constant(Value::boolean(true));
      if (v == "0") return DefaultValue::constant(Value::boolean(false));
      std::string l = lower(raw);
      if (l == "true" || l == "false") return DefaultValue::constant(Value::boolean(l == "true"));
      break;
    }
    case TypeFamily::String:
      return DefaultValue::constant(Value::string(unquote(raw)));
    case TypeFamily::DateTime: {
      std::string l = lower(raw);
      if (l == "current_timestamp" || l == "datetime('now')" || l == "datetime('now', 'localtime')")
        return DefaultValue::now();
      break;
    }
    case TypeFamily::Json:
      return DefaultValue::constant(Value::json(raw));
    default:
      break;
  }
  return DefaultValue::db_generated(raw);
}

struct Reader {
  db::Connection& conn;
  const schema::InspectOptions& options;
  schema::Inspection out;
  std::map<std::string, schema::TableId> tables;
  std::map<std::string, schema::ViewId> views;

  schema::Catalog& cat() { return out.catalog; }
  void warn(std::string object, std::string message) {
    out.warnings.push_back({std::move(object), std::move(message)});
  }
  std::optional<schema::TableId> table(const std::string& name) const {
    auto it = tables.find(name);
    if (it == tables.end()) return std::nullopt;
    return it->second;
  }

  void read_objects() {
    auto rows = conn.query(
        "SELECT name, type, sql FROM sqlite_schema WHERE type IN ('table', 'view') "
        "ORDER BY name");
    for (const auto& row : rows.rows) {
      const std::string& name = text_of(row, 0);
      const std::string& sql = text_of(row, 2);
      if (ignored_table(name) || is_external(options.external_tables, name)) continue;
      std::string object = fmt::format("{} \"{}\"", text_of(row, 1), name);
      if (text_of(row, 1) == "view") {
        schema::View view{schema::NamespaceId{0}, name, sql};
        view.listed = static_cast<std::uint32_t>(cat().views.size());
        views[name] = cat().add_view(std::move(view));
        continue;
      }
      std::string head = lower(sql.substr(0, 40));
      if (head.starts_with("create virtual table")) {
        warn(object, "virtual table: not read (the schema model has none)");
        continue;
      }
      tables[name] = cat().add_table(schema::NamespaceId{0}, name);
      // The PRAGMAs do not list CHECK constraints; say so instead of dropping them unseen.
      static const std::regex kCheck("\\bcheck\\s*\\(", std::regex::icase);
      if (std::regex_search(sql, kCheck)) {
        warn(object,
             "CHECK constraints in its definition are not read (SQLite lists them "
             "nowhere but in the table's SQL)");
      }
    }
  }

  // A PRAGMA table_(x)info row (cells 1-4: name, type, notnull, dflt_value) as a column of the
  // model, Column::table left unset: types mapped by name, defaults per type family.
  static schema::Column column_of(const db::Row& row) {
    schema::Column col;
    col.name = text_of(row, 1);
    std::string type = lower(text_of(row, 2));
    col.type.family = family_of(type);
    if (col.type.family == TypeFamily::Unsupported) col.type.raw = type;
    col.arity = text_of(row, 3) == "1" ? schema::Arity::Required : schema::Arity::Nullable;
    if (row[4] && lower(*row[4]) != "null")
      col.default_value = default_of(*row[4], col.type.family);
    return col;
  }

  void read_columns() {
    auto rows = conn.query(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
        "FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p "
        "WHERE m.type = 'table' ORDER BY m.name, p.cid");
    // Per table: pk position -> column.
    std::map<std::uint32_t, std::map<long long, schema::ColumnId>> pks;
    for (const auto& row : rows.rows) {
      auto t = table(text_of(row, 0));
      if (!t) continue;
      std::string where = fmt::format("column \"{}\".\"{}\"", text_of(row, 0), text_of(row, 1));
      if (text_of(row, 6) != "0") {
        warn(where, "generated or hidden column: not read, as Prisma does not read it");
        continue;
      }
      schema::Column col = column_of(row);
      col.table = *t;
      auto id = cat().add_column(std::move(col));
      long long pk = std::stoll(text_of(row, 5));
      if (pk > 0) pks[t->value][pk] = id;
    }
    for (auto& [table_index, cols] : pks) {
      schema::TableId t{table_index};
      schema::Index pk;
      pk.table = t;
      // SQLite primary keys have no name; Prisma's default keeps the catalog equal to the one
      // the schema builder makes (renderers never print it).
      pk.name = schema::primary_key_name(cat().get(t).name, schema::kSqliteIdentifierLimit);
      pk.kind = schema::IndexKind::PrimaryKey;
      for (auto& [pos, col] : cols)
        pk.columns.push_back({col, std::nullopt, std::nullopt});
      // A single INTEGER primary key is the rowid alias (sqlite.rs; lang_createtable.html).
      if (cols.size() == 1) {
        schema::Column& c = cat().columns[cols.begin()->second.value];
        if (c.type.family == TypeFamily::Int && c.type.raw.empty()) {
          c.identity = schema::Identity::Serial;
          c.arity = schema::Arity::Required;
        }
      }
      cat().add_index(std::move(pk));
    }
  }

  // sqlite.rs push_columns on a view: PRAGMA table_info, whose declared types are those of
  // the columns a view selects ("" for an expression: Unsupported("")).
  void read_view_columns() {
    auto rows = conn.query(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value "
        "FROM sqlite_schema m JOIN pragma_table_info(m.name) p "
        "WHERE m.type = 'view' ORDER BY m.name, p.cid");
    for (const auto& row : rows.rows) {
      auto it = views.find(text_of(row, 0));
      if (it == views.end()) continue;
      schema::View& view = cat().views[it->second.value];
      view.columns.push_back(column_of(row));
      view.column_descriptions.emplace_back();
    }
  }

  void read_indexes() {
    auto rows = conn.query(
        "SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, ix.name, ix.\"desc\" "
        "FROM sqlite_schema m JOIN pragma_index_list(m.name) il "
        "JOIN pragma_index_xinfo(il.name) ix "
        "WHERE m.type = 'table' AND il.origin <> 'pk' AND ix.key = 1 "
        "ORDER BY m.name, il.seq, ix.seqno");
    std::optional<schema::Index> pending;
    bool valid = true;
    std::string pending_table;
    auto flush = [&] {
      if (pending && valid) cat().add_index(std::move(*pending));
      pending.reset();
      valid = true;
    };
    for (const auto& row : rows.rows) {
      const std::string& table_name = text_of(row, 0);
      const std::string& name = text_of(row, 1);
      if (!pending || pending_table != table_name || pending->name != name) {
        flush();
        auto t = table(table_name);
        pending_table = table_name;
        pending.emplace();
        pending->name = name;
        if (!t) {
          valid = false;
          continue;
        }
        pending->table = *t;
        bool unique = text_of(row, 2) == "1";
        pending->kind = !unique                  ? schema::IndexKind::Normal
                        : text_of(row, 3) == "u" ? schema::IndexKind::UniqueConstraint
                                                 : schema::IndexKind::UniqueIndex;
        if (text_of(row, 4) == "1") {
          warn(fmt::format("index \"{}\"", name),
               "partial index: not read (Prisma 7.10.1 fails to describe a SQLite database "
               "with a partial index)");
          valid = false;
        }
      }
      if (!valid) continue;
      auto col = row[5] ? cat().find_column(pending->table, *row[5]) : std::nullopt;
      if (!col) {
        warn(fmt::format("index \"{}\"", name),
             "index on an expression or the rowid: not read, as Prisma does not read it");
        valid = false;
        continue;
      }
      pending->columns.push_back(
          {*col, text_of(row, 6) == "1" ? schema::SortOrder::Desc : schema::SortOrder::Asc,
           std::nullopt});
    }
    flush();
  }

  static schema::ReferentialAction action_of(const std::string& s) {
    std::string l = lower(s);
    if (l == "restrict") return schema::ReferentialAction::Restrict;
    if (l == "set null") return schema::ReferentialAction::SetNull;
    if (l == "set default") return schema::ReferentialAction::SetDefault;
    if (l == "cascade") return schema::ReferentialAction::Cascade;
    return schema::ReferentialAction::NoAction;
  }

  void read_foreign_keys() {
    auto rows = conn.query(
        "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
        "FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
        "WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq");
    std::optional<schema::ForeignKey> fk;
    bool valid = true, to_primary_key = false;
    std::string key;
    auto flush = [&] {
      if (fk && valid && to_primary_key) {
        // `REFERENCES t` without columns: the referenced table's primary key.
        fk->referenced_columns.clear();
        if (auto pk = cat().primary_key(fk->referenced_table)) {
          for (const auto& ic : cat().get(*pk).columns)
            fk->referenced_columns.push_back(ic.column);
        }
        valid = fk->referenced_columns.size() == fk->columns.size();
      }
      if (fk && valid) cat().add_foreign_key(std::move(*fk));
      fk.reset();
      valid = true;
      to_primary_key = false;
    };
    for (const auto& row : rows.rows) {
      std::string this_key = text_of(row, 0) + '\0' + text_of(row, 1);
      if (!fk || this_key != key) {
        flush();
        key = this_key;
        fk.emplace();
        auto t = table(text_of(row, 0));
        auto ref = table(text_of(row, 2));
        if (!t || !ref) {
          valid = false;
          continue;
        }
        fk->table = *t;
        fk->referenced_table = *ref;
        fk->on_update = action_of(text_of(row, 5));
        fk->on_delete = action_of(text_of(row, 6));
        to_primary_key = !row[4];
      }
      if (!valid) continue;
      auto col = cat().find_column(fk->table, text_of(row, 3));
      if (!col) {
        valid = false;
        continue;
      }
      fk->columns.push_back(*col);
      if (row[4]) {
        auto ref_col = cat().find_column(fk->referenced_table, *row[4]);
        if (!ref_col) {
          valid = false;
          continue;
        }
        fk->referenced_columns.push_back(*ref_col);
      }
    }
    flush();
  }
};

}  // namespace

schema::Inspection SqliteInspector::inspect(db::Connection& conn,
                                            const schema::InspectOptions& options) const {
  Reader r{conn, options, {}, {}, {}};
  r.cat().default_namespace = "main";
  r.cat().add_namespace("main");
  r.read_objects();
  r.read_columns();
  if (options.views) r.read_view_columns();
  r.read_indexes();
  r.read_foreign_keys();
  return std::move(r.out);
}

}  // namespace godwit::sqlite
