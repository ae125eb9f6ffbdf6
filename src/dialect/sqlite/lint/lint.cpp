#include "dialect/sqlite/lint/lint.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dialect/sqlite/run/split.hpp"

namespace godwit::sqlite {
namespace {

using lint::Severity;

// A token of a SQLite statement: a word (keyword or identifier, quotes removed), a string
// literal, a number, or one punctuation character.
struct SqliteToken {
  enum Kind { kWord, kQuoted, kString, kNumber, kPunct } kind = kWord;
  std::string text;  ///< words upper-cased unless quoted
};

std::vector<SqliteToken> sqlite_tokens(std::string_view s) {
  std::vector<SqliteToken> out;
  std::size_t i = 0;
  auto upper = [](std::string w) {
    for (char& c : w) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return w;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n')
        ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      std::size_t e = s.find("*/", i + 2);
      i = e == std::string_view::npos ? s.size() : e + 2;
    } else if (c == '"' || c == '`' || c == '[' || c == '\'') {
      char close = c == '[' ? ']' : c;
      std::string text;
      std::size_t j = i + 1;
      while (j < s.size()) {
        if (s[j] == close) {
          if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
            text += close;
            j += 2;
            continue;
          }
          break;
        }
        text += s[j++];
      }
      out.push_back({c == '\'' ? SqliteToken::kString : SqliteToken::kQuoted, text});
      i = j + 1;
    } else if ((c >= '0' && c <= '9') ||
               (c == '.' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9')) {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.'))
        ++j;
      out.push_back({SqliteToken::kNumber, std::string(s.substr(i, j - i))});
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80) {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' ||
                              s[j] == '$' || static_cast<unsigned char>(s[j]) >= 0x80)) {
        ++j;
      }
      out.push_back({SqliteToken::kWord, upper(std::string(s.substr(i, j - i)))});
      i = j;
    } else {
      out.push_back({SqliteToken::kPunct, std::string(1, c)});
      ++i;
    }
  }
  return out;
}

bool word(const std::vector<SqliteToken>& t, std::size_t i, std::string_view w) {
  return i < t.size() && t[i].kind == SqliteToken::kWord && t[i].text == w;
}

// The name at t[i] (possibly schema.name): returns the last part and moves i past it.
std::string sqlite_name(const std::vector<SqliteToken>& t, std::size_t& i) {
  std::string name;
  if (i < t.size() && (t[i].kind == SqliteToken::kWord || t[i].kind == SqliteToken::kQuoted)) {
    name = t[i].text;
    ++i;
    if (i + 1 < t.size() && t[i].kind == SqliteToken::kPunct && t[i].text == ".") {
      name = t[i + 1].text;
      i += 2;
    }
  }
  return name;
}

std::string dq(std::string_view n) {
  return "\"" + std::string(n) + "\"";
}

struct SqliteScan {
  std::string_view path;
  std::vector<lint::Finding>* out;
  const sql::Statement* stmt = nullptr;
  std::vector<std::string> created;
  bool foreign_keys_off = false;
  int depth = 0;

  bool existing(const std::string& table) const {
    return std::find(created.begin(), created.end(), table) == created.end();
  }
  lint::Finding& emit(std::string_view code, std::string message) {
    lint::Finding f;
    f.code = std::string(code);
    f.file = std::string(path);
    f.line = stmt->line;
    f.statement = std::string(stmt->text);
    f.message = std::move(message);
    out->push_back(std::move(f));
    return out->back();
  }
};

