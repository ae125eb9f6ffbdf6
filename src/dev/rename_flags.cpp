#include "dev/rename_flags.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <type_traits>

#include "core/error.hpp"

namespace godwit::dev {
namespace {

using schema::Catalog;
using schema::ColumnId;
using schema::EnumId;
using schema::TableId;

constexpr std::string_view kRenameHint =
    "`--rename Model.old=new` renames a field's column, `--rename Old=New` a model's table or an "
    "enum, `--rename Enum.OLD=NEW` an enum value; the new name is the schema's, the old one the "
    "database's (run without --rename to see the suggestions).";

template <class Id>
Id id_at(std::size_t i) {
  return Id{static_cast<std::uint32_t>(i)};
}

const psl::Model* model_named(const psl::Schema* s, std::string_view name) {
  if (!s) return nullptr;
  for (const auto& m : s->models)
    if (!m.is_view && m.name == name) return &m;
  return nullptr;
}
const psl::Enum* enum_named(const psl::Schema* s, std::string_view name) {
  if (!s) return nullptr;
  for (const auto& e : s->enums)
    if (e.name == name) return &e;
  return nullptr;
}

// The table of `c` named `name` (in namespace `ns` when given).
std::optional<TableId> table_in(const Catalog& c, std::string_view name,
                                std::optional<std::string_view> ns) {
  for (std::size_t i = 0; i < c.tables.size(); ++i) {
    const auto& t = c.tables[i];
    if (t.name == name && (!ns || c.get(t.namespace_id).name == *ns)) return id_at<TableId>(i);
  }
  return std::nullopt;
}
std::optional<EnumId> enum_in(const Catalog& c, std::string_view name,
                              std::optional<std::string_view> ns) {
  for (std::size_t i = 0; i < c.enums.size(); ++i) {
    const auto& e = c.enums[i];
    if (e.name == name && (!ns || c.get(e.namespace_id).name == *ns)) return id_at<EnumId>(i);
  }
  return std::nullopt;
}

std::string quoted_list(const std::vector<std::string>& names) {
  if (names.empty()) return "none";
  std::string out;
  for (const auto& n : names)
    out += (out.empty() ? "`" : ", `") + n + "`";
  return out;
}

// Resolves the flags against the schema and the two catalogs. Tables and enums first, so that
// fields and values of renamed models and enums find their old table or enum.
class Resolver {
 public:
  Resolver(const psl::Schema* schema, const Catalog& from, const Catalog& to)
      : schema_(schema), from_(from), to_(to) {}

  std::vector<diff::Change> run(const std::vector<RenameFlag>& flags) {
    for (const auto& f : flags)
      if (f.owner.empty()) whole(f);
    for (const auto& f : flags)
      if (!f.owner.empty()) part(f);
    return std::move(out_);
  }

 private:
  // The `to` table of a model (by Prisma name, else by table name).
  std::optional<TableId> to_table(std::string_view name) const {
    if (const psl::Model* m = model_named(schema_, name)) {
      std::optional<std::string_view> ns;
      if (m->schema) ns = *m->schema;
      return table_in(to_, m->database_name(), ns);
    }
    return table_in(to_, name, std::nullopt);
  }
  // The `to` enum of an enum (by Prisma name, else by type name); sets `psl_enum` when the
  // schema has one of that name, whatever the catalog holds.
  std::optional<EnumId> to_enum(std::string_view name, const psl::Enum** psl_enum) const {
    if (const psl::Enum* e = enum_named(schema_, name)) {
      *psl_enum = e;
      std::optional<std::string_view> ns;
      if (e->schema) ns = *e->schema;
      return enum_in(to_, e->database_name(), ns);
    }
    return enum_in(to_, name, std::nullopt);
  }
  std::string_view ns_of(const Catalog& c, TableId t) const {
    return c.get(c.get(t).namespace_id).name;
  }
  std::string_view ns_of(const Catalog& c, EnumId e) const {
    return c.get(c.get(e).namespace_id).name;
  }

