#include "schema/script.hpp"

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
    case StepKind::RenameTable:
      return "RenameTable";
    case StepKind::RenameEnum:
      return "RenameEnum";
    case StepKind::RenameColumn:
      return "RenameColumn";
    case StepKind::RenameEnumValue:
      return "RenameEnumValue";
  }
  return "?";
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
