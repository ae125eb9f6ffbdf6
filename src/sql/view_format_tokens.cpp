// sqlformat 0.2.6's tokenizer, re-implemented: the formatter's output depends on every one of
// its decisions (which words are keywords, where an operator ends, what counts as a comment),
// so the rules below follow the crate, including the ones that are wrong for PostgreSQL.

#include "sql/view_format_tokens.hpp"

#include <array>
#include <optional>

namespace godwit::sql::view_format {
namespace {

// ---- Characters ---------------------------------------------------------------------------

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};

constexpr char32_t kInvalid = 0xFFFD;

// The code point at text[pos] (valid UTF-8 expected: PostgreSQL returns it; a stray byte reads
// as U+FFFD of length 1 so the tokenizer always advances).
CodePoint decode(std::string_view text, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || pos + length > text.size()) return {kInvalid, 1};
  char32_t value = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return {kInvalid, 1};
    value = (value << 6) | (byte(pos + i) & 0x3F);
  }
  return {value, length};
}

// Rust's char::is_whitespace (the Unicode White_Space property).
bool is_whitespace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

struct Range {
  char32_t first;
  char32_t last;
};

// Non-ASCII code points that are neither letters, digits, marks nor connector punctuation:
// the punctuation, symbol, control and format blocks. The crate asks Unicode's general category;
// this table covers the common blocks, and everything else non-ASCII counts as a letter.
// (PostgreSQL quotes any identifier with a non-ASCII character, so outside quotes the
// definition is ASCII and only hand-written input can tell the difference.)
constexpr std::array kNonWordRanges = {
    Range{0x80, 0xA9},        Range{0xAB, 0xB1},       Range{0xB4, 0xB4},
    Range{0xB6, 0xB8},        Range{0xBB, 0xBB},       Range{0xBF, 0xBF},
    Range{0xD7, 0xD7},        Range{0xF7, 0xF7},       Range{0x2000, 0x203E},
    Range{0x2041, 0x2053},    Range{0x2055, 0x206F},   Range{0x20A0, 0x20CF},
    Range{0x2190, 0x23FF},    Range{0x2500, 0x27BF},   Range{0x2E00, 0x2E7F},
    Range{0x3000, 0x3004},    Range{0x3008, 0x3020},   Range{0x3030, 0x3030},
    Range{0x303D, 0x303F},    Range{0xE000, 0xF8FF},   Range{0xFE10, 0xFE1F},
    Range{0xFE30, 0xFE32},    Range{0xFE35, 0xFE4C},   Range{0xFE50, 0xFE6F},
    Range{0xFEFF, 0xFEFF},    Range{0xFF01, 0xFF0F},   Range{0xFF1A, 0xFF20},
    Range{0xFF3B, 0xFF3E},    Range{0xFF40, 0xFF40},   Range{0xFF5B, 0xFF65},
    Range{0xFFF0, 0xFFFF},    Range{0x1F000, 0x1FAFF}, Range{0xE0000, 0xE007F},
    Range{0xF0000, 0x10FFFF},
};