  // The `from` table a `to` table continues: renamed by a flag, else of the same name.
  std::optional<TableId> from_table(TableId t) const {
    for (const auto& c : out_)
      if (const auto* r = std::get_if<diff::RenameTable>(&c); r && r->to == t) return r->from;
    return table_in(from_, to_.get(t).name, ns_of(to_, t));
  }
  std::optional<EnumId> from_enum(EnumId e) const {
    for (const auto& c : out_)
      if (const auto* r = std::get_if<diff::RenameEnum>(&c); r && r->to == e) return r->from;
    return enum_in(from_, to_.get(e).name, ns_of(to_, e));
  }

  [[noreturn]] void sqlite_enum(const RenameFlag& f) const {
    throw core::Error("GW1243",
                      fmt::format("`--rename {}`: this database stores enums as text, so an enum "
                                  "or enum value has no database object to rename.",
                                  f.text),
                      "Renaming an enum changes nothing in the database: drop the flag. For a "
                      "value, run `godwit migrate dev --create-only`, add an UPDATE of the "
                      "columns that hold it to the migration, then run `godwit migrate dev`.");
  }

  [[noreturn]] void no_owner(const RenameFlag& f, std::string_view name) const {
    std::vector<std::string> models, enums;
    if (schema_) {
      for (const auto& m : schema_->models)
        if (!m.is_view) models.push_back(m.name);
      for (const auto& e : schema_->enums)
        enums.push_back(e.name);
    } else {
      for (const auto& t : to_.tables)
        models.push_back(t.name);
      for (const auto& e : to_.enums)
        enums.push_back(e.name);
    }
    throw core::Error("GW1240",
                      fmt::format("`--rename {}` matches nothing: the schema has no model or enum "
                                  "`{}`. Models: {}; enums: {}.",
                                  f.text, name, quoted_list(models), quoted_list(enums)),
                      std::string(kRenameHint));
  }

  void whole(const RenameFlag& f) {
    const psl::Enum* psl_enum = nullptr;
    if (auto t = to_table(f.new_name)) return table(f, *t);
    if (auto e = to_enum(f.new_name, &psl_enum)) return enum_type(f, *e);
    if (psl_enum) sqlite_enum(f);
    no_owner(f, f.new_name);
  }

  void table(const RenameFlag& f, TableId next) {
    const std::string_view ns = ns_of(to_, next);
    std::vector<std::string> dropped, created;
    for (std::size_t i = 0; i < from_.tables.size(); ++i) {
      const auto& t = from_.tables[i];
      if (t.name != "_prisma_migrations" && !table_in(to_, t.name, ns_of(from_, id_at<TableId>(i))))
        dropped.push_back(t.name);
    }
    for (std::size_t i = 0; i < to_.tables.size(); ++i) {
      const auto& t = to_.tables[i];
      if (!table_in(from_, t.name, ns_of(to_, id_at<TableId>(i)))) created.push_back(t.name);
    }
    auto prev = table_in(from_, f.old_name, ns);
    const bool next_is_new = !table_in(from_, to_.get(next).name, ns);
    const bool prev_is_dropped = prev && !table_in(to_, f.old_name, ns);
    if (!next_is_new || !prev_is_dropped) {
      throw core::Error(
          "GW1240",
          fmt::format("`--rename {}` matches nothing: {}. Tables the migration would drop: {}; "
                      "tables it would create: {}.",
                      f.text,
                      !next_is_new
                          ? fmt::format("the table `{}` exists already", to_.get(next).name)
                          : fmt::format("the migrations made no table `{}` that the "
                                        "schema drops",
                                        f.old_name),
                      quoted_list(dropped), quoted_list(created)),
          std::string(kRenameHint));
    }
    add(f, diff::RenameTable{*prev, next});
  }

