#pragma once
// Documentation generated from a CLI11 command tree: a man page and bash, zsh and fish
// completion scripts (CLI11 has no generator). The tree is walked generically, so a new
// command or option shows up everywhere without being listed here. tools/godwit-docgen.cpp
// prints them; cmake/docs.cmake builds and installs them.
//
// Conventions read from the tree: hidden options and subcommands (empty group) are left out;
// an option's type name (CLI11's `->type_name(...)`, the word shown in --help) says what its
// value is: FILE or PATH complete file names, DIR directory names, anything else no completion.

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace godwit::cli::docgen {

enum class ValueKind { kNone, kText, kFile, kDir };

struct OptionDoc {
  std::vector<std::string> short_names;  // "o" (without the dash)
  std::vector<std::string> long_names;   // "output" (without the dashes)
  std::string value_name;                // "FILE"; empty for a flag
  ValueKind value = ValueKind::kNone;
  std::string description;
  std::string default_value;
  std::string env;
  bool required = false;

  /// Every spelling with its dashes, short ones first: {"-o", "--output"}.
  std::vector<std::string> spellings() const;
};

struct CommandDoc {
  std::vector<std::string> path;  // {"godwit", "migrate", "deploy"}
  std::string description;
  std::vector<OptionDoc> options;
  std::vector<std::pair<std::string, std::string>> positionals;  // name, description
  std::vector<CommandDoc> subcommands;

  /// "godwit migrate deploy".
  std::string full_name() const;
  /// This command and every command below it, parents before children.
  std::vector<const CommandDoc*> all() const;
};

/// The visible tree below `app` (whose name must be set: it names the program).
CommandDoc describe(const CLI::App& app);

/// The first sentence or clause of a help text, for the one-line descriptions of shells.
std::string summary(std::string_view description);

/// Sections a man page needs that a command tree does not hold.
struct ManExtras {
  std::string date;                      // .TH date, e.g. "2025-01-31"
  std::string version;                   // "godwit 0.1.0"
  std::vector<std::string> description;  // paragraphs after the program's own description
  std::vector<std::pair<std::string, std::string>> exit_status;  // code, meaning
  std::vector<std::pair<std::string, std::string>> environment;  // variable, meaning
  std::vector<std::string> see_also;                             // paragraphs
};

/// A man(7) page, section 1: NAME, SYNOPSIS, DESCRIPTION, COMMANDS (a subsection per
/// subcommand with its options), OPTIONS (the program's own), EXIT STATUS, ENVIRONMENT,
/// SEE ALSO.
std::string man_page(const CLI::App& app, const ManExtras& extras);

/// Escapes text for a roff text line: backslashes, dashes, a leading '.' or '\'', and
/// non-ASCII characters (as \[uXXXX], so groff needs no preprocessor).
std::string roff_escape(std::string_view text);

/// A bash completion script (`complete -F`): subcommands at each level, each command's
/// options, file and directory names for the values of FILE/PATH and DIR options.
std::string bash_completion(const CLI::App& app);

/// A zsh completion script (`#compdef`, _arguments and _describe).
std::string zsh_completion(const CLI::App& app);

/// A fish completion script (`complete -c`).
std::string fish_completion(const CLI::App& app);

}  // namespace godwit::cli::docgen