// The crate's word characters: alphanumeric, combining marks, connector punctuation ('_').
bool is_word_char(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  for (const Range& r : kNonWordRanges)
    if (c >= r.first && c <= r.last) return false;
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool word_char_at(std::string_view text, std::size_t pos) {
  return pos < text.size() && is_word_char(decode(text, pos).value);
}

std::size_t skip_whitespace(std::string_view text, std::size_t pos) {
  std::size_t length = 0;
  while (pos < text.size() && whitespace_at(text, pos, length))
    pos += length;
  return pos;
}

// ---- Keyword lists (sqlformat 0.2.6, in its order of trial) --------------------------------
// The crate matches a phrase against the input's next words upper-cased (ASCII) and joined by
// single spaces: all words but the last must be whole input words, the last a prefix of its
// input word that no word character follows. The first phrase of a list that matches wins,
// which is why "UNION ALL" and "INTERSECT ALL" never match (UNION, INTERSECT come first).

constexpr std::string_view kTopLevel[] = {
    "ADD",         "AFTER", "ALTER COLUMN", "ALTER TABLE", "DELETE FROM", "EXCEPT",
    "FETCH FIRST", "FROM",  "GROUP BY",     "GO",          "HAVING",      "INSERT INTO",
    "INSERT",      "LIMIT", "MODIFY",       "ORDER BY",    "SELECT",      "SET CURRENT SCHEMA",
    "SET SCHEMA",  "SET",   "UPDATE",       "VALUES",      "WHERE",       "RETURNING",
};

constexpr std::string_view kNewline[] = {
    "AND",        "CROSS APPLY", "CROSS JOIN",       "ELSE", "INNER JOIN",
    "JOIN",       "LEFT JOIN",   "LEFT OUTER JOIN",  "OR",   "OUTER APPLY",
    "OUTER JOIN", "RIGHT JOIN",  "RIGHT OUTER JOIN", "WHEN", "XOR",
};

constexpr std::string_view kTopLevelNoIndent[] = {
    "BEGIN", "DECLARE", "INTERSECT", "INTERSECT ALL", "MINUS", "UNION", "UNION ALL", "$$",
};

constexpr std::string_view kPlainTwoWords[] = {"CHARACTER SET", "ON DELETE", "ON UPDATE"};

// MySQL's reserved words mostly, as the crate lists them: one word each, space-separated.
constexpr std::string_view kPlain =
    "ACCESSIBLE ACTION AGAINST AGGREGATE ALGORITHM ALL ALTER ANALYSE ANALYZE AS ASC AUTOCOMMIT "
    "AUTO_INCREMENT BACKUP BETWEEN BINLOG BOTH CASCADE CASE CHANGE CHANGED CHARSET CHECK CHECKSUM "
    "COLLATE COLLATION COLUMN COLUMNS COMMENT COMMIT COMMITTED COMPRESSED CONCURRENT CONSTRAINT "
    "CONTAINS CONVERT CREATE CROSS CURRENT_TIMESTAMP DATABASE DATABASES DAY DAY_HOUR DAY_MINUTE "
    "DAY_SECOND DEFAULT DEFINER DELAYED DELETE DESC DESCRIBE DETERMINISTIC DISTINCT DISTINCTROW "
    "DIV DO DROP DUMPFILE DUPLICATE DYNAMIC ELSE ENCLOSED END ENGINE ENGINES ENGINE_TYPE ESCAPE "
    "ESCAPED EVENTS EXEC EXECUTE EXISTS EXPLAIN EXTENDED FAST FETCH FIELDS FILE FIRST FIXED FLUSH "
    "FOR FORCE FOREIGN FULL FULLTEXT FUNCTION GLOBAL GRANT GRANTS GROUP_CONCAT HEAP HIGH_PRIORITY "
    "HOSTS HOUR HOUR_MINUTE HOUR_SECOND IDENTIFIED IF IFNULL IGNORE IN INDEX INDEXES INFILE "
    "INSERT INSERT_ID INSERT_METHOD INTERVAL INTO INVOKER IS ISOLATION KEY KEYS KILL "
    "LAST_INSERT_ID LEADING LEVEL LIKE LINEAR LINES LOAD LOCAL LOCK LOCKS LOGS LOW_PRIORITY MARIA "
    "MASTER MASTER_CONNECT_RETRY MASTER_HOST MASTER_LOG_FILE MATCH MAX_CONNECTIONS_PER_HOUR "
    "MAX_QUERIES_PER_HOUR MAX_ROWS MAX_UPDATES_PER_HOUR MAX_USER_CONNECTIONS MEDIUM MERGE MINUTE "
    "MINUTE_SECOND MIN_ROWS MODE MODIFY MONTH MRG_MYISAM MYISAM NAMES NATURAL NOT NOW() NULL "
    "OFFSET ON ONLY OPEN OPTIMIZE OPTION OPTIONALLY OUTFILE PACK_KEYS PAGE PARTIAL PARTITION "
    "PARTITIONS PASSWORD PRIMARY PRIVILEGES PROCEDURE PROCESS PROCESSLIST PURGE QUICK RAID0 "
    "RAID_CHUNKS RAID_CHUNKSIZE RAID_TYPE RANGE READ READ_ONLY READ_WRITE REFERENCES REGEXP "
    "RELOAD RENAME REPAIR REPEATABLE REPLACE REPLICATION RESET RESTORE RESTRICT RETURN RETURNS "
    "REVOKE RLIKE ROLLBACK ROW ROWS ROW_FORMAT SECOND SECURITY SEPARATOR SERIALIZABLE SESSION "
    "SHARE SHOW SHUTDOWN SLAVE SONAME SOUNDS SQL SQL_AUTO_IS_NULL SQL_BIG_RESULT SQL_BIG_SELECTS "
    "SQL_BIG_TABLES SQL_BUFFER_RESULT SQL_CACHE SQL_CALC_FOUND_ROWS SQL_LOG_BIN SQL_LOG_OFF "
    "SQL_LOG_UPDATE SQL_LOW_PRIORITY_UPDATES SQL_MAX_JOIN_SIZE SQL_NO_CACHE SQL_QUOTE_SHOW_CREATE "
    "SQL_SAFE_UPDATES SQL_SELECT_LIMIT SQL_SLAVE_SKIP_COUNTER SQL_SMALL_RESULT SQL_WARNINGS START "
    "STARTING STATUS STOP STORAGE STRAIGHT_JOIN STRING STRIPED SUPER TABLE TABLES TEMPORARY "
    "TERMINATED THEN TO TRAILING TRANSACTIONAL TRUE TRUNCATE TYPE TYPES UNCOMMITTED UNIQUE UNLOCK "
    "UNSIGNED USAGE USE USING VARIABLES VIEW WHEN WITH WORK WRITE YEAR_MONTH";

// Operators the crate keeps whole; any other character is an operator on its own.
constexpr std::string_view kOperators[] = {
    "!=", "<>",  "==", "<=",   ">=",  "!<", "!>",  "||", "::", "->>",
    "->", "~~*", "~~", "!~~*", "!~~", "~*", "!~*", "!~", ":=",
};

// Length of the keyword `phrase` at the start of `text` (see above), or 0. The characters are
// compared first: almost every phrase fails on its first one.
std::size_t match_phrase(std::string_view text, std::string_view phrase) {
  std::size_t pos = 0;
  while (true) {
    std::size_t space = phrase.find(' ');
    std::string_view part = phrase.substr(0, space);
    if (text.size() - pos < part.size()) return 0;
    for (std::size_t i = 0; i < part.size(); ++i)
      if (ascii_upper(text[pos + i]) != part[i]) return 0;
    std::size_t after = pos + part.size();
    // The last word may be a prefix of the input word, if no word character follows it.
    if (space == std::string_view::npos) return word_char_at(text, after) ? 0 : after;
    // Any other must be the whole input word, and more words must follow.
    std::size_t length = 0;
    if (after == text.size() || !whitespace_at(text, after, length)) return 0;
    pos = skip_whitespace(text, after);
    if (pos == text.size()) return 0;
    phrase.remove_prefix(space + 1);
  }
}

template <std::size_t N>
std::size_t match_any(std::string_view text, const std::string_view (&phrases)[N]) {
  for (std::string_view phrase : phrases)
    if (std::size_t length = match_phrase(text, phrase)) return length;
  return 0;
}

// The same for the space-separated one-word keywords of `words`.
std::size_t match_any_word(std::string_view text, std::string_view words) {
  while (!words.empty()) {
    std::size_t space = words.find(' ');
    if (std::size_t length = match_phrase(text, words.substr(0, space))) return length;
    words.remove_prefix(space == std::string_view::npos ? words.size() : space + 1);
  }
  return 0;
}

// ---- Token readers: each returns the token's byte length at the start of `text`, or 0 --------

// The crate's string rule: `escapes` before `quote` do not end the string (so '' and \' both
// continue a '...' string, even in PostgreSQL where \ is an ordinary character). The closing
// quote is required; an unterminated string is no string.
std::size_t quoted_length(std::string_view text, std::size_t open_length, char quote,
                          std::string_view escapes) {
  for (std::size_t i = open_length; i < text.size(); ++i) {
    bool escaped = escapes.find(text[i]) != std::string_view::npos && i + 1 < text.size() &&
                   text[i + 1] == quote;
    if (escaped) {
      ++i;
    } else if (text[i] == quote) {
      return i + 1;
    }
  }
  return 0;
}

std::size_t string_length(std::string_view text) {
  switch (text[0]) {
    case '`':
      return quoted_length(text, 1, '`', "`");
    case '[':
      return quoted_length(text, 1, ']', "]");
    case '"':
      return quoted_length(text, 1, '"', "\"\\");
    case '\'':
      return quoted_length(text, 1, '\'', "'\\");
    case 'N':
    case 'E':
      return text.size() > 1 && text[1] == '\'' ? quoted_length(text, 2, '\'', "'\\") : 0;
    default:
      return 0;
  }
}

// `--` or `#` to the end of the line, `/* ... */` (to the end of the text if unclosed).
std::optional<Token> comment(std::string_view text) {
  std::size_t start = text.starts_with('#') ? 1 : text.starts_with("--") ? 2 : 0;
  if (start > 0) {
    std::size_t end = text.find_first_of("\r\n", start);
    // nom's not_line_ending rejects a lone CR: then this is no comment at all.
    if (end != std::string_view::npos && text[end] == '\r' && !text.substr(end).starts_with("\r\n"))
      return std::nullopt;
    return Token{TokenKind::kLineComment, text.substr(0, end)};
  }
  if (text.starts_with("/*")) {
    std::size_t close = text.find("*/", 2);
    return Token{TokenKind::kBlockComment,
                 text.substr(0, close == std::string_view::npos ? text.size() : close + 2)};
  }
  return std::nullopt;
}

// CASE and END are parentheses to the crate: they open and close an indented block.
std::size_t keyword_paren_length(std::string_view text, std::string_view keyword) {
  if (text.size() < keyword.size()) return 0;
  for (std::size_t i = 0; i < keyword.size(); ++i)
    if (ascii_upper(text[i]) != keyword[i]) return 0;
  return word_char_at(text, keyword.size()) ? 0 : keyword.size();
}

std::size_t digits_length(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && is_digit(text[end]))
    ++end;
  return end - pos;
}

