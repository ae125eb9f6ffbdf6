#include "archive/sqlite_keeper.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"

namespace godwit::archive {
namespace {

// A token of a statement: a name (bare or quoted, unquoted here), a string literal, or one
// punctuation character.
struct SqkToken {
  enum class Kind { kName, kQuoted, kString, kPunct } kind;
  std::string text;
  bool is(std::string_view keyword) const {
    if (kind != Kind::kName || text.size() != keyword.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (std::toupper(static_cast<unsigned char>(text[i])) != keyword[i]) return false;
    return true;
  }
  bool punct(char c) const { return kind == Kind::kPunct && text.size() == 1 && text[0] == c; }
  bool name() const { return kind == Kind::kName || kind == Kind::kQuoted; }
};

std::vector<SqkToken> sqk_tokens(std::string_view s) {
  std::vector<SqkToken> out;
  std::size_t i = 0;
  auto quoted = [&](char close, SqkToken::Kind kind) {
    std::string text;
    ++i;
    while (i < s.size()) {
      if (s[i] == close) {
        if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
          text += close;
          i += 2;
          continue;
        }
        ++i;
        break;
      }
      text += s[i++];
    }
    out.push_back({kind, text});
  };
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n')
        ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const auto end = s.find("*/", i + 2);
      i = end == std::string_view::npos ? s.size() : end + 2;
    } else if (c == '"') {
      quoted('"', SqkToken::Kind::kQuoted);
    } else if (c == '`') {
      quoted('`', SqkToken::Kind::kQuoted);
    } else if (c == '[') {
      quoted(']', SqkToken::Kind::kQuoted);
    } else if (c == '\'') {
      quoted('\'', SqkToken::Kind::kString);
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80) {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' ||
                              s[j] == '$' || static_cast<unsigned char>(s[j]) >= 0x80))
        ++j;
      out.push_back({SqkToken::Kind::kName, std::string(s.substr(i, j - i))});
      i = j;
    } else {
      out.push_back({SqkToken::Kind::kPunct, std::string(1, c)});
      ++i;
    }
  }
  return out;
}

// Reads `[schema .] name` at `at`; the schema is dropped unless it is not "main" (then the
// statement is not about the main database and is left alone: empty result).
std::string sqk_table_name(const std::vector<SqkToken>& t, std::size_t& at) {
  if (at >= t.size() || !t[at].name()) return "";
  std::string first = t[at].text;
  ++at;
  if (at + 1 < t.size() && t[at].punct('.') && t[at + 1].name()) {
    std::string second = t[at + 1].text;
    at += 2;
    std::string schema = first;
    std::transform(schema.begin(), schema.end(), schema.begin(), ::tolower);
    return schema == "main" ? second : "";
  }
  return first;
}

std::string sqk_upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::toupper);
  return s;
}

// What a statement does, as far as archiving cares.
struct SqkShape {
  enum class Kind { kOther, kDropTable, kDropColumn, kCopyInto, kRename } kind = Kind::kOther;
  std::string table;              ///< DROP TABLE / ALTER TABLE / INSERT source / RENAME from
  std::string other;              ///< DROP COLUMN: column; INSERT: target; RENAME: new name
  std::set<std::string> carried;  ///< INSERT ... SELECT: the plain column names selected
};

