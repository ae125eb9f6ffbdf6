#include "dialect/postgres/pgparse/split.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

#include "dialect/postgres/pgparse/classify.hpp"
#include "dialect/postgres/pgparse/parse_tree.hpp"
#include "sql/lex.hpp"

namespace godwit::postgres {
namespace {

void apply(sql::Statement& s, Classification c) {
  s.kind = std::move(c.kind);
  s.transaction_control = c.transaction_control;
  s.no_transaction = c.no_transaction;
}

// The parser runs on pieces of about this size, so its memory (a parse tree is ~10-50x its
// text) follows the piece, not the file: a 100 MB data migration needs no 2 GB tree.
constexpr std::size_t kChunkBytes = kParsePieceBytes;

// How many following pieces a piece that does not parse may be joined with.
constexpr std::size_t kMaxJoin = 64;

bool is_word_char(char c) {
  return c == '_' || c == '$' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// The end of the token at `i` for a light PostgreSQL lexer started at `from` (a statement
// boundary): strings (E'...' with backslash escapes, '' doubled), quoted names, line and
// (nested) block comments, dollar quotes and words are skipped whole; any other character,
// ';' included, is a token of its own. An unterminated string, name or comment ends at the end
// of `s`.
std::size_t end_of_token(std::string_view s, std::size_t i, std::size_t from) {
  const std::size_t n = s.size();
  const char c = s[i];
  const char next = i + 1 < n ? s[i + 1] : '\0';
  if (c == '-' && next == '-') {
    i = s.find('\n', i);
    return i == std::string_view::npos ? n : i;
  }
  if (c == '/' && next == '*') {
    int depth = 1;  // PostgreSQL's block comments nest
    for (i += 2; i < n && depth > 0;) {
      if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
        ++depth;
        i += 2;
      } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '/') {
        --depth;
        i += 2;
      } else {
        ++i;
      }
    }
    return std::min(i, n);
  }
  if (c == '\'') {
    // E'...' strings take backslash escapes; every string doubles '' to escape a quote.
    const bool escapes = i > from && (s[i - 1] == 'E' || s[i - 1] == 'e') &&
                         !(i - 1 > from && is_word_char(s[i - 2]));
    for (++i; i < n; ++i) {
      if (escapes && s[i] == '\\') {
        ++i;
      } else if (s[i] == '\'') {
        if (i + 1 < n && s[i + 1] == '\'') {
          ++i;
        } else {
          break;
        }
      }
    }
    return std::min(i + 1, n);
  }
  if (c == '"') {
    i = s.find('"', i + 1);
    return i == std::string_view::npos ? n : i + 1;
  }
  if (c == '$' && !(next >= '0' && next <= '9')) {
    std::size_t j = i + 1;
    while (j < n && is_word_char(s[j]) && s[j] != '$')
      ++j;
    if (j < n && s[j] == '$') {
      const std::string_view tag = s.substr(i, j - i + 1);
      i = s.find(tag, j + 1);
      return i == std::string_view::npos ? n : i + tag.size();
    }
    return j;
  }
  if (is_word_char(c)) {
    while (i < n && is_word_char(s[i]))
      ++i;  // a '$' inside a name is no dollar quote
    return i;
  }
  return i + 1;
}

// Just after the first ';' at or beyond `min_end` that the light lexer (end_of_token), started
// at `from` (a statement boundary), sees; the end of `s` if there is none. Only a proposal: a
// piece that parses on its own proves its end is a statement boundary (had the lexer been
// wrong, the piece would end inside a string or comment, or mid-statement, and fail to parse),
// and a piece that does not parse sends the whole script down the scanner path. `semicolons`
// counts the ';' it passes: the statement count of the script, give or take empty statements
// and function bodies.
std::size_t next_cut(std::string_view s, std::size_t from, std::size_t min_end,
                     std::size_t& semicolons) {
  for (std::size_t i = from; i < s.size();) {
    if (s[i] == ';') {
      ++semicolons;
      if (++i >= min_end) return i;
    } else {
      i = end_of_token(s, i, from);
    }
  }
  return s.size();
}

// A data migration's pieces hold only INSERT, UPDATE and DELETE statements, and parsing them
// is most of a large script's split time. Such a statement can hold a ';' only inside a string,
// quoted name, comment or dollar quote, which the light lexer skips exactly as PostgreSQL's
// scanner does (no BEGIN ATOMIC body can be in one), so its bounds come from the lexer alone:
// the ranges pg_query_split_with_parser would give (one per statement, trivia-only ones left
// out), or nullopt when a statement of the piece starts with another word (then the parser
// splits it). Such a statement is not checked for syntax errors: the server reports them, with
// the position that names the statement (PgConnection::execute_group).
std::optional<std::vector<sql::RawRange>> dml_ranges(std::string_view piece) {
  std::vector<sql::RawRange> out;
  auto add = [&](std::size_t begin, std::size_t end) {
    const std::size_t first =
        sql::skip_trivia(piece.substr(0, end), begin, sql::CommentStyle::kPostgres);
    if (first >= end) return true;  // only white space and comments: no statement
    std::size_t word_end = first;
    while (word_end < end && is_word_char(piece[word_end]))
      ++word_end;
    const std::string_view word = piece.substr(first, word_end - first);
    auto is = [&](std::string_view keyword) {
      return word.size() == keyword.size() &&
             std::equal(word.begin(), word.end(), keyword.begin(),
                        [](char a, char b) { return (a & ~0x20) == b; });
    };
    if (!(is("INSERT") || is("UPDATE") || is("DELETE"))) return false;
    out.push_back({begin, end});
    return true;
  };
  std::size_t begin = 0;
  for (std::size_t i = 0; i < piece.size();) {
    if (piece[i] == ';') {
      if (!add(begin, i)) return std::nullopt;
      begin = ++i;
    } else {
      i = end_of_token(piece, i, begin);
    }
  }
  if (!add(begin, piece.size())) return std::nullopt;
  return out;
}

// The statement bounds of a piece: from the light lexer for data statements (dml_ranges), else
// from the parser (the script holds no NUL: checked before).
ParseOutput parse_piece(std::string_view piece) {
  if (auto ranges = dml_ranges(piece)) {
    ParseOutput out;
    out.ranges = std::move(*ranges);
    return out;
  }
  return parse_sql(piece);
}

// How many pieces are parsed ahead of the statements taken from them: their ranges are all
// that is held of them, so memory stays a batch's, not the file's.
constexpr std::size_t kBatchPieces = 16;

// Parses the pieces [cuts[i-1], cuts[i]) (the first from 0) for i in [first, last) on up to
// two threads: the parser is most of a large script's split time, and libpg_query keeps its
// state per thread. out[k] is piece first + k.
std::vector<ParseOutput> parse_pieces(std::string_view script, const std::vector<std::size_t>& cuts,
                                      std::size_t first, std::size_t last) {
  std::vector<ParseOutput> out(last - first);
  std::atomic<std::size_t> next{first};
  auto work = [&] {
    for (std::size_t i; (i = next++) < last;) {
      const std::size_t begin = i == 0 ? 0 : cuts[i - 1];
      out[i - first] = parse_piece(script.substr(begin, cuts[i] - begin));
    }
  };
  if (last - first > 1 && std::thread::hardware_concurrency() > 1) {
    std::thread helper(work);
    work();
    helper.join();
  } else {
    work();
  }
  return out;
}

// The statements of a script that parses, found piece by piece (see kChunkBytes); nullopt if
// a piece does not parse, the script then goes down split_unparsable.
std::optional<std::vector<sql::Statement>> split_parsable(std::string_view script) {
  std::vector<std::size_t> cuts;
  std::size_t semicolons = 0;
  for (std::size_t pos = 0; pos < script.size();)
    cuts.push_back(pos = next_cut(script, pos, pos + kChunkBytes, semicolons));
  std::vector<sql::Statement> statements;
  // One allocation (a 1,000,000-statement vector is 32 MB): growing it would hold the old and
  // the new buffer at once.
  statements.reserve(semicolons + 1);
  std::vector<ParseOutput> batch;  // pieces [batch_first, batch_first + batch.size())
  std::size_t batch_first = 0;
  int lines_before = 0;  // line ends before `pos`
  std::size_t pos = 0;
  for (std::size_t i = 0; pos < script.size(); ++i) {
    std::size_t end = i < cuts.size() ? cuts[i] : script.size();
    ParseOutput parsed;
    if (i < cuts.size() && (i == 0 ? 0 : cuts[i - 1]) == pos) {
      if (i >= batch_first + batch.size()) {
        batch_first = i;
        batch = parse_pieces(script, cuts, i, std::min(cuts.size(), i + kBatchPieces));
      }
      parsed = std::move(batch[i - batch_first]);
    } else {
      // An earlier piece was extended: from here on, piece by piece.
      std::size_t ignored = 0;
      end = next_cut(script, pos, pos + kChunkBytes, ignored);
      parsed = parse_piece(script.substr(pos, end - pos));
    }
    // A cut inside a `BEGIN ATOMIC ... END` body leaves the piece unfinished: take in the
    // following statements until it ends.
    for (std::size_t joined = 0, ignored = 0;
         parsed.error && end < script.size() && joined < kMaxJoin &&
         parsed.error->message.ends_with("at end of input");
         ++joined) {
      end = next_cut(script, end, end + 1, ignored);
      parsed = parse_sql(script.substr(pos, end - pos));
    }
    if (parsed.error) return std::nullopt;
    // The piece's statements, then moved to their place in the script: ranges, lines and
    // offsets never exist for the whole script at once.
    const std::string_view piece = script.substr(pos, end - pos);
    auto found = sql::statements_from_ranges(piece, parsed.ranges, sql::CommentStyle::kPostgres);
    // A parsed statement whose range held only trivia would shift the pairing of ranges and
    // statements; the parser never yields one, but if it did, go piece by piece.
    if (found.size() != parsed.ranges.size()) return std::nullopt;
    for (auto& st : found) {
      st.line += lines_before;
      apply(st, classify_parsed(st.text));
      statements.push_back(std::move(st));
    }
    lines_before += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
    pos = end;
  }
  return statements;
}

bool is_one_statement(std::string_view text) {
  ParseOutput parsed = parse_sql(text);
  return !parsed.error && parsed.ranges.size() == 1;
}

// The script did not parse: split on the scanner's ';' and classify piece by piece.
// The scanner also splits inside `BEGIN ATOMIC ... END` bodies (SQL-standard function
// bodies), so a piece that does not parse is joined with the following pieces when the
// joined text parses as one statement.
std::vector<sql::Statement> split_unparsable(std::string_view script) {
  auto pieces = scanner_ranges(script);
  if (pieces.empty()) pieces.push_back({0, script.size()});
  std::vector<sql::RawRange> ranges;
  std::vector<bool> parsed;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    auto text = [&](std::size_t last) {
      return script.substr(pieces[i].begin, pieces[last].end - pieces[i].begin);
    };
    // Trivia-only pieces are dropped by statements_from_ranges and need no parse.
    if (sql::skip_trivia(text(i), 0, sql::CommentStyle::kPostgres) >= text(i).size()) continue;
    bool one = is_one_statement(text(i));
    std::size_t last = i;
    for (std::size_t j = i + 1; !one && j < pieces.size() && j <= i + kMaxJoin; ++j) {
      if (is_one_statement(text(j))) {
        one = true;
        last = j;
      }
    }
    ranges.push_back({pieces[i].begin, pieces[last].end});
    parsed.push_back(one);
    i = last;
  }
  auto statements = sql::statements_from_ranges(script, ranges, sql::CommentStyle::kPostgres);
  for (std::size_t k = 0; k < statements.size() && k < parsed.size(); ++k) {
    if (parsed[k]) {
      apply(statements[k], classify_parsed(statements[k].text));
    } else {
      // A syntax error (or syntax newer than PostgreSQL 15): the server will say.
      statements[k].parsed = false;
      apply(statements[k], classify_words(statements[k].text));
    }
  }
  return statements;
}

}  // namespace

sql::Script split_script(std::string_view original) {
  reject_nul(original);
  // PostgreSQL reads a byte order mark as part of the first word; as three spaces it keeps
  // every byte offset while the first statement parses.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  sql::Script out;
  std::string_view script = original;
  if (script.starts_with(kBom)) {
    auto blanked = std::make_shared<std::string>(script);
    blanked->replace(0, kBom.size(), "   ");
    script = *blanked;
    out.owned_source = std::move(blanked);
  }
  out.source = script;
  if (auto statements = split_parsable(script)) {
    out.statements = std::move(*statements);
  } else {
    out.statements = split_unparsable(script);
  }
  out.mode = sql::transaction_mode_for(out.statements);
  return out;
}

}  // namespace godwit::postgres
