#include "dev/shadow_cache.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "core/sha256.hpp"
#include "schema/value.hpp"

namespace godwit::dev {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// Bumped whenever the file's layout changes (the executable identity covers the rest).
constexpr int kFormat = 1;

template <class E>
int en(E e) {
  return static_cast<int>(e);
}
template <class E>
E de(const json& j) {
  return static_cast<E>(j.get<int>());
}
template <class Id>
json ids(const std::vector<Id>& v) {
  json out = json::array();
  for (const auto& id : v)
    out.push_back(id.value);
  return out;
}
template <class Id>
std::vector<Id> ids_from(const json& j) {
  std::vector<Id> out;
  for (const auto& x : j)
    out.push_back(Id{x.get<std::uint32_t>()});
  return out;
}
template <class Id>
Id id_from(const json& j) {
  return Id{j.get<std::uint32_t>()};
}

// Values: Bytes hold raw bytes, which JSON text cannot: hex.
json value_json(const schema::Value& v) {
  json items = json::array();
  for (const auto& i : v.items)
    items.push_back(value_json(i));
  const bool bytes = v.kind == schema::Value::Kind::Bytes;
  return {{"k", en(v.kind)}, {"t", bytes ? schema::hex_encode(v.text) : v.text}, {"i", items}};
}
std::string hex_decode(const std::string& hex) {
  std::string out;
  if (hex.size() % 2 != 0) throw std::runtime_error("odd hex length");
  for (std::size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}
schema::Value value_from(const json& j) {
  schema::Value v;
  v.kind = de<schema::Value::Kind>(j.at("k"));
  v.text = j.at("t").get<std::string>();
  if (v.kind == schema::Value::Kind::Bytes) v.text = hex_decode(v.text);
  for (const auto& i : j.at("i"))
    v.items.push_back(value_from(i));
  return v;
}

template <class T>
json opt(const std::optional<T>& o) {
  return o ? json(*o) : json(nullptr);
}
template <class T>
std::optional<T> opt_from(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<T>();
}

json catalog_json(const schema::Catalog& c) {
  json j;
  j["default_namespace"] = c.default_namespace;
  j["partial_indexes"] = c.partial_indexes;
  for (const auto& n : c.namespaces)
    j["namespaces"].push_back(n.name);
  for (const auto& t : c.tables) {
    j["tables"].push_back({{"ns", t.namespace_id.value},
                           {"name", t.name},
                           {"columns", ids(t.columns)},
                           {"indexes", ids(t.indexes)},
                           {"fks", ids(t.foreign_keys)},
                           {"checks", ids(t.checks)}});
  }
  for (const auto& col : c.columns) {
    json d = nullptr;
    if (col.default_value) {
      d = {{"kind", en(col.default_value->kind)},
           {"value", value_json(col.default_value->value)},
           {"expr", col.default_value->expression}};
    }
    j["columns"].push_back({{"table", col.table.value},
                            {"name", col.name},
                            {"family", en(col.type.family)},
                            {"native", col.type.native.name},
                            {"args", col.type.native.args},
                            {"enum", col.type.enum_id.value},
                            {"raw", col.type.raw},
                            {"arity", en(col.arity)},
                            {"default", d},
                            {"identity", en(col.identity)}});
  }
  for (const auto& idx : c.indexes) {
    json cols = json::array();
    for (const auto& ic : idx.columns) {
      cols.push_back({{"c", ic.column.value},
                      {"s", ic.sort ? json(en(*ic.sort)) : json(nullptr)},
                      {"l", opt(ic.length)}});
    }
    j["indexes"].push_back({{"table", idx.table.value},
                            {"name", idx.name},
                            {"kind", en(idx.kind)},
                            {"columns", cols},
                            {"predicate", idx.predicate}});
  }
  for (const auto& fk : c.foreign_keys) {
    j["fks"].push_back({{"table", fk.table.value},
                        {"name", opt(fk.name)},
                        {"columns", ids(fk.columns)},
                        {"ref_table", fk.referenced_table.value},
                        {"ref_columns", ids(fk.referenced_columns)},
                        {"on_delete", en(fk.on_delete)},
                        {"on_update", en(fk.on_update)},
                        {"deferrable", en(fk.deferrable)}});
  }
  for (const auto& e : c.enums)
    j["enums"].push_back({{"ns", e.namespace_id.value}, {"name", e.name}, {"values", e.values}});
  for (const auto& e : c.extensions) {
    j["extensions"].push_back({{"name", e.name},
                               {"ns", e.namespace_id ? json(e.namespace_id->value) : json(nullptr)},
                               {"version", e.version}});
  }
  for (const auto& v : c.views) {
    j["views"].push_back(
        {{"ns", v.namespace_id.value}, {"name", v.name}, {"definition", v.definition}});
  }
  for (const auto& s : c.sequences) {
    j["sequences"].push_back({{"ns", s.namespace_id.value},
                              {"name", s.name},
                              {"start", s.start},
                              {"increment", s.increment},
                              {"min", s.min_value},
                              {"max", s.max_value},
                              {"cache", s.cache},
                              {"cycle", s.cycle},
                              {"owned_by", s.owned_by ? json(s.owned_by->value) : json(nullptr)}});
  }
  for (const auto& ch : c.checks) {
    j["checks"].push_back(
        {{"table", ch.table.value}, {"name", ch.name}, {"expression", ch.expression}});
  }
  for (const auto& [id, pi] : c.postgres.indexes) {
    j["pg_indexes"].push_back({{"id", id.value},
                               {"algorithm", en(pi.algorithm)},
                               {"opclasses", pi.operator_classes},
                               {"default_opclasses", pi.default_operator_classes},
                               {"partial", pi.partial},
                               {"condition", pi.condition}});
  }
  return j;
}

// An absent array (json null) iterates as empty.
const json& arr(const json& j, const char* key) {
  static const json empty = json::array();
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? empty : *it;
}

schema::Catalog catalog_from(const json& j) {
  schema::Catalog c;
  c.default_namespace = j.at("default_namespace").get<std::string>();
  c.partial_indexes = j.value("partial_indexes", false);
  for (const auto& n : arr(j, "namespaces"))
    c.namespaces.push_back({n.get<std::string>()});
  for (const auto& t : arr(j, "tables")) {
    c.tables.push_back(
        {id_from<schema::NamespaceId>(t.at("ns")), t.at("name").get<std::string>(),
         ids_from<schema::ColumnId>(t.at("columns")), ids_from<schema::IndexId>(t.at("indexes")),
         ids_from<schema::ForeignKeyId>(t.at("fks")), ids_from<schema::CheckId>(t.at("checks"))});
  }
  for (const auto& x : arr(j, "columns")) {
    schema::Column col;
    col.table = id_from<schema::TableId>(x.at("table"));
    col.name = x.at("name").get<std::string>();
    col.type.family = de<schema::TypeFamily>(x.at("family"));
    col.type.native.name = x.at("native").get<std::string>();
    col.type.native.args = x.at("args").get<std::vector<std::uint32_t>>();
    col.type.enum_id = id_from<schema::EnumId>(x.at("enum"));
    col.type.raw = x.at("raw").get<std::string>();
    col.arity = de<schema::Arity>(x.at("arity"));
    if (const auto& d = x.at("default"); !d.is_null()) {
      schema::DefaultValue dv;
      dv.kind = de<schema::DefaultKind>(d.at("kind"));
      dv.value = value_from(d.at("value"));
      dv.expression = d.at("expr").get<std::string>();
      col.default_value = std::move(dv);
    }
    col.identity = de<schema::Identity>(x.at("identity"));
    c.columns.push_back(std::move(col));
  }
  for (const auto& x : arr(j, "indexes")) {
    schema::Index idx;
    idx.table = id_from<schema::TableId>(x.at("table"));
    idx.name = x.at("name").get<std::string>();
    idx.kind = de<schema::IndexKind>(x.at("kind"));
    for (const auto& ic : x.at("columns")) {
      schema::IndexColumn col;
      col.column = id_from<schema::ColumnId>(ic.at("c"));
      if (!ic.at("s").is_null()) col.sort = de<schema::SortOrder>(ic.at("s"));
      col.length = opt_from<std::uint32_t>(ic.at("l"));
      idx.columns.push_back(col);
    }
    idx.predicate = x.at("predicate").get<std::string>();
    c.indexes.push_back(std::move(idx));
  }
  for (const auto& x : arr(j, "fks")) {
    schema::ForeignKey fk;
    fk.table = id_from<schema::TableId>(x.at("table"));
    fk.name = opt_from<std::string>(x.at("name"));
    fk.columns = ids_from<schema::ColumnId>(x.at("columns"));
    fk.referenced_table = id_from<schema::TableId>(x.at("ref_table"));
    fk.referenced_columns = ids_from<schema::ColumnId>(x.at("ref_columns"));
    fk.on_delete = de<schema::ReferentialAction>(x.at("on_delete"));
    fk.on_update = de<schema::ReferentialAction>(x.at("on_update"));
    fk.deferrable = de<schema::Deferrable>(x.at("deferrable"));
    c.foreign_keys.push_back(std::move(fk));
  }
  for (const auto& x : arr(j, "enums")) {
    c.enums.push_back({id_from<schema::NamespaceId>(x.at("ns")), x.at("name").get<std::string>(),
                       x.at("values").get<std::vector<std::string>>()});
  }
  for (const auto& x : arr(j, "extensions")) {
    schema::Extension e;
    e.name = x.at("name").get<std::string>();
    if (!x.at("ns").is_null()) e.namespace_id = id_from<schema::NamespaceId>(x.at("ns"));
    e.version = x.at("version").get<std::string>();
    c.extensions.push_back(std::move(e));
  }
  for (const auto& x : arr(j, "views")) {
    c.views.push_back({id_from<schema::NamespaceId>(x.at("ns")), x.at("name").get<std::string>(),
                       x.at("definition").get<std::string>()});
  }
  for (const auto& x : arr(j, "sequences")) {
    schema::Sequence s;
    s.namespace_id = id_from<schema::NamespaceId>(x.at("ns"));
    s.name = x.at("name").get<std::string>();
    s.start = x.at("start").get<std::int64_t>();
    s.increment = x.at("increment").get<std::int64_t>();
    s.min_value = x.at("min").get<std::int64_t>();
    s.max_value = x.at("max").get<std::int64_t>();
    s.cache = x.at("cache").get<std::int64_t>();
    s.cycle = x.at("cycle").get<bool>();
    if (!x.at("owned_by").is_null()) s.owned_by = id_from<schema::ColumnId>(x.at("owned_by"));
    c.sequences.push_back(std::move(s));
  }
  for (const auto& x : arr(j, "checks")) {
    c.checks.push_back({id_from<schema::TableId>(x.at("table")), x.at("name").get<std::string>(),
                        x.at("expression").get<std::string>()});
  }
  for (const auto& x : arr(j, "pg_indexes")) {
    schema::PostgresIndex pi;
    pi.algorithm = de<schema::IndexAlgorithm>(x.at("algorithm"));
    pi.operator_classes = x.at("opclasses").get<std::vector<std::string>>();
    pi.default_operator_classes = x.at("default_opclasses").get<std::vector<bool>>();
    pi.partial = x.at("partial").get<bool>();
    pi.condition = x.at("condition").get<std::string>();
    c.postgres.indexes.emplace(id_from<schema::IndexId>(x.at("id")), std::move(pi));
  }
  // Ids must stay inside their vectors: a file that passed the key check but was edited by
  // hand must not make the differ read out of bounds.
  auto check = [](std::uint32_t id, std::size_t size) {
    if (id >= size) throw std::out_of_range("an id outside its catalog vector");
  };
  for (const auto& t : c.tables) {
    check(t.namespace_id.value, c.namespaces.size());
    for (auto id : t.columns)
      check(id.value, c.columns.size());
    for (auto id : t.indexes)
      check(id.value, c.indexes.size());
    for (auto id : t.foreign_keys)
      check(id.value, c.foreign_keys.size());
    for (auto id : t.checks)
      check(id.value, c.checks.size());
  }
  for (const auto& col : c.columns) {
    check(col.table.value, c.tables.size());
    if (col.type.family == schema::TypeFamily::Enum) check(col.type.enum_id.value, c.enums.size());
  }
  for (const auto& idx : c.indexes) {
    check(idx.table.value, c.tables.size());
    for (const auto& ic : idx.columns)
      check(ic.column.value, c.columns.size());
  }
  for (const auto& fk : c.foreign_keys) {
    check(fk.table.value, c.tables.size());
    check(fk.referenced_table.value, c.tables.size());
    for (auto id : fk.columns)
      check(id.value, c.columns.size());
    for (auto id : fk.referenced_columns)
      check(id.value, c.columns.size());
  }
  for (const auto& e : c.enums)
    check(e.namespace_id.value, c.namespaces.size());
  for (const auto& v : c.views)
    check(v.namespace_id.value, c.namespaces.size());
  for (const auto& s : c.sequences) {
    check(s.namespace_id.value, c.namespaces.size());
    if (s.owned_by) check(s.owned_by->value, c.columns.size());
  }
  for (const auto& e : c.extensions)
    if (e.namespace_id) check(e.namespace_id->value, c.namespaces.size());
  for (const auto& ch : c.checks)
    check(ch.table.value, c.tables.size());
  for (const auto& [id, pi] : c.postgres.indexes)
    check(id.value, c.indexes.size());
  return c;
}

json key_json(const ShadowKey& k) {
  auto list = [](const std::vector<std::pair<std::string, std::string>>& v) {
    json out = json::array();
    for (const auto& [name, checksum] : v)
      out.push_back({name, checksum});
    return out;
  };
  return {{"provider", k.provider},     {"server_version", k.server_version},
          {"godwit", k.godwit},         {"options", k.options},
          {"shadow_url", k.shadow_url}, {"applied", list(k.applied)},
          {"all", list(k.all)}};
}

}  // namespace

std::string executable_identity(std::string_view version) {
  struct stat st {};
  if (::stat("/proc/self/exe", &st) != 0) return std::string(version);
  return fmt::format("{} {} {}.{:09}", version, static_cast<long long>(st.st_size),
                     static_cast<long long>(st.st_mtim.tv_sec),
                     static_cast<long long>(st.st_mtim.tv_nsec));
}

std::string options_key(const schema::InspectOptions& o) {
  json j = {{"namespaces", o.namespaces},
            {"external_tables", o.external_tables},
            {"external_enums", o.external_enums},
            {"extensions", o.extensions},
            {"partial_indexes", o.partial_indexes}};
  return j.dump();
}

fs::path shadow_cache_file(const fs::path& migrations_dir, const project::EnvLookup& env) {
  fs::path dir;
  if (auto d = env("GODWIT_CACHE_DIR"); d && !d->empty()) {
    dir = *d;
  } else if (auto x = env("XDG_CACHE_HOME"); x && !x->empty()) {
    dir = fs::path(*x) / "godwit";
  } else if (auto h = env("HOME"); h && !h->empty()) {
    dir = fs::path(*h) / ".cache" / "godwit";
  } else {
    dir = fs::temp_directory_path() / "godwit-cache";
  }
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(migrations_dir, ec), ec);
  return dir / ("shadow-" + core::sha256_hex(absolute.string()) + ".json");
}