SqkShape sqk_shape(std::string_view text) {
  const auto t = sqk_tokens(text);
  SqkShape out;
  std::size_t at = 0;
  if (t.size() >= 3 && t[0].is("DROP") && t[1].is("TABLE")) {
    at = 2;
    if (at + 1 < t.size() && t[at].is("IF") && t[at + 1].is("EXISTS")) at += 2;
    out.table = sqk_table_name(t, at);
    if (!out.table.empty() && at == t.size()) out.kind = SqkShape::Kind::kDropTable;
    return out;
  }
  if (t.size() >= 5 && t[0].is("ALTER") && t[1].is("TABLE")) {
    at = 2;
    out.table = sqk_table_name(t, at);
    if (out.table.empty() || at >= t.size()) return out;
    if (t[at].is("DROP")) {
      ++at;
      if (at < t.size() && t[at].is("COLUMN")) ++at;
      if (at + 1 == t.size() && t[at].name()) {
        out.kind = SqkShape::Kind::kDropColumn;
        out.other = t[at].text;
      }
    } else if (t[at].is("RENAME") && at + 2 < t.size() && t[at + 1].is("TO") && t[at + 2].name() &&
               at + 3 == t.size()) {
      out.kind = SqkShape::Kind::kRename;
      out.other = t[at + 2].text;
    }
    return out;
  }
  if (t.size() >= 4 && t[0].is("INSERT") && t[1].is("INTO")) {
    at = 2;
    out.other = sqk_table_name(t, at);
    if (out.other.empty()) return out;
    if (at < t.size() && t[at].punct('(')) {
      while (at < t.size() && !t[at].punct(')'))
        ++at;
      ++at;
    }
    if (at >= t.size() || !t[at].is("SELECT")) return out;
    ++at;
    // The select list up to FROM: items that are one plain name are carried columns.
    std::size_t item_start = at;
    int depth = 0;
    for (; at < t.size(); ++at) {
      if (t[at].punct('(')) ++depth;
      if (t[at].punct(')')) --depth;
      const bool end_of_item = depth == 0 && (t[at].punct(',') || t[at].is("FROM"));
      if (end_of_item) {
        if (at == item_start + 1 && t[item_start].name()) out.carried.insert(t[item_start].text);
        item_start = at + 1;
        if (t[at].is("FROM")) break;
      }
    }
    if (at >= t.size()) return out;
    ++at;
    out.table = sqk_table_name(t, at);
    if (!out.table.empty() && at == t.size()) out.kind = SqkShape::Kind::kCopyInto;
    return out;
  }
  return out;
}

struct SqkColumn {
  std::string name;
  std::string type;
  bool not_null = false;
  int pk = 0;
};

// The table's stored columns (generated and hidden ones left out: they are computed again),
// empty when the table does not exist.
std::vector<SqkColumn> sqk_columns(db::Connection& conn, const std::string& table) {
  std::vector<SqkColumn> out;
  const db::Value p[] = {table};
  auto rows = conn.query(
      "SELECT name, type, \"notnull\", pk FROM pragma_table_xinfo($1, 'main') WHERE hidden = 0 "
      "ORDER BY cid",
      p);
  for (const auto& r : rows.rows) {
    out.push_back({r[0].value_or(""), r[1].value_or(""), r[2].value_or("0") == "1",
                   std::stoi(r[3].value_or("0"))});
  }
  return out;
}

// The primary key, else the unique index with the fewest columns, all NOT NULL, without the
// dropped column, not partial and without expressions. Empty: none.
std::vector<std::string> sqk_key(db::Connection& conn, const std::string& table,
                                 const std::vector<SqkColumn>& cols, const std::string& dropped) {
  std::vector<std::pair<int, std::string>> pk;
  for (const auto& c : cols)
    if (c.pk > 0) pk.emplace_back(c.pk, c.name);
  std::sort(pk.begin(), pk.end());
  const bool pk_ok = !pk.empty() && std::none_of(pk.begin(), pk.end(), [&](const auto& p) {
    return p.second == dropped;
  });
  if (pk_ok) {
    std::vector<std::string> out;
    for (const auto& p : pk)
      out.push_back(p.second);
    return out;
  }
  const db::Value p[] = {table};
  auto indexes = conn.query(
      "SELECT name FROM pragma_index_list($1, 'main') WHERE \"unique\" = 1 AND partial = 0 "
      "ORDER BY seq",
      p);
  std::vector<std::string> best;
  for (const auto& ix : indexes.rows) {
    const db::Value q[] = {ix[0].value_or("")};
    auto parts =
        conn.query("SELECT name, cid FROM pragma_index_info($1, 'main') ORDER BY seqno", q);
    std::vector<std::string> names;
    bool ok = !parts.rows.empty();
    for (const auto& part : parts.rows) {
      if (!part[0] || part[1].value_or("-1") == "-1" || *part[0] == dropped) ok = false;
      const auto it = std::find_if(cols.begin(), cols.end(), [&](const SqkColumn& c) {
        return part[0] && c.name == *part[0];
      });
      if (it == cols.end() || !it->not_null) ok = false;
      if (part[0]) names.push_back(*part[0]);
    }
    if (ok && (best.empty() || names.size() < best.size())) best = names;
  }
  return best;
}

