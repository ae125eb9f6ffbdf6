#include "psl/catalog_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/text.hpp"
#include "psl/lower/catalog_mapping.hpp"
#include "schema/naming.hpp"

namespace godwit::psl {

namespace sc = godwit::schema;

namespace {

using namespace detail;

class Builder {
 public:
  Builder(const Schema& s, const CatalogFlavour& f) : s_(s), flavour_(f) {
    limit_ = f.identifier_limit;
    uses_foreign_keys_ = !s.datasource || s.datasource->relation_mode != "prisma";
  }

  sc::Catalog build() {
    c_.default_namespace = flavour_.default_namespace;
    c_.partial_indexes = s_.has_preview_feature("partialIndexes");
    reserve();
    push_namespaces();
    if (flavour_.native_enums) push_enums();
    push_model_tables();
    auto relations = relations_in_prisma_order();
    if (uses_foreign_keys_) {
      for (RelationId r : relations)
        push_inline_relation(s_.relation(r));
    }
    for (RelationId r : relations)
      push_join_table(s_.relation(r));
    if (flavour_.extensions) push_extensions();
    return std::move(c_);
  }

 private:
  const Schema& s_;
  const CatalogFlavour& flavour_;
  std::size_t limit_;
  bool uses_foreign_keys_;
  sc::Catalog c_;
  std::map<std::string, sc::NamespaceId> namespaces_;
  std::vector<std::optional<sc::EnumId>> enum_ids_;    // by psl EnumId
  std::vector<std::optional<sc::TableId>> table_ids_;  // by psl ModelId (views: none)

  // Sizes known up front; avoids regrowing vectors of strings on large schemas.
  void reserve() {
    std::size_t fields = 0, indexes = 0, join_tables = 0;
    for (const Model& m : s_.models) {
      fields += m.fields.size();
      indexes += m.indexes.size() + 1;
    }
    for (const Relation& r : s_.relations)
      join_tables += r.kind == Relation::Kind::ManyToMany;
    c_.tables.reserve(s_.models.size() + join_tables);
    c_.columns.reserve(fields + 2 * join_tables);
    c_.indexes.reserve(indexes + 2 * join_tables);
    c_.foreign_keys.reserve(s_.relations.size() + 2 * join_tables);
  }

  sc::ColumnId column_of(sc::TableId t, const std::string& name) const {
    auto id = c_.find_column(t, name);
    if (!id) unexpected("table `" + c_.get(t).name + "` has no column `" + name + "`");
    return *id;
  }

  sc::NamespaceId namespace_for(const std::optional<std::string>& schema) const {
    if (!flavour_.namespaces) return sc::NamespaceId{0};
    return namespaces_.at(schema ? *schema : c_.default_namespace);
  }

  // Only namespaces that hold a table or an enum are created, sorted by name (what Prisma 7
  // emits as CreateSchema steps).
  void push_namespaces() {
    std::set<std::string> names;
    if (!flavour_.namespaces) {
      names.insert(c_.default_namespace);
    } else {
      for (const Model& m : s_.models) {
        if (!m.is_view) names.insert(m.schema ? *m.schema : c_.default_namespace);
      }
      for (const Enum& e : s_.enums)
        names.insert(e.schema ? *e.schema : c_.default_namespace);
    }
    for (const auto& n : names)
      namespaces_[n] = c_.add_namespace(n);
  }

  void push_enums() {
    enum_ids_.resize(s_.enums.size());
    for (std::size_t i = 0; i < s_.enums.size(); ++i) {
      const Enum& e = s_.enums[i];
      sc::Enum out;
      out.namespace_id = namespace_for(e.schema);
      out.name = e.database_name();
      for (const auto& v : e.values)
        out.values.push_back(v.database_name());
      enum_ids_[i] = c_.add_enum(std::move(out));
    }
  }

  void push_model_tables() {
    table_ids_.resize(s_.models.size());
    for (std::size_t i = 0; i < s_.models.size(); ++i) {
      const Model& m = s_.models[i];
      if (m.is_view) continue;
      sc::TableId t = c_.add_table(namespace_for(m.schema), m.database_name());
      table_ids_[i] = t;
      c_.tables[t.value].columns.reserve(m.fields.size());  // an upper bound: one allocation
      for (const Field& f : m.fields) {
        if (f.is_relation() || f.type.kind == FieldType::Kind::Composite) continue;
        push_column(m, f, t);
      }
      push_indexes(m, t);
    }
  }