// -?(digits(.digits*)?(e[-+]?digits)?): a '-' right before a digit is the number's sign.
std::size_t number_length(std::string_view text) {
  std::size_t pos = text.starts_with('-') ? 1 : 0;
  std::size_t integer = digits_length(text, pos);
  if (integer == 0) return 0;
  pos += integer;
  if (pos < text.size() && text[pos] == '.') pos += 1 + digits_length(text, pos + 1);
  if (pos < text.size() && text[pos] == 'e') {
    std::size_t exponent = pos + 1;
    if (exponent < text.size() && (text[exponent] == '-' || text[exponent] == '+')) ++exponent;
    if (std::size_t digits = digits_length(text, exponent)) pos = exponent + digits;
  }
  return pos;
}

std::size_t placeholder_name_length(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size()) {
    CodePoint c = decode(text, end);
    if (!(c.value == '.' || c.value == '$' || is_word_char(c.value))) break;
    end += c.length;
  }
  return end - pos;
}

// ?, ?N, $N, then @name :name $name, then @'quoted' :"quoted" (the crate's order when no named
// parameters are given).
std::size_t placeholder_length(std::string_view text) {
  char sigil = text[0];
  if (sigil == '?' || sigil == '$') {
    if (std::size_t digits = digits_length(text, 1)) return 1 + digits;
    if (sigil == '?') return 1;
  }
  if (sigil == '@' || sigil == ':' || sigil == '$') {
    if (std::size_t name = placeholder_name_length(text, 1)) return 1 + name;
  }
  if ((sigil == '@' || sigil == ':') && text.size() > 1) {
    // Quoted names: only a backslash escapes the quote here.
    std::string_view rest = text.substr(1);
    std::size_t quoted = 0;
    switch (rest[0]) {
      case '`':
        quoted = quoted_length(rest, 1, '`', "`");
        break;
      case '[':
        quoted = quoted_length(rest, 1, ']', "]");
        break;
      case '"':
        quoted = quoted_length(rest, 1, '"', "\\");
        break;
      case '\'':
        quoted = quoted_length(rest, 1, '\'', "\\");
        break;
      case 'N':
        if (rest.size() > 1 && rest[1] == '\'') quoted = quoted_length(rest, 2, '\'', "\\");
        break;
      default:
        break;
    }
    if (quoted > 0) return 1 + quoted;
  }
  return 0;
}

