#include "down/reversible.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <vector>

#include "sql/lex.hpp"

namespace godwit::down {
namespace {

// A statement's leading tokens: words upper-cased, quoted identifiers ("x", `x`, [x]) kept as
// written, so that table names can be read without a grammar (both dialects quote alike).
struct RevToken {
  std::string text;
  bool quoted = false;
};

std::vector<RevToken> rev_tokens(std::string_view text, std::size_t max) {
  std::vector<RevToken> out;
  std::size_t pos = 0;
  while (out.size() < max) {
    pos = sql::skip_trivia(text, pos, sql::CommentStyle::kSqlite);
    if (pos >= text.size()) break;
    const char c = text[pos];
    if (c == '"' || c == '`' || c == '[') {
      const char close = c == '[' ? ']' : c;
      std::string name;
      std::size_t i = pos + 1;
      for (; i < text.size(); ++i) {
        if (text[i] == close) {
          if (close != ']' && i + 1 < text.size() && text[i + 1] == close) {
            name += close;
            ++i;
            continue;
          }
          break;
        }
        name += text[i];
      }
      out.push_back({name, true});
      pos = i + 1;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t i = pos;
      std::string word;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                 text[i] == '_' || text[i] == '$')) {
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
        ++i;
      }
      out.push_back({word, false});
      pos = i;
    } else if (c == '.') {
      out.push_back({".", false});
      ++pos;
    } else {
      break;
    }
  }
  return out;
}

// The table named from token `i` on ("schema"."name" or name): its last part, bare names in
// lower case (PostgreSQL folds them; SQLite compares without case).
std::string rev_table_name(const std::vector<RevToken>& t, std::size_t i) {
  std::string name;
  for (; i < t.size(); ++i) {
    std::string part = t[i].text;
    if (!t[i].quoted) {
      std::transform(part.begin(), part.end(), part.begin(),
                     [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    }
    name = part;
    if (i + 1 < t.size() && t[i + 1].text == "." && !t[i + 1].quoted) {
      ++i;
      continue;
    }
    break;
  }
  return name;
}

// Position of the word after `words` (skipping IF NOT EXISTS and the like), or npos.
std::size_t rev_after(const std::vector<RevToken>& t, std::size_t i,
                      std::initializer_list<std::string_view> skip) {
  while (i < t.size() && !t[i].quoted &&
         std::find(skip.begin(), skip.end(), t[i].text) != skip.end()) {
    ++i;
  }
  return i;
}

std::string rev_reason(const sql::Statement& s, std::string_view why) {
  return fmt::format("line {}: {} ({})", s.line, std::string_view(s.kind), why);
}

}  // namespace

std::optional<std::string> why_not_reversible(const sql::Script& script, bool extensions_modelled) {
  static const std::set<std::string, std::less<>> kModelled = {"CREATE TABLE",
                                                               "ALTER TABLE",
                                                               "DROP TABLE",
                                                               "CREATE INDEX",
                                                               "DROP INDEX",
                                                               "ALTER INDEX",
                                                               "CREATE SEQUENCE",
                                                               "ALTER SEQUENCE",
                                                               "DROP SEQUENCE",
                                                               "CREATE SCHEMA",
                                                               "DROP SCHEMA",
                                                               "ALTER TYPE",
                                                               "DROP TYPE",
                                                               "ALTER TYPE ADD VALUE",
                                                               "ALTER TYPE RENAME VALUE",
                                                               "SET",
                                                               "RESET",
                                                               "CREATE INDEX CONCURRENTLY",
                                                               "DROP INDEX CONCURRENTLY"};
  static const std::set<std::string, std::less<>> kData = {
      "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "COPY", "REPLACE", "UPSERT"};
  std::set<std::string> created;  // tables this script created
  for (const auto& s : script.statements) {
    const std::string_view kind = s.kind;
    if (s.transaction_control || kind.starts_with("PRAGMA ")) continue;
    if (kind == "CREATE TABLE") {
      const auto t = rev_tokens(s.text, 12);
      auto i = rev_after(t, 1, {"TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL"});
      if (i < t.size() && t[i].text == "TABLE" && !t[i].quoted) {
        i = rev_after(t, i + 1, {"IF", "NOT", "EXISTS"});
        created.insert(rev_table_name(t, i));
      }
      continue;
    }
    if (kind == "CREATE TYPE") {
      // Only enums are in the model (`CREATE TYPE x AS ENUM`), not composite or range types.
      const auto t = rev_tokens(s.text, 12);
      bool is_enum = false;
      for (std::size_t i = 0; i + 1 < t.size(); ++i)
        is_enum = is_enum || (t[i].text == "AS" && t[i + 1].text == "ENUM");
      if (!is_enum) return rev_reason(s, "a type the schema model does not hold: only enums");
      continue;
    }
    if (kind.ends_with(" EXTENSION")) {
      if (extensions_modelled) continue;
      return rev_reason(s,
                        "extensions are in the schema model only with the "
                        "postgresqlExtensions preview feature");
    }
    if (kModelled.contains(kind)) continue;
    if (kind == "INSERT") {
      const auto t = rev_tokens(s.text, 12);
      auto i = rev_after(t, 1, {"OR", "REPLACE", "IGNORE", "ABORT", "FAIL", "ROLLBACK"});
      if (i < t.size() && t[i].text == "INTO" && !t[i].quoted &&
          created.contains(rev_table_name(t, i + 1))) {
        continue;  // rows of a table this migration created: the down drops or rebuilds it
      }
      return rev_reason(s,
                        "rows written into a table that existed before: a down cannot tell "
                        "them from the rows it must keep");
    }
    if (kData.contains(kind)) {
      return rev_reason(s,
                        "a data change: the schema model does not see data, so a down "
                        "cannot undo it");
    }
    return rev_reason(s,
                      "an object or setting the schema model does not hold, so the differ "
                      "cannot render its reverse");
  }
  return std::nullopt;
}

}  // namespace godwit::down