  bool is_single_id_field(const Model& m, const Field& f) const {
    return m.primary_key && m.primary_key->fields.size() == 1 &&
           &m.fields[m.primary_key->fields.front().field.value] == &f;
  }

  void push_column(const Model& m, const Field& f, sc::TableId t) {
    sc::Column col;
    col.table = t;
    col.name = f.database_name();
    col.arity = f.arity == Arity::Required   ? sc::Arity::Required
                : f.arity == Arity::Optional ? sc::Arity::Nullable
                                             : sc::Arity::List;
    switch (f.type.kind) {
      case FieldType::Kind::Enum:
        if (flavour_.native_enums) {
          col.type.family = sc::TypeFamily::Enum;
          col.type.enum_id = *enum_ids_[f.type.enum_id.value];
        } else {
          col.type.family = sc::TypeFamily::String;  // SQLite stores enums as TEXT
        }
        break;
      case FieldType::Kind::Unsupported:
        col.type.family = sc::TypeFamily::Unsupported;
        col.type.raw = f.type.unsupported;
        break;
      default:
        col.type.family = family_of(f.type.scalar);
        if (flavour_.default_native_type) col.type.native = native_type(f);
        break;
    }
    bool is_scalar = f.type.kind == FieldType::Kind::Scalar;
    if (f.default_value) col.default_value = lower_default(m, f);
    bool autoincrement = f.default_value && f.default_value->kind == DefaultValue::Kind::Function &&
                         f.default_value->function == DefaultFunction::Autoincrement;
    // SQLite: a one-field Int id is a rowid alias (ENG sqlite schema_calculator.rs
    // `field_is_implicit_autoincrement_primary_key`).
    bool implicit = flavour_.implicit_rowid_autoincrement && is_scalar &&
                    f.type.scalar == ScalarType::Int && is_single_id_field(m, f);
    if (autoincrement || implicit) col.identity = sc::Identity::Serial;
    c_.add_column(std::move(col));
  }

  sc::NativeType native_type(const Field& f) const {
    if (!f.native_type) return flavour_.default_native_type(f.type.scalar);
    sc::NativeType out;
    out.name = f.native_type->name;
    for (const auto& a : f.native_type->args) {
      out.args.push_back(native_type_arg(f, a));
    }
    return out;
  }

  std::optional<sc::DefaultValue> lower_default(const Model& m, const Field& f) const {
    const DefaultValue& d = *f.default_value;
    if (d.kind == DefaultValue::Kind::Function) {
      switch (d.function) {
        case DefaultFunction::Autoincrement:
          return std::nullopt;  // the column's Identity::Serial says it (push_column)
        case DefaultFunction::Now:
          return sc::DefaultValue::now();
        case DefaultFunction::DbGenerated:
          return sc::DefaultValue::db_generated(d.sql.value_or(""));
        case DefaultFunction::Sequence:
          // Validation accepts sequence() for CockroachDB only, which has no builder.
          unexpected(fmt::format("sequence() on `{}.{}`", m.name, f.name));
        case DefaultFunction::Uuid:
        case DefaultFunction::Cuid:
        case DefaultFunction::Nanoid:
        case DefaultFunction::Ulid:
        case DefaultFunction::Auto:
          return sc::DefaultValue::prisma_level();
      }
      return std::nullopt;
    }
    return sc::DefaultValue::constant(lower_literal(m, f, d.value));
  }

