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
  if (col.auto_increment) out += " autoincrement";
  return out + "\n";
}

std::string describe_index(const Catalog& c, const Index& idx) {
  std::vector<std::string> cols;
  for (const auto& ic : idx.columns) {
    std::string s = dump_name(c.get(ic.column).name);
    if (ic.sort) s += *ic.sort == SortOrder::Asc ? " ASC" : " DESC";
    if (ic.length) s += fmt::format("({})", *ic.length);
    if (!ic.operator_class.empty()) s += " " + ic.operator_class;
    cols.push_back(std::move(s));
  }
  std::string out =
      fmt::format("  {} {} ({})", to_string(idx.kind), dump_name(idx.name), fmt::join(cols, ", "));
  if (idx.algorithm != IndexAlgorithm::BTree)
    out += fmt::format(" using {}", to_string(idx.algorithm));
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
  return fmt::format("  foreign key {} ({}) -> {}({}) on delete {} on update {}\n",
                     dump_name(fk.name), fmt::join(from, ", "),
                     qualified(c, rt.namespace_id, rt.name), fmt::join(to, ", "),
                     to_string(fk.on_delete), to_string(fk.on_update));
}

}  // namespace

std::string dump(const Catalog& c) {
  std::string out = fmt::format("catalog default_namespace={}\n", dump_name(c.default_namespace));
  for (const auto& ns : c.namespaces)
    out += fmt::format("namespace {}\n", dump_name(ns.name));
  for (const auto& e : c.extensions) {
    out += "extension " + dump_name(e.name);
    if (!e.schema.empty()) out += " schema=" + dump_name(e.schema);
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
  for (const auto& t : c.tables) {
    out += fmt::format("table {}\n", qualified(c, t.namespace_id, t.name));
    for (ColumnId id : t.columns)
      out += describe_column(c, c.get(id));
    for (IndexId id : t.indexes)
      out += describe_index(c, c.get(id));
    for (ForeignKeyId id : t.foreign_keys)
      out += describe_foreign_key(c, c.get(id));
  }
  return out;
}

}  // namespace godwit::schema
