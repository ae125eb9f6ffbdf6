#pragma once
// Options every migrate/db command takes, and turning them into a project and its dialect.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "migrate/dialect.hpp"
#include "migrate/session.hpp"
#include "project/project.hpp"

namespace godwit::cli {

struct CommonOptions {
  std::string schema;
  std::string url;
  std::string migrations;
  std::string config;
  std::string env;  ///< --env: an [env.NAME] of godwit.toml
  double lock_timeout_s = 10.0;
  bool json = false;

  project::ProjectOptions project_options() const;
  migrate::RunOptions run_options() const;
};

/// Adds --schema, --config, --url, --migrations, --env (and --lock-timeout, --json when asked) to
/// `cmd`.
void add_common_options(CLI::App& cmd, CommonOptions& o, bool with_lock, bool with_json);

/// Loads the project from the current directory and picks its dialect.
struct Loaded {
  project::Project project;
  const migrate::Dialect* dialect;
};
/// `url_required` false: for commands that do not connect (ProjectOptions::url_required).
Loaded load(const CommonOptions& o, bool url_required = true);

/// The header Prisma 7.10.1 prints first: "Loaded Prisma config from X." (when a prisma.config.*
/// file was read) and "Prisma schema loaded from Y." on stderr, then "Datasource ..." and a
/// blank line on stdout.
void print_header(const Loaded& l);

/// Only the first line of the header: "Loaded Prisma config from X." (db seed prints no more).
void print_config_line(const Loaded& l);

/// A path shown relative to the current directory when it is below it.
std::string display_path(const std::filesystem::path& p);

/// The project's migrations folder as commands print it (display_path).
std::string migrations_label(const Loaded& l);

/// "1 migration" / "3 migrations".
std::string count_noun(std::size_t n, std::string_view singular);

}  // namespace godwit::cli
