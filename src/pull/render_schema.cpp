// Catalog -> Prisma schema, following Prisma's introspection (see render_schema.hpp for the
// rules and the ENG files they come from): the renderer's models, enums and block attributes
// (renderer.hpp), and the entry points.
#include "pull/render_schema.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "psl/diagnostics.hpp"
#include "psl/format.hpp"
#include "psl/validate.hpp"
#include "pull/names.hpp"
#include "pull/psl_terms.hpp"
#include "pull/renderer.hpp"
#include "schema/naming.hpp"

namespace godwit::pull {
namespace detail {

PullRenderer::PullRenderer(const Catalog& c, const PullOptions& o)
    : c_(c), o_(o), prev_(match_previous(c, o.previous)) {
  limit_ = o.flavour ? o.flavour->identifier_limit : schema::kPostgresIdentifierLimit;
  for (std::size_t t = 0; t < c_.tables.size(); ++t)
    join_table_.push_back(is_join_table(TableId{static_cast<std::uint32_t>(t)}));
  name_models();  // and views (PullOptions::views)
  if (o_.foreign_keys) name_relations();
}

std::size_t PullRenderer::model_count() const {
  return static_cast<std::size_t>(std::count(join_table_.begin(), join_table_.end(), false));
}

bool PullRenderer::has_partial_index() const {
  return std::any_of(c_.postgres.indexes.begin(), c_.postgres.indexes.end(),
                     [](const auto& entry) { return !entry.second.condition.empty(); });
}

// ENG rendering/models.rs, enums.rs: the previous schema's models and enums first, in their
// order there, then the new ones in the catalog's order.
PullRenderer::Order PullRenderer::order() const {
  Order order;
  for (std::size_t t = 0; t < c_.tables.size(); ++t) {
    if (!join_table_[t]) order.tables.push_back(TableId{static_cast<std::uint32_t>(t)});
  }
  for (std::size_t e = 0; e < c_.enums.size(); ++e)
    order.enums.push_back(schema::EnumId{static_cast<std::uint32_t>(e)});
  auto by_previous = [](const auto& positions) {
    return [&positions](auto a, auto b) {
      const auto &pa = positions[a.value], &pb = positions[b.value];
      if (pa && pb) return pa->value < pb->value;
      return pa.has_value() && !pb.has_value();
    };
  };
  std::stable_sort(order.tables.begin(), order.tables.end(), by_previous(prev_.models));
  std::stable_sort(order.enums.begin(), order.enums.end(), by_previous(prev_.enums));
  if (o_.views) {
    // New views in the order the database lists them (ENG views.rs keeps the describer's).
    for (std::size_t v = 0; v < c_.views.size(); ++v)
      order.views.push_back(schema::ViewId{static_cast<std::uint32_t>(v)});
    std::sort(order.views.begin(), order.views.end(),
              [&](auto a, auto b) { return c_.get(a).listed < c_.get(b).listed; });
    std::stable_sort(order.views.begin(), order.views.end(), by_previous(prev_.views));
  }
  return order;
}

std::string PullRenderer::render() {
  std::string out = o_.config;
  if (has_partial_index()) out = with_preview_feature(out, "partialIndexes");
  const Order o = order();
  for (TableId t : o.tables)
    out += "\n" + render_model(t);
  for (schema::ViewId v : o.views)
    out += "\n" + render_view(v);
  for (schema::EnumId e : o.enums)
    out += "\n" + render_enum(e);
  return out;
}

std::vector<std::string> PullRenderer::render_files(std::vector<std::string> configs,
                                                    std::size_t new_file) {
  std::vector<std::string> out(std::max(configs.size(), new_file + 1));
  for (std::size_t i = 0; i < configs.size(); ++i)
    out[i] = has_partial_index() ? with_preview_feature(configs[i], "partialIndexes") : configs[i];
  const Order o = order();
  for (TableId t : o.tables) {
    const psl::Model* prev = prev_.model(t);
    out[prev ? prev->span.file : new_file] += "\n" + render_model(t);
  }
  for (schema::ViewId v : o.views) {
    const psl::Model* prev = prev_.view(v);
    out[prev ? prev->span.file : new_file] += "\n" + render_view(v);
  }
  for (schema::EnumId e : o.enums) {
    const psl::Enum* prev = prev_.enum_(e);
    out[prev ? prev->span.file : new_file] += "\n" + render_enum(e);
  }
  return out;
}

std::string PullRenderer::doc_lines(const std::string& doc, std::string_view indent) {
  if (doc.empty()) return "";
  std::string out;
  std::size_t start = 0;
  while (true) {
    auto end = doc.find('\n', start);
    auto line = doc.substr(start, end - start);
    out += fmt::format("{}///{}{}\n", indent, line.empty() ? "" : " ", line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::vector<std::string> PullRenderer::column_names(
    const std::vector<schema::IndexColumn>& cols) const {
  std::vector<std::string> out;
  for (const auto& ic : cols)
    out.push_back(c_.get(ic.column).name);
  return out;
}

const std::string& PullRenderer::condition(IndexId id) const {
  const auto& predicate = c_.get(id).predicate;
  return predicate.empty() ? c_.postgres.index(id).condition : predicate;
}

std::string PullRenderer::namespace_attribute(schema::NamespaceId ns) const {
  return o_.namespaces ? fmt::format("  @@schema({})\n", psl_quoted(c_.get(ns).name)) : "";
}

std::string PullRenderer::index_fields(IndexId id) const {
  const auto& idx = c_.get(id);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < idx.columns.size(); ++i) {
    const auto& ic = idx.columns[i];
    std::vector<std::string> args;
    if (ic.sort == schema::SortOrder::Desc) args.push_back("sort: Desc");
    // A column type's default class is not printed (pg_opclass.opcdefault).
    const auto& defaults = c_.postgres.index(id).default_operator_classes;
    bool is_default = i < defaults.size() && defaults[i];
    if (auto ops = c_.postgres.operator_class(id, i); !ops.empty() && !is_default)
      args.push_back("ops: " + ops_argument(ops));
    out.push_back(field_name(ic.column) + (args.empty() ? "" : "(" + join(args, ", ") + ")"));
  }
  return "[" + join(out, ", ") + "]";
}

std::optional<std::size_t> PullRenderer::previous_index(TableId t, IndexId id) const {
  const psl::Model* m = prev_.model(t);
  if (!m) return std::nullopt;
  const auto& idx = c_.get(id);
  for (std::size_t i = 0; i < m->indexes.size(); ++i) {
    const auto& pi = m->indexes[i];
    if (!pi.map && pi.name == idx.name) return i;
    std::string constraint;
    if (pi.map) {
      constraint = *pi.map;
    } else {
      std::vector<std::string> cols;
      for (const auto& f : pi.fields)
        cols.push_back(m->fields[f.field.value].database_name());
      constraint = pi.kind == psl::Index::Kind::Unique
                       ? schema::unique_index_name(m->database_name(), cols, limit_)
                       : schema::index_name(m->database_name(), cols, limit_);
    }
    if (constraint == idx.name) return i;
  }
  return std::nullopt;
}

std::optional<std::string> PullRenderer::previous_id_name(TableId t) const {
  const psl::Model* m = prev_.model(t);
  auto pk = c_.primary_key(t);
  if (!m || !pk || c_.get(*pk).columns.size() < 2 || !m->primary_key) return std::nullopt;
  return m->primary_key->name;
}

std::string PullRenderer::render_block_attributes(TableId t) const {
  const auto& table = c_.get(t);
  std::string out;
  if (auto pk = c_.primary_key(t); pk && c_.get(*pk).columns.size() > 1) {
    const auto& idx = c_.get(*pk);
    std::string args = index_fields(*pk);
    if (auto name = previous_id_name(t)) args += ", name: " + psl_quoted(*name);
    if (idx.name != schema::primary_key_name(table.name, limit_))
      args += ", map: " + psl_quoted(idx.name);
    out += "  @@id(" + args + ")\n";
  }
  // ENG rendering/models.rs: the indexes the previous model has first, in its order.
  std::vector<std::pair<std::optional<std::size_t>, IndexId>> ordered;
  for (IndexId id : table.indexes) {
    const auto& idx = c_.get(id);
    if (idx.kind == schema::IndexKind::PrimaryKey) continue;
    if (schema::is_unique(idx.kind) && idx.columns.size() == 1) continue;
    ordered.emplace_back(previous_index(t, id), id);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    if (a.first && b.first) return *a.first < *b.first;
    return a.first.has_value() && !b.first.has_value();
  });
  for (const auto& [position, id] : ordered) {
    const auto& idx = c_.get(id);
    bool unique = schema::is_unique(idx.kind);
    std::string args = index_fields(id);
    if (position && unique) {
      if (const auto& name = prev_.model(t)->indexes[*position].name)
        args += ", name: " + psl_quoted(*name);
    }
    auto cols = column_names(idx.columns);
    std::string default_name = unique ? schema::unique_index_name(table.name, cols, limit_)
                                      : schema::index_name(table.name, cols, limit_);
    if (idx.name != default_name) args += ", map: " + psl_quoted(idx.name);
    if (auto algo = c_.postgres.index(id).algorithm; algo != schema::IndexAlgorithm::BTree)
      args += fmt::format(", type: {}", algorithm_name(algo));
    if (auto& where = condition(id); !where.empty())
      args += ", where: raw(" + psl_quoted(where) + ")";
    const char* attr = unique                                    ? "@@unique"
                       : idx.kind == schema::IndexKind::Fulltext ? "@@fulltext"
                                                                 : "@@index";
    out += fmt::format("  {}({})\n", attr, args);
  }
  if (auto map = model_map(t)) out += "  @@map(" + psl_quoted(*map) + ")\n";
  if (ignored(t)) out += "  @@ignore\n";
  out += namespace_attribute(table.namespace_id);
  return out;
}

std::string PullRenderer::render_model(TableId t) const {
  const auto& table = c_.get(t);
  const psl::Model* prev = prev_.model(t);
  std::string docs = prev ? doc_lines(prev->documentation, "") : "";
  if (!prev && psl::is_reserved_model_name(table.name) &&
      model_names_[t.value] == "Renamed" + table.name) {
    docs += fmt::format(
        "/// This model has been renamed to '{}' during introspection, because the original "
        "name '{}' is reserved.\n",
        model_names_[t.value], table.name);
  }
  if (!prev && !table.checks.empty()) {
    docs +=
        "/// This table contains check constraints and requires additional setup for "
        "migrations. Visit https://pris.ly/d/check-constraints for more info.\n";
  }
  if (!has_usable_identifier(t) && !(prev && prev->is_ignored)) {
    docs +=
        "/// The underlying table does not contain a valid unique identifier and can therefore "
        "currently not be handled by Prisma Client.\n";
  }
  bool deferring = std::any_of(
      table.foreign_keys.begin(), table.foreign_keys.end(),
      [&](ForeignKeyId id) { return c_.get(id).deferrable != schema::Deferrable::NotDeferrable; });
  if (!prev && deferring) {
    docs +=
        "/// This model has constraints using non-default deferring rules and requires "
        "additional setup for migrations. Visit https://pris.ly/d/constraint-deferring for "
        "more info.\n";
  }
  std::string out = docs + "model " + model_names_[t.value] + " {\n";
  for (ColumnId id : table.columns)
    out += render_scalar_field(t, id);
  if (t.value < relation_fields_.size()) {
    for (const auto& rf : relation_fields_[t.value])
      out += render_relation_field(t, rf);
  }
  out += render_emulated_relation_fields(t);
  std::string block = render_block_attributes(t);
  if (!block.empty()) out += "\n" + block;
  return out + "}\n";
}

std::string PullRenderer::render_enum(schema::EnumId id) const {
  const auto& e = c_.get(id);
  const psl::Enum* prev = prev_.enum_(id);
  std::string out =
      (prev ? doc_lines(prev->documentation, "") : "") + "enum " + enum_names_[id.value] + " {\n";
  for (const auto& v : e.values) {
    // ENG context.rs enum_variant_name: a value the previous enum has keeps its name, @map
    // and documentation.
    const psl::EnumValue* pv = nullptr;
    for (std::size_t i = 0; prev && i < prev->values.size() && !pv; ++i) {
      if (prev->values[i].database_name() == v) pv = &prev->values[i];
    }
    if (pv) {
      out += doc_lines(pv->documentation, "  ") + "  " + pv->name;
      if (pv->mapped_name) out += " @map(" + psl_quoted(*pv->mapped_name) + ")";
      out += "\n";
    } else if (v.empty()) {
      out += "  EMPTY_ENUM_VALUE @map(\"\")\n";
    } else if (needs_sanitation(v)) {
      out += "  " + sanitize(v) + " @map(" + psl_quoted(v) + ")\n";
    } else {
      out += "  " + v + "\n";
    }
  }
  std::string block;
  std::optional<std::string> map = prev ? prev->mapped_name : std::nullopt;
  if (!prev && enum_names_[id.value] != e.name) map = e.name;
  if (map) block += "  @@map(" + psl_quoted(*map) + ")\n";
  block += namespace_attribute(e.namespace_id);
  if (!block.empty()) out += "\n" + block;
  return out + "}\n";
}

}  // namespace detail

using detail::PullRenderer;

std::string render_unformatted(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).render();
}

std::string introspection_warnings(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).warnings();
}