// ALTER TABLE t ADD [COLUMN] def: what SQLite refuses (its ALTER TABLE documentation).
void sqlite_add_column(SqliteScan& s, const std::vector<SqliteToken>& t, std::size_t i,
                       const std::string& table) {
  if (word(t, i, "COLUMN")) ++i;
  std::string column = sqlite_name(t, i);
  bool not_null = false, unique = false, pk = false, stored = false, nonconstant = false;
  bool has_default = false, default_null = false;
  int paren = 0;
  for (std::size_t j = i; j < t.size(); ++j) {
    if (t[j].kind == SqliteToken::kPunct) {
      if (t[j].text == "(") ++paren;
      if (t[j].text == ")") --paren;
      continue;
    }
    if (paren > 0) continue;
    if (word(t, j, "NOT") && word(t, j + 1, "NULL")) not_null = true;
    if (word(t, j, "UNIQUE")) unique = true;
    if (word(t, j, "PRIMARY") && word(t, j + 1, "KEY")) pk = true;
    if (word(t, j, "STORED")) stored = true;
    if (word(t, j, "DEFAULT") && j + 1 < t.size()) {
      has_default = true;
      const auto& v = t[j + 1];
      if (v.kind == SqliteToken::kWord && v.text == "NULL") default_null = true;
      if (v.kind == SqliteToken::kWord &&
          (v.text == "CURRENT_TIMESTAMP" || v.text == "CURRENT_DATE" || v.text == "CURRENT_TIME")) {
        nonconstant = true;
      }
      // DEFAULT (expr): SQLite accepts only constant expressions when adding a column.
      if (v.kind == SqliteToken::kPunct && v.text == "(") {
        for (std::size_t k = j + 2;
             k < t.size() && !(t[k].kind == SqliteToken::kPunct && t[k].text == ")"); ++k) {
          if (t[k].kind == SqliteToken::kWord) nonconstant = true;
        }
      }
    }
  }
  const std::string recreate = fmt::format(
      "-- redefine the table as Prisma does: PRAGMA foreign_keys=OFF; CREATE TABLE \"new_{0}\" "
      "(... {1} ...); INSERT INTO \"new_{0}\" SELECT ... FROM {2}; DROP TABLE {2}; ALTER TABLE "
      "\"new_{0}\" RENAME TO {2}; PRAGMA foreign_key_check; PRAGMA foreign_keys=ON;",
      table, dq(column), dq(table));
  if (not_null && (!has_default || default_null)) {
    s.emit("sqlite-add-column-not-null-no-default",
           fmt::format("SQLite refuses to add NOT NULL column {} without a non-NULL DEFAULT "
                       "(\"Cannot add a NOT NULL column with default value NULL\")",
                       dq(column)))
        .safe_sql = fmt::format("ALTER TABLE {} ADD COLUMN {} ... NOT NULL DEFAULT <constant>;\n{}",
                                dq(table), dq(column), recreate);
  }
  if (unique || pk) {
    s.emit("sqlite-add-column-unique-or-pk", fmt::format("SQLite refuses to add a {} column ({})",
                                                         pk ? "PRIMARY KEY" : "UNIQUE", dq(column)))
        .safe_sql = fmt::format(
        "ALTER TABLE {} ADD COLUMN {} ...;\nCREATE UNIQUE INDEX {} ON {} "
        "({});",
        dq(table), dq(column), dq(table + "_" + column + "_key"), dq(table), dq(column));
  }
  if (nonconstant) {
    s.emit("sqlite-add-column-nonconstant-default",
           fmt::format("SQLite refuses to add column {} with a non-constant DEFAULT (\"Cannot "
                       "add a column with non-constant default\")",
                       dq(column)))
        .safe_sql = recreate;
  }
  if (stored) {
    s.emit("sqlite-add-column-stored-generated",
           fmt::format("SQLite refuses to add a STORED generated column ({})", dq(column)))
        .safe_sql = "-- add it VIRTUAL, or redefine the table";
  }
}

