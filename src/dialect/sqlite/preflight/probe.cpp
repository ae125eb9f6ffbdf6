#include "dialect/sqlite/preflight/probe.hpp"

#include <system_error>

#include "dialect/sqlite/connect/url.hpp"

namespace godwit::sqlite {

std::string SqliteProbe::server_version(db::Connection& conn) const {
  auto rows = conn.query("SELECT sqlite_version()");
  return "SQLite " + (rows.rows.empty() ? std::string() : rows.rows[0][0].value_or(""));
}

std::optional<std::uint64_t> SqliteProbe::database_bytes(
    db::Connection& conn, const project::DatabaseTarget& target) const {
  (void)conn;
  std::error_code ec;
  auto size = std::filesystem::file_size(parse_url(target.url, target.base_dir).file, ec);
  if (ec) return std::nullopt;
  return size;
}

std::optional<std::filesystem::path> SqliteProbe::local_folder(
    const project::DatabaseTarget& target) const {
  return parse_url(target.url, target.base_dir).file.parent_path();
}

}  // namespace godwit::sqlite