std::size_t model_count(const schema::Catalog& catalog, const PullOptions& options) {
  return PullRenderer(catalog, options).model_count();
}

namespace {

std::string formatted_or_throw(const std::string& text, std::uint32_t file) {
  psl::Diagnostics diags;
  std::string formatted = psl::format_file(text, file, diags);
  if (diags.has_errors()) {
    throw core::Error("GW1151",
                      "The schema written from the database does not parse; this is a defect "
                      "in godwit's db pull.",
                      "Report it with the database's schema (pg_dump --schema-only or "
                      "sqlite3 .schema).");
  }
  return formatted;
}

}  // namespace

std::string render_schema(const schema::Catalog& catalog, const PullOptions& options) {
  return formatted_or_throw(render_unformatted(catalog, options), 0);
}

std::vector<PulledFile> render_schema_files(const schema::Catalog& catalog,
                                            const PullOptions& options,
                                            const std::vector<psl::SourceFile>& files,
                                            const std::filesystem::path& new_file) {
  std::vector<std::string> configs;
  std::size_t new_index = files.size();
  for (std::size_t i = 0; i < files.size(); ++i) {
    configs.push_back(config_blocks(files[i].text));
    if (files[i].path.lexically_normal() == new_file.lexically_normal()) new_index = i;
  }
  auto texts = PullRenderer(catalog, options).render_files(std::move(configs), new_index);
  std::vector<PulledFile> out;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const bool is_new = i == files.size();
    const bool blank = texts[i].find_first_not_of(" \t\r\n") == std::string::npos;
    if (is_new && blank) break;
    out.push_back({is_new ? new_file : files[i].path,
                   blank ? "\n" : formatted_or_throw(texts[i], static_cast<std::uint32_t>(i))});
  }
  return out;
}

}  // namespace godwit::pull