std::size_t word_length(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size()) {
    CodePoint c = decode(text, end);
    if (!is_word_char(c.value)) break;
    end += c.length;
  }
  return end;
}

std::size_t operator_length(std::string_view text) {
  for (std::string_view op : kOperators)
    if (text.starts_with(op)) return op.size();
  if (text[0] == '\n' || text[0] == '\r') return 0;
  return decode(text, 0).length;
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view sql) : rest_(sql) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (!rest_.empty()) {
      std::optional<Token> token = next(tokens.empty() ? nullptr : &tokens.back());
      if (!token) break;  // unreachable in practice; the crate also stops there
      if (token->kind == TokenKind::kReserved) last_reserved_ = token->text;
      if (token->kind == TokenKind::kReservedTopLevel) last_top_level_ = token->text;
      rest_.remove_prefix(token->text.size());
      tokens.push_back(*token);
    }
    return tokens;
  }

 private:
  Token take(TokenKind kind, std::size_t length) const { return {kind, rest_.substr(0, length)}; }

  std::optional<Token> next(const Token* previous) const {
    std::size_t length = 0;
    if (whitespace_at(rest_, 0, length)) {
      return take(TokenKind::kWhitespace, skip_whitespace(rest_, 0));
    }
    if (std::optional<Token> c = comment(rest_)) return c;
    if ((length = string_length(rest_))) return take(TokenKind::kString, length);
    if (rest_[0] == '(') return take(TokenKind::kOpenParen, 1);
    if ((length = keyword_paren_length(rest_, "CASE"))) return take(TokenKind::kOpenParen, length);
    if (rest_[0] == ')') return take(TokenKind::kCloseParen, 1);
    if ((length = keyword_paren_length(rest_, "END"))) return take(TokenKind::kCloseParen, length);
    if ((length = number_length(rest_))) return take(TokenKind::kNumber, length);
    // After a '.' a keyword is a name: `t.from`, `t.status`.
    if (previous == nullptr || previous->text != ".") {
      if (std::optional<Token> r = reserved()) return r;
    }
    if ((length = placeholder_length(rest_))) return take(TokenKind::kPlaceholder, length);
    if ((length = word_length(rest_))) return take(TokenKind::kWord, length);
    if ((length = operator_length(rest_))) return take(TokenKind::kOperator, length);
    return std::nullopt;
  }

  std::optional<Token> reserved() const {
    if (std::size_t length = match_any(rest_, kTopLevel)) {
      Token token = take(TokenKind::kReservedTopLevel, length);
      // EXCEPT after a SELECT is left a plain word (the crate's guard against EXCEPT in
      // `SELECT * EXCEPT (...)`): compared case-sensitively, as the crate does.
      if (token.text == "EXCEPT" && last_top_level_ == "SELECT") token.kind = TokenKind::kWord;
      return token;
    }
    if (std::size_t length = match_any(rest_, kNewline)) {
      Token token = take(TokenKind::kReservedNewline, length);
      // The AND of BETWEEN a AND b stays on its line.
      if (token.text == "AND" && last_reserved_ == "BETWEEN") token.kind = TokenKind::kReserved;
      return token;
    }
    if (std::size_t length = match_any(rest_, kTopLevelNoIndent))
      return take(TokenKind::kReservedTopLevelNoIndent, length);
    if (std::size_t length = match_any(rest_, kPlainTwoWords))
      return take(TokenKind::kReserved, length);
    if (std::size_t length = match_any_word(rest_, kPlain))
      return take(TokenKind::kReserved, length);
    return std::nullopt;
  }

  std::string_view rest_;
  std::string_view last_reserved_;   // the last kReserved token
  std::string_view last_top_level_;  // the last kReservedTopLevel token
};

}  // namespace

bool whitespace_at(std::string_view text, std::size_t pos, std::size_t& length) {
  CodePoint c = decode(text, pos);
  length = c.length;
  return is_whitespace(c.value);
}

std::string_view trim_unicode_whitespace_end(std::string_view text) {
  std::size_t end = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 0;
    bool space = whitespace_at(text, pos, length);
    pos += length;
    if (!space) end = pos;
  }
  return text.substr(0, end);
}

std::string_view trim_unicode_whitespace(std::string_view text) {
  return trim_unicode_whitespace_end(text.substr(skip_whitespace(text, 0)));
}

std::vector<Token> tokenize(std::string_view sql) {
  return Tokenizer(sql).run();
}

}  // namespace godwit::sql::view_format
