#include "schema/script.hpp"

#include <algorithm>
#include <tuple>

namespace godwit::schema {

std::string_view step_name(StepKind kind) {
  switch (kind) {
    case StepKind::CreateSchema:
      return "CreateSchema";
    case StepKind::DropExtension:
      return "DropExtension";
    case StepKind::CreateExtension:
      return "CreateExtension";
    case StepKind::AlterExtension:
      return "AlterExtension";
    case StepKind::AlterSequence:
      return "AlterSequence";
    case StepKind::DropView:
      return "DropView";
    case StepKind::DropUserDefinedType:
      return "DropUserDefinedType";
    case StepKind::CreateEnum:
      return "CreateEnum";
    case StepKind::AlterEnum:
      return "AlterEnum";
    case StepKind::DropForeignKey:
      return "DropForeignKey";
    case StepKind::DropIndex:
      return "DropIndex";
    case StepKind::AlterTable:
      return "AlterTable";
    case StepKind::AlterPrimaryKey:
      return "AlterPrimaryKey";
    case StepKind::DropTable:
      return "DropTable";
    case StepKind::DropEnum:
      return "DropEnum";
    case StepKind::CreateTable:
      return "CreateTable";
    case StepKind::RedefineTables:
      return "RedefineTables";
    case StepKind::CreateIndex:
      return "CreateIndex";
    case StepKind::RenameForeignKey:
      return "RenameForeignKey";
    case StepKind::AddForeignKey:
      return "AddForeignKey";
    case StepKind::RenameIndex:
      return "RenameIndex";
    case StepKind::RedefineIndex:
      return "RedefineIndex";
  }
  return "?";
}

namespace {

std::uint32_t u32(std::size_t i) {
  return static_cast<std::uint32_t>(i);
}

}  // namespace

std::vector<CreationStep> creation_steps(const Catalog& c, const Renderer& r) {
  std::vector<CreationStep> steps;
  if (r.supports_namespaces()) {
    for (std::size_t i = 0; i < c.namespaces.size(); ++i) {
      steps.push_back({StepKind::CreateSchema, u32(i)});
    }
  }
  for (std::size_t i = 0; i < c.extensions.size(); ++i) {
    steps.push_back({StepKind::CreateExtension, u32(i)});
  }
  for (std::size_t i = 0; i < c.enums.size(); ++i)
    steps.push_back({StepKind::CreateEnum, u32(i)});
  for (std::size_t i = 0; i < c.tables.size(); ++i)
    steps.push_back({StepKind::CreateTable, u32(i)});

  // Prisma sorts CreateIndex by (table, index id) and AddForeignKey by foreign key id.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> idx;
  for (std::size_t i = 0; i < c.indexes.size(); ++i) {
    if (c.indexes[i].kind == IndexKind::PrimaryKey) continue;
    idx.emplace_back(c.indexes[i].table.value, u32(i));
  }
  std::sort(idx.begin(), idx.end());
  for (const auto& [table, index] : idx)
    steps.push_back({StepKind::CreateIndex, index});

  if (!r.inline_foreign_keys()) {
    for (std::size_t i = 0; i < c.foreign_keys.size(); ++i) {
      steps.push_back({StepKind::AddForeignKey, u32(i)});
    }
  }
  return steps;
}

std::string assemble_script(const std::vector<RenderedStep>& steps,
                            const std::vector<std::string>& warnings) {
  bool any = std::any_of(steps.begin(), steps.end(),
                         [](const RenderedStep& s) { return !s.statements.empty(); });
  if (!any) return "-- This is an empty migration.";

  std::string out;
  std::size_t size = 0;
  for (const auto& step : steps) {
    size += 32;
    for (const auto& stmt : step.statements)
      size += stmt.size() + 2;
  }
  out.reserve(size);
  if (!warnings.empty()) {
    out += "/*\n  Warnings:\n\n";
    for (const auto& w : warnings)
      out += "  - " + w + "\n";
    out += "\n*/\n";
  }
  bool first = true;
  for (const auto& step : steps) {
    if (step.statements.empty()) continue;
    if (!first) out += '\n';
    first = false;
    out += "-- ";
    out += step_name(step.kind);
    out += '\n';
    for (const auto& stmt : step.statements) {
      out += stmt;
      out += ";\n";
    }
  }
  return out;
}

std::string render_create_script(const Catalog& c, const Renderer& r) {
  std::vector<RenderedStep> rendered;
  for (const auto& step : creation_steps(c, r)) {
    RenderedStep rs{step.kind, {}};
    switch (step.kind) {
      case StepKind::CreateSchema:
        rs.statements = r.create_namespace(c, NamespaceId{step.object});
        break;
      case StepKind::CreateExtension:
        rs.statements = r.create_extension(c, ExtensionId{step.object});
        break;
      case StepKind::CreateEnum:
        rs.statements = r.create_enum(c, EnumId{step.object});
        break;
      case StepKind::CreateTable:
        rs.statements = {r.create_table(c, TableId{step.object})};
        break;
      case StepKind::CreateIndex:
        rs.statements = {r.create_index(c, IndexId{step.object})};
        break;
      case StepKind::AddForeignKey:
        rs.statements = {r.add_foreign_key(c, ForeignKeyId{step.object})};
        break;
      default:
        break;
    }
    rendered.push_back(std::move(rs));
  }
  return assemble_script(rendered);
}

namespace {

// The section a summary line belongs to; the order of the values is the order of sections
// (ENG sql_migration.rs `DriftType`, with Prisma 7's added-schemas section).
enum class Drift : std::uint8_t {
  AlteredExtension,
  DroppedExtension,
  CreatedExtension,
  AddedSchema,
  AddedEnum,
  AddedTable,
  RemovedEnum,
  RemovedTable,
  RemovedUdt,
  RemovedView,
  RedefinedTable,
  ChangedEnum,
  ChangedTable,
};

std::string joined_columns(const Catalog& c, const std::vector<ColumnId>& cols) {
  std::string out;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) out += ", ";
    out += c.get(cols[i]).name;
  }
  return out;
}

}  // namespace

