#pragma once
// Prisma's script layout (prisma-compat.md §7.1): step headers, statements, the warnings block,
// and how the CLI prints a script. The statements come from a plan (plan/plan.hpp); the human
// summary from the change set (diff/summary.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "schema/renderer.hpp"

namespace godwit::schema {

/// One step's header kind and its statements (without `;`).
struct RenderedStep {
  StepKind kind = StepKind::CreateTable;
  std::vector<std::string> statements;
};

/// Prisma's script text (ENG apply_migration.rs `render_script`): an optional warnings block,
/// then for every step with statements `-- <Kind>` and each statement followed by `;\n`,
/// steps separated by a blank line. No step with statements: "-- This is an empty
/// migration." (without newline).
std::string assemble_script(const std::vector<RenderedStep>& steps,
                            const std::vector<std::string>& warnings = {});

/// How the CLI prints a script or summary: Prisma's CLI adds a newline when the text does not
/// end with one, and `console.log` adds another.
std::string cli_stdout_text(std::string_view text);
/// What cli_stdout_text appends to `text` ("\n" or "\n\n"), for writing `text` without a copy.
std::string_view cli_stdout_ending(std::string_view text);

/// What `-o FILE` writes: the text, with a newline added when it does not end with one.
std::string cli_file_text(std::string_view text);
/// What cli_file_text appends to `text` ("" or "\n").
std::string_view cli_file_ending(std::string_view text);

}  // namespace godwit::schema
