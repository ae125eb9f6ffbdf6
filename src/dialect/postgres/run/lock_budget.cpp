#include "dialect/postgres/run/lock_budget.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "dialect/postgres/pgparse/facts.hpp"

namespace godwit::postgres {
namespace {

bool budget_data_statement(const sql::Statement& st) {
  const std::string_view k = st.kind;
  return k == "INSERT" || k == "UPDATE" || k == "DELETE" || k == "COPY" || k == "SELECT";
}

bool budget_timeout_setting(std::string_view name) {
  return name == "lock_timeout" || name == "statement_timeout";
}

// The facts of one statement (parsed on its own: the runner's split already proved it parses).
std::vector<Action> budget_actions_of(const sql::Statement& st) {
  if (!st.parsed) return {};
  auto facts = file_facts(st.text);
  std::vector<Action> out;
  for (auto& f : facts.facts) {
    for (auto& a : f.actions)
      out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

std::string budget_settings_sql(const migrate::LockBudget& budget) {
  auto one = [](std::string_view name, std::chrono::milliseconds v) {
    return v.count() > 0 ? fmt::format("SET {} = '{}ms'", name, v.count())
                         : fmt::format("RESET {}", name);
  };
  return one("lock_timeout", budget.lock_timeout) + ";\n" +
         one("statement_timeout", budget.statement_timeout);
}

bool sets_lock_timeout(const sql::Statement& st) {
  if (st.kind != "SET" && st.kind != "RESET") return false;
  for (const auto& a : budget_actions_of(st)) {
    if (a.op == Op::kSetting && a.object == "lock_timeout") return true;
  }
  return false;
}

std::vector<std::string> own_timeout_settings(const sql::Script& script) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < script.statements.size(); ++i) {
    const auto& st = script.statements[i];
    if (st.kind != "SET" && st.kind != "RESET") continue;
    for (const auto& a : budget_actions_of(st)) {
      if (a.op != Op::kSetting || !budget_timeout_setting(a.object)) continue;
      std::string text(st.text.substr(0, std::min<std::size_t>(st.text.size(), 80)));
      std::replace(text.begin(), text.end(), '\n', ' ');
      out.push_back(fmt::format("{} (statement {}, line {})", text, i + 1, st.line));
    }
  }
  return out;
}

std::vector<std::string> locked_relations(const sql::Script& script) {
  std::vector<std::string> out;
  auto add = [&](const QualifiedName& n) {
    if (n.empty()) return;
    auto q = n.quoted();
    if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(std::move(q));
  };
  for (const auto& st : script.statements) {
    if (budget_data_statement(st) || st.transaction_control) continue;
    for (const auto& a : budget_actions_of(st)) {
      if (a.lock != LockLevel::kNone) add(a.table);
      if (a.also_lock != LockLevel::kNone) add(a.also_locks);
      if (a.lock != LockLevel::kNone) {
        for (const auto& r : a.relations)
          add(r);
      }
    }
  }
  return out;
}

std::string concurrent_build_target(const sql::Statement& st) {
  if (!st.no_transaction) return "";
  const std::string_view k = st.kind;
  if (k != "CREATE INDEX CONCURRENTLY" && k != "REINDEX CONCURRENTLY") return "";
  for (const auto& a : budget_actions_of(st)) {
    if ((a.op == Op::kCreateIndex || a.op == Op::kReindex) && a.concurrently && !a.table.empty()) {
      return a.table.quoted();
    }
  }
  return "";
}

std::string concurrent_index_name(const sql::Statement& st) {
  if (!st.no_transaction || st.kind != "CREATE INDEX CONCURRENTLY") return "";
  for (const auto& a : budget_actions_of(st)) {
    if (a.op == Op::kCreateIndex && a.concurrently && !a.object.empty()) {
      return QualifiedName{a.table.schema, a.object}.quoted();
    }
  }
  return "";
}

std::vector<std::string> invalid_indexes(PgConnection& conn, const std::string& relation) {
  const std::array<db::Value, 1> params{db::Value{relation}};
  auto rows = conn.query(
      "SELECT i.indexrelid::regclass::text FROM pg_index i WHERE NOT i.indisvalid AND "
      "i.indrelid IN (SELECT to_regclass($1) UNION ALL SELECT x.indrelid FROM pg_index x "
      "WHERE x.indexrelid = to_regclass($1)) ORDER BY 1",
      params);
  std::vector<std::string> out;
  for (const auto& r : rows.rows)
    out.push_back(r[0].value_or(""));
  return out;
}

StandbyLag standby_lag(PgConnection& conn) {
  auto rows = conn.query(
      "SELECT coalesce(max(extract(epoch FROM replay_lag)), 0)::float8, "
      "coalesce(string_agg(coalesce(nullif(application_name, ''), client_addr::text) || ' ' "
      "|| coalesce(round(extract(epoch FROM replay_lag)::numeric, 1)::text, '0') || ' s', "
      "', '), '') FROM pg_catalog.pg_stat_replication");
  StandbyLag out;
  if (rows.rows.empty()) return out;
  if (rows.rows[0][0]) out.worst_s = std::strtod(rows.rows[0][0]->c_str(), nullptr);
  out.standbys = rows.rows[0][1].value_or("");
  return out;
}

}  // namespace godwit::postgres
