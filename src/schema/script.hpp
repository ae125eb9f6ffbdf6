#pragma once
// Creation scripts: the steps that build a Catalog in an empty database, rendered in Prisma's
// script layout (prisma-compat.md §7.1, §7.2) or as its human summary (§7.11). This is what
// `migrate diff --from-empty --to-schema` prints.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "schema/catalog.hpp"
#include "schema/renderer.hpp"

namespace godwit::schema {

/// One step of a creation script. `object` is the id value of the object the step creates:
/// a NamespaceId for CreateSchema, ExtensionId for CreateExtension, EnumId for CreateEnum,
/// TableId for CreateTable, IndexId for CreateIndex, ForeignKeyId for AddForeignKey.
struct CreationStep {
  StepKind kind = StepKind::CreateTable;
  std::uint32_t object = 0;
  friend bool operator==(const CreationStep&, const CreationStep&) = default;
};

/// The steps that create `catalog` from nothing, sorted as Prisma sorts them: by kind, then
/// by id (indexes by table, then id). CreateSchema only when the dialect has namespaces, for
/// the namespaces that hold objects (Catalog::namespaces_holding_objects);
/// every index but primary keys gets a CreateIndex (primary keys are part of CREATE TABLE);
/// AddForeignKey only when foreign keys are not inline.
std::vector<CreationStep> creation_steps(const Catalog& catalog, const Renderer& renderer);

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

/// The full creation script of `catalog` (empty catalog: the empty-migration text).
std::string render_create_script(const Catalog& catalog, const Renderer& renderer);

/// The `migrate diff` summary of creating `catalog` (ENG sql_migration.rs `drift_summary`):
/// "\n[+] Added extensions\n  - x\n" per extension, "\n[+] Added Schemas\n", "\n[+] Added
/// enums\n", "\n[+] Added tables\n" with "  - <name>" lines, then one "\n[*] Changed the `T`
/// table\n" section per table with indexes or foreign keys, tables sorted by name. Nothing to
/// create: "No difference detected.".
std::string render_create_summary(const Catalog& catalog, const Renderer& renderer);

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