constexpr std::string_view kSqkManifestDdl =
    "CREATE TABLE IF NOT EXISTS \"_godwit_archive\".\"archives\" (\n"
    "  \"id\" INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "  \"migration_name\" TEXT NOT NULL,\n"
    "  \"kind\" TEXT NOT NULL CHECK (\"kind\" IN ('table', 'column')),\n"
    "  \"schema_name\" TEXT NOT NULL,\n"
    "  \"table_name\" TEXT NOT NULL,\n"
    "  \"column_name\" TEXT,\n"
    "  \"archive_table\" TEXT NOT NULL UNIQUE,\n"
    "  \"key_columns\" TEXT NOT NULL,\n"
    "  \"column_types\" TEXT NOT NULL,\n"
    "  \"row_count\" INTEGER NOT NULL,\n"
    "  \"created_at\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))\n"
    ")";

// The SQL that archives `cols` of `table` (all of them when `column` is empty, else the key and
// that column) into `arch`.
std::string sqk_archive_sql(const std::string& migration, const std::string& table,
                            const std::string& column, const std::vector<std::string>& key,
                            const std::vector<SqkColumn>& all, const std::string& arch) {
  std::vector<const SqkColumn*> cols;
  for (const auto& c : all) {
    if (column.empty() || c.name == column ||
        std::find(key.begin(), key.end(), c.name) != key.end()) {
      cols.push_back(&c);
    }
  }
  std::string defs, names;
  nlohmann::json types = nlohmann::json::array();
  for (const auto* c : cols) {
    if (!defs.empty()) {
      defs += ", ";
      names += ", ";
    }
    defs += core::quoted_identifier(c->name) + (c->type.empty() ? "" : " " + c->type);
    names += core::quoted_identifier(c->name);
    types.push_back(nlohmann::json::array({c->name, c->type}));
  }
  const std::string archive = "\"_godwit_archive\"." + core::quoted_identifier(arch);
  return fmt::format(
      "{manifest};\n"
      "CREATE TABLE {archive} ({defs});\n"
      "INSERT INTO {archive} ({names}) SELECT {names} FROM \"main\".{table};\n"
      "INSERT INTO \"_godwit_archive\".\"archives\" (\"migration_name\", \"kind\", "
      "\"schema_name\", \"table_name\", \"column_name\", \"archive_table\", \"key_columns\", "
      "\"column_types\", \"row_count\") SELECT {migration}, {kind}, 'main', {table_lit}, "
      "{column}, {arch}, {keys}, {types}, count(*) FROM {archive}",
      fmt::arg("manifest", kSqkManifestDdl), fmt::arg("archive", archive), fmt::arg("defs", defs),
      fmt::arg("names", names), fmt::arg("table", core::quoted_identifier(table)),
      fmt::arg("migration", core::single_quoted(migration)),
      fmt::arg("kind", column.empty() ? "'table'" : "'column'"),
      fmt::arg("table_lit", core::single_quoted(table)),
      fmt::arg("column", column.empty() ? "NULL" : core::single_quoted(column)),
      fmt::arg("arch", core::single_quoted(arch)),
      fmt::arg("keys", core::single_quoted(nlohmann::json(key).dump())),
      fmt::arg("types", core::single_quoted(types.dump())));
}

bool sqk_attached(db::Connection& conn) {
  auto rows = conn.query("SELECT 1 FROM pragma_database_list WHERE name = '_godwit_archive'");
  return !rows.rows.empty();
}

// abs() of the smallest integer fails with "integer overflow": SQLite's way to make a plain
// statement fail when a row matches (it has no RAISE outside triggers). The operand depends on
// the row, so SQLite does not evaluate it once up front.
constexpr std::string_view kSqkFail = "abs(-9223372036854775807 - 1 + 0 * length(v.column1))";

}  // namespace

bool SqliteKeeper::attach(db::Connection& conn, bool create) const {
  if (sqk_attached(conn)) return true;
  auto rows = conn.query("SELECT file FROM pragma_database_list WHERE name = 'main'");
  if (rows.rows.empty() || !rows.rows[0][0] || rows.rows[0][0]->empty()) return false;
  const std::string file = *rows.rows[0][0] + ".godwit-archive";
  if (!create && !std::filesystem::exists(file)) return false;
  conn.execute("ATTACH DATABASE " + core::single_quoted(file) + " AS \"_godwit_archive\"");
  return true;
}

