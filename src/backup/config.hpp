#pragma once
// The backup policy: the `[backup]` table of godwit.toml (in the current directory, where
// lint's `[lint]` is read too).
//
//   [backup]
//   dir = ".godwit/backups"   # where backups go; relative to godwit.toml's folder
//   keep = 10                 # newest backups kept per database; 0 = no limit
//   max_age_days = 0          # backups older than this are removed; 0 = no limit
//   before_deploy = false     # `migrate deploy` backs up first when migrations are pending
//
// Retention runs after every `backup create` (and deploy backup) and never removes the backup
// just taken. Unknown keys are errors (GW2606), so a misspelt setting does not silently do
// nothing. docs/safety.md, "Backups", says why these defaults.

#include <filesystem>
#include <optional>
#include <string_view>

namespace godwit::backup {

/// The default folder, relative to the project's directory: outside prisma/, which Dockerfiles
/// commonly copy into images (a backup there would ship the data with the application).
inline constexpr std::string_view kDefaultDir = ".godwit/backups";

struct Policy {
  std::filesystem::path dir;  ///< absolute
  int keep = 10;              ///< 0: no limit
  int max_age_days = 0;       ///< 0: no limit
  bool before_deploy = false;
  std::optional<std::filesystem::path> file;  ///< the godwit.toml read, if any
};

/// Parses a godwit.toml text; `base_dir` resolves a relative `dir`. A file without `[backup]`
/// gives the defaults. Errors: GW2606 (not TOML, unknown key, or a bad value: names the key
/// and the file).
Policy parse_policy(std::string_view toml_text, const std::filesystem::path& file,
                    const std::filesystem::path& base_dir);

/// `dir/godwit.toml` if it exists, else the defaults with `dir/.godwit/backups`. Errors: GW2606.
Policy read_policy(const std::filesystem::path& dir);

}  // namespace godwit::backup
