#pragma once
// The backup before `migrate deploy` (backup_cmd.cpp): the flag, and the step migrate_cmd.cpp
// runs once the deploy's checks have passed and before anything is applied.

#include <CLI/CLI.hpp>

#include "cli/common_options.hpp"

namespace godwit::cli {

/// Adds `--backup` to `migrate deploy`.
void add_deploy_backup_option(CLI::App& deploy, bool& flag);

/// Backs up when `requested` (--backup) or the policy's before_deploy is on, and migrations are
/// pending; says on stderr what it wrote or why it took none. Errors: GW2613 (the deploy must
/// stop: nothing has been applied).
void backup_before_deploy(const Loaded& l, bool requested);

}  // namespace godwit::cli
