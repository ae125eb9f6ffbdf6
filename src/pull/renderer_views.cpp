// db pull: `view` blocks, for Prisma's `views` preview feature (renderer.hpp; ENG
// rendering/views.rs, introspection_pair/view.rs, warnings/view.rs). A view has no keys in the
// database, so its identifiers, names and attributes come from the previous `view` block only.
#include <algorithm>

#include "psl/validate.hpp"
#include "pull/names.hpp"
#include "pull/psl_terms.hpp"
#include "pull/renderer.hpp"

namespace godwit::pull::detail {

namespace {

std::string field_list(const psl::Model& m, const std::vector<psl::IndexField>& fields) {
  std::vector<std::string> names;
  for (const auto& f : fields) {
    std::string name = m.fields[f.field.value].name;
    if (f.sort == psl::SortOrder::Desc) name += "(sort: Desc)";
    names.push_back(std::move(name));
  }
  return "[" + join(names, ", ") + "]";
}

}  // namespace

std::string PullRenderer::render_view_field(schema::ViewId id, std::size_t column) const {
  const auto& col = c_.get(id).columns[column];
  const psl::Field* prev = prev_.view_field(id, column);
  const psl::Model* view = prev_.view(id);
  std::string name = prev ? prev->name : needs_sanitation(col.name) ? sanitize(col.name) : col.name;
  std::string line =
      (prev ? doc_lines(prev->documentation, "  ") : "") + "  " + name + " " + type_name(col);
  // ENG flavour keep_previous_scalar_field_arity: the database calls every view column
  // nullable, so a previous field's arity wins.
  if (prev && col.arity == schema::Arity::Nullable) {
    if (prev->arity == psl::Arity::Optional) line += "?";
    if (prev->arity == psl::Arity::List) line += "[]";
  } else if (col.arity == schema::Arity::Nullable) {
    line += "?";
  } else if (col.arity == schema::Arity::List) {
    line += "[]";
  }
  std::vector<std::string> attrs;
  if (prev && prev->is_updated_at) attrs.push_back("@updatedAt");
  if (prev) {
    const auto field_id = static_cast<std::uint32_t>(prev - view->fields.data());
    for (const auto& idx : view->indexes) {
      if (idx.kind == psl::Index::Kind::Unique && idx.source_field &&
          idx.source_field->value == field_id) {
        std::string sort = idx.fields.size() == 1 && idx.fields[0].sort == psl::SortOrder::Desc
                               ? "(sort: Desc)"
                               : "";
        attrs.push_back("@unique" + sort);
        break;
      }
    }
  }
  if (auto d = field_default(col, prev); !d.empty()) attrs.push_back(d);
  std::optional<std::string> map =
      prev ? prev->mapped_name
           : (needs_sanitation(col.name) ? std::optional<std::string>(col.name) : std::nullopt);
  if (map) attrs.push_back("@map(" + psl_quoted(*map) + ")");
  if (auto n = native_type_attribute(col.type, o_); !n.empty()) attrs.push_back(n);
  if (prev && prev->is_ignored) attrs.push_back("@ignore");
  for (const auto& a : attrs)
    line += " " + a;
  return line + "\n";
}

std::string PullRenderer::render_view_block_attributes(schema::ViewId id) const {
  const auto& view = c_.get(id);
  const psl::Model* prev = prev_.view(id);
  std::string out;
  // A valid previous view has unique criteria only, without `map:` (psl validation).
  for (std::size_t i = 0; prev && i < prev->indexes.size(); ++i) {
    const auto& idx = prev->indexes[i];
    if (idx.kind != psl::Index::Kind::Unique || idx.source_field) continue;
    out += "  @@unique(" + field_list(*prev, idx.fields) +
           (idx.name ? ", name: " + psl_quoted(*idx.name) : "") + ")\n";
  }
  std::optional<std::string> map = prev ? prev->mapped_name : std::nullopt;
  if (!prev && view_names_[id.value] != view.name) map = view.name;
  if (map) out += "  @@map(" + psl_quoted(*map) + ")\n";
  if (prev && prev->is_ignored) out += "  @@ignore\n";
  out += namespace_attribute(view.namespace_id);
  return out;
}

std::string PullRenderer::render_view(schema::ViewId id) const {
  const auto& view = c_.get(id);
  const psl::Model* prev = prev_.view(id);
  std::string docs = prev ? doc_lines(prev->documentation, "") : "";
  const std::string& name = view_names_[id.value];
  if (!prev && psl::is_reserved_model_name(view.name) && name == "Renamed" + view.name) {
    docs += fmt::format(
        "/// This view has been renamed to '{}' during introspection, because the original name "
        "'{}' is reserved.\n",
        name, view.name);
  }
  bool commented = view.description.has_value() ||
                   std::any_of(view.column_descriptions.begin(), view.column_descriptions.end(),
                               [](const auto& d) { return d.has_value(); });
  if (!prev && commented) {
    docs +=
        "/// This view or at least one of its fields has comments in the database, and requires "
        "an additional setup for migrations: Read more: https://pris.ly/d/database-comments\n";
  }
  std::string out = docs + "view " + name + " {\n";
  for (std::size_t i = 0; i < view.columns.size(); ++i)
    out += render_view_field(id, i);
  std::string block = render_view_block_attributes(id);
  if (!block.empty()) out += "\n" + block;
  return out + "}\n";
}

void PullRenderer::view_warnings(std::vector<std::string>& remapped_fields,
                                 std::vector<std::string>& unsupported,
                                 std::vector<std::string>& remapped,
                                 std::vector<std::string>& duplicates,
                                 std::vector<std::string>& comments) const {
  auto q = [](const std::string& s) { return "\"" + s + "\""; };
  // ENG warnings/view.rs runs over the views in the order the database lists them.
  std::vector<schema::ViewId> listed;
  for (std::size_t v = 0; o_.views && v < c_.views.size(); ++v)
    listed.push_back(schema::ViewId{static_cast<std::uint32_t>(v)});
  std::sort(listed.begin(), listed.end(),
            [&](auto a, auto b) { return c_.get(a).listed < c_.get(b).listed; });
  for (schema::ViewId id : listed) {
    const std::size_t v = id.value;
    const auto& view = c_.get(id);
    const psl::Model* prev = prev_.view(id);
    const std::string& name = view_names_[v];
    if (view_duplicate_name_[v])
      duplicates.push_back(fmt::format("Type: \"view\", name: {}", q(name)));
    if (prev && prev->mapped_name) remapped.push_back(q(name));
    if (view.description) comments.push_back(fmt::format("Type: \"view\", name: {}", q(name)));
    for (std::size_t i = 0; i < view.columns.size(); ++i) {
      const auto& col = view.columns[i];
      const psl::Field* f = prev_.view_field(id, i);
      std::string field = f ? f->name : needs_sanitation(col.name) ? sanitize(col.name) : col.name;
      if (f && f->mapped_name)
        remapped_fields.push_back(fmt::format("View: {}, field: {}", q(name), q(f->name)));
      if (col.type.family == schema::TypeFamily::Unsupported)
        unsupported.push_back(fmt::format("View: {}, field: {}, original data type: {}", q(name),
                                          q(field), q(col.type.raw)));
      if (view.column_descriptions[i])
        comments.push_back(fmt::format("Type: \"field\", name: {}", q(name + "." + field)));
    }
  }
}

}  // namespace godwit::pull::detail