  void enum_type(const RenameFlag& f, EnumId next) {
    const std::string_view ns = ns_of(to_, next);
    std::vector<std::string> dropped, created;
    for (std::size_t i = 0; i < from_.enums.size(); ++i) {
      const auto& e = from_.enums[i];
      if (!enum_in(to_, e.name, ns_of(from_, id_at<EnumId>(i)))) dropped.push_back(e.name);
    }
    for (std::size_t i = 0; i < to_.enums.size(); ++i) {
      const auto& e = to_.enums[i];
      if (!enum_in(from_, e.name, ns_of(to_, id_at<EnumId>(i)))) created.push_back(e.name);
    }
    auto prev = enum_in(from_, f.old_name, ns);
    const bool next_is_new = !enum_in(from_, to_.get(next).name, ns);
    const bool prev_is_dropped = prev && !enum_in(to_, f.old_name, ns);
    if (!next_is_new || !prev_is_dropped) {
      throw core::Error(
          "GW1240",
          fmt::format("`--rename {}` matches nothing: {}. Enums the migration would drop: {}; "
                      "enums it would create: {}.",
                      f.text,
                      !next_is_new
                          ? fmt::format("the enum `{}` exists already", to_.get(next).name)
                          : fmt::format("the migrations made no enum `{}` that the schema drops",
                                        f.old_name),
                      quoted_list(dropped), quoted_list(created)),
          std::string(kRenameHint));
    }
    add(f, diff::RenameEnum{*prev, next});
  }

  void part(const RenameFlag& f) {
    const psl::Enum* psl_enum = nullptr;
    if (auto t = to_table(f.owner)) return column(f, *t);
    if (auto e = to_enum(f.owner, &psl_enum)) return enum_value(f, *e, psl_enum);
    if (psl_enum) sqlite_enum(f);
    no_owner(f, f.owner);
  }

  void column(const RenameFlag& f, TableId next) {
    const std::string& table_name = to_.get(next).name;
    auto prev = from_table(next);
    if (!prev) {
      throw core::Error(
          "GW1240",
          fmt::format("`--rename {}` matches nothing: the table `{}` is new, so "
                      "none of its columns was there before.",
                      f.text, table_name),
          "If the model was renamed, rename it too (`--rename OldName=" + f.owner + "`).");
    }
    // The new side: the field of that name (its @map column), else a column of that name.
    std::string new_column = f.new_name;
    if (const psl::Model* m = model_named(schema_, f.owner)) {
      for (const auto& field : m->fields)
        if (field.name == f.new_name && !field.is_relation()) new_column = field.database_name();
    }
    std::vector<std::string> dropped, added;
    for (ColumnId c : from_.get(*prev).columns)
      if (!to_.find_column(next, from_.get(c).name)) dropped.push_back(from_.get(c).name);
    for (ColumnId c : to_.get(next).columns)
      if (!from_.find_column(*prev, to_.get(c).name)) added.push_back(to_.get(c).name);
    auto old_col = from_.find_column(*prev, f.old_name);
    auto new_col = to_.find_column(next, new_column);
    if (!old_col || to_.find_column(next, f.old_name) || !new_col ||
        from_.find_column(*prev, new_column)) {
      throw core::Error(
          "GW1240",
          fmt::format("`--rename {}` matches nothing: the migration would drop no column `{}` "
                      "and add no column `{}` on the table `{}`. It drops: {}; it adds: {}.",
                      f.text, f.old_name, new_column, table_name, quoted_list(dropped),
                      quoted_list(added)),
          std::string(kRenameHint));
    }
    add(f, diff::RenameColumn{*old_col, *new_col});
  }

