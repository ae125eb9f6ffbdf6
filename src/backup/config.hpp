#pragma once
// The backup policy in force: godwit.toml's `[backup]` with the chosen environment's
// `[env.NAME.backup]` keys over it (read and type-checked by project/godwit_toml.hpp; merged by
// project/environment.hpp), and godwit's defaults for what neither sets:
//
//   [backup]
//   dir = ".godwit/backups"   # where backups go; relative to godwit.toml's folder
//   keep = 10                 # newest backups kept per database; 0 = no limit
//   max_age_days = 0          # backups older than this are removed; 0 = no limit
//   before_deploy = false     # default: true in a protected environment, else false
//
// Retention runs after every `backup create` (and deploy backup) and never removes the backup
// just taken. docs/safety.md, "Backups", says why these defaults.

#include <filesystem>
#include <string_view>

#include "project/godwit_toml.hpp"

namespace godwit::project {
struct Project;
}

namespace godwit::backup {

/// The default folder, relative to the project's directory (where godwit.toml is): outside
/// prisma/, which Dockerfiles commonly copy into images (a backup there would ship the data
/// with the application).
inline constexpr std::string_view kDefaultDir = ".godwit/backups";
inline constexpr int kDefaultKeep = 10;

struct Policy {
  std::filesystem::path dir;      ///< absolute
  long long keep = kDefaultKeep;  ///< 0: no limit
  double max_age_days = 0;        ///< 0: no limit
  bool before_deploy = false;
};

/// `set` with the defaults filled in; `project_dir` anchors the default folder, `is_protected`
/// turns before_deploy on by default.
Policy make_policy(const project::BackupPolicy& set, bool is_protected,
                   const std::filesystem::path& project_dir);

/// The policy of a loaded project (its environment's), the default folder in the current
/// directory.
Policy project_policy(const project::Project& project);

}  // namespace godwit::backup
