#pragma once
// The parts of a Prisma schema that commands need before anything else: which files make up
// the schema, and its datasource block (prisma-compat.md §8, "datasource keys").

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace godwit::psl {

/// One .prisma file as read from disk.
struct SourceFile {
  std::filesystem::path path;  ///< as given or found (not canonicalised)
  std::string text;
};

/// The files of a schema: one file, or every `*.prisma` file below a folder (multi-file
/// schemas), sorted by path.
struct SchemaSource {
  std::filesystem::path root;  ///< the file, or the folder, that was given
  std::vector<SourceFile> files;
};

/// Reads `file_or_dir`. Errors: P1012 when it does not exist, cannot be read, or a folder
/// holds no `.prisma` file.
SchemaSource load_schema_source(const std::filesystem::path& file_or_dir);

/// A string-valued datasource property: a literal, or `env("NAME")`.
struct StringOrEnv {
  std::string value;      ///< the literal, or the environment variable's name
  bool from_env = false;  ///< true for env("NAME")
  core::SourceLocation where;
};

/// A datasource provider in its one spelling: "postgres" -> "postgresql" (Prisma accepts
/// both); any other name unchanged. Every place that compares providers goes through it.
std::string_view canonical_provider(std::string_view provider);

/// The datasource block.
struct Datasource {
  std::string name;      ///< e.g. "db"
  std::string provider;  ///< normalised: "postgresql" (also for "postgres"), "sqlite", ...
  std::optional<StringOrEnv> url;  ///< Prisma 6 style; absent in Prisma 7 schemas
  std::optional<StringOrEnv> direct_url;
  std::optional<StringOrEnv> shadow_database_url;
  std::string relation_mode;         ///< "foreignKeys" (default) or "prisma"
  std::vector<std::string> schemas;  ///< `schemas = [...]` (multiSchema)
  core::SourceLocation where;        ///< the `datasource` keyword
  std::filesystem::path file;        ///< the file that holds the block
};

/// Parses `source` with the real PSL parser and returns its one datasource block.
/// Errors: P1012 with file:line:column for syntax errors, for no or several datasource blocks,
/// and for a missing or non-string `provider`.
Datasource read_datasource(const SchemaSource& source);

}  // namespace godwit::psl
