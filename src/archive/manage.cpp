#include "archive/manage.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace godwit::archive {

std::vector<ArchiveRecord> select_archives(const std::vector<ArchiveRecord>& records,
                                           const DropFilter& filter) {
  const int given =
      (filter.migration ? 1 : 0) + (filter.all ? 1 : 0) + (filter.older_than_days ? 1 : 0);
  if (given != 1) {
    throw core::Error("GW2894",
                      "`godwit archive drop` needs exactly one of --migration NAME, --all, "
                      "--older-than DAYS.",
                      "`godwit archive list` shows the archives.");
  }
  std::vector<ArchiveRecord> out;
  for (const auto& r : records) {
    if (filter.all || (filter.migration && r.migration == *filter.migration) ||
        (filter.older_than_days && r.age_days > *filter.older_than_days)) {
      out.push_back(r);
    }
  }
  if (filter.migration && out.empty()) {
    throw core::Error("GW2895",
                      fmt::format("No archive was made by the migration `{}`.", *filter.migration),
                      "`godwit archive list` shows the archives and their migrations.");
  }
  return out;
}

void drop_archives(db::Connection& conn, const Keeper& keeper,
                   const std::vector<ArchiveRecord>& records) {
  if (records.empty()) return;
  conn.execute("BEGIN");
  try {
    for (const auto& r : records)
      for (const auto& sql : keeper.drop_sql(r))
        conn.execute(sql);
    conn.execute("COMMIT");
  } catch (...) {
    try {
      if (conn.in_transaction()) conn.execute("ROLLBACK");
    } catch (const db::DatabaseError&) {
      // The transaction is gone already.
    }
    throw;
  }
}

}  // namespace godwit::archive
