#pragma once
// Per-project lint settings: the `[lint]` table of godwit.toml.
//
//   [lint]
//   disable = ["drop-column"]          # codes never reported
//   include = ["design", "unqualified-object"]  # opt-in codes, "design" (group E) or "all"
//   [lint.severity]
//   rename-column = "error"            # info | warning | error
//
// Unknown keys are errors, so a misspelt setting does not silently do nothing.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "lint/finding.hpp"

namespace godwit::lint {

struct Config {
  std::set<std::string> disabled;
  std::set<std::string> included;  ///< opt-in codes, or "design" / "all"
  std::map<std::string, Severity> severity;
  std::optional<std::filesystem::path> file;  ///< the godwit.toml read, if any
};

/// Parses a godwit.toml text (`file` names it in errors). A file without `[lint]` is an empty
/// Config. Errors: GW2403 (not TOML, or a bad `[lint]` value: names the key and the file).
Config parse_config(std::string_view toml_text, const std::filesystem::path& file);

/// Reads `dir/godwit.toml` if it exists; an empty Config otherwise. Errors: GW2403.
Config read_config(const std::filesystem::path& dir);

}  // namespace godwit::lint
