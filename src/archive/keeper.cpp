#include "archive/keeper.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace godwit::archive {

std::string ArchiveRecord::object() const {
  if (kind == "column") return fmt::format("column `{}`.`{}`.`{}`", schema, table, column);
  return fmt::format("table `{}`.`{}`", schema, table);
}

std::string archive_base_name(const std::string& migration, const std::string& object) {
  std::string out = migration + "__" + object;
  for (char& c : out) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!ok) c = '_';
  }
  // Lower case: PostgreSQL folds unquoted names, and the name is easier to type in psql.
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (out.size() > 56) out.resize(56);
  return out;
}

void read_json_columns(ArchiveRecord& record, const std::string& keys, const std::string& types) {
  record.key_columns.clear();
  record.column_types.clear();
  const auto k = nlohmann::json::parse(keys, nullptr, false);
  if (k.is_array()) {
    for (const auto& v : k)
      if (v.is_string()) record.key_columns.push_back(v.get<std::string>());
  }
  const auto t = nlohmann::json::parse(types, nullptr, false);
  if (t.is_array()) {
    for (const auto& v : t) {
      if (v.is_array() && v.size() == 2 && v[0].is_string() && v[1].is_string()) {
        record.column_types.emplace_back(v[0].get<std::string>(), v[1].get<std::string>());
      }
    }
  }
}

}  // namespace godwit::archive
