#include "migrate/history.hpp"

#include <array>

namespace godwit::migrate {

HistoryStore::HistoryStore(db::Connection& conn, const HistoryFlavor& flavor, core::Clock clock)
    : conn_(conn), flavor_(flavor), clock_(std::move(clock)) {}

db::Value HistoryStore::now() {
  return flavor_.timestamp_value(clock_());
}

bool HistoryStore::exists() {
  auto rows = conn_.query(flavor_.table_exists_sql);
  if (rows.rows.empty() || rows.rows[0].empty() || !rows.rows[0][0]) return false;
  const auto& v = *rows.rows[0][0];
  return v == "t" || v == "1" || v == "true";
}

void HistoryStore::create() {
  conn_.execute(flavor_.create_table_sql);
}

std::vector<HistoryRow> HistoryStore::list() {
  auto result = conn_.query(flavor_.list_sql);
  std::vector<HistoryRow> out;
  out.reserve(result.rows.size());
  auto ts = [&](const std::optional<std::string>& v) -> std::optional<std::string> {
    if (!v) return std::nullopt;
    return flavor_.timestamp_display(*v);
  };
  auto text = [](std::optional<std::string>& v) { return v ? std::move(*v) : std::string(); };
  for (auto& r : result.rows) {
    HistoryRow& row = out.emplace_back();
    row.id = text(r[0]);
    row.checksum = text(r[1]);
    row.finished_at = std::move(r[2]);
    row.migration_name = text(r[3]);
    row.logs = std::move(r[4]);
    row.rolled_back_at = std::move(r[5]);
    row.started_at = ts(r[6]).value_or("");
    row.applied_steps_count = r[7] ? std::stoll(*r[7]) : 0;
  }
  return out;
}

std::optional<std::vector<HistoryRow>> HistoryStore::list_if_exists() {
  if (flavor_.missing_table_code.empty()) {
    if (!exists()) return std::nullopt;
    return list();
  }
  try {
    return list();
  } catch (const db::DatabaseError& e) {
    if (e.code() == flavor_.missing_table_code) return std::nullopt;
    throw;
  }
}

std::string HistoryStore::literal(const db::Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  return conn_.quote_literal(std::get<std::string>(v));
}

std::string HistoryStore::started_sql(const std::string& id, const std::string& name,
                                      const std::string& checksum, const std::string& logs) {
  return flavor_.relaxed_prefix +
         "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, logs) "
         "VALUES (" +
         literal(id) + ", " + literal(checksum) + ", " + literal(now()) + ", " + literal(name) +
         ", " + (logs.empty() ? std::string("NULL") : literal(logs)) + ")" + flavor_.relaxed_suffix;
}

std::string HistoryStore::finished_sql(const std::string& id, bool relaxed) {
  auto update =
      "UPDATE _prisma_migrations SET applied_steps_count = 1, logs = NULL, finished_at = " +
      literal(now()) + " WHERE id = " + literal(id);
  return relaxed ? flavor_.relaxed_prefix + update + flavor_.relaxed_suffix : update;
}

std::string HistoryStore::progress_sql(const std::string& id, std::size_t committed,
                                       const std::string& note) {
  return "UPDATE _prisma_migrations SET applied_steps_count = " + std::to_string(committed) +
         ", logs = " + literal(note) + " WHERE id = " + literal(id);
}

void HistoryStore::set_checksum(const std::string& id, const std::string& checksum) {
  std::array<db::Value, 2> params{checksum, id};
  conn_.query("UPDATE _prisma_migrations SET checksum = $1 WHERE id = $2", params);
}

void HistoryStore::mark_failed(const std::string& id, const std::string& logs) {
  std::array<db::Value, 2> params{logs, id};
  conn_.query("UPDATE _prisma_migrations SET logs = $1 WHERE id = $2", params);
}

void HistoryStore::set_logs(const std::string& id, const std::string& logs) {
  mark_failed(id, logs);  // the same UPDATE; named for what it means to the caller
}

void HistoryStore::insert_resolved_applied(const std::string& id, const std::string& name,
                                           const std::string& checksum) {
  auto t = now();
  std::array<db::Value, 5> params{id, checksum, t, name, t};
  conn_.query(
      "INSERT INTO _prisma_migrations "
      "(id, checksum, started_at, finished_at, migration_name, logs, applied_steps_count) "
      "VALUES ($1, $2, $3, $5, $4, '', 0)",
      params);
}

void HistoryStore::mark_failed_rows_rolled_back(const std::string& name) {
  std::array<db::Value, 2> params{now(), name};
  conn_.query(
      "UPDATE _prisma_migrations SET rolled_back_at = $1 WHERE migration_name = $2 AND "
      "finished_at IS NULL AND rolled_back_at IS NULL",
      params);
}

}  // namespace godwit::migrate