  void enum_value(const RenameFlag& f, EnumId next, const psl::Enum* psl_enum) {
    auto prev = from_enum(next);
    const schema::Enum& e = to_.get(next);
    if (!prev) {
      throw core::Error(
          "GW1240",
          fmt::format("`--rename {}` matches nothing: the enum `{}` is new, so none "
                      "of its values was there before.",
                      f.text, e.name),
          "If the enum was renamed, rename it too (`--rename OldName=" + f.owner + "`).");
    }
    std::string new_value = f.new_name;
    if (psl_enum) {
      for (const auto& v : psl_enum->values)
        if (v.name == f.new_name) new_value = v.database_name();
    }
    const auto& pv = from_.get(*prev).values;
    const auto& nv = e.values;
    auto in = [](const std::vector<std::string>& vs, const std::string& v) {
      return std::find(vs.begin(), vs.end(), v) != vs.end();
    };
    std::vector<std::string> removed, added;
    for (const auto& v : pv)
      if (!in(nv, v)) removed.push_back(v);
    for (const auto& v : nv)
      if (!in(pv, v)) added.push_back(v);
    if (!in(removed, f.old_name) || !in(added, new_value)) {
      throw core::Error(
          "GW1240",
          fmt::format("`--rename {}` matches nothing: the migration would remove no value `{}` "
                      "and add no value `{}` in the enum `{}`. It removes: {}; it adds: {}.",
                      f.text, f.old_name, new_value, e.name, quoted_list(removed),
                      quoted_list(added)),
          std::string(kRenameHint));
    }
    add(f, diff::RenameEnumValue{*prev, next, f.old_name, new_value});
  }

  // Records a rename; GW1242 when its old or new object is renamed by an earlier flag.
  void add(const RenameFlag& f, diff::Change change) {
    const std::string key_from = key(change, true), key_to = key(change, false);
    if (!seen_.insert(key_from).second || !seen_.insert(key_to).second) {
      throw core::Error("GW1242",
                        fmt::format("`--rename {}` renames an object another --rename renames "
                                    "already.",
                                    f.text),
                        "Give each old and each new name in one --rename only.");
    }
    out_.push_back(std::move(change));
  }
  static std::string key(const diff::Change& c, bool old_side) {
    return std::visit(
        [&](const auto& r) -> std::string {
          using T = std::decay_t<decltype(r)>;
          const char* side = old_side ? "from" : "to";
          if constexpr (std::is_same_v<T, diff::RenameTable>) {
            return fmt::format("{} table {}", side, old_side ? r.from.value : r.to.value);
          } else if constexpr (std::is_same_v<T, diff::RenameEnum>) {
            return fmt::format("{} enum {}", side, old_side ? r.from.value : r.to.value);
          } else if constexpr (std::is_same_v<T, diff::RenameColumn>) {
            return fmt::format("{} column {}", side, old_side ? r.from.value : r.to.value);
          } else if constexpr (std::is_same_v<T, diff::RenameEnumValue>) {
            return fmt::format("{} value {} {}", side, old_side ? r.from.value : r.to.value,
                               old_side ? r.from_value : r.to_value);
          } else {
            return "other";
          }
        },
        c);
  }

