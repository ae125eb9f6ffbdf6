#pragma once
// How command groups plug into the CLI: each adds its subcommands to the CLI11 app and, when
// one of them is chosen, stores what to run in `action`. main.cpp runs it and turns a thrown
// core::Error into Prisma-style output and exit code 1.

#include <CLI/CLI.hpp>

#include <functional>

namespace godwit::cli {

/// A parsed command, ready to run; returns the process exit code.
using Action = std::function<int()>;

/// migrate deploy | status | resolve (migrate_cmd.cpp); `migrate` is the parent subcommand.
void add_migrate_commands(CLI::App& migrate, Action& action);
/// `migrate status` (status_cmd.cpp), registered by add_migrate_commands in its place.
void add_migrate_status_command(CLI::App& migrate, Action& action);

/// migrate diff (diff_cmd.cpp).
void add_migrate_diff_command(CLI::App& migrate, Action& action);

/// migrate lint (lint_cmd.cpp).
void add_migrate_lint_command(CLI::App& migrate, Action& action);

/// migrate dev (dev_cmd.cpp).
void add_migrate_dev_command(CLI::App& migrate, Action& action);

/// migrate down-gen | down (down_cmd.cpp).
void add_migrate_down_commands(CLI::App& migrate, Action& action);

/// migrate baseline | adopt-drift (recover_cmd.cpp).
void add_migrate_recover_commands(CLI::App& migrate, Action& action);

/// migrate squash (squash_cmd.cpp).
void add_migrate_squash_command(CLI::App& migrate, Action& action);

/// migrate repair (repair_cmd.cpp).
void add_migrate_repair_command(CLI::App& migrate, Action& action);

/// db execute (db_cmd.cpp).
void add_db_commands(CLI::App& db, Action& action);

/// db push (push_cmd.cpp).
void add_db_push_command(CLI::App& db, Action& action);

/// migrate reset (push_cmd.cpp).
void add_migrate_reset_command(CLI::App& migrate, Action& action);

/// backup create | list | restore | verify (backup_cmd.cpp); `backup` is the parent.
void add_backup_commands(CLI::App& backup, Action& action);

/// archive list | drop (archive_cmd.cpp); `archive` is the parent.
void add_archive_commands(CLI::App& archive, Action& action);

/// check (check_cmd.cpp): the pre-flight checks.
void add_check_command(CLI::App& app, Action& action);

/// validate, format (schema_cmd.cpp).
void add_schema_commands(CLI::App& app, Action& action);

}  // namespace godwit::cli
