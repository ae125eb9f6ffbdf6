#pragma once
// prisma.config.ts (and .js/.mjs/.cjs/.mts/.cts), read without running JavaScript.
//
// Prisma 7 loads its config file with c12/jiti and takes the default export (prisma-compat.md
// §5.1; Prisma docs "Prisma Config reference"). godwit reads the *static subset* of such a file
// with a small strict reader; it never evaluates the file. Accepted (everything else is
// "unreadable", see below):
//
// - statements: `import … from "m"` / `import "m"` (any form; `import "dotenv/config"` sets
//   `loads_dotenv`), `export default EXPR`, `module.exports = EXPR`, `const|let|var NAME[: T] =
//   EXPR` (a constant EXPR can later name), `export const …`; other top-level statements
//   (functions, types, calls) are skipped — unless they call `dotenv.config()`/`config()`,
//   which also sets `loads_dotenv`;
// - EXPR: an object literal `{ key: EXPR, "key": EXPR, key }` (trailing commas allowed),
//   `defineConfig(EXPR)`, a string ('…', "…", or `…` without `${`), `env("X")` / `env<T>("X")`,
//   `process.env.X` / `process.env["X"]`, an array of strings, true/false/numbers, the name of
//   a constant; each optionally followed by `as T`, `satisfies T` or `!`;
// - comments `//` and `/* */`; semicolons optional at line ends.
//
// A value the reader cannot read statically (a call, `+`, `??`, `path.join(…)`, a template
// with `${}`, a spread…) is kept as an `Unreadable` node with its line: it is an error only if
// godwit needs that value (see project_config.hpp), so `experimental: { … }` or an `adapter`
// function elsewhere in the file does no harm.
//
// Errors (core::Error): GW2020 for a file the reader cannot follow at all (no default export,
// unterminated string or comment, unbalanced brackets), with file:line.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace godwit::project {

struct ConfigMember;

/// One value of the config's default export.
struct ConfigNode {
  enum class Kind { kString, kEnv, kProcessEnv, kList, kObject, kOther, kUnreadable };
  Kind kind = Kind::kOther;
  /// kString: the text; kEnv / kProcessEnv: the variable's name; kUnreadable: what was found
  /// (a short excerpt of the source).
  std::string text;
  int line = 0;                       ///< 1-based line of the value
  std::vector<ConfigNode> items;      ///< kList
  std::vector<ConfigMember> members;  ///< kObject, in source order

  /// The member `key` of an object (the last one when repeated, as in JavaScript), or null.
  const ConfigNode* member(std::string_view key) const;
};

/// One `key: value` of an object.
struct ConfigMember {
  std::string key;
  ConfigNode value;
};

/// A config file read statically.
struct ConfigFile {
  std::filesystem::path path;  ///< the file read (absolute)
  /// True when the file imports "dotenv/config" (or calls dotenv's config()): Prisma then has
  /// `.env` of the current directory loaded (checked with Prisma 7.10.1; dotenv reads
  /// process.cwd()).
  bool loads_dotenv = false;
  ConfigNode root;  ///< the default export (kObject when readable)
  int export_line = 0;
};

/// Reads `text` (the contents of `file_name`, used in errors). Throws GW2020.
ConfigFile parse_config(std::string_view text, const std::string& file_name);

/// Reads the file at `path`. Throws GW2021 when it cannot be read, GW2020 as parse_config.
ConfigFile read_config_file(const std::filesystem::path& path);

/// The config file Prisma 7.10.1 would pick in `dir`: prisma7.config.{js,ts,mjs,cjs,mts,cts},
/// .config/prisma7.*, then prisma.config.*, prisma.config/index.*, .config/prisma.*,
/// .config/prisma/index.*, .config/prisma.config.*, .config/prisma.config/index.* (in that
/// extension order: @prisma/config's loadConfigFromFile). Only `dir` is searched, never its
/// parents, as Prisma does.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& dir);

}  // namespace godwit::project
