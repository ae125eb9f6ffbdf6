#include "schema/dump.hpp"

#include <fmt/format.h>

namespace godwit::schema {

std::string dump_name(std::string_view name) {
  bool bare = !name.empty();
  for (char ch : name) {
    bool word = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                ch == '_';
    bare = bare && word;
  }
  if (bare) return std::string(name);
  std::string out = "\"";
  for (char ch : name) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  out += '"';
  return out;
}

namespace {

std::string qualified(const Catalog& c, NamespaceId ns, std::string_view name) {
  if (ns.value < c.namespaces.size()) return dump_name(c.get(ns).name) + "." + dump_name(name);
  return dump_name(name);
}

std::string describe_type(const Catalog& c, const ColumnType& t) {
  std::string out{to_string(t.family)};
  if (t.family == TypeFamily::Enum && t.enum_id.value < c.enums.size()) {
    out += "(" + qualified(c, c.get(t.enum_id).namespace_id, c.get(t.enum_id).name) + ")";
  }
  if (t.family == TypeFamily::Unsupported) out += "(" + t.raw + ")";
  if (!t.native.empty()) {
    out += " @" + t.native.name;
    if (!t.native.args.empty()) out += fmt::format("({})", fmt::join(t.native.args, ","));
  }
  return out;
}

std::string describe_column(const Catalog& c, const Column& col) {
  std::string out = fmt::format("  column {} {} {}", dump_name(col.name),
                                describe_type(c, col.type), to_string(col.arity));
  if (col.default_value) {
    const DefaultValue& d = *col.default_value;
    out += fmt::format(" default={}", to_string(d.kind));
    if (d.kind == DefaultKind::Value) {
      out += "(" + to_debug_string(d.value) + ")";
    } else if (!d.expression.empty()) {
      out += "(" + d.expression + ")";
    }
  }
  if (col.identity != Identity::None) out += fmt::format(" identity={}", to_string(col.identity));
  return out + "\n";
}

std::string describe_index(const Catalog& c, IndexId id) {
  const Index& idx = c.get(id);
  const PostgresIndex& pg = c.postgres.index(id);
  std::vector<std::string> cols;
  for (std::size_t i = 0; i < idx.columns.size(); ++i) {
    const IndexColumn& ic = idx.columns[i];
    std::string s = dump_name(c.get(ic.column).name);
    if (ic.sort) s += *ic.sort == SortOrder::Asc ? " ASC" : " DESC";
    if (ic.length) s += fmt::format("({})", *ic.length);
    if (auto opclass = c.postgres.operator_class(id, i); !opclass.empty()) {
      s += " ";
      s += opclass;
    }
    cols.push_back(std::move(s));
  }
  std::string out =
      fmt::format("  {} {} ({})", to_string(idx.kind), dump_name(idx.name), fmt::join(cols, ", "));
  if (pg.algorithm != IndexAlgorithm::BTree)
    out += fmt::format(" using {}", to_string(pg.algorithm));
  if (!idx.predicate.empty()) out += " where " + idx.predicate;
  return out + "\n";
}

std::string describe_foreign_key(const Catalog& c, const ForeignKey& fk) {
  std::vector<std::string> from, to;
  for (ColumnId col : fk.columns)
    from.push_back(dump_name(c.get(col).name));
  for (ColumnId col : fk.referenced_columns)
    to.push_back(dump_name(c.get(col).name));
  const Table& rt = c.get(fk.referenced_table);
  std::string out = fmt::format("  foreign key {} ({}) -> {}({}) on delete {} on update {}",
                                fk.name ? dump_name(*fk.name) : "(unnamed)", fmt::join(from, ", "),
                                qualified(c, rt.namespace_id, rt.name), fmt::join(to, ", "),
                                to_string(fk.on_delete), to_string(fk.on_update));
  if (fk.deferrable != Deferrable::NotDeferrable)
    out += " " + std::string(to_string(fk.deferrable));
  return out + "\n";
}

std::string describe_sequence(const Catalog& c, const Sequence& s) {
  std::string out = fmt::format("sequence {} start={} increment={} min={} max={} cache={}",
                                qualified(c, s.namespace_id, s.name), s.start, s.increment,
                                s.min_value, s.max_value, s.cache);
  if (s.cycle) out += " cycle";
  if (s.owned_by) {
    const Column& col = c.get(*s.owned_by);
    out += " owned-by=" + dump_name(c.get(col.table).name) + "." + dump_name(col.name);
  }
  return out + "\n";
}

}  // namespace

std::string dump(const Catalog& c) {
  std::string out = fmt::format("catalog default_namespace={}\n", dump_name(c.default_namespace));
  for (const auto& ns : c.namespaces)
    out += fmt::format("namespace {}\n", dump_name(ns.name));
  for (const auto& e : c.extensions) {
    out += "extension " + dump_name(e.name);
    if (e.namespace_id) out += " namespace=" + dump_name(c.get(*e.namespace_id).name);
    if (!e.version.empty()) out += " version=" + dump_name(e.version);
    out += "\n";
  }
  for (const auto& e : c.enums) {
    std::vector<std::string> values;
    for (const auto& v : e.values)
      values.push_back(dump_name(v));
    out += fmt::format("enum {} [{}]\n", qualified(c, e.namespace_id, e.name),
                       fmt::join(values, ", "));
  }
  for (const auto& s : c.sequences)
    out += describe_sequence(c, s);
  for (const auto& v : c.views)
    out += fmt::format("view {} as {}\n", qualified(c, v.namespace_id, v.name), v.definition);
  for (const auto& t : c.tables) {
    out += fmt::format("table {}\n", qualified(c, t.namespace_id, t.name));
    for (ColumnId id : t.columns)
      out += describe_column(c, c.get(id));
    for (IndexId id : t.indexes)
      out += describe_index(c, id);
    for (ForeignKeyId id : t.foreign_keys)
      out += describe_foreign_key(c, c.get(id));
    for (CheckId id : t.checks) {
      const CheckConstraint& check = c.get(id);
      out += fmt::format("  check {} {}\n", dump_name(check.name), check.expression);
    }
  }
  return out;
}

}  // namespace godwit::schema
