#pragma once
// Which database a command works on, resolved from the schema's datasource, the environment
// and the command line.

#include <filesystem>
#include <string>

namespace godwit::project {

/// A resolved database.
struct DatabaseTarget {
  std::string provider;  ///< "postgresql" or "sqlite"
  /// The connection URL as given (may hold a password: never print it; use `display`).
  std::string url;
  /// Directory that relative SQLite `file:` paths are resolved against: the schema file's
  /// folder, as Prisma resolves them (prisma-compat.md §5; Prisma docs "SQLite connection URL").
  std::filesystem::path base_dir;
  /// `url` with any password replaced by ****.
  std::string display;
};

}  // namespace godwit::project
