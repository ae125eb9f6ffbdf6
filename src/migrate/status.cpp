#include "migrate/status.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "migrate/checksum.hpp"

namespace godwit::migrate {

int StatusReport::exit_code() const {
  if (!pending.empty() || !has_history_table || !failed.empty()) return 1;
  return 0;
}

StatusReport status(Session& s, const RunOptions& options) {
  StatusReport r;
  // The database first: the folder is still being read on the session's other thread.
  HistoryStore history(*s.conn, s.dialect.history(), options.clock);
  std::optional<std::vector<HistoryRow>> listed;
  try {
    listed = history.list_if_exists();
  } catch (const db::DatabaseError& e) {
    // SQLite: a deploy holds the file's lock for its whole run.
    if (auto busy = s.dialect.lock_conflict(*s.conn, e)) throw *busy;
    throw;
  }
  r.has_history_table = listed.has_value();
  std::vector<HistoryRow> rows = listed ? std::move(*listed) : std::vector<HistoryRow>{};
  const auto& local = s.migrations().migrations;
  for (const auto& m : local) {
    r.local.push_back(m.name);
    if (!m.script) r.missing_script.push_back(m.name);
  }

  // Rows that are not rolled back stand for the database's migrations (failed ones included).
  std::vector<const HistoryRow*> in_db;
  std::unordered_set<std::string_view> db_names;
  for (const auto& row : rows) {
    if (row.rolled_back_at) continue;
    in_db.push_back(&row);
    db_names.insert(row.migration_name);
    if (row.failed()) r.failed.push_back(row);
  }
  std::unordered_set<std::string_view> local_names(r.local.begin(), r.local.end());
  std::unordered_map<std::string_view, std::vector<const HistoryRow*>> rows_by_name;
  for (const auto& row : rows)
    rows_by_name[row.migration_name].push_back(&row);
  bool seen_gap = false;
  for (const auto& m : local) {
    if (!db_names.contains(m.name)) {
      r.pending.push_back(m.name);
      seen_gap = true;
      continue;
    }
    if (!seen_gap) r.last_common = m.name;
    if (!m.script) continue;
    // Compared against any row with the name, failed or rolled back included (§2).
    const auto& named = rows_by_name[m.name];
    bool matches = std::any_of(named.begin(), named.end(), [&](const HistoryRow* row) {
      return checksum_matches(row->checksum, *m.script, m.checksum);
    });
    if (!named.empty() && !matches) r.edited.push_back(m.name);
  }
  std::unordered_set<std::string_view> reported;
  for (const auto* row : in_db) {
    if (!local_names.contains(row->migration_name) && reported.insert(row->migration_name).second) {
      r.missing_locally.push_back(row->migration_name);
    }
  }
  return r;
}

}  // namespace godwit::migrate
