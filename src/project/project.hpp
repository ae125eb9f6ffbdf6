#pragma once
// A godwit project as the migrate and db commands see it: the schema, its datasource, the
// migrations folder and the database, resolved the way Prisma resolves them: from
// prisma.config.ts when there is one (Prisma 7, project_config.hpp), else from package.json's
// "prisma" key and the schema (Prisma 6).
//
// Precedence, highest first (README.md, Configuration):
//   schema:     --schema > config `schema` > package.json `prisma.schema` >
//               prisma/schema.prisma > ./schema.prisma (in the config file's folder when there
//               is a prisma.config.ts, as Prisma 7.10.1 looks them up; else in cwd)
//   migrations: --migrations > config `migrations.path` > `migrations` next to the schema
//   URL:        --url > config `datasource.directUrl` > config `datasource.url` >
//               schema `directUrl` > schema `url` > DATABASE_URL; with an environment
//               (--env / GODWIT_ENV, environment.hpp) its `url` comes right after --url
// `directUrl` is what the migrate commands connect to, as Prisma 6 does with the schema's
// directUrl (Prisma docs "Connection pooling": migrate uses directUrl); `url` stays for the
// application. A relative SQLite path resolves against the folder of the file the URL came from
// (the config file, else the schema).

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "project/environment.hpp"
#include "project/godwit_toml.hpp"
#include "project/target.hpp"
#include "psl/datasource.hpp"
#include "psl/model.hpp"

namespace godwit::project {

/// Command-line inputs shared by the commands.
struct ProjectOptions {
  std::optional<std::filesystem::path> schema;      ///< --schema
  std::optional<std::string> url;                   ///< --url (overrides the datasource)
  std::optional<std::filesystem::path> migrations;  ///< --migrations
  std::optional<std::filesystem::path> config;      ///< --config
  std::optional<std::string> env;                   ///< --env (environment.hpp)
  /// False for commands that do not connect (db seed): no URL at all is then no error, and the
  /// Project's target has an empty url.
  bool url_required = true;
};

/// Reads an environment variable; tests inject their own.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

/// The process environment.
EnvLookup process_env();

struct Project {
  psl::SchemaSource schema;
  std::filesystem::path schema_path;  ///< the schema file (or folder) used
  psl::Datasource datasource;
  /// The schema validated (load_project validates it once; the commands reuse it instead of
  /// validating again: 500 models take ~20 ms each time). Never null after load_project.
  std::shared_ptr<const psl::Schema> model;
  /// The schema's validation warnings, rendered (Prisma prints them and goes on).
  std::vector<std::string> warnings;
  std::filesystem::path migrations_dir;
  /// Where `db pull` writes view definitions (views.path, else `views` beside the schema).
  std::filesystem::path views_dir;
  DatabaseTarget target;
  /// The config file read (prisma.config.ts or package.json), if any.
  std::optional<std::filesystem::path> config_path;
  std::optional<std::string> seed;            ///< migrations.seed / package.json prisma.seed
  std::optional<std::string> init_shadow_db;  ///< migrations.initShadowDb (SQL)
  std::optional<std::string> shadow_database_url;
  std::vector<std::string> external_tables, external_enums;  ///< tables/enums.external
  /// The variables read from `.env` files (Prisma loads them into its process environment, so
  /// commands it starts, like the seed command, see them).
  std::map<std::string, std::string> dotenv;
  /// godwit.toml of the current folder (empty when there is none) and the environment chosen
  /// from it (unnamed when none is: then godwit behaves as Prisma).
  GodwitToml godwit;
  Environment environment;
};

/// The schema path: --schema, else `prisma/schema.prisma`, else `./schema.prisma` (relative to
/// `cwd`). Errors: P1012 "Could not find a schema.prisma file" when none exists.
std::filesystem::path find_schema(const std::optional<std::filesystem::path>& given,
                                  const std::filesystem::path& cwd);

/// Resolves everything, in the precedence above. Environment variables (env("VAR") in the
/// schema, DATABASE_URL) are looked up in the process environment first; then, with a
/// prisma.config.ts, in `.env` of `cwd` when the config imports "dotenv/config" (Prisma 7 reads
/// no other); without one, in `.env` next to the schema and `.env` in `cwd` (Prisma 6), with
/// `${VAR}` expanded (expand_dotenv). The whole schema is validated first, as Prisma does
/// before any migrate command.
/// Errors: GW2500/GW2403 (godwit.toml), GW2501 (unknown environment), GW2502 (its env("VAR")
/// URL not set), P1012 (schema; env("VAR") not set), P1013 (no usable URL, or a URL of the wrong
/// scheme for the provider), GW2002 (provider godwit does not support yet), GW2022 (the same
/// variable in both `.env` files, as Prisma 6 refuses), and project_config.hpp's.
Project load_project(const ProjectOptions& options, const std::filesystem::path& cwd,
                     const EnvLookup& env);

}  // namespace godwit::project