  const psl::Schema* schema_;
  const Catalog& from_;
  const Catalog& to_;
  std::vector<diff::Change> out_;
  std::set<std::string> seen_;
};

// The schema's name for objects of `to` (the model, field, enum or value that maps to them),
// else their database name.
std::string model_name_of(const psl::Schema* s, const Catalog& to, TableId t) {
  if (s) {
    for (const auto& m : s->models) {
      if (m.is_view || m.database_name() != to.get(t).name) continue;
      if (m.schema && *m.schema != to.get(to.get(t).namespace_id).name) continue;
      return m.name;
    }
  }
  return to.get(t).name;
}
std::string field_name_of(const psl::Schema* s, const Catalog& to, ColumnId c) {
  const schema::Column& col = to.get(c);
  const std::string model = model_name_of(s, to, col.table);
  if (const psl::Model* m = model_named(s, model)) {
    for (const auto& f : m->fields)
      if (!f.is_relation() && f.database_name() == col.name) return f.name;
  }
  return col.name;
}
const psl::Enum* psl_enum_of(const psl::Schema* s, const Catalog& to, EnumId e) {
  if (!s) return nullptr;
  for (const auto& pe : s->enums) {
    if (pe.database_name() != to.get(e).name) continue;
    if (pe.schema && *pe.schema != to.get(to.get(e).namespace_id).name) continue;
    return &pe;
  }
  return nullptr;
}

}  // namespace

RenameFlag parse_rename_flag(std::string_view text) {
  RenameFlag f;
  f.text = std::string(text);
  const auto eq = text.find('=');
  std::string_view left = eq == std::string_view::npos ? text : text.substr(0, eq);
  const auto dot = left.find('.');
  if (dot != std::string_view::npos) {
    f.owner = std::string(left.substr(0, dot));
    f.old_name = std::string(left.substr(dot + 1));
  } else {
    f.old_name = std::string(left);
  }
  if (eq != std::string_view::npos) f.new_name = std::string(text.substr(eq + 1));
  if (eq == std::string_view::npos || f.old_name.empty() || f.new_name.empty() ||
      (dot != std::string_view::npos && f.owner.empty())) {
    throw core::Error("GW1241",
                      fmt::format("`--rename {}` is not a rename: write `--rename Model.old=new`, "
                                  "`--rename Old=New` or `--rename Enum.OLD=NEW`.",
                                  text),
                      std::string(kRenameHint));
  }
  return f;
}

std::vector<diff::Change> resolve_renames(const std::vector<std::string>& flags,
                                          const psl::Schema* schema, const Catalog& from,
                                          const Catalog& to) {
  std::vector<RenameFlag> parsed;
  for (const auto& f : flags)
    parsed.push_back(parse_rename_flag(f));
  return Resolver(schema, from, to).run(parsed);
}

std::string rename_suggestions(const std::vector<diff::Change>& candidates,
                               const psl::Schema* schema, const Catalog& from, const Catalog& to) {
  if (candidates.empty()) return {};
  std::string out =
      "\ngodwit: these changes look like renames. As written, the migration drops the old "
      "object and creates the new one, and the old one's data is lost. To rename in place and "
      "keep the data, run again with the flag (it may be repeated):\n";
  for (const auto& candidate : candidates) {
    out += std::visit(
        [&](const auto& c) -> std::string {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, diff::RenameColumn>) {
            const std::string model = model_name_of(schema, to, to.get(c.to).table);
            return fmt::format(
                "  - the column `{}` of `{}` is dropped and `{}` added with the same type: "
                "--rename {}.{}={}\n",
                from.get(c.from).name, model, to.get(c.to).name, model, from.get(c.from).name,
                field_name_of(schema, to, c.to));
          } else if constexpr (std::is_same_v<T, diff::RenameTable>) {
            return fmt::format(
                "  - the table `{}` is dropped and `{}` created with the same columns: --rename "
                "{}={}\n",
                from.get(c.from).name, to.get(c.to).name, from.get(c.from).name,
                model_name_of(schema, to, c.to));
          } else if constexpr (std::is_same_v<T, diff::RenameEnum>) {
            const psl::Enum* e = psl_enum_of(schema, to, c.to);
            return fmt::format(
                "  - the enum `{}` is dropped and `{}` created with the same values: --rename "
                "{}={}\n",
                from.get(c.from).name, to.get(c.to).name, from.get(c.from).name,
                e ? e->name : to.get(c.to).name);
          } else if constexpr (std::is_same_v<T, diff::RenameEnumValue>) {
            const psl::Enum* e = psl_enum_of(schema, to, c.to);
            std::string value = c.to_value;
            if (e) {
              for (const auto& v : e->values)
                if (v.database_name() == c.to_value) value = v.name;
            }
            return fmt::format(
                "  - the value `{}` of the enum `{}` is removed and `{}` added: --rename "
                "{}.{}={}\n",
                c.from_value, to.get(c.to).name, c.to_value, e ? e->name : to.get(c.to).name,
                c.from_value, value);
          } else {
            return {};
          }
        },
        candidate);
  }
  return out;
}

}  // namespace godwit::dev
