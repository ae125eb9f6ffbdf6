#pragma once
// The migrations folder as Prisma reads it (prisma-compat.md §3): every sub-folder is a
// migration holding `migration.sql`; `migration_lock.toml` names the provider.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace godwit::migrate {

/// One migration folder.
struct LocalMigration {
  std::string name;                   ///< the folder name, e.g. "20240101000000_init"
  std::string script_file;            ///< "<migrations folder>/<name>/migration.sql"
  std::optional<std::string> script;  ///< migration.sql as Node reads it (see read_script_text)
  std::string read_error;             ///< why `script` is missing, when it is
  std::string checksum;               ///< checksum_of(*script), computed while reading; "" if none
  std::filesystem::path script_path() const { return script_file; }
};

struct MigrationsDir {
  std::filesystem::path path;
  bool exists = false;
  std::vector<LocalMigration> migrations;  ///< in Prisma's order (migration_name_less)
  bool has_lock_file = false;
  std::string lock_provider;  ///< "<PROVIDER NOT FOUND>" when the lock file has no provider line
};

/// Lists `dir` non-recursively (a missing folder is an empty list, §3.4). Every sub-folder is a
/// migration, hidden ones included; plain files are ignored. Reads each migration.sql and
/// computes its checksum. Safe to run on another thread (it touches no shared state).
MigrationsDir read_migrations_dir(const std::filesystem::path& dir);

/// Prisma's folder order: JavaScript `localeCompare` (ICU root collation), approximated for
/// ASCII: white space < punctuation and symbols (ICU's order) < digits < letters, letters
/// compared case-insensitively first and lower case before upper case on ties (§3.4, §9.9).
/// For the usual 14-digit timestamp prefixes this equals byte order.
bool migration_name_less(std::string_view a, std::string_view b);

/// The provider line of a migration_lock.toml text (§3.3): the first line starting with
/// `provider`, without `provider = ` and quotes; "<PROVIDER NOT FOUND>" if there is none.
std::string read_lock_provider(std::string_view lock_file_text);

/// Fails with P3019 when the lock file names another provider than the schema's (§3.3).
/// `postgres` and `postgresql` are the same provider.
void check_lock_provider(const MigrationsDir& dir, std::string_view schema_provider);

/// Bytes of a migration.sql as Prisma hashes them: Node's `fs.readFile(p, 'utf-8')` keeps a BOM
/// and turns invalid UTF-8 into U+FFFD (WHATWG decoder), so the checksum is of that text (§2).
std::string read_script_text(std::string raw_bytes);

}  // namespace godwit::migrate
