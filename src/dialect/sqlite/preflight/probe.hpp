#pragma once
// `godwit check` on SQLite (migrate/probe.hpp): the library's version, and the file's size and
// folder for the free-disk check. No lock queue and no replication: those checks do not apply.

#include "migrate/probe.hpp"

namespace godwit::sqlite {

class SqliteProbe final : public migrate::Probe {
 public:
  std::string server_version(db::Connection& conn) const override;
  std::optional<std::uint64_t> database_bytes(db::Connection& conn,
                                              const project::DatabaseTarget& target) const override;
  std::optional<std::filesystem::path> local_folder(
      const project::DatabaseTarget& target) const override;
};

}  // namespace godwit::sqlite
