#include "schema/catalog.hpp"

#include <cassert>

namespace godwit::schema {

namespace {

template <class IdT, class Vec>
IdT next_id(const Vec& v) {
  return IdT{static_cast<std::uint32_t>(v.size())};
}

}  // namespace

DefaultValue DefaultValue::constant(Value v) {
  DefaultValue d;
  d.kind = DefaultKind::Value;
  d.value = std::move(v);
  return d;
}

DefaultValue DefaultValue::now() {
  DefaultValue d;
  d.kind = DefaultKind::Now;
  return d;
}

DefaultValue DefaultValue::db_generated(std::string sql) {
  DefaultValue d;
  d.kind = DefaultKind::DbGenerated;
  d.expression = std::move(sql);
  return d;
}

DefaultValue DefaultValue::prisma_level() {
  DefaultValue d;
  d.kind = DefaultKind::PrismaLevel;
  return d;
}

NamespaceId Catalog::add_namespace(std::string name) {
  auto id = next_id<NamespaceId>(namespaces);
  namespaces.push_back(Namespace{std::move(name)});
  return id;
}

TableId Catalog::add_table(NamespaceId ns, std::string name) {
  auto id = next_id<TableId>(tables);
  Table t;
  t.namespace_id = ns;
  t.name = std::move(name);
  tables.push_back(std::move(t));
  return id;
}

ColumnId Catalog::add_column(Column column) {
  assert(column.table.value < tables.size());
  auto id = next_id<ColumnId>(columns);
  tables[column.table.value].columns.push_back(id);
  columns.push_back(std::move(column));
  return id;
}

IndexId Catalog::add_index(Index index) {
  assert(index.table.value < tables.size());
  auto id = next_id<IndexId>(indexes);
  auto& list = tables[index.table.value].indexes;
  if (index.kind == IndexKind::PrimaryKey) {
    list.insert(list.begin(), id);  // the primary key always comes first
  } else {
    list.push_back(id);
  }
  indexes.push_back(std::move(index));
  return id;
}

ForeignKeyId Catalog::add_foreign_key(ForeignKey fk) {
  assert(fk.table.value < tables.size());
  auto id = next_id<ForeignKeyId>(foreign_keys);
  tables[fk.table.value].foreign_keys.push_back(id);
  foreign_keys.push_back(std::move(fk));
  return id;
}

EnumId Catalog::add_enum(Enum e) {
  auto id = next_id<EnumId>(enums);
  enums.push_back(std::move(e));
  return id;
}

ExtensionId Catalog::add_extension(Extension ext) {
  auto id = next_id<ExtensionId>(extensions);
  extensions.push_back(std::move(ext));
  return id;
}

ViewId Catalog::add_view(View view) {
  auto id = next_id<ViewId>(views);
  views.push_back(std::move(view));
  return id;
}

SequenceId Catalog::add_sequence(Sequence sequence) {
  auto id = next_id<SequenceId>(sequences);
  sequences.push_back(std::move(sequence));
  return id;
}

CheckId Catalog::add_check(CheckConstraint check) {
  assert(check.table.value < tables.size());
  auto id = next_id<CheckId>(checks);
  tables[check.table.value].checks.push_back(id);
  checks.push_back(std::move(check));
  return id;
}

std::optional<ColumnId> Catalog::find_column(TableId table, std::string_view name) const {
  for (ColumnId id : get(table).columns) {
    if (get(id).name == name) return id;
  }
  return std::nullopt;
}

std::optional<IndexId> Catalog::primary_key(TableId table) const {
  const auto& list = get(table).indexes;
  if (!list.empty() && get(list.front()).kind == IndexKind::PrimaryKey) return list.front();
  return std::nullopt;
}

bool Catalog::is_default_namespace(NamespaceId ns) const {
  return ns.value >= namespaces.size() || namespaces[ns.value].name == default_namespace;
}

std::vector<bool> Catalog::namespaces_holding_objects() const {
  std::vector<bool> out(namespaces.size(), false);
  auto mark = [&out](NamespaceId ns) {
    if (ns.value < out.size()) out[ns.value] = true;
  };
  for (const auto& t : tables)
    mark(t.namespace_id);
  for (const auto& e : enums)
    mark(e.namespace_id);
  for (const auto& v : views)
    mark(v.namespace_id);
  for (const auto& s : sequences)
    mark(s.namespace_id);
  return out;
}

bool Catalog::empty() const {
  return tables.empty() && enums.empty() && extensions.empty() && views.empty() &&
         sequences.empty();
}

std::string_view to_string(TypeFamily f) {
  switch (f) {
    case TypeFamily::Int:
      return "Int";
    case TypeFamily::BigInt:
      return "BigInt";
    case TypeFamily::Float:
      return "Float";
    case TypeFamily::Decimal:
      return "Decimal";
    case TypeFamily::Boolean:
      return "Boolean";
    case TypeFamily::String:
      return "String";
    case TypeFamily::DateTime:
      return "DateTime";
    case TypeFamily::Binary:
      return "Binary";
    case TypeFamily::Json:
      return "Json";
    case TypeFamily::Uuid:
      return "Uuid";
    case TypeFamily::Enum:
      return "Enum";
    case TypeFamily::Unsupported:
      return "Unsupported";
  }
  return "?";
}

std::string_view to_string(Arity a) {
  switch (a) {
    case Arity::Required:
      return "required";
    case Arity::Nullable:
      return "nullable";
    case Arity::List:
      return "list";
  }
  return "?";
}

std::string_view to_string(DefaultKind k) {
  switch (k) {
    case DefaultKind::Value:
      return "value";
    case DefaultKind::Now:
      return "now";
    case DefaultKind::DbGenerated:
      return "dbgenerated";
    case DefaultKind::PrismaLevel:
      return "prisma-level";
  }
  return "?";
}

std::string_view to_string(IndexKind k) {
  switch (k) {
    case IndexKind::PrimaryKey:
      return "primary";
    case IndexKind::UniqueConstraint:
      return "unique-constraint";
    case IndexKind::UniqueIndex:
      return "unique-index";
    case IndexKind::Normal:
      return "index";
    case IndexKind::Fulltext:
      return "fulltext";
  }
  return "?";
}

std::string_view to_string(Identity i) {
  switch (i) {
    case Identity::None:
      return "none";
    case Identity::Serial:
      return "serial";
    case Identity::Always:
      return "always";
    case Identity::ByDefault:
      return "by-default";
  }
  return "?";
}

std::string_view to_string(Deferrable d) {
  switch (d) {
    case Deferrable::NotDeferrable:
      return "not-deferrable";
    case Deferrable::InitiallyImmediate:
      return "deferrable-initially-immediate";
    case Deferrable::InitiallyDeferred:
      return "deferrable-initially-deferred";
  }
  return "?";
}

std::string_view to_string(ReferentialAction a) {
  switch (a) {
    case ReferentialAction::NoAction:
      return "NoAction";
    case ReferentialAction::Restrict:
      return "Restrict";
    case ReferentialAction::Cascade:
      return "Cascade";
    case ReferentialAction::SetNull:
      return "SetNull";
    case ReferentialAction::SetDefault:
      return "SetDefault";
  }
  return "?";
}

const char* sql_keyword(ReferentialAction a) {
  switch (a) {
    case ReferentialAction::Cascade:
      return "CASCADE";
    case ReferentialAction::Restrict:
      return "RESTRICT";
    case ReferentialAction::NoAction:
      return "NO ACTION";
    case ReferentialAction::SetNull:
      return "SET NULL";
    case ReferentialAction::SetDefault:
      return "SET DEFAULT";
  }
  return "NO ACTION";
}

const char* sql_keyword(Deferrable d) {
  switch (d) {
    case Deferrable::NotDeferrable:
      return "";
    case Deferrable::InitiallyImmediate:
      return " DEFERRABLE INITIALLY IMMEDIATE";
    case Deferrable::InitiallyDeferred:
      return " DEFERRABLE INITIALLY DEFERRED";
  }
  return "";
}

}  // namespace godwit::schema
