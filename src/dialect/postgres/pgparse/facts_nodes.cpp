// Reading libpg_query's protobuf nodes into facts (see facts_nodes.hpp).
#include "dialect/postgres/pgparse/facts_nodes.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace godwit::postgres::pgfacts {
namespace {

std::string string_value(const Node* n) {
  if (n == nullptr) return "";
  if (n->node_case == PG_QUERY__NODE__NODE_STRING) return str(n->string->sval);
  return "";
}

// Every FuncCall name under `msg`, found by walking the protobuf message generically (an
// expression can nest them anywhere: casts, operators, CASE ...).
void collect_functions(const ProtobufCMessage* msg, std::vector<std::string>& out, int depth = 0) {
  if (msg == nullptr || depth > 64) return;
  const ProtobufCMessageDescriptor* d = msg->descriptor;
  if (d == &pg_query__func_call__descriptor) {
    const auto* f = reinterpret_cast<const PgQuery__FuncCall*>(msg);
    out.push_back(lower(list_name(f->n_funcname, f->funcname).name));
  }
  for (unsigned i = 0; i < d->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d->fields[i];
    if (f.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    const char* base = reinterpret_cast<const char*>(msg);
    if (f.label == PROTOBUF_C_LABEL_REPEATED) {
      std::size_t count = *reinterpret_cast<const std::size_t*>(base + f.quantifier_offset);
      auto* const* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + f.offset);
      for (std::size_t k = 0; k < count; ++k)
        collect_functions(items[k], out, depth + 1);
    } else {
      // A oneof member that is not the one set shares its storage with the one that is: only
      // follow the member named by the oneof's case field.
      if (f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
        auto which = *reinterpret_cast<const std::uint32_t*>(base + f.quantifier_offset);
        if (which != f.id) continue;
      }
      collect_functions(*reinterpret_cast<ProtobufCMessage* const*>(base + f.offset), out,
                        depth + 1);
    }
  }
}

// Functions whose result does not change within a statement (IMMUTABLE or STABLE in
// pg_proc): a default calling only these is evaluated once and stored as metadata (PG11+).
bool non_volatile_function(const std::string& name) {
  static constexpr std::array<std::string_view, 34> kKnown = {"now",
                                                              "current_timestamp",
                                                              "transaction_timestamp",
                                                              "statement_timestamp",
                                                              "current_date",
                                                              "current_time",
                                                              "localtimestamp",
                                                              "localtime",
                                                              "current_user",
                                                              "current_schema",
                                                              "current_setting",
                                                              "session_user",
                                                              "lower",
                                                              "upper",
                                                              "concat",
                                                              "coalesce",
                                                              "length",
                                                              "jsonb_build_object",
                                                              "json_build_object",
                                                              "jsonb_build_array",
                                                              "json_build_array",
                                                              "array",
                                                              "to_jsonb",
                                                              "to_json",
                                                              "make_interval",
                                                              "date_trunc",
                                                              "timezone",
                                                              "to_timestamp",
                                                              "to_char",
                                                              "btrim",
                                                              "trim",
                                                              "replace",
                                                              "substring",
                                                              "md5"};
  return std::find(kKnown.begin(), kKnown.end(), name) != kKnown.end();
}

// CHECK (a IS NOT NULL AND b IS NOT NULL): the columns proven non-null.
void not_null_columns(const Node* e, std::vector<std::string>& out) {
  if (e == nullptr) return;
  if (e->node_case == PG_QUERY__NODE__NODE_NULL_TEST) {
    const auto& t = *e->null_test;
    if (t.nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL && t.arg != nullptr &&
        t.arg->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
      const auto& r = *t.arg->column_ref;
      if (r.n_fields > 0) out.push_back(string_value(r.fields[r.n_fields - 1]));
    }
  } else if (e->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
             e->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
    for (std::size_t i = 0; i < e->bool_expr->n_args; ++i)
      not_null_columns(e->bool_expr->args[i], out);
  }
}

}  // namespace

bool has(const char* s) {
  return s != nullptr && *s != '\0';
}

