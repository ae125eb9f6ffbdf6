#pragma once
// Prisma SQLite URLs (`file:./dev.db`, `file:dev.db`, `file:/abs/dev.db`) -> a database file.
//
// Follows ENG quaint `connector/sqlite/params.rs`: the `file:` (or `sqlite:`) prefix is
// stripped, everything up to '?' is the path as written (no percent-decoding, no URI
// parsing), `socket_timeout` (seconds) becomes the busy timeout, and other parameters are
// checked or ignored. Relative paths are resolved against a base directory, as Prisma
// resolves them against the schema file's folder.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace godwit::sqlite {

struct SqliteTarget {
  /// Absolute and lexically normal; ":memory:" stays as is.
  std::filesystem::path file;
  std::string url;  ///< as given (SQLite URLs hold no password), for messages
  /// How long a statement waits for another connection's lock: `socket_timeout` seconds, else
  /// 5 s (rusqlite's default busy timeout, which Prisma's engine runs with).
  std::chrono::milliseconds busy_timeout{5000};
};

/// Parses `url`; a relative path is taken relative to `base_dir` (which itself is made
/// absolute against the current directory).
/// Errors: P1013 when the URL does not start with `file:` (or quaint's `sqlite:`), names no
/// file, names a directory, or has a non-numeric `connection_limit` / `socket_timeout` /
/// `max_connection_lifetime` / `max_idle_connection_lifetime`.
SqliteTarget parse_url(std::string_view url, const std::filesystem::path& base_dir);

}  // namespace godwit::sqlite