std::string catalog_to_json(const schema::Catalog& catalog) {
  return catalog_json(catalog).dump();
}

schema::Catalog catalog_from_json(std::string_view text) {
  return catalog_from(json::parse(text));
}

std::optional<ShadowResult> load_shadow_cache(const fs::path& file, const ShadowKey& key,
                                              std::string* warning) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;  // no cache yet
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const json j = json::parse(text.str());
    if (j.at("format").get<int>() != kFormat || j.at("key") != key_json(key)) return std::nullopt;
    ShadowResult r;
    r.after_applied = catalog_from(j.at("after_applied"));
    r.after_all = catalog_from(j.at("after_all"));
    for (const auto& w : j.at("warnings"))
      r.warnings.push_back({w.at(0).get<std::string>(), w.at(1).get<std::string>()});
    return r;
  } catch (const std::exception& e) {
    if (warning) {
      *warning = fmt::format(
          "the shadow cache {} could not be read ({}); it is ignored and the "
          "migrations are replayed",
          file.string(), e.what());
    }
    return std::nullopt;
  }
}

std::string store_shadow_cache(const fs::path& file, const ShadowKey& key,
                               const ShadowResult& result) {
  try {
    json warnings = json::array();
    for (const auto& w : result.warnings)
      warnings.push_back({w.object, w.message});
    json applied = catalog_json(result.after_applied);
    json all = catalog_json(result.after_all);
    // Never store what would not come back equal: a catalog field this file does not write
    // (added to schema::Catalog later) would otherwise be lost on a cache hit.
    if (!(catalog_from(applied) == result.after_applied) ||
        !(catalog_from(all) == result.after_all))
      return "a catalog does not survive the cache's JSON form (a field it does not store)";
    const json j = {{"format", kFormat},
                    {"key", key_json(key)},
                    {"after_applied", std::move(applied)},
                    {"after_all", std::move(all)},
                    {"warnings", warnings}};
    const std::string text = j.dump();
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + fmt::format(".{}.tmp", static_cast<long>(::getpid()));
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      if (!out) return "could not write " + tmp.string();
    }
    fs::rename(tmp, file, ec);
    if (ec) {
      fs::remove(tmp, ec);
      return "could not write " + file.string();
    }
    return {};
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace godwit::dev