std::string str(const char* s) {
  return has(s) ? std::string(s) : std::string();
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

QualifiedName range_name(const PgQuery__RangeVar* r) {
  if (r == nullptr) return {};
  return {str(r->schemaname), str(r->relname)};
}

// A name given as a list of String nodes (types, DROP objects): schema.name.
QualifiedName list_name(std::size_t n, Node* const* items) {
  QualifiedName q;
  if (n == 0) return q;
  q.name = string_value(items[n - 1]);
  if (n >= 2) q.schema = string_value(items[n - 2]);
  return q;
}

QualifiedName node_name(const Node* n) {
  if (n == nullptr) return {};
  switch (n->node_case) {
    case PG_QUERY__NODE__NODE_LIST:
      return list_name(n->list->n_items, n->list->items);
    case PG_QUERY__NODE__NODE_STRING:
      return {"", str(n->string->sval)};
    case PG_QUERY__NODE__NODE_RANGE_VAR:
      return range_name(n->range_var);
    case PG_QUERY__NODE__NODE_TYPE_NAME:
      return list_name(n->type_name->n_names, n->type_name->names);
    default:
      return {};
  }
}

void read_default(const Node* expr, ColumnFacts& c) {
  if (expr == nullptr) return;
  c.has_default = true;
  std::vector<std::string> fns;
  collect_functions(&expr->base, fns);
  for (const auto& f : fns) {
    if (!non_volatile_function(f)) {
      c.volatile_default = true;
      c.default_function = f;
      return;
    }
  }
}

void read_type(const PgQuery__TypeName* t, ColumnFacts& c) {
  if (t == nullptr) return;
  c.type = lower(list_name(t->n_names, t->names).name);
  c.array = t->n_array_bounds > 0;
  for (std::size_t i = 0; i < t->n_typmods; ++i) {
    const Node* m = t->typmods[i];
    if (m != nullptr && m->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        m->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
      c.typmods.push_back(m->a_const->ival->ival);
    }
  }
  c.serial = c.type == "serial" || c.type == "serial4" || c.type == "bigserial" ||
             c.type == "serial8" || c.type == "smallserial" || c.type == "serial2";
}

std::vector<std::string> string_list(std::size_t n, Node* const* items) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(string_value(items[i]));
  return out;
}

ConstraintFacts constraint_facts(const PgQuery__Constraint& k) {
  using K = ConstraintFacts::Kind;
  ConstraintFacts c;
  c.name = str(k.conname);
  c.not_valid = k.skip_validation;
  c.using_index = has(k.indexname);
  switch (k.contype) {
    case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
      c.kind = K::kForeignKey;
      c.references = range_name(k.pktable);
      c.columns = string_list(k.n_fk_attrs, k.fk_attrs);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
      c.kind = K::kCheck;
      not_null_columns(k.raw_expr, c.not_null_columns);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
      c.kind = K::kUnique;
      c.columns = string_list(k.n_keys, k.keys);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
      c.kind = K::kPrimaryKey;
      c.columns = string_list(k.n_keys, k.keys);
      break;
    case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
      c.kind = K::kExclusion;
      break;
    default:
      break;
  }
  return c;
}

ColumnFacts column_facts(const PgQuery__ColumnDef& d) {
  ColumnFacts c;
  c.name = str(d.colname);
  read_type(d.type_name, c);
  c.not_null = d.is_not_null;
  read_default(d.raw_default, c);
  if (has(d.identity)) c.identity = true;
  if (has(d.generated) && std::string_view(d.generated) == "s") c.generated_stored = true;
  for (std::size_t i = 0; i < d.n_constraints; ++i) {
    const Node* n = d.constraints[i];
    if (n == nullptr || n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const auto& k = *n->constraint;
    switch (k.contype) {
      case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
        c.not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
        read_default(k.raw_expr, c);
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
        c.identity = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
        c.generated_stored = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
        c.check = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
        c.primary_key = true;
        c.not_null = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
        c.unique = true;
        break;
      case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
        c.references = range_name(k.pktable);
        break;
      default:
        break;
    }
  }
  if (c.serial) c.not_null = true;
  return c;
}

std::string enum_word(const ProtobufCEnumDescriptor& d, int value) {
  const ProtobufCEnumValue* v =
      value == 0 ? nullptr : protobuf_c_enum_descriptor_get_value(&d, value);
  if (v == nullptr) return "";
  std::string_view n = v->name;
  if (n.starts_with("OBJECT_")) n.remove_prefix(7);
  std::string out(n);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (out == "MATVIEW") out = "MATERIALIZED VIEW";
  return out;
}

}  // namespace godwit::postgres::pgfacts
