#pragma once
// The manifest next to every backup file: `<backup file>.json`, written after the file is
// complete (a backup without its manifest is unfinished and never listed).
//
//   {
//     "godwitBackup": 1,
//     "file": "20261203T131500Z_app_20240102000000_add_posts.pgdump",
//     "createdAt": "2026-12-03T13:15:00.123Z",          // UTC
//     "provider": "postgresql",
//     "source": { "target": "postgresql://app:****@db:5432/app?schema=public",
//                 "database": "app", "namespaces": ["public"], "serverVersion": "15.18",
//                 "tool": "pg_dump (PostgreSQL) 15.18" },
//     "sizeBytes": 1234, "sha256": "<hex of the backup file>",
//     "migrations": [ { "name": "...", "checksum": "...", "finishedAt": "..." } ],  // applied
//     "tables": [ { "name": "public.User", "rows": 10 } ],   // introspected tables
//     "schemaFingerprint": "<sha256 hex of schema>",
//     "schema": "<the introspected catalog's dump (schema/dump.hpp)>"
//   }
//
// migrations, tables and schema are read in the snapshot the backup copied (archiver.hpp).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace godwit::backup {

struct ManifestMigration {
  std::string name;
  std::string checksum;
  std::string finished_at;  ///< as the history table stores it
};

struct TableRows {
  std::string table;  ///< "<namespace>.<name>"
  long long rows = 0;
  friend bool operator==(const TableRows&, const TableRows&) = default;
};

struct Manifest {
  std::string file;        ///< the backup file's name, in the manifest's folder
  std::string created_at;  ///< "2026-12-03T13:15:00.123Z"
  std::string provider;
  std::string target;  ///< the URL with its password hidden
  std::string database;
  std::vector<std::string> namespaces;
  std::string server_version;
  std::string tool;
  std::uint64_t size_bytes = 0;
  std::string sha256;
  std::vector<ManifestMigration> migrations;  ///< applied, in history order
  std::vector<TableRows> tables;
  std::string schema_fingerprint;
  std::string schema;

  /// The last applied migration's name, or "" for a database without any.
  std::string last_migration() const;
};

nlohmann::json manifest_json(const Manifest& m);
/// Errors: GW2607 when a required key is missing or of the wrong type (names `where`).
Manifest manifest_from_json(const nlohmann::json& j, const std::filesystem::path& where);

/// Reads a manifest file. Errors: GW2607 (missing, not JSON, not a godwit backup manifest).
Manifest read_manifest(const std::filesystem::path& file);
/// Writes `m` owner-only (0600), through a temporary file renamed into place.
/// Errors: GW2604.
void write_manifest(const std::filesystem::path& file, const Manifest& m);

}  // namespace godwit::backup
