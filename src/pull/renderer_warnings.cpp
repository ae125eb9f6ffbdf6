// db pull: the warnings Prisma prints after a pull (renderer.hpp).
#include "pull/renderer.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "pull/names.hpp"
#include "pull/psl_terms.hpp"
#include "schema/naming.hpp"

namespace godwit::pull::detail {

std::string PullRenderer::warnings() const {
  std::vector<std::string> remapped_fields, without_identifiers, id_names, unsupported,
      remapped_models, remapped_values, remapped_enums, copied_relations, duplicates, checks;
  auto q = [](const std::string& s) { return "\"" + s + "\""; };
  for (std::size_t e = 0; e < c_.enums.size(); ++e) {
    const psl::Enum* prev = prev_.enum_(schema::EnumId{static_cast<std::uint32_t>(e)});
    const std::string& name = enum_names_[e];
    if (prev && prev->mapped_name) remapped_enums.push_back(q(name));
    if (enum_duplicate_name_[e])
      duplicates.push_back(fmt::format("Type: \"enum\", name: {}", q(name)));
    for (std::size_t i = 0; prev && i < prev->values.size(); ++i) {
      const auto& v = prev->values[i];
      bool present = std::find(c_.enums[e].values.begin(), c_.enums[e].values.end(),
                               v.database_name()) != c_.enums[e].values.end();
      if (present && v.mapped_name && !needs_sanitation(v.name))
        remapped_values.push_back(fmt::format("Enum: {}, value: {}", q(name), q(v.name)));
    }
  }
  for (std::size_t i = 0; i < c_.tables.size(); ++i) {
    if (join_table_[i]) continue;
    TableId t{static_cast<std::uint32_t>(i)};
    const auto& table = c_.get(t);
    const psl::Model* prev = prev_.model(t);
    const std::string& name = model_names_[i];
    if (previous_id_name(t)) id_names.push_back(q(name));
    if (!table.columns.empty() && !has_usable_identifier(t) && !(prev && prev->is_ignored))
      without_identifiers.push_back(q(name));
    if (duplicate_name_[i]) duplicates.push_back(fmt::format("Type: \"model\", name: {}", q(name)));
    if (prev && prev->mapped_name) remapped_models.push_back(q(name));
    for (schema::CheckId id : table.checks)
      checks.push_back(fmt::format("Model: {}, constraint: {}", q(name), q(c_.get(id).name)));
    for (ColumnId id : table.columns) {
      const psl::Field* f = prev_.field(id);
      if (f && f->mapped_name)
        remapped_fields.push_back(fmt::format("Model: {}, field: {}", q(name), q(f->name)));
      const auto& col = c_.get(id);
      if (col.type.family == schema::TypeFamily::Unsupported)
        unsupported.push_back(fmt::format("Model: {}, field: {}, original data type: {}", q(name),
                                          q(field_name(id)), q(col.type.raw)));
    }
    if (!o_.foreign_keys && prev) {
      for (const auto& f : prev->fields) {
        if (f.is_relation() && !prev_.model_missing[f.type.model_id.value] &&
            !prev_.schema->model(f.type.model_id).is_view)
          copied_relations.push_back(q(prev_.schema->model(f.type.model_id).name));
      }
    }
  }
  std::vector<std::string> view_remapped_fields, view_unsupported, remapped_views, comments;
  view_warnings(view_remapped_fields, view_unsupported, remapped_views, duplicates, comments);
  std::string out;
  auto section = [&](std::string_view message, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += fmt::format("\n{}\n", message);
    for (const auto& item : items)
      out += "  - " + item + "\n";
  };
  const std::string_view enriched = "were enriched with";
  section(fmt::format("These fields {} `@map` information taken from the previous Prisma schema:",
                      enriched),
          remapped_fields);
  section(fmt::format("These fields {} `@map` information taken from the previous Prisma schema:",
                      enriched),
          view_remapped_fields);
  section(
      "The following models were ignored as they do not have a valid unique identifier or id. "
      "This is currently not supported by Prisma Client:",
      without_identifiers);
  section(
      fmt::format("These models {} custom compound id names taken from the previous Prisma schema:",
                  enriched),
      id_names);
  const std::string_view unsupported_types =
      "These fields are not supported by Prisma Client, because Prisma currently does not "
      "support their types:";
  section(unsupported_types, unsupported);
  section(unsupported_types, view_unsupported);
  section(fmt::format("These models {} `@@map` information taken from the previous Prisma "
                      "schema:",
                      enriched),
          remapped_models);
  section(fmt::format("These views {} `@@map` information taken from the previous Prisma schema:",
                      enriched),
          remapped_views);
  section(fmt::format("These enum values {} `@map` information taken from the previous Prisma "
                      "schema:",
                      enriched),
          remapped_values);
  section(fmt::format("These enums {} `@@map` information taken from the previous Prisma "
                      "schema:",
                      enriched),
          remapped_enums);
  section(
      "Relations were copied from the previous data model due to not using foreign keys in the "
      "database. If any of the relation columns changed in the database, the relations might "
      "not be correct anymore:",
      copied_relations);
  section("These items were renamed due to their names being duplicates in the Prisma schema:",
          duplicates);
  section(
      "These constraints are not supported by Prisma Client, because Prisma currently does not "
      "fully support check constraints. Read more: https://pris.ly/d/check-constraints",
      checks);
  section(
      "These objects have comments defined in the database, which is not yet fully supported. "
      "Read more: https://pris.ly/d/database-comments",
      comments);
  return out.empty() ? out : "*** WARNING ***\n" + out;
}

}  // namespace godwit::pull::detail