  sc::Value lower_literal(const Model& m, const Field& f, const Literal& lit) const {
    if (lit.kind == Literal::Kind::List) {
      std::vector<sc::Value> items;
      for (const auto& item : lit.items)
        items.push_back(lower_literal(m, f, item));
      return sc::Value::list(std::move(items));
    }
    if (f.type.kind == FieldType::Kind::Enum) {
      const Enum& e = s_.enum_(f.type.enum_id);
      for (const auto& v : e.values) {
        if (v.name == lit.text) return sc::Value::enum_value(v.database_name());
      }
      invalid_literal(m, f, "the unknown enum value " + lit.text);
    }
    ScalarType t = f.type.scalar;
    switch (lit.kind) {
      case Literal::Kind::Boolean:
      case Literal::Kind::Constant:
        return sc::Value::boolean(lit.text == "true");
      case Literal::Kind::Number: {
        if (t == ScalarType::Int || t == ScalarType::BigInt) {
          auto v = sc::canonical_integer(lit.text);
          if (!v) invalid_literal(m, f, "not an integer: " + lit.text);
          return sc::Value::integer(*v);
        }
        auto v = sc::canonical_decimal(lit.text);
        if (!v) invalid_literal(m, f, "not a number: " + lit.text);
        return sc::Value::floating(*v);
      }
      case Literal::Kind::String:
        switch (t) {
          case ScalarType::DateTime: {
            auto v = sc::canonical_datetime(lit.text);
            if (!v) invalid_literal(m, f, "not an RFC 3339 date-time: " + lit.text);
            return sc::Value::datetime(*v);
          }
          case ScalarType::Json:
            return sc::Value::json(lit.text);
          case ScalarType::Bytes: {
            auto v = sc::base64_decode(lit.text);
            if (!v) invalid_literal(m, f, "not base64: " + lit.text);
            return sc::Value::bytes(*v);
          }
          case ScalarType::Decimal: {
            auto v = sc::canonical_decimal(lit.text);
            if (!v) invalid_literal(m, f, "not a decimal: " + lit.text);
            return sc::Value::floating(*v);
          }
          default:
            return sc::Value::string(lit.text);
        }
      case Literal::Kind::List:
        break;
    }
    return sc::Value::string(lit.text);
  }

  std::vector<std::string> column_names(const Model& m,
                                        const std::vector<IndexField>& fields) const {
    std::vector<std::string> out;
    for (const auto& f : fields)
      out.push_back(m.fields[f.field.value].database_name());
    return out;
  }

  std::vector<sc::IndexColumn> index_columns(const Model& m, sc::TableId t,
                                             const std::vector<IndexField>& fields) const {
    std::vector<sc::IndexColumn> out;
    for (const auto& f : fields) {
      sc::IndexColumn ic;
      ic.column = column_of(t, m.fields[f.field.value].database_name());
      if (f.sort) ic.sort = *f.sort == SortOrder::Asc ? sc::SortOrder::Asc : sc::SortOrder::Desc;
      ic.length = f.length;
      out.push_back(std::move(ic));
    }
    return out;
  }

  // The PostgreSQL access method and operator classes of an index, in the catalog's side data
  // (only when one is not the default).
  void push_postgres_details(sc::IndexId id, const Index& idx) {
    if (!flavour_.postgres_index_details) return;
    sc::PostgresIndex pg;
    if (idx.algorithm) pg.algorithm = convert(*idx.algorithm);
    for (std::size_t i = 0; i < idx.fields.size(); ++i) {
      const IndexField& f = idx.fields[i];
      if (!f.ops) continue;
      pg.operator_classes.resize(i + 1);
      pg.operator_classes[i] = f.ops_raw ? *f.ops : operator_class_sql(*f.ops);
    }
    if (pg != sc::PostgresIndex{}) c_.postgres.indexes.emplace(id, std::move(pg));
  }

  // A partial index's predicate as Prisma 7.10.1 writes it: raw() verbatim; the object form as
  // `"col" = 'text' AND "n" IS NULL AND "b" != false`, columns by their database names.
  static std::string where_sql(const Model& m, const IndexWhere& where) {
    if (where.raw) return *where.raw;
    std::string out;
    for (const auto& c : where.conditions) {
      if (!out.empty()) out += " AND ";
      core::append_double_quoted(out, m.fields[c.field.value].database_name());
      const Literal& v = c.value;
      if (v.kind == Literal::Kind::Constant) {  // null
        out += c.negated ? " IS NOT NULL" : " IS NULL";
        continue;
      }
      out += c.negated ? " != " : " = ";
      if (v.kind == Literal::Kind::String) {
        core::append_single_quoted(out, v.text);
      } else {
        out += v.text;
      }
    }
    return out;
  }

