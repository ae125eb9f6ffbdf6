#include "dialect/postgres/pgparse/facts.hpp"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>

#include "dialect/postgres/pgparse/classify_tree.hpp"
#include "dialect/postgres/pgparse/parse_tree.hpp"
#include "dialect/postgres/pgparse/split.hpp"
#include "sql/lex.hpp"

namespace godwit::postgres {

std::string_view lock_name(LockLevel level) {
  switch (level) {
    case LockLevel::kNone:
      return "";
    case LockLevel::kAccessShare:
      return "ACCESS SHARE";
    case LockLevel::kRowShare:
      return "ROW SHARE";
    case LockLevel::kRowExclusive:
      return "ROW EXCLUSIVE";
    case LockLevel::kShareUpdateExclusive:
      return "SHARE UPDATE EXCLUSIVE";
    case LockLevel::kShare:
      return "SHARE";
    case LockLevel::kShareRowExclusive:
      return "SHARE ROW EXCLUSIVE";
    case LockLevel::kExclusive:
      return "EXCLUSIVE";
    case LockLevel::kAccessExclusive:
      return "ACCESS EXCLUSIVE";
  }
  return "";
}

std::string_view lock_blocks(LockLevel level) {
  // PostgreSQL 15 "Table-Level Lock Modes", Table 13.2, read from the application's side.
  switch (level) {
    case LockLevel::kNone:
      return "";
    case LockLevel::kAccessShare:
      return "blocks only ACCESS EXCLUSIVE (DDL that rewrites or drops)";
    case LockLevel::kRowShare:
      return "blocks EXCLUSIVE and ACCESS EXCLUSIVE; reads and writes go on";
    case LockLevel::kRowExclusive:
      return "blocks CREATE INDEX and stronger DDL; reads and writes go on";
    case LockLevel::kShareUpdateExclusive:
      return "blocks VACUUM, ANALYZE, other schema changes and concurrent index builds; reads "
             "and writes go on";
    case LockLevel::kShare:
      return "blocks writes (INSERT, UPDATE, DELETE); reads go on";
    case LockLevel::kShareRowExclusive:
      return "blocks writes (INSERT, UPDATE, DELETE) and other schema changes; reads go on";
    case LockLevel::kExclusive:
      return "blocks writes and SELECT ... FOR UPDATE/SHARE; plain reads go on";
    case LockLevel::kAccessExclusive:
      return "blocks every read and write (SELECT, INSERT, UPDATE, DELETE)";
  }
  return "";
}

std::string QualifiedName::quoted() const {
  if (name.empty()) return "";
  return schema.empty() ? "\"" + name + "\"" : "\"" + schema + "\".\"" + name + "\"";
}

bool QualifiedName::same(const QualifiedName& other) const {
  if (name != other.name) return false;
  return schema.empty() || other.schema.empty() || schema == other.schema;
}

namespace {

using Node = PgQuery__Node;

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

std::string string_value(const Node* n) {
  if (n == nullptr) return "";
  if (n->node_case == PG_QUERY__NODE__NODE_STRING) return str(n->string->sval);
  return "";
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

class Reader {
 public:
  explicit Reader(std::vector<Action>& out) : out_(out) {}

  void statement(const Node* stmt) {
    if (stmt == nullptr) return;
    switch (stmt->node_case) {
      case PG_QUERY__NODE__NODE_CREATE_STMT:
        create_table(*stmt->create_stmt);
        break;
      case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        alter_table(*stmt->alter_table_stmt);
        break;
      case PG_QUERY__NODE__NODE_INDEX_STMT:
        create_index(*stmt->index_stmt);
        break;
      case PG_QUERY__NODE__NODE_DROP_STMT:
        drop(*stmt->drop_stmt);
        break;
      case PG_QUERY__NODE__NODE_RENAME_STMT:
        rename(*stmt->rename_stmt);
        break;
      case PG_QUERY__NODE__NODE_TRUNCATE_STMT: {
        Action a{Op::kTruncate};
        a.cascade = stmt->truncate_stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
        a.lock = LockLevel::kAccessExclusive;
        for (std::size_t i = 0; i < stmt->truncate_stmt->n_relations; ++i)
          a.relations.push_back(node_name(stmt->truncate_stmt->relations[i]));
        if (!a.relations.empty()) a.table = a.relations.front();
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
        Action a{Op::kCreateEnum};
        a.table = list_name(stmt->create_enum_stmt->n_type_name, stmt->create_enum_stmt->type_name);
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
        alter_enum(*stmt->alter_enum_stmt);
        break;
      case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
        const auto& n = *stmt->create_domain_stmt;
        Action a{Op::kCreateDomain};
        a.table = list_name(n.n_domainname, n.domainname);
        for (std::size_t i = 0; i < n.n_constraints; ++i) {
          const Node* c = n.constraints[i];
          if (c != nullptr && c->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
              c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
            a.has_check = true;
          }
        }
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: {
        const auto& n = *stmt->alter_domain_stmt;
        Action a{Op::kOther};
        a.table = list_name(n.n_type_name, n.type_name);
        if (has(n.subtype) && n.subtype[0] == 'C') a.op = Op::kAlterDomainAddConstraint;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_VACUUM_STMT:
        vacuum(*stmt->vacuum_stmt);
        break;
      case PG_QUERY__NODE__NODE_CLUSTER_STMT: {
        Action a{Op::kCluster};
        a.table = range_name(stmt->cluster_stmt->relation);
        a.lock = LockLevel::kAccessExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_REINDEX_STMT: {
        const auto& n = *stmt->reindex_stmt;
        Action a{Op::kReindex};
        a.table = range_name(n.relation);
        if (a.table.empty() && has(n.name)) a.table = {"", n.name};
        for (std::size_t i = 0; i < n.n_params; ++i) {
          const Node* p = n.params[i];
          if (p != nullptr && p->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
              str(p->def_elem->defname) == "concurrently") {
            a.concurrently = true;
          }
        }
        // The table gets SHARE (writes wait) and the index ACCESS EXCLUSIVE (reads that use
        // it wait): reads through the index are blocked too.
        a.lock = a.concurrently ? LockLevel::kShareUpdateExclusive : LockLevel::kAccessExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
        setting(*stmt->variable_set_stmt);
        break;
      case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
        transaction(*stmt->transaction_stmt);
        break;
      case PG_QUERY__NODE__NODE_UPDATE_STMT: {
        const auto& n = *stmt->update_stmt;
        Action a{Op::kUpdate};
        a.table = range_name(n.relation);
        a.has_where = n.where_clause != nullptr;
        a.lock = LockLevel::kRowExclusive;
        for (std::size_t i = 0; i < n.n_target_list; ++i) {
          const Node* t = n.target_list[i];
          if (t != nullptr && t->node_case == PG_QUERY__NODE__NODE_RES_TARGET) {
            ColumnFacts c;
            c.name = str(t->res_target->name);
            a.columns.push_back(std::move(c));
          }
        }
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_DELETE_STMT: {
        Action a{Op::kDelete};
        a.table = range_name(stmt->delete_stmt->relation);
        a.has_where = stmt->delete_stmt->where_clause != nullptr;
        a.lock = LockLevel::kRowExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_INSERT_STMT: {
        const auto& n = *stmt->insert_stmt;
        Action a{Op::kInsert};
        a.table = range_name(n.relation);
        a.lock = LockLevel::kRowExclusive;
        for (std::size_t i = 0; i < n.n_cols; ++i) {
          const Node* t = n.cols[i];
          if (t != nullptr && t->node_case == PG_QUERY__NODE__NODE_RES_TARGET) {
            ColumnFacts c;
            c.name = str(t->res_target->name);
            a.columns.push_back(std::move(c));
          }
        }
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_LOCK_STMT: {
        const auto& n = *stmt->lock_stmt;
        Action a{Op::kLockTable};
        for (std::size_t i = 0; i < n.n_relations; ++i)
          a.relations.push_back(node_name(n.relations[i]));
        if (!a.relations.empty()) a.table = a.relations.front();
        // LockStmt.mode is PostgreSQL's LOCKMODE: 1 AccessShare ... 8 AccessExclusive.
        a.lock = n.mode >= 1 && n.mode <= 8 ? static_cast<LockLevel>(n.mode)
                                            : LockLevel::kAccessExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: {
        Action a{Op::kRefreshMatView};
        a.table = range_name(stmt->refresh_mat_view_stmt->relation);
        a.concurrently = stmt->refresh_mat_view_stmt->concurrent;
        a.lock = a.concurrently ? LockLevel::kExclusive : LockLevel::kAccessExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
        Action a{Op::kCreateTrigger};
        a.table = range_name(stmt->create_trig_stmt->relation);
        a.lock = LockLevel::kShareRowExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_VIEW_STMT: {
        const auto& n = *stmt->view_stmt;
        Action a{Op::kCreateView};
        a.table = range_name(n.view);
        for (const auto& name : string_list(n.n_aliases, n.aliases)) {
          ColumnFacts c;
          c.name = name;
          a.columns.push_back(std::move(c));
        }
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
        Action a{Op::kCreateTableAs};
        if (stmt->create_table_as_stmt->into != nullptr) {
          a.table = range_name(stmt->create_table_as_stmt->into->rel);
        }
        a.if_exists = stmt->create_table_as_stmt->if_not_exists;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
        Action a{Op::kCreateFunction};
        const auto& n = *stmt->create_function_stmt;
        a.table = list_name(n.n_funcname, n.funcname);
        a.if_exists = n.replace;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_DO_STMT:
        out_.push_back(Action{Op::kDo});
        break;
      case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT: {
        Action a{Op::kAlterExtension};
        a.object = str(stmt->alter_extension_stmt->extname);
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: {
        Action a{Op::kCreateExtension};
        a.object = str(stmt->create_extension_stmt->extname);
        a.if_exists = stmt->create_extension_stmt->if_not_exists;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: {
        Action a{Op::kCreateSequence};
        a.table = range_name(stmt->create_seq_stmt->sequence);
        a.if_exists = stmt->create_seq_stmt->if_not_exists;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: {
        Action a{Op::kCreateSchema};
        a.object = str(stmt->create_schema_stmt->schemaname);
        a.if_exists = stmt->create_schema_stmt->if_not_exists;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: {
        Action a{Op::kPolicy};
        a.table = range_name(stmt->create_policy_stmt->table);
        a.object = str(stmt->create_policy_stmt->policy_name);
        a.lock = LockLevel::kAccessExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT: {
        Action a{Op::kPolicy};
        a.table = range_name(stmt->alter_policy_stmt->table);
        a.object = str(stmt->alter_policy_stmt->policy_name);
        a.lock = LockLevel::kAccessExclusive;
        out_.push_back(std::move(a));
        break;
      }
      case PG_QUERY__NODE__NODE_GRANT_STMT:
        out_.push_back(Action{Op::kGrant});
        break;
      case PG_QUERY__NODE__NODE_COMMENT_STMT:
        out_.push_back(Action{Op::kComment});
        break;
      default:
        break;
    }
  }

 private:
  void create_table(const PgQuery__CreateStmt& n) {
    Action a{Op::kCreateTable};
    a.table = range_name(n.relation);
    a.if_exists = n.if_not_exists;
    for (std::size_t i = 0; i < n.n_table_elts; ++i) {
      const Node* e = n.table_elts[i];
      if (e == nullptr) continue;
      if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
        a.columns.push_back(column_facts(*e->column_def));
      } else if (e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
        a.constraints.push_back(constraint_facts(*e->constraint));
      }
    }
    for (std::size_t i = 0; i < n.n_constraints; ++i) {
      const Node* e = n.constraints[i];
      if (e != nullptr && e->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
        a.constraints.push_back(constraint_facts(*e->constraint));
      }
    }
    // A new table is locked by nobody else; the tables its foreign keys reference get SHARE
    // ROW EXCLUSIVE, briefly (the new table is empty, so nothing is scanned).
    out_.push_back(std::move(a));
  }

  void alter_table(const PgQuery__AlterTableStmt& n) {
    const QualifiedName table = range_name(n.relation);
    const bool on_index = n.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
    for (std::size_t i = 0; i < n.n_cmds; ++i) {
      const Node* cn = n.cmds[i];
      if (cn == nullptr || cn->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
      const auto& c = *cn->alter_table_cmd;
      Action a{Op::kOther};
      a.table = table;
      a.lock = LockLevel::kAccessExclusive;
      a.if_exists = c.missing_ok || n.missing_ok;
      a.cascade = c.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
      a.column.name = str(c.name);
      switch (c.subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
          a.op = Op::kAddColumn;
          if (c.def != nullptr && c.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            a.column = column_facts(*c.def->column_def);
          }
          if (!a.column.references.empty()) {
            a.also_locks = a.column.references;
            a.also_lock = LockLevel::kShareRowExclusive;
          }
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
          a.op = Op::kDropColumn;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
          a.op = Op::kAlterColumnType;
          if (c.def != nullptr && c.def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            read_type(c.def->column_def->type_name, a.column);
          }
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
          a.op = Op::kSetNotNull;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
          a.op = Op::kDropNotNull;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
          a.op = c.def != nullptr ? Op::kSetDefault : Op::kDropDefault;
          read_default(c.def, a.column);
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
          a.op = Op::kAddConstraint;
          if (c.def != nullptr && c.def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            a.constraints.push_back(constraint_facts(*c.def->constraint));
            const auto& k = a.constraints.back();
            a.object = k.name;
            if (k.kind == ConstraintFacts::Kind::kForeignKey) {
              a.lock = LockLevel::kShareRowExclusive;
              a.also_locks = k.references;
              a.also_lock = LockLevel::kShareRowExclusive;
            }
          }
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse:
          a.op = Op::kValidateConstraint;
          a.object = str(c.name);
          a.lock = LockLevel::kShareUpdateExclusive;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse:
          a.op = Op::kDropConstraint;
          a.object = str(c.name);
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
          a.op = Op::kSetLogged;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
          a.op = Op::kSetTablespace;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplicaIdentity:
          a.op = Op::kReplicaIdentity;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableRowSecurity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableRowSecurity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ForceRowSecurity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_NoForceRowSecurity:
          a.op = Op::kRowSecurity;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
          a.op = Op::kAttachPartition;
          a.lock = LockLevel::kShareUpdateExclusive;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
          a.op = Op::kDetachPartition;
          if (c.def != nullptr && c.def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) {
            a.concurrently = c.def->partition_cmd->concurrent;
          }
          a.lock = a.concurrently ? LockLevel::kShareUpdateExclusive : LockLevel::kAccessExclusive;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
          a.lock = LockLevel::kShareUpdateExclusive;
          break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
          a.lock = LockLevel::kShareRowExclusive;
          break;
        default:
          break;
      }
      if (on_index && a.op == Op::kOther) a.lock = LockLevel::kAccessExclusive;
      out_.push_back(std::move(a));
    }
  }

  void create_index(const PgQuery__IndexStmt& n) {
    Action a{Op::kCreateIndex};
    a.table = range_name(n.relation);
    a.object = str(n.idxname);
    a.unique = n.unique;
    a.concurrently = n.concurrent;
    a.if_exists = n.if_not_exists;
    a.index_columns = static_cast<int>(n.n_index_params);
    for (std::size_t i = 0; i < n.n_index_params; ++i) {
      const Node* p = n.index_params[i];
      if (p != nullptr && p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) {
        ColumnFacts c;
        c.name = str(p->index_elem->name);
        a.columns.push_back(std::move(c));
      }
    }
    a.lock = n.concurrent ? LockLevel::kShareUpdateExclusive : LockLevel::kShare;
    out_.push_back(std::move(a));
  }

  void drop(const PgQuery__DropStmt& n) {
    const bool index = n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
    Action a{index ? Op::kDropIndex : Op::kDrop};
    a.object_kind = enum_word(pg_query__object_type__descriptor, n.remove_type);
    a.if_exists = n.missing_ok;
    a.cascade = n.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    a.concurrently = n.concurrent;
    for (std::size_t i = 0; i < n.n_objects; ++i)
      a.relations.push_back(node_name(n.objects[i]));
    if (!a.relations.empty()) {
      a.table = a.relations.front();
      a.object = a.table.name;
    }
    if (index) {
      a.lock = n.concurrent ? LockLevel::kShareUpdateExclusive : LockLevel::kAccessExclusive;
    } else if (n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
               n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ||
               n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
               n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE ||
               n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER ||
               n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY) {
      a.lock = LockLevel::kAccessExclusive;
    }
    if (n.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY) a.op = Op::kPolicy;
    out_.push_back(std::move(a));
  }

  void rename(const PgQuery__RenameStmt& n) {
    Action a{Op::kRenameOther};
    a.table = range_name(n.relation);
    a.new_name = str(n.newname);
    a.lock = LockLevel::kAccessExclusive;
    a.if_exists = n.missing_ok;
    a.object_kind = enum_word(pg_query__object_type__descriptor, n.rename_type);
    switch (n.rename_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        a.op = Op::kRenameTable;
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
        a.op = Op::kRenameColumn;
        a.column.name = str(n.subname);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        a.op = Op::kRenameIndex;
        a.object = a.table.name;
        // ALTER INDEX ... RENAME takes SHARE UPDATE EXCLUSIVE since PostgreSQL 12.
        a.lock = LockLevel::kShareUpdateExclusive;
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
        a.op = Op::kRenameConstraint;
        a.object = str(n.subname);
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
        a.op = Op::kRenameSchema;
        a.object = str(n.subname);
        a.lock = LockLevel::kNone;
        break;
      default:
        a.object = a.table.empty() ? node_name(n.object).name : a.table.name;
        if (a.table.empty()) a.table = node_name(n.object);
        a.lock = LockLevel::kNone;
        break;
    }
    out_.push_back(std::move(a));
  }

  void alter_enum(const PgQuery__AlterEnumStmt& n) {
    Action a{has(n.old_val) ? Op::kRenameEnumValue : Op::kAddEnumValue};
    a.table = list_name(n.n_type_name, n.type_name);
    a.object = has(n.old_val) ? str(n.old_val) : str(n.new_val);
    a.new_name = has(n.old_val) ? str(n.new_val) : "";
    a.ordered = has(n.new_val_neighbor);
    a.if_exists = n.skip_if_new_val_exists;
    out_.push_back(std::move(a));
  }

  void vacuum(const PgQuery__VacuumStmt& n) {
    bool full = false;
    for (std::size_t i = 0; i < n.n_options; ++i) {
      const Node* p = n.options[i];
      if (p != nullptr && p->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
          str(p->def_elem->defname) == "full") {
        full = true;
      }
    }
    if (!n.is_vacuumcmd || !full) return;
    Action a{Op::kVacuumFull};
    for (std::size_t i = 0; i < n.n_rels; ++i) {
      const Node* r = n.rels[i];
      if (r != nullptr && r->node_case == PG_QUERY__NODE__NODE_VACUUM_RELATION) {
        a.relations.push_back(range_name(r->vacuum_relation->relation));
      }
    }
    if (!a.relations.empty()) a.table = a.relations.front();
    a.lock = LockLevel::kAccessExclusive;
    out_.push_back(std::move(a));
  }

  void setting(const PgQuery__VariableSetStmt& n) {
    Action a{Op::kSetting};
    a.object = lower(str(n.name));
    a.local = n.is_local;
    if (n.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE && n.n_args > 0) {
      const Node* v = n.args[0];
      if (v != nullptr && v->node_case == PG_QUERY__NODE__NODE_A_CONST) {
        const auto& c = *v->a_const;
        if (c.val_case == PG_QUERY__A__CONST__VAL_SVAL) a.new_name = str(c.sval->sval);
        if (c.val_case == PG_QUERY__A__CONST__VAL_IVAL) a.new_name = std::to_string(c.ival->ival);
      }
    } else if (n.kind != PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE) {
      a.new_name = "DEFAULT";  // RESET, SET ... TO DEFAULT
    }
    out_.push_back(std::move(a));
  }

  void transaction(const PgQuery__TransactionStmt& n) {
    switch (n.kind) {
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
        out_.push_back(Action{Op::kBegin});
        break;
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
        out_.push_back(Action{Op::kCommit});
        break;
      case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        out_.push_back(Action{Op::kRollback});
        break;
      default:
        break;
    }
  }

  std::vector<Action>& out_;
};

// RAII owner for a protobuf parse.
struct ParseOwner {
  PgQueryProtobufParseResult r;
  ~ParseOwner() { pg_query_free_protobuf_parse_result(r); }
};

// The unpacked tree's memory: a bump allocator whose blocks are released together. Unpacking
// makes one allocation per node and freeing them one by one cost as much as the unpacking
// (perf on the corpus); a tree is read once and dropped whole.
class TreeArena {
 public:
  TreeArena() : allocator_{&TreeArena::alloc, &TreeArena::release, this} {}
  TreeArena(const TreeArena&) = delete;
  TreeArena& operator=(const TreeArena&) = delete;
  ProtobufCAllocator* allocator() { return &allocator_; }

 private:
  static void* alloc(void* self, std::size_t size) {
    return static_cast<TreeArena*>(self)->take(size);
  }
  static void release(void*, void*) {}
  void* take(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (used_ + size > capacity_) {
      // Small files stay in one small block; large ones double it (fewer page faults).
      capacity_ = std::max(size, blocks_.empty() ? std::size_t{16} << 10
                                                 : std::min(capacity_ * 2, std::size_t{1} << 20));
      blocks_.push_back(std::make_unique_for_overwrite<std::max_align_t[]>(
          capacity_ / sizeof(std::max_align_t) + 1));
      used_ = 0;
    }
    void* p = reinterpret_cast<char*>(blocks_.back().get()) + used_;
    used_ += size;
    return p;
  }
  ProtobufCAllocator allocator_;
  std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

struct TreeOwner {
  PgQuery__ParseResult* tree = nullptr;
  TreeArena arena;
};

// Parses `text` with libpg_query into `t`; t.tree stays null when it does not parse.
void parse_tree(const std::string& nul_terminated_text, ParseOwner& owner, TreeOwner& t) {
  owner.r = pg_query_parse_protobuf(nul_terminated_text.c_str());
  if (owner.r.error != nullptr) return;
  t.tree = pg_query__parse_result__unpack(
      t.arena.allocator(), owner.r.parse_tree.len,
      reinterpret_cast<const std::uint8_t*>(owner.r.parse_tree.data));
}

// Files larger than this are split piece by piece (split_script) and each statement parsed on
// its own, so a 100 MB data migration never becomes one parse tree.
constexpr std::size_t kWholeFileParseLimit = std::size_t{4} << 20;

bool facts_from_whole_tree(std::string_view script, FileFacts& out) {
  if (script.size() > kWholeFileParseLimit) return false;
  if (script.size() >= 3 && static_cast<unsigned char>(script[0]) == 0xEF) return false;  // BOM
  std::string input = nul_terminated(script);
  ParseOwner owner{};
  TreeOwner t;
  parse_tree(input, owner, t);
  if (t.tree == nullptr) return false;
  out.script.source = script;
  // Every RawStmt holds a statement, so no range is trivia only and statements_from_ranges
  // (one pass over the text for the line numbers) keeps them one for one.
  std::vector<sql::RawRange> ranges;
  std::vector<const PgQuery__RawStmt*> raws;
  for (std::size_t i = 0; i < t.tree->n_stmts; ++i) {
    const PgQuery__RawStmt* raw = t.tree->stmts[i];
    if (raw == nullptr) continue;
    auto begin = std::min(static_cast<std::size_t>(raw->stmt_location), script.size());
    auto len = static_cast<std::size_t>(raw->stmt_len);
    ranges.push_back({begin, len == 0 ? script.size() : std::min(begin + len, script.size())});
    raws.push_back(raw);
  }
  auto stmts = sql::statements_from_ranges(script, ranges, sql::CommentStyle::kPostgres);
  if (stmts.size() != raws.size()) return false;
  for (std::size_t i = 0; i < raws.size(); ++i) {
    sql::Statement s = std::move(stmts[i]);
    Classification c = classify_statement_node(raws[i]->stmt);
    s.kind = std::move(c.kind);
    s.transaction_control = c.transaction_control;
    s.no_transaction = c.no_transaction;
    out.script.statements.push_back(std::move(s));
    StatementFacts f;
    Reader(f.actions).statement(raws[i]->stmt);
    out.facts.push_back(std::move(f));
  }
  out.script.mode = sql::transaction_mode_for(out.script.statements);
  return true;
}

}  // namespace

FileFacts file_facts(std::string_view script) {
  FileFacts out;
  if (facts_from_whole_tree(script, out)) return out;
  out = FileFacts{};
  out.script = split_script(script);
  out.facts.resize(out.script.statements.size());
  for (std::size_t i = 0; i < out.script.statements.size(); ++i) {
    const auto& s = out.script.statements[i];
    if (!s.parsed) continue;
    std::string input(s.text);
    ParseOwner owner{};
    TreeOwner t;
    parse_tree(input, owner, t);
    if (t.tree == nullptr || t.tree->n_stmts != 1 || t.tree->stmts[0] == nullptr) continue;
    Reader(out.facts[i].actions).statement(t.tree->stmts[0]->stmt);
  }
  return out;
}

}  // namespace godwit::postgres
