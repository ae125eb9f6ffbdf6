#include "dialect/sqlite/render/down_renames.hpp"

#include <cctype>
#include <optional>

#include "core/error.hpp"
#include "dialect/sqlite/run/split.hpp"
#include "sql/lex.hpp"

namespace godwit::sqlite {
namespace {

// A token of a rename statement: a word (upper-cased for comparison, `text` as written), a
// quoted name (unquoted), or one punctuation character.
struct SqliteRenameToken {
  std::string text;
  std::string upper;
  bool quoted = false;
};

std::vector<SqliteRenameToken> sqlite_rename_tokens(std::string_view s) {
  std::vector<SqliteRenameToken> out;
  std::size_t pos = 0;
  while (true) {
    pos = sql::skip_trivia(s, pos, sql::CommentStyle::kSqlite);
    if (pos >= s.size()) break;
    const char c = s[pos];
    if (c == '"' || c == '`' || c == '[' || c == '\'') {
      const char close = c == '[' ? ']' : c;
      std::string name;
      std::size_t i = pos + 1;
      for (; i < s.size(); ++i) {
        if (s[i] == close) {
          if (close != ']' && i + 1 < s.size() && s[i + 1] == close) {
            name += close;
            ++i;
            continue;
          }
          break;
        }
        name += s[i];
      }
      out.push_back({name, name, true});
      pos = i + 1;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80) {
      std::size_t i = pos;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' ||
                              s[i] == '$' || static_cast<unsigned char>(s[i]) >= 0x80)) {
        ++i;
      }
      std::string word(s.substr(pos, i - pos));
      std::string upper = word;
      for (char& ch : upper)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      out.push_back({word, upper, false});
      pos = i;
    } else {
      out.push_back({std::string(1, c), std::string(1, c), false});
      ++pos;
    }
  }
  return out;
}

bool sqlite_rename_is(const std::vector<SqliteRenameToken>& t, std::size_t i,
                      std::string_view word) {
  return i < t.size() && !t[i].quoted && t[i].upper == word;
}

bool sqlite_rename_name(const std::vector<SqliteRenameToken>& t, std::size_t i) {
  return i < t.size() && (t[i].quoted || (!t[i].text.empty() && t[i].text[0] != '.' &&
                                          t[i].text[0] != '(' && t[i].text[0] != ';'));
}

std::optional<down::StatementRename> sqlite_rename_of(std::string_view text) {
  using Kind = down::StatementRename::Kind;
  const auto t = sqlite_rename_tokens(text);
  if (!sqlite_rename_is(t, 0, "ALTER") || !sqlite_rename_is(t, 1, "TABLE")) return std::nullopt;
  down::StatementRename r;
  std::size_t i = 2;
  if (!sqlite_rename_name(t, i)) return std::nullopt;
  r.owner = t[i].text;
  if (i + 2 < t.size() && !t[i + 1].quoted && t[i + 1].text == "." &&
      sqlite_rename_name(t, i + 2)) {
    r.schema = r.owner;
    r.owner = t[i + 2].text;
    i += 2;
  }
  if (!sqlite_rename_is(t, ++i, "RENAME")) return std::nullopt;
  ++i;
  if (sqlite_rename_is(t, i, "TO")) {
    if (!sqlite_rename_name(t, i + 1) || i + 2 != t.size()) return std::nullopt;
    r.kind = Kind::kTable;
    r.from = r.owner;
    r.to = t[i + 1].text;
    return r;
  }
  if (sqlite_rename_is(t, i, "COLUMN")) ++i;
  if (!sqlite_rename_name(t, i) || !sqlite_rename_is(t, i + 1, "TO") ||
      !sqlite_rename_name(t, i + 2) || i + 3 != t.size()) {
    return std::nullopt;
  }
  r.kind = Kind::kColumn;
  r.from = t[i].text;
  r.to = t[i + 2].text;
  return r;
}

}  // namespace

std::vector<down::StatementRename> SqliteRenameReader::renames(std::string_view script) const {
  std::vector<down::StatementRename> out;
  sql::Script split;
  try {
    split = split_script(script);
  } catch (const core::Error&) {
    return out;  // a NUL byte: the runner refuses the file anyway
  }
  for (const auto& s : split.statements) {
    if (std::string_view(s.kind) != "ALTER TABLE") continue;
    if (auto r = sqlite_rename_of(s.text)) {
      // SQLite's default schema is "main": the catalog's default namespace.
      if (r->schema == "main") r->schema.clear();
      out.push_back(std::move(*r));
    }
  }
  return out;
}

}  // namespace godwit::sqlite
