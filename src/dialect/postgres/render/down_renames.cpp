#include "dialect/postgres/render/down_renames.hpp"

#include "core/error.hpp"
#include "dialect/postgres/pgparse/facts.hpp"

namespace godwit::postgres {

std::vector<down::StatementRename> PostgresRenameReader::renames(std::string_view script) const {
  using Kind = down::StatementRename::Kind;
  std::vector<down::StatementRename> out;
  FileFacts facts;
  try {
    facts = file_facts(script);
  } catch (const core::Error&) {
    return out;  // a NUL byte: the runner refuses the file anyway
  }
  for (const auto& statement : facts.facts) {
    for (const auto& a : statement.actions) {
      switch (a.op) {
        case Op::kRenameTable:
          if (a.object_kind == "TABLE") {
            out.push_back({Kind::kTable, a.table.schema, a.table.name, a.table.name, a.new_name});
          }
          break;
        case Op::kRenameColumn:
          out.push_back({Kind::kColumn, a.table.schema, a.table.name, a.column.name, a.new_name});
          break;
        case Op::kRenameEnumValue:
          out.push_back({Kind::kEnumValue, a.table.schema, a.table.name, a.object, a.new_name});
          break;
        case Op::kRenameOther:
          if (a.object_kind == "TYPE") {
            out.push_back({Kind::kEnum, a.table.schema, a.table.name, a.table.name, a.new_name});
          }
          break;
        default:
          break;
      }
    }
  }
  return out;
}

}  // namespace godwit::postgres
