#include "dialect/sqlite/run/split.hpp"

#include <sqlite3.h>

#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"
#include "sql/lex.hpp"

namespace godwit::sqlite {
namespace {

constexpr auto kStyle = sql::CommentStyle::kSqlite;

bool is_name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// 'x', "x", `x`, [x] -> x (doubled quotes undone); anything else as is.
std::string unquote(std::string_view v) {
  if (v.size() >= 2) {
    char open = v.front();
    char close = open == '[' ? ']' : open;
    if ((open == '\'' || open == '"' || open == '`' || open == '[') && v.back() == close) {
      std::string out;
      std::string_view inner = v.substr(1, v.size() - 2);
      for (std::size_t i = 0; i < inner.size(); ++i) {
        out += inner[i];
        if (open != '[' && inner[i] == close && i + 1 < inner.size() && inner[i + 1] == close) ++i;
      }
      return out;
    }
  }
  return std::string(v);
}

struct Pragma {
  std::string name;   // lower-cased, without the schema
  std::string value;  // unquoted; empty for the query form
};

// `PRAGMA [schema.]name [= value | (value)]`, `pos` just after the PRAGMA keyword.
Pragma parse_pragma(std::string_view text, std::size_t pos) {
  Pragma p;
  auto read_name = [&]() {
    pos = sql::skip_trivia(text, pos, kStyle);
    std::size_t start = pos;
    while (pos < text.size() && is_name_char(text[pos]))
      ++pos;
    return text.substr(start, pos - start);
  };
  std::string_view name = read_name();
  std::size_t after = sql::skip_trivia(text, pos, kStyle);
  if (after < text.size() && text[after] == '.') {
    pos = after + 1;
    name = read_name();
  }
  p.name = lower(name);
  pos = sql::skip_trivia(text, pos, kStyle);
  if (pos >= text.size()) return p;
  std::string_view rest;
  if (text[pos] == '=') {
    rest = text.substr(pos + 1);
  } else if (text[pos] == '(') {
    auto close = text.rfind(')');
    rest =
        text.substr(pos + 1, close == std::string_view::npos || close < pos ? std::string_view::npos
                                                                            : close - pos - 1);
  }
  p.value = unquote(core::trim(rest));
  return p;
}

// Pragmas that only take effect outside a transaction when they set a value.
bool pragma_needs_autocommit(const Pragma& p) {
  static const std::set<std::string, std::less<>> kNames = {
      "foreign_keys", "journal_mode", "synchronous", "temp_store", "wal_checkpoint"};
  if (!kNames.contains(p.name)) return false;
  return !p.value.empty() || p.name == "wal_checkpoint";
}

// Position just after the first word of `text` (which starts with a word: trimmed text).
std::size_t after_first_word(std::string_view text) {
  std::size_t pos = sql::skip_trivia(text, 0, kStyle);
  while (pos < text.size() && is_name_char(text[pos]))
    ++pos;
  return pos;
}

void classify(sql::Statement& s) {
  auto w = sql::leading_words(s.text, 5, kStyle);
  auto at = [&](std::size_t i) { return i < w.size() ? w[i] : std::string(); };
  const std::string first = at(0);

  if (first == "BEGIN" || first == "SAVEPOINT" || first == "RELEASE") {
    s.kind = first;
    s.transaction_control = true;
  } else if (first == "COMMIT" || first == "END") {
    s.kind = "COMMIT";
    s.transaction_control = true;
  } else if (first == "ROLLBACK") {
    bool to = at(1) == "TO" || (at(1) == "TRANSACTION" && at(2) == "TO");
    s.kind = to ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK";
    s.transaction_control = true;
  } else if (first == "VACUUM") {
    s.kind = "VACUUM";
    s.no_transaction = true;
  } else if (first == "PRAGMA") {
    Pragma p = parse_pragma(s.text, after_first_word(s.text));
    s.kind = "PRAGMA " + p.name;
    s.no_transaction = pragma_needs_autocommit(p);
  } else if (first == "CREATE" || first == "DROP" || first == "ALTER") {
    std::size_t i = 1;
    while (at(i) == "TEMP" || at(i) == "TEMPORARY" || at(i) == "UNIQUE")
      ++i;
    std::string object = at(i);
    if (object == "VIRTUAL") object += " " + at(i + 1);
    s.kind = object.empty() ? first : first + " " + object;
  } else {
    s.kind = first.empty() ? "UNKNOWN" : first;
  }
}

}  // namespace

std::string pragma_value(const sql::Statement& statement) {
  if (!statement.kind.starts_with("PRAGMA ")) return {};
  return parse_pragma(statement.text, after_first_word(statement.text)).value;
}

sql::Script split_script(std::string_view script) {
  if (auto nul = script.find('\0'); nul != std::string_view::npos) {
    throw core::Error("GW1201",
                      "The migration script contains a NUL byte (line " +
                          std::to_string(core::line_of_offset(script, nul)) +
                          "), which SQLite would take as the end of the script.",
                      "Remove the NUL byte; the file may have been saved as UTF-16.");
  }
  std::vector<sql::RawRange> ranges;
  std::size_t start = 0;
  std::string candidate;
  for (std::size_t semi = script.find(';'); semi != std::string_view::npos;
       semi = script.find(';', semi + 1)) {
    // Only the current statement is re-read at each ';', so the cost is linear in the
    // script unless one statement holds many ';' (trigger bodies, strings).
    candidate.assign(script.substr(start, semi + 1 - start));
    if (sqlite3_complete(candidate.c_str()) != 0) {
      ranges.push_back({start, semi});
      start = semi + 1;
    }
  }
  if (start < script.size()) ranges.push_back({start, script.size()});

  sql::Script out;
  out.source = script;
  out.statements = sql::statements_from_ranges(script, ranges, kStyle);
  for (auto& s : out.statements)
    classify(s);
  out.mode = sql::transaction_mode_for(out.statements);
  return out;
}

}  // namespace godwit::sqlite