std::vector<Injection> SqliteKeeper::plan(db::Connection& conn, const std::string& migration,
                                          const sql::Script& script) const {
  std::vector<Injection> out;
  std::set<std::string> taken;
  if (sqk_attached(conn)) {
    auto rows = conn.query("SELECT name FROM \"_godwit_archive\".sqlite_master");
    for (const auto& r : rows.rows)
      taken.insert(sqk_upper(r[0].value_or("")));
  }
  auto name_for = [&](const std::string& object) {
    const std::string base = archive_base_name(migration, object);
    std::string name = base;
    for (int n = 2; taken.contains(sqk_upper(name)); ++n)
      name = base + "_" + std::to_string(n);
    taken.insert(sqk_upper(name));
    return name;
  };
  std::vector<SqkShape> shapes;
  shapes.reserve(script.statements.size());
  for (const auto& st : script.statements)
    shapes.push_back(sqk_shape(st.text));
  std::map<std::string, std::vector<SqkColumn>> before;  // tables as they are now
  auto columns_of = [&](const std::string& table) -> const std::vector<SqkColumn>& {
    auto it = before.find(sqk_upper(table));
    if (it == before.end()) it = before.emplace(sqk_upper(table), sqk_columns(conn, table)).first;
    return it->second;
  };
  auto refuse = [&](std::size_t i, const std::string& table, const std::string& column,
                    const std::string& why) {
    throw core::Error(
        "GW2890",
        fmt::format("--archive: the migration `{}` drops the column `{}` of table `{}` (line {}), "
                    "and {}: the archived values could not be put back on their rows. That "
                    "migration was not started.",
                    migration, column, table, script.statements[i].line, why),
        "Give the table a key in an earlier migration, or deploy with --no-archive (the "
        "column's values are then not kept).");
  };
  auto add_column = [&](std::size_t i, const std::string& table, const std::string& column,
                        const std::vector<SqkColumn>& cols, const std::set<std::string>* carried) {
    auto key = sqk_key(conn, table, cols, column);
    if (key.empty())
      refuse(i, table, column, "that table has no primary key nor unique key of NOT NULL columns");
    if (carried) {
      for (const auto& k : key) {
        if (!carried->contains(k)) {
          refuse(i, table, column,
                 fmt::format("its key column `{}` is not copied into the redefined table", k));
        }
      }
    }
    out.push_back(
        {i, sqk_archive_sql(migration, table, column, key, cols, name_for(table + "." + column)),
         fmt::format("column `main`.`{}`.`{}`", table, column)});
  };
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const auto& s = shapes[i];
    if (s.kind == SqkShape::Kind::kDropColumn) {
      const auto& cols = columns_of(s.table);
      const bool exists = std::any_of(cols.begin(), cols.end(),
                                      [&](const SqkColumn& c) { return c.name == s.other; });
      if (exists) add_column(i, s.table, s.other, cols, nullptr);
      continue;
    }
    if (s.kind != SqkShape::Kind::kDropTable) continue;
    const auto& cols = columns_of(s.table);
    if (cols.empty()) continue;  // made by this migration, or already gone
    // A redefinition: an earlier INSERT INTO x SELECT ... FROM <table> and a later
    // ALTER TABLE x RENAME TO <table>.
    const SqkShape* copy = nullptr;
    for (std::size_t j = 0; j < i; ++j) {
      if (shapes[j].kind == SqkShape::Kind::kCopyInto &&
          sqk_upper(shapes[j].table) == sqk_upper(s.table)) {
        copy = &shapes[j];
      }
    }
    bool renamed_back = false;
    if (copy) {
      for (std::size_t j = i + 1; j < shapes.size(); ++j) {
        if (shapes[j].kind == SqkShape::Kind::kRename &&
            sqk_upper(shapes[j].table) == sqk_upper(copy->other) &&
            sqk_upper(shapes[j].other) == sqk_upper(s.table)) {
          renamed_back = true;
        }
      }
    }
    if (copy && renamed_back) {
      for (const auto& c : cols) {
        if (!copy->carried.contains(c.name)) add_column(i, s.table, c.name, cols, &copy->carried);
      }
      continue;
    }
    out.push_back({i, sqk_archive_sql(migration, s.table, "", {}, cols, name_for(s.table)),
                   fmt::format("table `main`.`{}`", s.table)});
  }
  return out;
}