std::string render_create_summary(const Catalog& c, const Renderer& r) {
  auto steps = creation_steps(c, r);
  if (steps.empty()) return "No difference detected.";

  // (section, item name, step index): sorted like Prisma's BTreeSet, so "Changed the `T`
  // table" sections come sorted by table name, and each extension gets its own header.
  std::vector<std::tuple<Drift, std::string, std::size_t>> items;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    switch (s.kind) {
      case StepKind::CreateExtension:
        items.emplace_back(Drift::CreatedExtension, c.get(ExtensionId{s.object}).name, i);
        break;
      case StepKind::CreateSchema:
        items.emplace_back(Drift::AddedSchema, "", i);
        break;
      case StepKind::CreateEnum:
        items.emplace_back(Drift::AddedEnum, "", i);
        break;
      case StepKind::CreateTable:
        items.emplace_back(Drift::AddedTable, "", i);
        break;
      case StepKind::CreateIndex:
        items.emplace_back(Drift::ChangedTable, c.get(c.get(IndexId{s.object}).table).name, i);
        break;
      case StepKind::AddForeignKey:
        items.emplace_back(Drift::ChangedTable, c.get(c.get(ForeignKeyId{s.object}).table).name, i);
        break;
      default:
        break;
    }
  }
  std::sort(items.begin(), items.end());

  std::string out;
  for (std::size_t n = 0; n < items.size(); ++n) {
    const auto& [drift, name, step_index] = items[n];
    bool new_section =
        n == 0 || std::get<0>(items[n - 1]) != drift || std::get<1>(items[n - 1]) != name;
    if (new_section) {
      switch (drift) {
        case Drift::CreatedExtension:
          out += "\n[+] Added extensions\n";
          break;
        case Drift::AddedSchema:
          out += "\n[+] Added Schemas\n";
          break;
        case Drift::AddedEnum:
          out += "\n[+] Added enums\n";
          break;
        case Drift::AddedTable:
          out += "\n[+] Added tables\n";
          break;
        case Drift::ChangedTable:
          out += "\n[*] Changed the `" + name + "` table\n";
          break;
        default:
          break;
      }
    }
    const auto& s = steps[step_index];
    switch (s.kind) {
      case StepKind::CreateExtension:
        out += "  - " + c.get(ExtensionId{s.object}).name + "\n";
        break;
      case StepKind::CreateSchema:
        out += "  - " + c.get(NamespaceId{s.object}).name + "\n";
        break;
      case StepKind::CreateEnum:
        out += "  - " + c.get(EnumId{s.object}).name + "\n";
        break;
      case StepKind::CreateTable:
        out += "  - " + c.get(TableId{s.object}).name + "\n";
        break;
      case StepKind::CreateIndex: {
        const Index& idx = c.get(IndexId{s.object});
        std::vector<ColumnId> cols;
        for (const auto& ic : idx.columns)
          cols.push_back(ic.column);
        out += idx.kind == IndexKind::Unique ? "  [+] Added unique index on columns ("
                                             : "  [+] Added index on columns (";
        out += joined_columns(c, cols) + ")\n";
        break;
      }
      case StepKind::AddForeignKey:
        out += "  [+] Added foreign key on columns (" +
               joined_columns(c, c.get(ForeignKeyId{s.object}).columns) + ")\n";
        break;
      default:
        break;
    }
  }
  return out;
}

std::string cli_file_text(std::string_view text) {
  std::string out{text};
  if (out.empty() || out.back() != '\n') out += '\n';
  return out;
}

std::string cli_stdout_text(std::string_view text) {
  return cli_file_text(text) + "\n";
}

}  // namespace godwit::schema
