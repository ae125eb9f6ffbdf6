#include "dialect/postgres/pgparse/split.hpp"

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

// The statement node if `text` parses as exactly one statement, else null.
nlohmann::json single_statement(std::string_view text) {
  ParseOutput parsed = parse_sql(text);
  if (parsed.error) return nullptr;
  const auto& stmts = member(parsed.tree, "stmts");
  if (!stmts.is_array() || stmts.size() != 1) return nullptr;
  return member(stmts[0], "stmt");
}

// How many following scanner pieces a piece that does not parse may be joined with.
constexpr std::size_t kMaxJoin = 64;

// The script did not parse: split on the scanner's ';' and classify piece by piece.
// The scanner also splits inside `BEGIN ATOMIC ... END` bodies (SQL-standard function
// bodies), so a piece that does not parse is joined with the following pieces when the
// joined text parses as one statement.
std::vector<sql::Statement> split_unparsable(std::string_view script) {
  auto pieces = scanner_ranges(script);
  if (pieces.empty()) pieces.push_back({0, script.size()});
  std::vector<sql::RawRange> ranges;
  std::vector<nlohmann::json> trees;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    auto text = [&](std::size_t last) {
      return script.substr(pieces[i].begin, pieces[last].end - pieces[i].begin);
    };
    // Trivia-only pieces are dropped by statements_from_ranges and need no tree.
    if (sql::skip_trivia(text(i), 0, sql::CommentStyle::kPostgres) >= text(i).size()) continue;
    nlohmann::json tree = single_statement(text(i));
    std::size_t last = i;
    for (std::size_t j = i + 1; tree.is_null() && j < pieces.size() && j <= i + kMaxJoin; ++j) {
      if (nlohmann::json joined = single_statement(text(j)); !joined.is_null()) {
        tree = std::move(joined);
        last = j;
      }
    }
    ranges.push_back({pieces[i].begin, pieces[last].end});
    trees.push_back(std::move(tree));
    i = last;
  }
  auto statements = sql::statements_from_ranges(script, ranges, sql::CommentStyle::kPostgres);
  for (std::size_t k = 0; k < statements.size() && k < trees.size(); ++k) {
    if (!trees[k].is_null()) {
      apply(statements[k], classify_statement(trees[k]));
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
  // PostgreSQL reads a byte order mark as part of the first word; as three spaces it keeps
  // every byte offset while the first statement parses.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  std::string blanked;
  std::string_view script = original;
  if (script.starts_with(kBom)) {
    blanked = std::string(script);
    blanked.replace(0, kBom.size(), "   ");
    script = blanked;
  }
  sql::Script out;
  ParseOutput parsed = parse_sql(script);
  if (parsed.error) {
    out.statements = split_unparsable(script);
  } else {
    static const nlohmann::json kNoStatements = nlohmann::json::array();
    const auto& stmts =
        member(parsed.tree, "stmts").is_array() ? member(parsed.tree, "stmts") : kNoStatements;
    auto ranges = tree_ranges(parsed.tree, script.size());
    out.statements = sql::statements_from_ranges(script, ranges, sql::CommentStyle::kPostgres);
    if (out.statements.size() == stmts.size()) {
      for (std::size_t i = 0; i < stmts.size(); ++i) {
        apply(out.statements[i], classify_statement(member(stmts[i], "stmt")));
      }
    } else {
      // A parsed statement whose range held only trivia would shift the pairing of ranges
      // and trees; the parser never yields one, but if it did, classify piece by piece.
      out.statements = split_unparsable(script);
    }
  }
  out.mode = sql::transaction_mode_for(out.statements);
  return out;
}

}  // namespace godwit::postgres
