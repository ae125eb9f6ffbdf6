// db pull: scalar and relation fields of a model (renderer.hpp).
#include "pull/renderer.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "pull/names.hpp"
#include "pull/psl_terms.hpp"
#include "schema/naming.hpp"

namespace godwit::pull::detail {

std::string PullRenderer::type_name(const schema::Column& col) const {
  if (auto scalar = scalar_of(col.type.family)) return std::string(psl::to_string(*scalar));
  if (col.type.family == schema::TypeFamily::Enum) return enum_names_[col.type.enum_id.value];
  return "Unsupported(" + psl_quoted(col.type.raw) + ")";
}

std::string PullRenderer::field_default(const schema::Column& col, const psl::Field* prev) const {
  const auto& d = col.default_value;
  if (col.type.family == schema::TypeFamily::Enum && col.identity == schema::Identity::None && d &&
      d->kind == schema::DefaultKind::Value && d->value.kind == schema::Value::Kind::Enum) {
    if (const psl::Enum* e = prev_.enum_(col.type.enum_id)) {
      for (const auto& v : e->values) {
        if (v.database_name() == d->value.text) return "@default(" + v.name + ")";
      }
    }
  }
  std::string out = default_attribute(col);
  bool none_in_database =
      col.identity == schema::Identity::None && (!d || d->kind == schema::DefaultKind::PrismaLevel);
  bool string =
      col.type.family == schema::TypeFamily::String || col.type.family == schema::TypeFamily::Uuid;
  if (!none_in_database || !string || !prev || !prev->default_value ||
      prev->default_value->kind != psl::DefaultValue::Kind::Function)
    return out;
  switch (prev->default_value->function) {
    case psl::DefaultFunction::Cuid:
      return "@default(cuid())";
    case psl::DefaultFunction::Uuid:
      return "@default(uuid())";
    case psl::DefaultFunction::Nanoid:
      return prev->default_value->length
                 ? fmt::format("@default(nanoid({}))", *prev->default_value->length)
                 : "@default(nanoid())";
    default:
      return out;
  }
}

std::string PullRenderer::render_scalar_field(TableId t, ColumnId id) const {
  const auto& table = c_.get(t);
  const auto& col = c_.get(id);
  const psl::Field* prev = prev_.field(id);
  std::string line = (prev ? doc_lines(prev->documentation, "  ") : "") + "  " + field_name(id) +
                     " " + type_name(col);
  if (col.arity == schema::Arity::Nullable) line += "?";
  if (col.arity == schema::Arity::List) line += "[]";
  std::vector<std::string> attrs;
  if (prev && prev->is_updated_at) attrs.push_back("@updatedAt");
  std::string id_attr;
  // @id: a one-column primary key.
  if (auto pk = c_.primary_key(t)) {
    const auto& idx = c_.get(*pk);
    if (idx.columns.size() == 1 && idx.columns[0].column == id) {
      std::vector<std::string> args;
      if (idx.columns[0].sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
      if (idx.name != schema::primary_key_name(table.name, limit_))
        args.push_back("map: " + psl_quoted(idx.name));
      id_attr = args.empty() ? "@id" : "@id(" + join(args, ", ") + ")";
    }
  }
  // @unique: the first one-column unique index on this column.
  for (IndexId iid : table.indexes) {
    const auto& idx = c_.get(iid);
    if (!schema::is_unique(idx.kind) || idx.columns.size() != 1 || idx.columns[0].column != id)
      continue;
    std::vector<std::string> args;
    if (idx.columns[0].sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
    if (idx.name != schema::unique_index_name(table.name, {col.name}, limit_))
      args.push_back("map: " + psl_quoted(idx.name));
    if (auto& where = condition(iid); !where.empty())
      args.push_back("where: raw(" + psl_quoted(where) + ")");
    attrs.push_back(args.empty() ? "@unique" : "@unique(" + join(args, ", ") + ")");
    break;
  }
  if (!id_attr.empty()) attrs.push_back(id_attr);
  if (auto d = field_default(col, prev); !d.empty()) attrs.push_back(d);
  if (auto map = field_map(id)) attrs.push_back("@map(" + psl_quoted(*map) + ")");
  if (auto n = native_type_attribute(col.type, o_); !n.empty()) attrs.push_back(n);
  if (prev && prev->is_ignored) attrs.push_back("@ignore");
  for (const auto& a : attrs)
    line += " " + a;
  return line + "\n";
}

std::string PullRenderer::render_relation_field(TableId t, const RelationField& rf) const {
  const auto& fk = c_.get(rf.fk);
  if (rf.many_to_many) {
    const auto& names = m2m_names_.at(fk.table.value);
    std::string line =
        "  " + names[rf.forward ? 1 : 2] + " " + model_names_[fk.referenced_table.value] + "[]";
    if (!names[0].empty()) line += " @relation(" + psl_quoted(names[0]) + ")";
    return line + "\n";
  }
  const auto& names = relation_names_.at(rf.fk.value);
  std::string line;
  std::vector<std::string> args;
  if (!names[0].empty()) args.push_back(psl_quoted(names[0]));
  if (rf.forward) {
    bool any_optional = std::any_of(fk.columns.begin(), fk.columns.end(), [&](ColumnId c) {
      return c_.get(c).arity != schema::Arity::Required;
    });
    bool any_required = std::any_of(fk.columns.begin(), fk.columns.end(), [&](ColumnId c) {
      return c_.get(c).arity == schema::Arity::Required;
    });
    line =
        "  " + names[1] + " " + model_names_[fk.referenced_table.value] + (any_optional ? "?" : "");
    std::vector<std::string> fields, references, db_columns;
    for (ColumnId c : fk.columns) {
      fields.push_back(field_name(c));
      db_columns.push_back(c_.get(c).name);
    }
    for (ColumnId c : fk.referenced_columns)
      references.push_back(field_name(c));
    args.push_back("fields: [" + join(fields, ", ") + "]");
    args.push_back("references: [" + join(references, ", ") + "]");
    using R = schema::ReferentialAction;
    bool default_delete = (!any_required && fk.on_delete == R::SetNull) ||
                          (any_required && fk.on_delete == R::Restrict);
    if (!default_delete) args.push_back(fmt::format("onDelete: {}", action_name(fk.on_delete)));
    if (fk.on_update != R::Cascade)
      args.push_back(fmt::format("onUpdate: {}", action_name(fk.on_update)));
    // ENG relation_field.rs constraint_name: the previous relation's `map:` is kept.
    auto rel = prev_.inline_relations[rf.fk.value];
    if (rel && prev_.schema->relation(*rel).map) {
      args.push_back("map: " + psl_quoted(*prev_.schema->relation(*rel).map));
    } else if (fk.name &&
               *fk.name != schema::foreign_key_name(c_.get(t).name, db_columns, limit_)) {
      args.push_back("map: " + psl_quoted(*fk.name));
    }
  } else {
    line = "  " + names[2] + " " + model_names_[fk.table.value] + (back_is_unique(fk) ? "?" : "[]");
  }
  if (!args.empty()) line += " @relation(" + join(args, ", ") + ")";
  // ENG relation_field.rs `ignore`: a side whose model has no usable identifier is ignored
  // as a whole; a relation to such a model from a model that is not ignored is marked
  // @ignore. As Prisma's: "ignored" is the field's table without a usable identifier, or,
  // when the relation is in the previous schema, its foreign key's model with `@@ignore`
  // there (also for the back field).
  bool missing = !has_usable_identifier(fk.table) || !has_usable_identifier(fk.referenced_table);
  const psl::Model* referencing = prev_.model(fk.table);
  bool explicit_ignore =
      prev_.inline_relations[rf.fk.value] && referencing && referencing->is_ignored;
  bool implicit_ignore = !has_usable_identifier(t) && !c_.get(t).columns.empty();
  if (missing && !explicit_ignore && !implicit_ignore) line += " @ignore";
  return line + "\n";
}

std::string PullRenderer::render_emulated_relation_fields(TableId t) const {
  const psl::Model* m = prev_.model(t);
  if (o_.foreign_keys || !m) return "";
  std::string out;
  for (const auto& f : m->fields) {
    if (!f.is_relation() || prev_.model_missing[f.type.model_id.value]) continue;
    const auto& related = prev_.schema->model(f.type.model_id);
    if (related.is_view) continue;
    std::string line = "  " + f.name + " " + related.name +
                       (f.arity == psl::Arity::Optional ? "?"
                        : f.arity == psl::Arity::List   ? "[]"
                                                        : "");
    if (f.relation_attribute) {
      const auto& r = *f.relation_attribute;
      std::vector<std::string> args;
      if (r.name) args.push_back(psl_quoted(*r.name));
      auto names = [](const psl::Model& model, const std::vector<psl::FieldId>& ids) {
        std::vector<std::string> out;
        for (auto id : ids)
          out.push_back(model.fields[id.value].name);
        return "[" + join(out, ", ") + "]";
      };
      if (r.fields) args.push_back("fields: " + names(*m, *r.fields));
      if (r.references) args.push_back("references: " + names(related, *r.references));
      if (r.on_delete) args.push_back(fmt::format("onDelete: {}", psl::to_string(*r.on_delete)));
      if (r.on_update) args.push_back(fmt::format("onUpdate: {}", psl::to_string(*r.on_update)));
      if (r.map) args.push_back("map: " + psl_quoted(*r.map));
      line += args.empty() ? " @relation" : " @relation(" + join(args, ", ") + ")";
    }
    if (f.is_ignored) line += " @ignore";
    out += line + "\n";
  }
  return out;
}

bool PullRenderer::back_is_unique(const schema::ForeignKey& fk) const {
  for (IndexId id : c_.get(fk.table).indexes) {
    const auto& idx = c_.get(id);
    if (idx.kind != schema::IndexKind::PrimaryKey && !schema::is_unique(idx.kind)) continue;
    bool covered = std::all_of(idx.columns.begin(), idx.columns.end(), [&](const auto& ic) {
      return std::find(fk.columns.begin(), fk.columns.end(), ic.column) != fk.columns.end();
    });
    if (covered) return true;
  }
  return false;
}

}  // namespace godwit::pull::detail
