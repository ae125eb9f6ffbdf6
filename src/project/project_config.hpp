#pragma once
// The project's configuration file — prisma.config.ts (Prisma 7) or package.json's "prisma"
// key (Prisma 6) — resolved into paths and URLs (prisma-compat.md §5.1; Prisma docs "Prisma
// Config reference" and "package.json prisma key").
//
// Which file: `--config PATH`, else the config file Prisma 7.10.1 finds in the current folder
// (find_config_file; never a parent folder). Without one, package.json in the current folder
// (`prisma.schema`, `prisma.seed`).
//
// Values, as Prisma resolves them:
// - `schema`, `migrations.path` and `views.path` relative to the config file's folder
// (@prisma/config's
//   transformPathsInConfigToAbsolute); package.json's `prisma.schema` relative to package.json;
// - `datasource.url`, `directUrl`, `shadowDatabaseUrl`: a relative SQLite `file:` path is taken
//   relative to the config file's folder (checked with Prisma 7.10.1 from the project folder and
//   from a subfolder with --config ..; tests/live/project_config_oracle_test.cpp);
// - `env("X")` throws in Prisma when X is unset or empty: godwit gives P1012 with the config's
//   file:line; `process.env.X` unset means "not set" (the next source is used);
// - `import "dotenv/config"`: `.env` of the *current directory* is read (dotenv reads
//   process.cwd(), verified with the oracle), without overriding the environment.
//
// Errors: GW2020 (a value godwit needs is not static: names the file:line and the flag or
// variable to use instead; or the file cannot be followed), GW2021 (--config file cannot be
// read), GW2023 (package.json is not valid JSON or its "prisma" key has the wrong shape),
// P1012 (env("X") not set).

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "project/config_file.hpp"
#include "project/project.hpp"

namespace godwit::project {

/// A URL from the config, with where relative SQLite paths resolve.
struct ConfigUrl {
  std::string value;
  std::string source;              ///< for messages, e.g. `datasource.url` in prisma.config.ts:5
  std::filesystem::path base_dir;  ///< the config file's folder
};

/// What the project's config file says, resolved.
struct ProjectConfig {
  std::optional<std::filesystem::path> file;  ///< the config file (or package.json) read
  bool is_package_json = false;
  std::optional<std::filesystem::path> schema;      ///< absolute
  std::optional<std::filesystem::path> migrations;  ///< absolute
  std::optional<std::filesystem::path> views;       ///< views.path, absolute (db pull's views)
  std::optional<std::string> seed;                  ///< migrations.seed / prisma.seed
  std::optional<std::string> init_shadow_db;        ///< migrations.initShadowDb (SQL)
  std::optional<ConfigUrl> url, direct_url, shadow_database_url;
  std::vector<std::string> external_tables, external_enums;
  /// `.env` values the config asked for (import "dotenv/config"), for env lookups.
  std::map<std::string, std::string> dotenv;
};

/// Reads the config (see the file comment). `config` is --config (relative to `cwd`).
ProjectConfig load_project_config(const std::optional<std::filesystem::path>& config,
                                  const std::filesystem::path& cwd, const EnvLookup& env);

/// Interprets an already parsed config file; `cwd` is where `.env` is read from.
ProjectConfig resolve_config(const ConfigFile& file, const std::filesystem::path& cwd,
                             const EnvLookup& env);

}  // namespace godwit::project
