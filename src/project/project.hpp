#pragma once
// A godwit project as the migrate and db commands see it: the schema, its datasource, the
// migrations folder and the database, resolved the way Prisma 6 resolves them.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "project/target.hpp"
#include "psl/datasource.hpp"

namespace godwit::project {

/// Command-line inputs shared by the commands.
struct ProjectOptions {
  std::optional<std::filesystem::path> schema;      ///< --schema
  std::optional<std::string> url;                   ///< --url (overrides the datasource)
  std::optional<std::filesystem::path> migrations;  ///< --migrations
};

/// Reads an environment variable; tests inject their own.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

/// The process environment.
EnvLookup process_env();

struct Project {
  psl::SchemaSource schema;
  std::filesystem::path schema_path;  ///< the schema file (or folder) used
  psl::Datasource datasource;
  /// The schema's validation warnings, rendered (Prisma prints them and goes on).
  std::vector<std::string> warnings;
  std::filesystem::path migrations_dir;
  DatabaseTarget target;
};

/// The schema path: --schema, else `prisma/schema.prisma`, else `./schema.prisma` (relative to
/// `cwd`). Errors: P1012 "Could not find a schema.prisma file" when none exists.
std::filesystem::path find_schema(const std::optional<std::filesystem::path>& given,
                                  const std::filesystem::path& cwd);

/// Resolves everything. The URL comes from --url, else the datasource `url` (a literal or
/// env("VAR") looked up in the process environment, then in `.env` next to the schema, then in
/// `.env` in `cwd`; the process environment wins, as dotenv does), else DATABASE_URL (Prisma 7
/// projects keep the URL in prisma.config.ts, which godwit does not execute).
/// The whole schema is validated first, as Prisma does before any migrate command.
/// Errors: P1012 (schema), P1013 (no usable URL, or a URL of the wrong scheme for the provider),
/// GW2002 (provider godwit does not support yet).
Project load_project(const ProjectOptions& options, const std::filesystem::path& cwd,
                     const EnvLookup& env);

}  // namespace godwit::project