void sqlite_alter_table(SqliteScan& s, const std::vector<SqliteToken>& t) {
  std::size_t i = 2;
  std::string table = sqlite_name(t, i);
  const bool existing = s.existing(table);
  if (word(t, i, "ADD")) {
    if (word(t, i + 1, "CONSTRAINT") || word(t, i + 1, "PRIMARY") || word(t, i + 1, "FOREIGN") ||
        word(t, i + 1, "UNIQUE") || word(t, i + 1, "CHECK")) {
      s.emit("sqlite-alter-unsupported",
             "SQLite's ALTER TABLE cannot add a constraint (a syntax error)")
          .safe_sql =
          "-- redefine the table (CREATE TABLE \"new_...\", copy, drop, rename), as "
          "Prisma does";
      return;
    }
    sqlite_add_column(s, t, i + 1, table);
  } else if (word(t, i, "DROP") && !word(t, i + 1, "CONSTRAINT")) {
    std::size_t j = i + 1;
    if (word(t, j, "COLUMN")) ++j;
    std::string column = sqlite_name(t, j);
    if (!existing) return;
    auto& f = s.emit("drop-column", fmt::format("DROP COLUMN {}.{} deletes its data for good, "
                                                "and clients that still use it fail",
                                                dq(table), dq(column)));
    f.note =
        "SQLite also refuses it when the column is part of an index, a PRIMARY KEY or "
        "UNIQUE constraint, a foreign key, a view or a trigger.";
    f.safe_sql = "-- deploy code that ignores the column first, then drop it in a later migration";
  } else if (word(t, i, "RENAME")) {
    std::size_t j = i + 1;
    if (word(t, j, "TO")) {
      ++j;
      std::string to = sqlite_name(t, j);
      // Prisma's redefinition renames "new_X" to X: not a rename clients see.
      if (table.starts_with("new_") && table.substr(4) == to) return;
      if (!existing) return;
      s.emit("rename-table", fmt::format("renaming {} to {} breaks clients that still use the "
                                         "old name",
                                         dq(table), dq(to)))
          .safe_sql = fmt::format("-- Prisma: keep the table name with @@map(\"{}\")", table);
    } else {
      if (word(t, j, "COLUMN")) ++j;
      std::string from = sqlite_name(t, j);
      if (word(t, j, "TO")) ++j;
      std::string to = sqlite_name(t, j);
      if (!existing) return;
      s.emit("rename-column", fmt::format("renaming {}.{} to {} breaks clients that still use "
                                          "the old name",
                                          dq(table), dq(from), dq(to)))
          .safe_sql = fmt::format("-- Prisma: keep the column name with @map(\"{}\")", from);
    }
  } else {
    s.emit("sqlite-alter-unsupported",
           "SQLite's ALTER TABLE supports only RENAME, ADD COLUMN and DROP COLUMN (a syntax "
           "error)")
        .safe_sql =
        "-- redefine the table (CREATE TABLE \"new_...\", copy, drop, rename), as "
        "Prisma does";
  }
}

}  // namespace

const std::vector<lint::RuleInfo>& SqliteLinter::rules() const {
  static const std::vector<lint::RuleInfo> kRules = {
      {"drop-table", "B", Severity::kError, false, "DROP TABLE of an existing table (B1)"},
      {"drop-column", "B", Severity::kError, false, "DROP COLUMN (B2)"},
      {"rename-column", "C", Severity::kWarning, false, "RENAME COLUMN (C1)"},
      {"rename-table", "C", Severity::kWarning, false, "RENAME of a table (C2)"},
      {"uncommitted-transaction", "D", Severity::kError, false,
       "BEGIN without COMMIT at the end of the file (D2)"},
      {"sqlite-add-column-not-null-no-default", "S", Severity::kError, false,
       "ADD COLUMN ... NOT NULL without a non-NULL DEFAULT: SQLite refuses it"},
      {"sqlite-add-column-unique-or-pk", "S", Severity::kError, false,
       "ADD COLUMN ... UNIQUE or PRIMARY KEY: SQLite refuses it"},
      {"sqlite-add-column-nonconstant-default", "S", Severity::kError, false,
       "ADD COLUMN with CURRENT_TIMESTAMP or an expression as DEFAULT: SQLite refuses it"},
      {"sqlite-add-column-stored-generated", "S", Severity::kError, false,
       "ADD COLUMN ... GENERATED ... STORED: SQLite refuses it"},
      {"sqlite-alter-unsupported", "S", Severity::kError, false,
       "ALTER TABLE forms SQLite does not have (ALTER COLUMN, ADD/DROP CONSTRAINT)"},
      {"sqlite-rebuild-with-foreign-keys-on", "S", Severity::kError, false,
       "a table redefinition (DROP TABLE X, RENAME new_X TO X) without PRAGMA "
       "foreign_keys=OFF: the DROP runs ON DELETE actions on child rows"},
      {"sqlite-foreign-keys-in-transaction", "S", Severity::kError, false,
       "PRAGMA foreign_keys inside BEGIN ... COMMIT: a silent no-op"},
      {"sqlite-table-rebuild", "S", Severity::kInfo, false,
       "a table redefinition copies every row while the database is write-locked"},
  };
  return kRules;
}

