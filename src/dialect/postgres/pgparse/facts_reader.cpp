// Statement facts from one parsed statement (see facts_reader.hpp): one Action per thing the
// statement does, with the lock it takes.
#include "dialect/postgres/pgparse/facts_reader.hpp"

#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <string>

#include "dialect/postgres/pgparse/facts_nodes.hpp"

namespace godwit::postgres::pgfacts {
namespace {

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

}  // namespace

void read_actions(const PgQuery__Node* stmt, std::vector<Action>& out) {
  Reader(out).statement(stmt);
}

}  // namespace godwit::postgres::pgfacts
