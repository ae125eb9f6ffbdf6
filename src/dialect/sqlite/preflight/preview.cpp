#include "dialect/sqlite/preflight/preview.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace godwit::sqlite {
namespace {

constexpr std::string_view kWriteLock = "database write lock (RESERVED, EXCLUSIVE to commit)";
constexpr std::string_view kWriteLockBlocks =
    "other writers wait until the migration's transaction ends; readers go on in WAL mode, and "
    "wait while it commits in rollback-journal mode";

// Reads a statement word by word: keywords (upper-cased) and names (quotes removed).
class PreviewWords {
 public:
  explicit PreviewWords(std::string_view s) : s_(s) {}

  // The next word or name; nullopt at the end or at punctuation other than '.'.
  std::optional<std::string> next() {
    skip_space();
    if (i_ >= s_.size()) return std::nullopt;
    char c = s_[i_];
    if (c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      std::string out;
      for (++i_; i_ < s_.size(); ++i_) {
        if (s_[i_] == close) {
          if (close != ']' && i_ + 1 < s_.size() && s_[i_ + 1] == close) {
            out += close;
            ++i_;
            continue;
          }
          ++i_;
          break;
        }
        out += s_[i_];
      }
      last_quoted_ = true;
      return out;
    }
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
        static_cast<unsigned char>(c) >= 0x80) {
      std::size_t b = i_;
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' ||
                                s_[i_] == '$' || static_cast<unsigned char>(s_[i_]) >= 0x80)) {
        ++i_;
      }
      last_quoted_ = false;
      return std::string(s_.substr(b, i_ - b));
    }
    return std::nullopt;
  }
  // The next keyword, upper-cased ("" when the next token is a quoted name or punctuation).
  std::string keyword() {
    auto w = next();
    if (!w || last_quoted_) return "";
    for (char& c : *w)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return *w;
  }
  // A possibly schema-qualified name, as `"name"` or `"schema"."name"`.
  std::string name() {
    auto first = next();
    if (!first) return "";
    skip_space();
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      auto second = next();
      if (second) return quote(*first) + "." + quote(*second);
    }
    return quote(*first);
  }
  // Skips IF [NOT] EXISTS when it comes next.
  void skip_if_exists() {
    std::size_t saved = i_;
    if (keyword() == "IF") {
      std::size_t after_if = i_;
      auto k = keyword();
      if (k == "EXISTS") return;
      if (k == "NOT" && keyword() == "EXISTS") return;
      i_ = after_if;
    }
    i_ = saved;
  }

 private:
  static std::string quote(const std::string& n) {
    std::string out = "\"";
    for (char c : n)
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  }
  void skip_space() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
        ++i_;
      } else if (s_.substr(i_, 2) == "--") {
        while (i_ < s_.size() && s_[i_] != '\n')
          ++i_;
      } else if (s_.substr(i_, 2) == "/*") {
        auto e = s_.find("*/", i_ + 2);
        i_ = e == std::string_view::npos ? s_.size() : e + 2;
      } else {
        break;
      }
    }
  }
  std::string_view s_;
  std::size_t i_ = 0;
  bool last_quoted_ = false;
};

// The existing table a statement writes to, or "".
std::string locked_table(std::string_view text) {
  PreviewWords w(text);
  auto k = w.keyword();
  if (k == "ALTER" || k == "DROP") {
    if (w.keyword() != "TABLE") return "";
    w.skip_if_exists();
    return w.name();
  }
  if (k == "CREATE") {
    auto k2 = w.keyword();
    if (k2 == "UNIQUE") k2 = w.keyword();
    if (k2 != "INDEX") return "";
    w.skip_if_exists();
    w.name();  // the index
    if (w.keyword() != "ON") return "";
    return w.name();
  }
  if (k == "INSERT" || k == "REPLACE") {
    // INSERT [OR REPLACE|IGNORE|...] INTO name.
    for (int i = 0; i < 4; ++i) {
      if (w.keyword() == "INTO") return w.name();
    }
    return "";
  }
  if (k == "UPDATE") {
    auto n = w.name();
    if (n == "\"OR\"" || n == "\"or\"") {
      w.keyword();
      return w.name();
    }
    return n;
  }
  if (k == "DELETE") {
    if (w.keyword() != "FROM") return "";
    return w.name();
  }
  return "";
}

}  // namespace

migrate::ScriptPreview SqlitePreviewer::preview(std::string_view script) const {
  auto split = runner_.split(script);
  migrate::ScriptPreview out;
  out.mode = split.mode;
  for (const auto& st : split.statements) {
    migrate::StatementPreview p;
    p.line = st.line;
    p.kind = std::string(st.kind.view());
    p.text = std::string(st.text);
    auto table = locked_table(st.text);
    if (!table.empty()) {
      p.locks.push_back({table, std::string(kWriteLock), std::string(kWriteLockBlocks)});
    }
    out.statements.push_back(std::move(p));
  }
  return out;
}

std::vector<migrate::TableSize> SqlitePreviewer::table_sizes(
    db::Connection& conn, const std::vector<std::string>& tables) const {
  std::vector<migrate::TableSize> out;
  for (const auto& t : tables) {
    migrate::TableSize size;
    size.table = t;
    // `t` is quoted by locked_table: `"name"` or `"schema"."name"`; the last part is the name.
    std::string plain;
    {
      auto dot = t.rfind("\".\"");
      std::string last = dot == std::string::npos ? t : t.substr(dot + 2);
      for (std::size_t i = 1; i + 1 < last.size(); ++i) {
        plain += last[i];
        if (last[i] == '"') ++i;
      }
    }
    std::vector<db::Value> params{db::Value(plain)};
    auto found = conn.query(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $1 COLLATE NOCASE", params);
    if (!found.rows.empty()) {
      size.exists = true;
      auto counted = conn.query("SELECT count(*) FROM " + t);
      if (!counted.rows.empty() && counted.rows[0][0]) size.rows = std::stoll(*counted.rows[0][0]);
      try {
        auto bytes = conn.query(
            "SELECT sum(pgsize) FROM dbstat WHERE name = $1 OR name IN (SELECT name FROM "
            "sqlite_schema WHERE type = 'index' AND tbl_name = $1 COLLATE NOCASE)",
            params);
        if (!bytes.rows.empty() && bytes.rows[0][0]) size.bytes = std::stoll(*bytes.rows[0][0]);
      } catch (const db::DatabaseError&) {
        // No dbstat in this SQLite library: the size stays unknown.
      }
    }
    out.push_back(std::move(size));
  }
  return out;
}

}  // namespace godwit::sqlite