lint::FileResult SqliteLinter::lint(std::string_view file, std::string_view text) const {
  lint::FileResult result;
  sql::Script script = split_script(text);
  result.statements = script.statements.size();
  SqliteScan s{file, &result.findings};
  // Tokens of every statement first: the redefinition rule looks ahead for the RENAME.
  std::vector<std::vector<SqliteToken>> tokens;
  tokens.reserve(script.statements.size());
  for (const auto& st : script.statements)
    tokens.push_back(sqlite_tokens(st.text));
  auto renamed_into = [&](std::size_t from, const std::string& table) {
    for (std::size_t k = from + 1; k < tokens.size(); ++k) {
      const auto& t = tokens[k];
      std::size_t i = 2;
      if (!word(t, 0, "ALTER") || !word(t, 1, "TABLE")) continue;
      std::string src = sqlite_name(t, i);
      if (word(t, i, "RENAME") && word(t, i + 1, "TO")) {
        i += 2;
        if (sqlite_name(t, i) == table) return src;
      }
    }
    return std::string();
  };
  for (std::size_t k = 0; k < script.statements.size(); ++k) {
    s.stmt = &script.statements[k];
    const auto& t = tokens[k];
    if (t.empty()) continue;
    if (word(t, 0, "PRAGMA") && word(t, 1, "FOREIGN_KEYS")) {
      std::string value;
      for (std::size_t i = 2; i < t.size(); ++i) {
        if (t[i].kind != SqliteToken::kPunct) value = t[i].text;
      }
      if (!value.empty()) {
        bool off = value == "OFF" || value == "0" || value == "FALSE" || value == "NO";
        if (s.depth > 0) {
          s.emit("sqlite-foreign-keys-in-transaction",
                 "PRAGMA foreign_keys does nothing inside a transaction: SQLite ignores it "
                 "silently")
              .safe_sql =
              "-- put it before BEGIN (godwit also handles it itself when the file "
              "has no BEGIN)";
        } else {
          s.foreign_keys_off = off;
        }
      }
    } else if (word(t, 0, "BEGIN")) {
      ++s.depth;
    } else if (word(t, 0, "COMMIT") || word(t, 0, "END") ||
               (word(t, 0, "ROLLBACK") && !word(t, 1, "TO"))) {
      if (s.depth > 0) --s.depth;
    } else if (word(t, 0, "CREATE") && (word(t, 1, "TABLE") || (word(t, 2, "TABLE")))) {
      std::size_t i = word(t, 1, "TABLE") ? 2 : 3;
      if (word(t, i, "IF") && word(t, i + 1, "NOT") && word(t, i + 2, "EXISTS")) i += 3;
      s.created.push_back(sqlite_name(t, i));
    } else if (word(t, 0, "DROP") && word(t, 1, "TABLE")) {
      std::size_t i = 2;
      if (word(t, i, "IF") && word(t, i + 1, "EXISTS")) i += 2;
      std::string table = sqlite_name(t, i);
      std::string rebuilt_from = renamed_into(k, table);
      if (!rebuilt_from.empty()) {
        if (!s.foreign_keys_off) {
          s.emit("sqlite-rebuild-with-foreign-keys-on",
                 fmt::format("{} is redefined (dropped, then {} renamed to it) with foreign keys "
                             "on: the DROP deletes rows of tables that reference it ON DELETE "
                             "CASCADE, or fails",
                             dq(table), dq(rebuilt_from)))
              .safe_sql =
              "PRAGMA foreign_keys=OFF;  -- before the redefinition\n-- ... the "
              "redefinition ...\nPRAGMA foreign_key_check;\nPRAGMA foreign_keys=ON;";
        }
        s.emit("sqlite-table-rebuild",
               fmt::format("redefining {} copies every row while the database is write-locked",
                           dq(table)))
            .note = "Fine for small tables; for large ones, schedule it.";
      } else if (s.existing(table)) {
        s.emit("drop-table", fmt::format("DROP TABLE {} deletes its rows for good, and clients "
                                         "still using it fail",
                                         dq(table)))
            .safe_sql = fmt::format(
            "ALTER TABLE {} RENAME TO {};  -- drop it in a later "
            "migration",
            dq(table), dq(table + "_deprecated"));
      }
    } else if (word(t, 0, "ALTER") && word(t, 1, "TABLE")) {
      sqlite_alter_table(s, t);
    }
  }
  if (s.depth > 0 && !script.statements.empty()) {
    s.stmt = &script.statements.back();
    s.emit("uncommitted-transaction", "the file opens a transaction it never commits").safe_sql =
        "COMMIT;";
  }
  return result;
}

}  // namespace godwit::sqlite
