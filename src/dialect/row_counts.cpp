#include "dialect/row_counts.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace godwit::dialect {
namespace {

std::string quote_count_name(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string qualified_count_table(std::string_view ns, std::string_view table) {
  return ns.empty() ? quote_count_name(table)
                    : quote_count_name(ns) + "." + quote_count_name(table);
}

}  // namespace

std::optional<long long> LiveRowCounts::count(const std::string& sql) const {
  if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
  std::optional<long long> value;
  try {
    auto result = conn_.query(sql);
    if (!result.rows.empty() && !result.rows.front().empty() && result.rows.front()[0]) {
      value = std::strtoll(result.rows.front()[0]->c_str(), nullptr, 10);
    }
  } catch (const db::DatabaseError&) {
    // Unknown: the check then applies as if the table had rows.
  }
  cache_.emplace(sql, value);
  return value;
}

std::optional<long long> LiveRowCounts::rows(std::string_view ns, std::string_view table) const {
  return count(fmt::format("SELECT COUNT(*) FROM {}", qualified_count_table(ns, table)));
}

std::optional<long long> LiveRowCounts::non_null_values(std::string_view ns, std::string_view table,
                                                        std::string_view column) const {
  return count(fmt::format("SELECT COUNT({}) FROM {}", quote_count_name(column),
                           qualified_count_table(ns, table)));
}

}  // namespace godwit::dialect