  void push_indexes(const Model& m, sc::TableId t) {
    const std::string& table = m.database_name();
    if (m.primary_key) {
      sc::Index pk;
      pk.table = t;
      pk.kind = sc::IndexKind::PrimaryKey;
      pk.name = m.primary_key->map ? *m.primary_key->map : sc::primary_key_name(table, limit_);
      pk.columns = index_columns(m, t, m.primary_key->fields);
      c_.add_index(std::move(pk));
    }
    for (const Index& idx : m.indexes) {
      sc::Index out;
      out.table = t;
      auto cols = column_names(m, idx.fields);
      switch (idx.kind) {
        case Index::Kind::Unique:
          out.kind = sc::IndexKind::UniqueIndex;  // Prisma creates unique indexes (§7.3)
          out.name = idx.map ? *idx.map : sc::unique_index_name(table, cols, limit_);
          break;
        case Index::Kind::Normal:
        case Index::Kind::Fulltext:
          out.kind =
              idx.kind == Index::Kind::Normal ? sc::IndexKind::Normal : sc::IndexKind::Fulltext;
          out.name = idx.map ? *idx.map : sc::index_name(table, cols, limit_);
          break;
      }
      out.columns = index_columns(m, t, idx.fields);
      if (idx.where) out.predicate = where_sql(m, *idx.where);
      push_postgres_details(c_.add_index(std::move(out)), idx);
    }
  }

  // Prisma stores a relation when it meets the field that defines it: the referencing field
  // of an inline relation, model A's field of a many-to-many one. Foreign keys and join
  // tables follow that order (ENG parser-database relations.rs `ingest_relation`).
  std::vector<RelationId> relations_in_prisma_order() const {
    std::vector<RelationId> ids;
    for (std::size_t i = 0; i < s_.relations.size(); ++i) {
      ids.push_back(RelationId{static_cast<std::uint32_t>(i)});
    }
    std::stable_sort(ids.begin(), ids.end(), [&](RelationId a, RelationId b) {
      const Relation& ra = s_.relation(a);
      const Relation& rb = s_.relation(b);
      return FieldRef{ra.model_a, ra.field_a} < FieldRef{rb.model_a, rb.field_a};
    });
    return ids;
  }

  bool touches_view(const Relation& r) const {
    return s_.model(r.model_a).is_view || s_.model(r.model_b).is_view;
  }

  void push_inline_relation(const Relation& r) {
    if (r.kind == Relation::Kind::ManyToMany || r.fields.empty() || touches_view(r)) return;
    const Model& ma = s_.model(r.model_a);
    const Model& mb = s_.model(r.model_b);
    sc::ForeignKey fk;
    fk.table = *table_ids_[r.model_a.value];
    fk.referenced_table = *table_ids_[r.model_b.value];
    std::vector<std::string> cols;
    bool any_required = false;
    for (FieldId f : r.fields) {
      const Field& field = ma.fields[f.value];
      cols.push_back(field.database_name());
      fk.columns.push_back(column_of(fk.table, field.database_name()));
      any_required = any_required || field.arity == Arity::Required;
    }
    for (FieldId f : r.references) {
      fk.referenced_columns.push_back(
          column_of(fk.referenced_table, mb.fields[f.value].database_name()));
    }
    fk.name = r.map ? *r.map : sc::foreign_key_name(ma.database_name(), cols, limit_);
    // The referential arity: required when any referencing field is, else the relation
    // field's own arity (ENG walker_ext_traits `default_on_delete_action`).
    bool required = any_required || ma.fields[r.field_a.value].arity == Arity::Required;
    fk.on_delete = r.on_delete ? convert(*r.on_delete)
                   : required  ? sc::ReferentialAction::Restrict
                               : sc::ReferentialAction::SetNull;
    fk.on_update = r.on_update ? convert(*r.on_update) : sc::ReferentialAction::Cascade;
    c_.add_foreign_key(std::move(fk));
  }