std::vector<ArchiveRecord> SqliteKeeper::list(db::Connection& conn) const {
  std::vector<ArchiveRecord> out;
  if (!attach(conn, false)) return out;
  auto has = conn.query(
      "SELECT 1 FROM \"_godwit_archive\".sqlite_master WHERE type = 'table' AND name = "
      "'archives'");
  if (has.rows.empty()) return out;
  auto rows = conn.query(
      "SELECT id, migration_name, kind, schema_name, table_name, column_name, archive_table, "
      "key_columns, column_types, row_count, created_at, "
      "(julianday('now') - julianday(created_at)) FROM \"_godwit_archive\".\"archives\" ORDER "
      "BY id");
  bool dbstat = true;
  for (const auto& r : rows.rows) {
    ArchiveRecord a;
    a.id = std::stoll(r[0].value_or("0"));
    a.migration = r[1].value_or("");
    a.kind = r[2].value_or("");
    a.schema = r[3].value_or("");
    a.table = r[4].value_or("");
    a.column = r[5].value_or("");
    a.archive_table = r[6].value_or("");
    read_json_columns(a, r[7].value_or("[]"), r[8].value_or("[]"));
    a.row_count = std::stoll(r[9].value_or("0"));
    a.created_at = r[10].value_or("");
    a.age_days = std::stod(r[11].value_or("0"));
    if (dbstat) {
      try {
        const db::Value p[] = {a.archive_table};
        auto size =
            conn.query("SELECT sum(pgsize) FROM dbstat('_godwit_archive') WHERE name = $1", p);
        if (!size.rows.empty() && size.rows[0][0]) a.size_bytes = std::stoll(*size.rows[0][0]);
      } catch (const db::DatabaseError&) {
        dbstat = false;  // SQLite built without SQLITE_ENABLE_DBSTAT_VTAB: size unknown
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::string SqliteKeeper::exists_check_sql(const ArchiveRecord& r) const {
  if (r.kind == "column") {
    return fmt::format(
        "SELECT {} FROM (VALUES ({})) v WHERE NOT EXISTS (SELECT 1 FROM "
        "pragma_table_xinfo({}, 'main') WHERE name = v.column1)",
        kSqkFail, core::single_quoted(r.column), core::single_quoted(r.table));
  }
  return fmt::format(
      "SELECT {} FROM (VALUES ({})) v WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_master WHERE "
      "type = 'table' AND name = v.column1)",
      kSqkFail, core::single_quoted(r.table));
}

std::string SqliteKeeper::type_check_sql(const ArchiveRecord& r) const {
  std::string values;
  for (const auto& [name, type] : r.column_types) {
    if (!values.empty()) values += ", ";
    values += fmt::format("({}, {})", core::single_quoted(name), core::single_quoted(type));
  }
  if (values.empty()) return "SELECT 1";
  return fmt::format(
      "SELECT {} FROM (VALUES {}) v LEFT JOIN pragma_table_xinfo({}, 'main') x ON x.name = "
      "v.column1 WHERE x.name IS NULL OR upper(x.type) <> upper(v.column2)",
      kSqkFail, values, core::single_quoted(r.table));
}

std::vector<std::string> SqliteKeeper::restore_sql(const ArchiveRecord& r) const {
  std::vector<std::string> out;
  const std::string archive = "\"_godwit_archive\"." + core::quoted_identifier(r.archive_table);
  const std::string target = "\"main\"." + core::quoted_identifier(r.table);
  if (r.kind == "table") {
    std::string names;
    for (const auto& [name, type] : r.column_types) {
      if (!names.empty()) names += ", ";
      names += core::quoted_identifier(name);
    }
    // An AUTOINCREMENT table's sqlite_sequence follows the largest rowid inserted.
    out.push_back(
        fmt::format("INSERT INTO {} ({}) SELECT {} FROM {}", target, names, names, archive));
  } else {
    std::string where;
    for (const auto& k : r.key_columns) {
      if (!where.empty()) where += " AND ";
      where += fmt::format("{0}.{1} = a.{1}", core::quoted_identifier(r.table),
                           core::quoted_identifier(k));
    }
    out.push_back(fmt::format("UPDATE {} SET {} = a.{} FROM {} AS a WHERE {}", target,
                              core::quoted_identifier(r.column), core::quoted_identifier(r.column),
                              archive, where));
  }
  auto drop = drop_sql(r);
  out.insert(out.end(), drop.begin(), drop.end());
  return out;
}

std::vector<std::string> SqliteKeeper::drop_sql(const ArchiveRecord& r) const {
  return {"DROP TABLE IF EXISTS \"_godwit_archive\"." + core::quoted_identifier(r.archive_table),
          fmt::format("DELETE FROM \"_godwit_archive\".\"archives\" WHERE id = {}", r.id)};
}

}  // namespace godwit::archive
