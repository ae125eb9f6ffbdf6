// Index, unique and @@fulltext checks (ENG psl-core validations/indexes.rs,
// postgres_datamodel_connector/validations.rs).
#include <fmt/format.h>

#include <algorithm>

#include "psl/validate/validate_rules_util.hpp"

namespace godwit::psl::detail {

void index_rules(Context& ctx, ModelId id, std::size_t i, const ConstraintNamespace& ns) {
  const Model& m = ctx.model(id);
  const Index& idx = m.indexes[i];
  const ast::Attribute* attr = ctx.mctx(id).indexes[i].attr;
  std::string attr_name = index_attribute_name(idx);
  const Connector& c = *ctx.connector;
  if (idx.fields.empty()) {
    rule_attribute_error(
        ctx, attr_name,
        "The list of fields in an index cannot be empty. Please specify at least one "
        "field.",
        idx.span);
  }
  const std::string& name = ns.index_names[id.value][i];
  for (auto scope : ns.violations(ctx, id, ConstraintNamespace::Kind::Index, name)) {
    Span span = attribute_arg_span(attr, "map")
                    .value_or(attribute_arg_span(attr, "name").value_or(idx.span));
    rule_attribute_error(
        ctx, attr_name,
        fmt::format("The given constraint name `{}` has to be unique in the following "
                    "namespace: {}. Please provide a different name using the `map` "
                    "argument.",
                    name, describe_scope(scope, m.name)),
        span);
  }
  if (idx.kind == Index::Kind::Unique && idx.fields.size() > 1) {
    std::vector<std::string> names;
    for (const auto& f : idx.fields)
      names.push_back(m.fields[f.field.value].name);
    std::string client = join_list(names, "_");
    if (std::any_of(m.fields.begin(), m.fields.end(),
                    [&](const Field& f) { return !f.is_relation() && f.name == client; })) {
      ctx.diags.error(fmt::format("Error validating {0} \"{1}\": The field `{2}` clashes with the "
                                  "`{3}` name. Please resolve the conflict by providing a custom "
                                  "id name: `{3}([...], name: \"custom_name\")`",
                                  ctx.container(id), m.name, client, attr_name),
                      idx.span);
    }
  }
  if (idx.name) {
    auto it = ns.local_custom.find({id.value, *idx.name});
    if (it != ns.local_custom.end() && it->second > 1) {
      rule_attribute_error(ctx, attr_name,
                           fmt::format("The given custom name `{}` has to be unique on the model. "
                                       "Please provide a different name for the `name` argument.",
                                       *idx.name),
                           attribute_arg_span(attr, "name").value_or(idx.span));
    }
  }
  bool has_length = std::any_of(idx.fields.begin(), idx.fields.end(),
                                [](const IndexField& f) { return f.length.has_value(); });
  bool has_sort = std::any_of(idx.fields.begin(), idx.fields.end(),
                              [](const IndexField& f) { return f.sort.has_value(); });
  if (!c.has(Capability::IndexColumnLengthPrefixing) && has_length) {
    rule_attribute_error(
        ctx, attr_name,
        "The length argument is not supported in an index definition with the current "
        "connector",
        idx.span);
  }
  if (idx.algorithm && !c.supports_index_algorithm(*idx.algorithm)) {
    rule_attribute_error(ctx, attr_name,
                         "The given index type is not supported with the current connector",
                         attribute_arg_span(attr, "type").value_or(idx.span));
  }
  if (c.supports_index_algorithm(IndexAlgorithm::Hash) && idx.algorithm == IndexAlgorithm::Hash &&
      has_sort) {
    rule_attribute_error(ctx, attr_name, "Hash type does not support sort option.", idx.span);
  }
  if (idx.kind == Index::Kind::Fulltext) {
    if (!c.has(Capability::FullTextIndex)) {
      rule_attribute_error(ctx, attr_name,
                           "Defining fulltext indexes is not supported with the current connector.",
                           idx.span);
    } else if (has_length) {
      rule_attribute_error(ctx, attr_name,
                           "The length argument is not supported in a @@fulltext attribute.",
                           idx.span);
    }
  }
  if (attr) validate_db_name_length(ctx, m.name, *attr, idx.map, !idx.source_field);
  if (idx.clustered && !c.has(Capability::ClusteringSetting)) {
    rule_attribute_error(
        ctx, attr_name, "Defining clustering is not supported in the current connector.", idx.span);
  }
  if (idx.where) {
    if (!ctx.preview_features.count("partialIndexes")) {
      rule_attribute_error(ctx, attr_name,
                           "Partial indexes are a preview feature. Add \"partialIndexes\" to "
                           "previewFeatures in your generator block.",
                           idx.where->span);
    } else if (!c.has(Capability::PartialIndex)) {
      rule_attribute_error(ctx, attr_name,
                           "Partial indexes (with a `where` clause) are not supported by the "
                           "current connector.",
                           idx.where->span);
    }
  }
  if (idx.kind != Index::Kind::Normal &&
      std::any_of(idx.fields.begin(), idx.fields.end(),
                  [](const IndexField& f) { return f.ops.has_value(); })) {
    rule_attribute_error(ctx, attr_name,
                         "Operator classes can only be defined to fields in an @@index attribute.",
                         idx.span);
  }
  if (c.has(Capability::IndexColumnLengthPrefixing)) {
    for (const auto& f : idx.fields) {
      const Field& fld = m.fields[f.field.value];
      bool ok = fld.type.kind == FieldType::Kind::Unsupported ||
                (fld.type.kind == FieldType::Kind::Scalar &&
                 (fld.type.scalar == ScalarType::String || fld.type.scalar == ScalarType::Bytes));
      if (f.length && !ok) {
        rule_attribute_error(
            ctx, attr_name,
            "The length argument is only allowed with field types `String` or `Bytes`.", idx.span);
      }
    }
  }
  // PostgreSQL index checks (ENG postgres_datamodel_connector/validations.rs).
  if (c.provider == "postgresql") {
    for (const auto& f : idx.fields) {
      const Field& fld = m.fields[f.field.value];
      if (fld.native_type && fld.native_type->name == "Xml") {
        ctx.diags.error(idx.kind == Index::Kind::Unique
                            ? "Native type `Xml` cannot be unique in Postgres."
                            : "You cannot define an index on fields with native type `Xml` of "
                              "Postgres.",
                        fld.span);
        break;
      }
    }
    if (idx.algorithm == IndexAlgorithm::SpGist && idx.fields.size() != 1) {
      rule_attribute_error(ctx, attr_name, "SpGist does not support multi-column indices.",
                           idx.span);
    }
    IndexAlgorithm algo = idx.algorithm.value_or(IndexAlgorithm::BTree);
    if (algo != IndexAlgorithm::BTree && algo != IndexAlgorithm::Hash) {
      static const char* kAlgoNames[] = {"BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"};
      for (const auto& f : idx.fields) {
        if (f.ops_raw || f.ops) continue;  // operator classes: godwit trusts them
        const Field& fld = m.fields[f.field.value];
        bool ok = true;
        bool is = fld.type.kind == FieldType::Kind::Scalar;
        auto st = fld.type.scalar;
        const std::string nt = fld.native_type ? fld.native_type->name : "";
        if (fld.type.kind == FieldType::Kind::Unsupported) continue;
        switch (algo) {
          case IndexAlgorithm::Gist:
            ok = nt == "Inet";
            break;
          case IndexAlgorithm::Gin:
            ok = fld.arity == Arity::List ||
                 (is && st == ScalarType::Json && (nt.empty() || nt == "JsonB"));
            break;
          case IndexAlgorithm::SpGist:
            ok = nt == "Inet" || (nt.empty() && is && st == ScalarType::String) || nt == "Text" ||
                 nt == "VarChar" || nt == "Char";
            break;
          case IndexAlgorithm::Brin:
            ok = !nt.empty() ? nt != "Text" && nt != "Json" && nt != "JsonB" && nt != "Xml" &&
                                   nt != "Citext"
                             : is && st != ScalarType::Boolean && st != ScalarType::Json &&
                                   st != ScalarType::String;
            break;
          default:
            break;
        }
        if (ok) continue;
        if (!nt.empty()) {
          rule_attribute_error(
              ctx, attr_name,
              fmt::format("The {} index field type `{}` has no default operator class.",
                          kAlgoNames[static_cast<int>(algo)], nt),
              idx.span);
        } else {
          rule_attribute_error(
              ctx, attr_name,
              fmt::format("The {} index type does not support the type of the field `{}`.",
                          kAlgoNames[static_cast<int>(algo)], fld.name),
              idx.span);
        }
      }
    }
  }
}

}  // namespace godwit::psl::detail