  sc::ColumnId first_pk_column(sc::TableId t) const {
    auto pk = c_.primary_key(t);
    if (!pk) unexpected("the many-to-many relation's model `" + c_.get(t).name + "` has no id");
    return c_.get(*pk).columns.front().column;
  }

  void push_join_table(const Relation& r) {
    if (r.kind != Relation::Kind::ManyToMany || touches_view(r)) return;
    std::string name{sc::truncate_chars("_" + r.name, limit_)};
    sc::TableId ta = *table_ids_[r.model_a.value];
    sc::TableId tb = *table_ids_[r.model_b.value];
    sc::ColumnId pk_a = first_pk_column(ta);
    sc::ColumnId pk_b = first_pk_column(tb);

    sc::TableId t = c_.add_table(c_.get(ta).namespace_id, name);
    auto join_column = [&](const char* col_name, sc::ColumnId source) {
      sc::Column col;
      col.table = t;
      col.name = col_name;
      col.type = c_.get(source).type;
      col.arity = sc::Arity::Required;
      return c_.add_column(std::move(col));
    };
    sc::ColumnId a = join_column("A", pk_a);
    sc::ColumnId b = join_column("B", pk_b);

    sc::Index ab;
    ab.table = t;
    ab.columns = {sc::IndexColumn{a}, sc::IndexColumn{b}};
    if (flavour_.join_table_primary_key) {
      ab.kind = sc::IndexKind::PrimaryKey;
      ab.name = std::string(sc::truncate_chars(name, limit_ - 8)) + "_AB_pkey";
    } else {
      ab.kind = sc::IndexKind::UniqueIndex;
      ab.name = std::string(sc::truncate_chars(name, limit_ - 10)) + "_AB_unique";
    }
    c_.add_index(std::move(ab));

    sc::Index b_index;
    b_index.table = t;
    b_index.kind = sc::IndexKind::Normal;
    b_index.name = std::string(sc::truncate_chars(name, limit_ - 8)) + "_B_index";
    b_index.columns = {sc::IndexColumn{b}};
    c_.add_index(std::move(b_index));

    if (!uses_foreign_keys_) return;
    // Prisma cuts the table name to limit-7 bytes here, using `>` for A and `>=` for B.
    std::size_t room = limit_ - 7;
    std::string a_prefix = name.size() > room ? std::string(sc::truncate_utf8(name, room)) : name;
    std::string b_prefix = name.size() >= room ? std::string(sc::truncate_utf8(name, room)) : name;
    auto add_fk = [&](std::string fk_name, sc::ColumnId col, sc::TableId ref,
                      sc::ColumnId ref_col) {
      sc::ForeignKey fk;
      fk.table = t;
      fk.name = std::move(fk_name);
      fk.columns = {col};
      fk.referenced_table = ref;
      fk.referenced_columns = {ref_col};
      fk.on_delete = sc::ReferentialAction::Cascade;
      fk.on_update = sc::ReferentialAction::Cascade;
      c_.add_foreign_key(std::move(fk));
    };
    add_fk(a_prefix + "_A_fkey", a, ta, pk_a);
    add_fk(b_prefix + "_B_fkey", b, tb, pk_b);
  }

  // Extensions sorted by name. A `schema:` that names no namespace of the catalog adds one
  // after the others; it holds no table or enum, so it is not created (Namespace).
  void push_extensions() {
    std::vector<const Extension*> exts;
    for (const Extension& e : s_.extensions)
      exts.push_back(&e);
    std::stable_sort(exts.begin(), exts.end(), [](const Extension* a, const Extension* b) {
      return a->database_name() < b->database_name();
    });
    for (const Extension* e : exts) {
      sc::Extension out;
      out.name = e->database_name();
      if (e->schema && !e->schema->empty()) {
        auto [it, added] = namespaces_.try_emplace(*e->schema);
        if (added) it->second = c_.add_namespace(*e->schema);
        out.namespace_id = it->second;
      }
      out.version = e->version.value_or("");
      c_.add_extension(std::move(out));
    }
  }
};

}  // namespace

sc::Catalog build_catalog(const Schema& schema, const CatalogFlavour& flavour) {
  return Builder(schema, flavour).build();
}

}  // namespace godwit::psl
