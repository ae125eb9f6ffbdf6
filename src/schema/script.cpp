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
    auto holding = c.namespaces_holding_objects();
    for (std::size_t i = 0; i < c.namespaces.size(); ++i) {
      if (holding[i]) steps.push_back({StepKind::CreateSchema, u32(i)});
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

namespace {

// Prisma's script layout, written straight into one string: `-- <Kind>` before the first
// statement of every step, steps separated by a blank line, `;\n` after each statement.
class ScriptWriter {
 public:
  ScriptWriter(const std::vector<std::string>& warnings, std::size_t size_hint) {
    out_.reserve(size_hint);
    if (warnings.empty()) return;
    out_ += "/*\n  Warnings:\n\n";
    for (const auto& w : warnings) {
      out_ += "  - ";
      out_ += w;
      out_ += '\n';
    }
    out_ += "\n*/\n";
  }

  /// Starts a step; its header is written with its first statement (none: no header).
  void begin_step(StepKind kind) {
    kind_ = kind;
    header_pending_ = true;
  }
  void statement(std::string_view sql) {
    if (header_pending_) {
      if (any_) out_ += '\n';
      out_ += "-- ";
      out_ += step_name(kind_);
      out_ += '\n';
      header_pending_ = false;
      any_ = true;
    }
    out_ += sql;
    out_ += ";\n";
  }
  std::string finish() && {
    if (!any_) return "-- This is an empty migration.";
    return std::move(out_);
  }

 private:
  std::string out_;
  StepKind kind_ = StepKind::CreateTable;
  bool header_pending_ = false;
  bool any_ = false;
};

}  // namespace

std::string assemble_script(const std::vector<RenderedStep>& steps,
                            const std::vector<std::string>& warnings) {
  std::size_t size = 0;
  for (const auto& step : steps) {
    size += 32;
    for (const auto& stmt : step.statements)
      size += stmt.size() + 2;
  }
  ScriptWriter w(warnings, size);
  for (const auto& step : steps) {
    w.begin_step(step.kind);
    for (const auto& stmt : step.statements)
      w.statement(stmt);
  }
  return std::move(w).finish();
}

std::string render_create_script(const Catalog& c, const Renderer& r) {
  // An upper bound for typical catalogs, so the script is not copied as it grows; pages
  // reserved but never written cost nothing.
  std::size_t hint =
      4096 + 128 * c.columns.size() + 256 * (c.indexes.size() + c.foreign_keys.size());
  ScriptWriter w({}, hint);
  for (const auto& step : creation_steps(c, r)) {
    w.begin_step(step.kind);
    switch (step.kind) {
      case StepKind::CreateSchema:
        for (const auto& s : r.create_namespace(c, NamespaceId{step.object}))
          w.statement(s);
        break;
      case StepKind::CreateExtension:
        for (const auto& s : r.create_extension(c, ExtensionId{step.object}))
          w.statement(s);
        break;
      case StepKind::CreateEnum:
        for (const auto& s : r.create_enum(c, EnumId{step.object}))
          w.statement(s);
        break;
      case StepKind::CreateTable:
        w.statement(r.create_table(c, TableId{step.object}));
        break;
      case StepKind::CreateIndex:
        w.statement(r.create_index(c, IndexId{step.object}));
        break;
      case StepKind::AddForeignKey:
        w.statement(r.add_foreign_key(c, ForeignKeyId{step.object}));
        break;
      default:
        break;
    }
  }
  return std::move(w).finish();
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
        out += is_unique(idx.kind) ? "  [+] Added unique index on columns ("
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

std::string_view cli_file_ending(std::string_view text) {
  return text.empty() || text.back() != '\n' ? "\n" : "";
}

std::string_view cli_stdout_ending(std::string_view text) {
  return text.empty() || text.back() != '\n' ? "\n\n" : "\n";
}

std::string cli_file_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 1);
  out += text;
  out += cli_file_ending(text);
  return out;
}

std::string cli_stdout_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += text;
  out += cli_stdout_ending(text);
  return out;
}

}  // namespace godwit::schema
