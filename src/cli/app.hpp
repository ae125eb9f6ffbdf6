#pragma once
// godwit's command tree, built once for both the real command line (main.cpp's run) and the
// generated documentation (docgen.hpp: man page, shell completions), so the two cannot drift.

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

#include "cli/command.hpp"
#include "cli/docgen.hpp"

namespace godwit::cli {

/// godwit's version, e.g. "0.1.0".
std::string_view version();

/// Adds every command, option and help text to `app` (an empty CLI::App). Parsing a command
/// line stores what to run in `action`, which must outlive `app`. The app's name is left empty
/// (CLI11 then shows argv[0] in usage lines); the documentation generators name it "godwit".
void build_app(CLI::App& app, Action& action);

/// The man page's sections that the command tree does not hold: exit status, environment,
/// see also (man_extras.cpp). `date` goes into the page's header.
docgen::ManExtras man_extras(std::string date);

}  // namespace godwit::cli
