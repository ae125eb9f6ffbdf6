#include "backup/manifest.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace godwit::backup {
namespace fs = std::filesystem;
using nlohmann::json;

std::string Manifest::last_migration() const {
  return migrations.empty() ? std::string() : migrations.back().name;
}

json manifest_json(const Manifest& m) {
  json migrations = json::array();
  for (const auto& mm : m.migrations)
    migrations.push_back(
        {{"name", mm.name}, {"checksum", mm.checksum}, {"finishedAt", mm.finished_at}});
  json tables = json::array();
  for (const auto& t : m.tables)
    tables.push_back({{"name", t.table}, {"rows", t.rows}});
  return json{{"godwitBackup", 1},
              {"file", m.file},
              {"createdAt", m.created_at},
              {"provider", m.provider},
              {"source",
               {{"target", m.target},
                {"database", m.database},
                {"namespaces", m.namespaces},
                {"serverVersion", m.server_version},
                {"tool", m.tool}}},
              {"sizeBytes", m.size_bytes},
              {"sha256", m.sha256},
              {"migrations", migrations},
              {"tables", tables},
              {"schemaFingerprint", m.schema_fingerprint},
              {"schema", m.schema}};
}

Manifest manifest_from_json(const json& j, const fs::path& where) {
  try {
    if (!j.is_object() || j.value("godwitBackup", 0) != 1) {
      throw core::Error(
          "GW2607", fmt::format("{} is not a godwit backup manifest (version 1).", where.string()));
    }
    Manifest m;
    m.file = j.at("file").get<std::string>();
    m.created_at = j.at("createdAt").get<std::string>();
    m.provider = j.at("provider").get<std::string>();
    const auto& s = j.at("source");
    m.target = s.at("target").get<std::string>();
    m.database = s.at("database").get<std::string>();
    m.namespaces = s.at("namespaces").get<std::vector<std::string>>();
    m.server_version = s.at("serverVersion").get<std::string>();
    m.tool = s.at("tool").get<std::string>();
    m.size_bytes = j.at("sizeBytes").get<std::uint64_t>();
    m.sha256 = j.at("sha256").get<std::string>();
    for (const auto& mm : j.at("migrations"))
      m.migrations.push_back({mm.at("name").get<std::string>(),
                              mm.at("checksum").get<std::string>(),
                              mm.at("finishedAt").get<std::string>()});
    for (const auto& t : j.at("tables"))
      m.tables.push_back({t.at("name").get<std::string>(), t.at("rows").get<long long>()});
    m.schema_fingerprint = j.at("schemaFingerprint").get<std::string>();
    m.schema = j.at("schema").get<std::string>();
    return m;
  } catch (const json::exception& e) {
    throw core::Error(
        "GW2607", fmt::format("The backup manifest {} is damaged: {}", where.string(), e.what()),
        "A manifest is written by `godwit backup create`; restore or verify need "
        "it unchanged.");
  }
}

Manifest read_manifest(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw core::Error("GW2607",
                      fmt::format("The backup manifest {} cannot be read.", file.string()),
                      "Every backup file has its manifest next to it, named <file>.json.");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  json j = json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    throw core::Error("GW2607", fmt::format("The backup manifest {} is not JSON.", file.string()));
  }
  return manifest_from_json(j, file);
}

void write_manifest(const fs::path& file, const Manifest& m) {
  const fs::path tmp = file.string() + ".partial";
  const std::string text = manifest_json(m).dump(2) + "\n";
  int fd = ::open(tmp.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  bool ok = fd >= 0;
  for (std::size_t done = 0; ok && done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  if (fd >= 0) ok = (::fsync(fd) == 0) && ok, ok = (::close(fd) == 0) && ok;
  if (!ok || ::rename(tmp.c_str(), file.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::error_code ec;
    fs::remove(tmp, ec);
    throw core::Error("GW2604", fmt::format("The backup manifest {} could not be written: {}",
                                            file.string(), why));
  }
}

}  // namespace godwit::backup
