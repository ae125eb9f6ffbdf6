#pragma once
// The shadow replay's result kept between runs of `migrate dev` (issue 9: a second run with
// nothing changed in the migrations folder in <= 1 s on trigger.dev's 820 migrations, where the
// replay alone takes tens of seconds).
//
// What is kept: the two catalogs the replay produces (after the applied migrations, after all
// of them) and the inspector's warnings, as JSON. It is used only when everything the replay's
// result depends on is the same as when it was stored (ShadowKey): the provider, the server
// the shadow is made on (its version), godwit's version and the very executable (its size and
// modification time: a rebuilt godwit never reads an older one's cache), what the inspector
// was asked to read (namespaces, external tables and enums, extensions), the applied migrations'
// and all local migrations' names and checksums in order (any edit, addition, removal or
// reordering misses), and the shadowDatabaseUrl in use. Anything else is a miss; a file that
// does not parse is a miss with a warning; nothing in it is ever trusted beyond an exact key
// match.
//
// Where: `$GODWIT_CACHE_DIR`, else `$XDG_CACHE_HOME/godwit`, else `~/.cache/godwit` (the XDG
// base directory rule), one file per migrations folder: `shadow-<sha256 of its absolute
// path>.json`. Not the project's `node_modules/.cache`: godwit is a standalone binary, a project
// needs no node_modules, and nothing is written into the project tree (no .gitignore entry, no
// stale cache committed by mistake). Deleting the file is always safe.

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "project/project.hpp"
#include "schema/catalog.hpp"
#include "schema/inspector.hpp"

namespace godwit::dev {

/// Everything a replay's result depends on. Two keys are equal only when every field is.
struct ShadowKey {
  std::string provider;
  std::string server_version;  ///< of the server the shadow database is made on
  std::string godwit;          ///< version + executable identity (executable_identity)
  std::string options;         ///< the InspectOptions, as text
  std::string shadow_url;      ///< shadowDatabaseUrl as displayed (password hidden), or ""
  std::vector<std::pair<std::string, std::string>> applied;  ///< (name, checksum), in order
  std::vector<std::pair<std::string, std::string>> all;      ///< (name, checksum), in order
  friend bool operator==(const ShadowKey&, const ShadowKey&) = default;
};

/// What the replay produced.
struct ShadowResult {
  schema::Catalog after_applied;
  schema::Catalog after_all;
  std::vector<schema::InspectWarning> warnings;
  friend bool operator==(const ShadowResult&, const ShadowResult&) = default;
};

/// "<version> <executable size> <executable mtime ns>" of the running process
/// (/proc/self/exe); the version alone when the executable cannot be read.
std::string executable_identity(std::string_view version);

/// The InspectOptions as key text.
std::string options_key(const schema::InspectOptions& options);

/// The cache file for `migrations_dir` (see the header comment). `env` reads the environment.
std::filesystem::path shadow_cache_file(const std::filesystem::path& migrations_dir,
                                        const project::EnvLookup& env);

/// The stored result when the file holds one for exactly `key`; nullopt otherwise. A file that
/// cannot be parsed sets `*warning` (what was wrong; the caller says it and replays).
std::optional<ShadowResult> load_shadow_cache(const std::filesystem::path& file,
                                              const ShadowKey& key, std::string* warning);

/// Stores `result` for `key` (a temporary file renamed over the old one, so a reader never sees
/// half a file). Returns "" or why it could not (never throws: the cache is an optimisation).
std::string store_shadow_cache(const std::filesystem::path& file, const ShadowKey& key,
                               const ShadowResult& result);

/// JSON text of a catalog and back (exposed for the round-trip test). `catalog_from_json`
/// throws std::exception subclasses on malformed input.
std::string catalog_to_json(const schema::Catalog& catalog);
schema::Catalog catalog_from_json(std::string_view text);

}  // namespace godwit::dev
