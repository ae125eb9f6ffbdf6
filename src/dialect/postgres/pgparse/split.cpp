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

// The script did not parse: split on the scanner's ';' and classify piece by piece.
std::vector<sql::Statement> split_unparsable(std::string_view script) {
  auto ranges = scanner_ranges(script);
  if (ranges.empty()) ranges.push_back({0, script.size()});
  auto statements = sql::statements_from_ranges(script, ranges, sql::CommentStyle::kPostgres);
  for (auto& s : statements) {
    ParseOutput parsed = parse_sql(s.text);
    const auto& stmts = parsed.error ? nlohmann::json::array()
                                     : parsed.tree.value("stmts", nlohmann::json::array());
    if (stmts.size() == 1 && stmts[0].contains("stmt")) {
      apply(s, classify_statement(stmts[0]["stmt"]));
    } else {
      // A syntax error, or several statements the scanner could not tell apart.
      s.parsed = false;
      apply(s, classify_words(s.text));
    }
  }
  return statements;
}

}  // namespace

sql::Script split_script(std::string_view script) {
  sql::Script out;
  ParseOutput parsed = parse_sql(script);
  if (parsed.error) {
    out.statements = split_unparsable(script);
  } else {
    const auto& stmts = parsed.tree.value("stmts", nlohmann::json::array());
    auto ranges = tree_ranges(parsed.tree, script.size());
    out.statements = sql::statements_from_ranges(script, ranges, sql::CommentStyle::kPostgres);
    if (out.statements.size() == stmts.size()) {
      for (std::size_t i = 0; i < stmts.size(); ++i) {
        apply(out.statements[i], classify_statement(stmts[i].value("stmt", nlohmann::json())));
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
