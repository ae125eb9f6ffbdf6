#include <fmt/format.h>

#include "psl/model.hpp"

namespace godwit::psl {
namespace {

std::string literal(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::String:
      return fmt::format("{:?}", l.text);
    case Literal::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < l.items.size(); ++i)
        out += (i ? ", " : "") + literal(l.items[i]);
      return out + "]";
    }
    default:
      return l.text;
  }
}

std::string field_type(const Schema& s, const Field& f) {
  std::string t;
  switch (f.type.kind) {
    case FieldType::Kind::Scalar:
      t = std::string(to_string(f.type.scalar));
      break;
    case FieldType::Kind::Enum:
      t = "enum " + s.enums.at(f.type.enum_id.value).name;
      break;
    case FieldType::Kind::Model:
      t = "model " + s.models.at(f.type.model_id.value).name;
      break;
    case FieldType::Kind::Composite:
      t = "type " + s.composite_types.at(f.type.composite_id.value).name;
      break;
    case FieldType::Kind::Unsupported:
      t = fmt::format("Unsupported({:?})", f.type.unsupported);
      break;
  }
  if (f.arity == Arity::Optional) t += "?";
  if (f.arity == Arity::List) t += "[]";
  return t;
}

std::string index_fields(const Model& m, const std::vector<IndexField>& fields) {
  std::string out = "[";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& f = fields[i];
    out += (i ? ", " : "") + m.fields.at(f.field.value).name;
    if (f.sort) out += *f.sort == SortOrder::Desc ? " desc" : " asc";
    if (f.length) out += fmt::format(" length={}", *f.length);
    if (f.ops) out += fmt::format(" ops={}{}", f.ops_raw ? "raw:" : "", *f.ops);
  }
  return out + "]";
}

const char* algorithm(IndexAlgorithm a) {
  static const char* kNames[] = {"BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"};
  return kNames[static_cast<int>(a)];
}

}  // namespace

std::string to_debug_string(const Schema& s) {
  std::string out;
  if (s.datasource) {
    const auto& d = *s.datasource;
    out += fmt::format("datasource {} provider={} relationMode={}", d.name, d.provider,
                       d.relation_mode);
    for (const auto& sc : d.schemas)
      out += " schema=" + sc;
    out += "\n";
  }
  for (const auto& e : s.extensions)
    out += fmt::format("extension {} db={}\n", e.name, e.database_name());
  for (const auto& g : s.generators)
    out += fmt::format("generator {} provider={}\n", g.name, g.provider);
  for (const auto& f : s.preview_features)
    out += "preview " + f + "\n";
  for (const auto& e : s.enums) {
    out += fmt::format("enum {} db={}{}\n", e.name, e.database_name(),
                       e.schema ? " schema=" + *e.schema : "");
    for (const auto& v : e.values)
      out += fmt::format("  value {} db={}\n", v.name, v.database_name());
  }
  for (const auto& m : s.models) {
    out += fmt::format("{} {} db={}{}{}\n", m.is_view ? "view" : "model", m.name, m.database_name(),
                       m.schema ? " schema=" + *m.schema : "", m.is_ignored ? " ignored" : "");
    for (const auto& f : m.fields) {
      out += fmt::format("  field {} {} db={}", f.name, field_type(s, f), f.database_name());
      if (f.native_type) {
        out += " @" + f.native_type->datasource + "." + f.native_type->name;
        if (!f.native_type->args.empty()) {
          out += "(";
          for (std::size_t i = 0; i < f.native_type->args.size(); ++i)
            out += (i ? "," : "") + f.native_type->args[i];
          out += ")";
        }
      }
      if (f.default_value) {
        const auto& d = *f.default_value;
        if (d.kind == DefaultValue::Kind::Value) {
          out += " default=" + literal(d.value);
        } else {
          static const char* kFns[] = {"autoincrement", "now",         "uuid",     "cuid", "nanoid",
                                       "ulid",          "dbgenerated", "sequence", "auto"};
          out += fmt::format(" default={}(", kFns[static_cast<int>(d.function)]);
          for (std::size_t i = 0; i < d.args.size(); ++i)
            out += (i ? ", " : "") + (d.args[i].first.empty() ? "" : d.args[i].first + ": ") +
                   literal(d.args[i].second);
          out += ")";
        }
        if (d.map) out += " default_map=" + *d.map;
      }
      if (f.is_updated_at) out += " updatedAt";
      if (f.is_ignored) out += " ignored";
      if (f.relation) out += fmt::format(" relation#{}", f.relation->value);
      out += "\n";
    }
    if (m.primary_key) {
      const auto& pk = *m.primary_key;
      out += "  id " + index_fields(m, pk.fields);
      if (pk.name) out += " name=" + *pk.name;
      if (pk.map) out += " map=" + *pk.map;
      out += "\n";
    }
    for (const auto& i : m.indexes) {
      const char* kind = i.kind == Index::Kind::Unique   ? "unique"
                         : i.kind == Index::Kind::Normal ? "index"
                                                         : "fulltext";
      out += fmt::format("  {} {}", kind, index_fields(m, i.fields));
      if (i.name) out += " name=" + *i.name;
      if (i.map) out += " map=" + *i.map;
      if (i.algorithm) out += std::string(" type=") + algorithm(*i.algorithm);
      out += "\n";
    }
  }
  for (std::size_t r = 0; r < s.relations.size(); ++r) {
    const auto& rel = s.relations[r];
    const char* kind = rel.kind == Relation::Kind::OneToOne    ? "1:1"
                       : rel.kind == Relation::Kind::OneToMany ? "1:n"
                                                               : "m:n";
    const Model& a = s.models.at(rel.model_a.value);
    const Model& b = s.models.at(rel.model_b.value);
    out += fmt::format("relation#{} {} {} {}.{} -> {}.{}", r, kind, rel.name, a.name,
                       a.fields.at(rel.field_a.value).name, b.name,
                       b.fields.at(rel.field_b.value).name);
    if (!rel.fields.empty()) {
      out += " fields=";
      for (std::size_t i = 0; i < rel.fields.size(); ++i)
        out += (i ? "," : "") + a.fields.at(rel.fields[i].value).name;
      out += " references=";
      for (std::size_t i = 0; i < rel.references.size(); ++i)
        out += (i ? "," : "") + b.fields.at(rel.references[i].value).name;
    }
    if (rel.on_delete) out += " onDelete=" + std::string(to_string(*rel.on_delete));
    if (rel.on_update) out += " onUpdate=" + std::string(to_string(*rel.on_update));
    if (rel.map) out += " map=" + *rel.map;
    out += "\n";
  }
  return out;
}

}  // namespace godwit::psl
