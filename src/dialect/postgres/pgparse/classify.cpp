#include "dialect/postgres/pgparse/classify.hpp"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <map>
#include <string>
#include <vector>

#include "dialect/postgres/pgparse/classify_tree.hpp"
#include "dialect/postgres/pgparse/parse_tree.hpp"
#include "sql/lex.hpp"

namespace godwit::postgres {
namespace {

using Node = PgQuery__Node;

// "OBJECT_MATVIEW" -> "MATERIALIZED VIEW": the words PostgreSQL's own command tags use.
std::string object_words(std::string_view objtype) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"OBJECT_MATVIEW", "MATERIALIZED VIEW"},
      {"OBJECT_FDW", "FOREIGN DATA WRAPPER"},
      {"OBJECT_FOREIGN_SERVER", "SERVER"},
      {"OBJECT_TABCONSTRAINT", "TABLE"},
      {"OBJECT_DOMCONSTRAINT", "DOMAIN"},
      {"OBJECT_COLUMN", "TABLE"},
      {"OBJECT_ATTRIBUTE", "TYPE"},
      {"OBJECT_TSCONFIGURATION", "TEXT SEARCH CONFIGURATION"},
      {"OBJECT_TSDICTIONARY", "TEXT SEARCH DICTIONARY"},
      {"OBJECT_TSPARSER", "TEXT SEARCH PARSER"},
      {"OBJECT_TSTEMPLATE", "TEXT SEARCH TEMPLATE"},
      {"OBJECT_OPCLASS", "OPERATOR CLASS"},
      {"OBJECT_OPFAMILY", "OPERATOR FAMILY"},
      {"OBJECT_STATISTIC_EXT", "STATISTICS"},
      {"OBJECT_LARGEOBJECT", "LARGE OBJECT"},
  };
  if (auto it = kNames.find(objtype); it != kNames.end()) return it->second;
  std::string out(objtype.starts_with("OBJECT_") ? objtype.substr(7) : objtype);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

// "CreatePolicyStmt" -> "CREATE POLICY": the fallback for node types without a better tag.
std::string words_of_node(std::string_view node) {
  std::string_view base = node.ends_with("Stmt") ? node.substr(0, node.size() - 4) : node;
  std::string out;
  for (std::size_t i = 0; i < base.size(); ++i) {
    char c = base[i];
    if (i > 0 && c >= 'A' && c <= 'Z') out += ' ';
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

// Node types whose tag is fixed.
const std::map<std::string, std::string, std::less<>>& fixed_kinds() {
  static const std::map<std::string, std::string, std::less<>> kKinds = {
      {"CreateStmt", "CREATE TABLE"},
      {"ViewStmt", "CREATE VIEW"},
      {"CreateSeqStmt", "CREATE SEQUENCE"},
      {"AlterSeqStmt", "ALTER SEQUENCE"},
      {"CreateEnumStmt", "CREATE TYPE"},
      {"CompositeTypeStmt", "CREATE TYPE"},
      {"CreateRangeStmt", "CREATE TYPE"},
      {"AlterTypeStmt", "ALTER TYPE"},
      {"CreateDomainStmt", "CREATE DOMAIN"},
      {"AlterDomainStmt", "ALTER DOMAIN"},
      {"CreateTrigStmt", "CREATE TRIGGER"},
      {"CreateEventTrigStmt", "CREATE EVENT TRIGGER"},
      {"CreateExtensionStmt", "CREATE EXTENSION"},
      {"AlterExtensionStmt", "ALTER EXTENSION"},
      {"AlterExtensionContentsStmt", "ALTER EXTENSION"},
      {"CreateSchemaStmt", "CREATE SCHEMA"},
      {"CommentStmt", "COMMENT"},
      {"SecLabelStmt", "SECURITY LABEL"},
      {"DoStmt", "DO"},
      {"CallStmt", "CALL"},
      {"InsertStmt", "INSERT"},
      {"UpdateStmt", "UPDATE"},
      {"DeleteStmt", "DELETE"},
      {"MergeStmt", "MERGE"},
      {"TruncateStmt", "TRUNCATE"},
      {"CopyStmt", "COPY"},
      {"LockStmt", "LOCK TABLE"},
      {"ExplainStmt", "EXPLAIN"},
      {"RefreshMatViewStmt", "REFRESH MATERIALIZED VIEW"},
      {"RuleStmt", "CREATE RULE"},
      {"CreatePolicyStmt", "CREATE POLICY"},
      {"AlterPolicyStmt", "ALTER POLICY"},
      {"CreatedbStmt", "CREATE DATABASE"},
      {"DropdbStmt", "DROP DATABASE"},
      {"AlterDatabaseSetStmt", "ALTER DATABASE"},
      {"AlterDatabaseRefreshCollStmt", "ALTER DATABASE"},
      {"CreateTableSpaceStmt", "CREATE TABLESPACE"},
      {"DropTableSpaceStmt", "DROP TABLESPACE"},
      {"AlterTableSpaceOptionsStmt", "ALTER TABLESPACE"},
      {"AlterTableMoveAllStmt", "ALTER TABLE"},
      {"AlterSystemStmt", "ALTER SYSTEM"},
      {"CreateRoleStmt", "CREATE ROLE"},
      {"AlterRoleStmt", "ALTER ROLE"},
      {"AlterRoleSetStmt", "ALTER ROLE"},
      {"DropRoleStmt", "DROP ROLE"},
      {"GrantRoleStmt", "GRANT"},
      {"AlterDefaultPrivilegesStmt", "ALTER DEFAULT PRIVILEGES"},
      {"ReassignOwnedStmt", "REASSIGN OWNED"},
      {"DropOwnedStmt", "DROP OWNED"},
      {"CreateCastStmt", "CREATE CAST"},
      {"CreateForeignTableStmt", "CREATE FOREIGN TABLE"},
      {"CreateForeignServerStmt", "CREATE SERVER"},
      {"CreateFdwStmt", "CREATE FOREIGN DATA WRAPPER"},
      {"ImportForeignSchemaStmt", "IMPORT FOREIGN SCHEMA"},
      {"CreatePublicationStmt", "CREATE PUBLICATION"},
      {"AlterPublicationStmt", "ALTER PUBLICATION"},
      {"CreateStatsStmt", "CREATE STATISTICS"},
      {"AlterStatsStmt", "ALTER STATISTICS"},
      {"CreatePLangStmt", "CREATE LANGUAGE"},
      {"CreateAmStmt", "CREATE ACCESS METHOD"},
      {"CheckPointStmt", "CHECKPOINT"},
      {"VariableShowStmt", "SHOW"},
      {"ConstraintsSetStmt", "SET CONSTRAINTS"},
      {"NotifyStmt", "NOTIFY"},
      {"ListenStmt", "LISTEN"},
      {"UnlistenStmt", "UNLISTEN"},
      {"LoadStmt", "LOAD"},
      {"PrepareStmt", "PREPARE"},
      {"ExecuteStmt", "EXECUTE"},
      {"DeallocateStmt", "DEALLOCATE"},
      {"DeclareCursorStmt", "DECLARE CURSOR"},
      {"ClosePortalStmt", "CLOSE"},
  };
  return kKinds;
}

// The proto name of an enum value, e.g. "OBJECT_MATVIEW": the names libpg_query's JSON output
// used, so the tables above read the same. 0 is protobuf's "undefined", never in a parse tree.
std::string_view enum_name(const ProtobufCEnumDescriptor& d, int value,
                           std::string_view fallback = {}) {
  const ProtobufCEnumValue* v =
      value == 0 ? nullptr : protobuf_c_enum_descriptor_get_value(&d, value);
  return v ? std::string_view(v->name) : fallback;
}

std::string_view object_type(PgQuery__ObjectType t, std::string_view fallback = {}) {
  return enum_name(pg_query__object_type__descriptor, t, fallback);
}

// The node's type, e.g. "IndexStmt" (the message name, as libpg_query's JSON keys are), and
// its body; empty/null for an unset node.
struct TypedNode {
  std::string_view type;
  const void* body = nullptr;
};
TypedNode typed(const Node* node) {
  if (node == nullptr) return {};
  const ProtobufCFieldDescriptor* f =
      protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
  if (f == nullptr || f->type != PROTOBUF_C_TYPE_MESSAGE) return {};
  const void* body =
      *reinterpret_cast<void* const*>(reinterpret_cast<const char*>(node) + f->offset);
  return {static_cast<const ProtobufCMessageDescriptor*>(f->descriptor)->short_name, body};
}

bool has_text(const char* s) {
  return s != nullptr && *s != '\0';
}

const PgQuery__DefElem* def_elem(const Node* n) {
  return n != nullptr && n->node_case == PG_QUERY__NODE__NODE_DEF_ELEM ? n->def_elem : nullptr;
}

bool has_def(std::size_t n, Node* const* options, std::string_view name) {
  for (std::size_t i = 0; i < n; ++i) {
    const auto* d = def_elem(options[i]);
    if (d != nullptr && has_text(d->defname) && d->defname == name) return true;
  }
  return false;
}

// True when a DefElem list sets `name` to false/off/0 (subscription options).
bool def_is_false(std::size_t n, Node* const* options, std::string_view name) {
  for (std::size_t i = 0; i < n; ++i) {
    const auto* d = def_elem(options[i]);
    if (d == nullptr || !has_text(d->defname) || d->defname != name || d->arg == nullptr) {
      continue;
    }
    const Node* arg = d->arg;
    if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return !arg->boolean->boolval;
    if (arg->node_case == PG_QUERY__NODE__NODE_STRING) {
      std::string_view v = has_text(arg->string->sval) ? arg->string->sval : "";
      return v == "false" || v == "off" || v == "0";
    }
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return arg->integer->ival == 0;
  }
  return false;
}

Classification transaction_stmt(const PgQuery__TransactionStmt& n) {
  static const std::map<std::string, std::string, std::less<>> kTags = {
      {"TRANS_STMT_BEGIN", "BEGIN"},
      {"TRANS_STMT_START", "START TRANSACTION"},
      {"TRANS_STMT_COMMIT", "COMMIT"},
      {"TRANS_STMT_ROLLBACK", "ROLLBACK"},
      {"TRANS_STMT_SAVEPOINT", "SAVEPOINT"},
      {"TRANS_STMT_RELEASE", "RELEASE"},
      {"TRANS_STMT_ROLLBACK_TO", "ROLLBACK TO SAVEPOINT"},
      {"TRANS_STMT_PREPARE", "PREPARE TRANSACTION"},
      {"TRANS_STMT_COMMIT_PREPARED", "COMMIT PREPARED"},
      {"TRANS_STMT_ROLLBACK_PREPARED", "ROLLBACK PREPARED"},
  };
  std::string_view k = enum_name(pg_query__transaction_stmt_kind__descriptor, n.kind);
  auto it = kTags.find(k);
  Classification c{it != kTags.end() ? it->second : "TRANSACTION"};
  // COMMIT/ROLLBACK PREPARED finish a prepared transaction, not the session's own one: they
  // leave the session's state alone but refuse to run inside a block.
  if (k == "TRANS_STMT_COMMIT_PREPARED" || k == "TRANS_STMT_ROLLBACK_PREPARED") {
    c.no_transaction = true;
  } else {
    c.transaction_control = true;
  }
  return c;
}

Classification alter_table_stmt(const PgQuery__AlterTableStmt& n) {
  Classification c{"ALTER " + object_words(object_type(n.objtype, "OBJECT_TABLE"))};
  for (std::size_t i = 0; i < n.n_cmds; ++i) {
    const Node* cmd = n.cmds[i];
    if (cmd == nullptr || cmd->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) continue;
    const auto& at = *cmd->alter_table_cmd;
    if (at.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition || at.def == nullptr ||
        at.def->node_case != PG_QUERY__NODE__NODE_PARTITION_CMD) {
      continue;
    }
    if (at.def->partition_cmd->concurrent) {
      c.kind += " DETACH PARTITION CONCURRENTLY";
      c.no_transaction = true;
    }
  }
  return c;
}

Classification reindex_stmt(const PgQuery__ReindexStmt& n) {
  Classification c{"REINDEX"};
  if (n.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA ||
      n.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE ||
      n.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM) {
    c.no_transaction = true;
  }
  if (has_def(n.n_params, n.params, "concurrently")) {
    c.kind += " CONCURRENTLY";
    c.no_transaction = true;
  }
  return c;
}

Classification create_subscription(const PgQuery__CreateSubscriptionStmt& n) {
  // The publisher-side slot is created unless connect or create_slot is false.
  return {"CREATE SUBSCRIPTION", false,
          !def_is_false(n.n_options, n.options, "connect") &&
              !def_is_false(n.n_options, n.options, "create_slot")};
}

Classification alter_subscription(const PgQuery__AlterSubscriptionStmt& n) {
  using K = PgQuery__AlterSubscriptionType;
  const K k = n.kind;
  bool refresh = k == PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_REFRESH ||
                 ((k == PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_SET_PUBLICATION ||
                   k == PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_ADD_PUBLICATION ||
                   k == PG_QUERY__ALTER_SUBSCRIPTION_TYPE__ALTER_SUBSCRIPTION_DROP_PUBLICATION) &&
                  !def_is_false(n.n_options, n.options, "refresh"));
  return {"ALTER SUBSCRIPTION", false, refresh};
}

Classification classify_node(const Node* stmt) {
  const TypedNode t = typed(stmt);
  if (t.type.empty()) return {"UNKNOWN"};
  const std::string_view type = t.type;
  if (t.body == nullptr) return {words_of_node(type)};

  if (auto it = fixed_kinds().find(type); it != fixed_kinds().end()) {
    Classification c{it->second};
    c.no_transaction = type == "CreatedbStmt" || type == "DropdbStmt" ||
                       type == "CreateTableSpaceStmt" || type == "DropTableSpaceStmt" ||
                       type == "AlterSystemStmt";
    return c;
  }
  switch (stmt->node_case) {
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
      return transaction_stmt(*stmt->transaction_stmt);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      return alter_table_stmt(*stmt->alter_table_stmt);
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
      return reindex_stmt(*stmt->reindex_stmt);
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
      return create_subscription(*stmt->create_subscription_stmt);
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT:
      // Refused in a block when the subscription has a slot, which only the catalog knows.
      return {"DROP SUBSCRIPTION", false, true};
    case PG_QUERY__NODE__NODE_ALTER_SUBSCRIPTION_STMT:
      return alter_subscription(*stmt->alter_subscription_stmt);
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      bool concurrent = stmt->index_stmt->concurrent;
      return {concurrent ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX", false, concurrent};
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const auto& n = *stmt->drop_stmt;
      std::string kind = "DROP " + object_words(object_type(n.remove_type));
      return {n.concurrent ? kind + " CONCURRENTLY" : kind, false, static_cast<bool>(n.concurrent)};
    }
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      // Allowed in a transaction block since PostgreSQL 12, but the added value is unusable
      // until that transaction commits: the runner and lint want to see it.
      return {has_text(stmt->alter_enum_stmt->old_val) ? "ALTER TYPE RENAME VALUE"
                                                       : "ALTER TYPE ADD VALUE"};
    case PG_QUERY__NODE__NODE_VACUUM_STMT: {
      bool vacuum = stmt->vacuum_stmt->is_vacuumcmd;
      return {vacuum ? "VACUUM" : "ANALYZE", false, vacuum};
    }
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
      return {"CLUSTER", false, stmt->cluster_stmt->relation == nullptr};
    case PG_QUERY__NODE__NODE_ALTER_DATABASE_STMT: {
      const auto& n = *stmt->alter_database_stmt;
      return {"ALTER DATABASE", false, has_def(n.n_options, n.options, "tablespace")};
    }
    case PG_QUERY__NODE__NODE_DISCARD_STMT: {
      bool all = stmt->discard_stmt->target == PG_QUERY__DISCARD_MODE__DISCARD_ALL;
      return {all ? "DISCARD ALL" : "DISCARD", false, all};
    }
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return {stmt->create_function_stmt->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION"};
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      return {stmt->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
                  ? "CREATE MATERIALIZED VIEW"
                  : "CREATE TABLE AS"};
    case PG_QUERY__NODE__NODE_SELECT_STMT: {
      const auto& n = *stmt->select_stmt;
      if (n.into_clause != nullptr) return {"SELECT INTO"};
      return {n.n_values_lists > 0 ? "VALUES" : "SELECT"};
    }
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT: {
      const auto& n = *stmt->variable_set_stmt;
      if (n.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET ||
          n.kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL) {
        return {"RESET"};
      }
      if (has_text(n.name) && std::string_view(n.name) == "TRANSACTION") return {"SET TRANSACTION"};
      return {"SET"};
    }
    case PG_QUERY__NODE__NODE_GRANT_STMT:
      return {stmt->grant_stmt->is_grant ? "GRANT" : "REVOKE"};
    case PG_QUERY__NODE__NODE_FETCH_STMT:
      return {stmt->fetch_stmt->ismove ? "MOVE" : "FETCH"};
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const auto& n = *stmt->rename_stmt;
      std::string_view obj = object_type(n.rename_type);
      // A column or constraint rename is an ALTER of the relation that holds it. RENAME
      // CONSTRAINT leaves relationType at PostgreSQL's zero value, OBJECT_ACCESS_METHOD: only
      // ALTER TABLE has that form.
      if (obj == "OBJECT_COLUMN" || obj == "OBJECT_TABCONSTRAINT") {
        obj = object_type(n.relation_type, "OBJECT_TABLE");
        if (obj == "OBJECT_ACCESS_METHOD") obj = "OBJECT_TABLE";
      }
      return {"ALTER " + object_words(obj)};
    }
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
      return {"ALTER " + object_words(object_type(stmt->alter_object_schema_stmt->object_type))};
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
      return {"ALTER " + object_words(object_type(stmt->alter_owner_stmt->object_type))};
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_DEPENDS_STMT:
      return {"ALTER " + object_words(object_type(stmt->alter_object_depends_stmt->object_type))};
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
      return {"ALTER " + object_words(object_type(stmt->alter_function_stmt->objtype))};
    case PG_QUERY__NODE__NODE_DEFINE_STMT:
      return {"CREATE " + object_words(object_type(stmt->define_stmt->kind))};
    default:
      return {words_of_node(type)};
  }
}

// RAII owners for a protobuf parse and its unpacked tree.
struct ProtobufParse {
  PgQueryProtobufParseResult r;
  ~ProtobufParse() { pg_query_free_protobuf_parse_result(r); }
};
struct UnpackedTree {
  PgQuery__ParseResult* tree;
  ~UnpackedTree() {
    if (tree != nullptr) pg_query__parse_result__free_unpacked(tree, nullptr);
  }
};

// The leading keyword if it settles the classification without a parse tree: each of these
// words starts exactly one kind of statement, whose tag is the word itself.
std::optional<Classification> by_first_word(std::string_view text) {
  static constexpr std::string_view kWords[] = {"INSERT", "UPDATE", "DELETE", "COMMENT"};
  for (std::string_view w : kWords) {
    if (text.size() <= w.size()) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < w.size(); ++i) {
      char c = text[i];
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      same = c == w[i];
    }
    const char next = text[w.size()];
    const bool ends = !(next == '_' || next == '$' || (next >= '0' && next <= '9') ||
                        (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                        static_cast<unsigned char>(next) >= 0x80);
    if (same && ends) return Classification{std::string(w)};
  }
  return std::nullopt;
}

}  // namespace

Classification classify_statement_node(const PgQuery__Node* stmt) {
  return classify_node(stmt);
}

std::optional<Classification> classify_sql(std::string_view statement_text) {
  std::string input = nul_terminated(statement_text);
  ProtobufParse parsed{pg_query_parse_protobuf(input.c_str())};
  if (parsed.r.error != nullptr) return std::nullopt;
  UnpackedTree unpacked{pg_query__parse_result__unpack(
      nullptr, parsed.r.parse_tree.len,
      reinterpret_cast<const std::uint8_t*>(parsed.r.parse_tree.data))};
  if (unpacked.tree == nullptr || unpacked.tree->n_stmts != 1 ||
      unpacked.tree->stmts[0] == nullptr) {
    return std::nullopt;
  }
  return classify_node(unpacked.tree->stmts[0]->stmt);
}

Classification classify_parsed(std::string_view statement_text) {
  if (auto c = by_first_word(statement_text)) return *c;
  if (auto c = classify_sql(statement_text)) return *c;
  return classify_words(statement_text);
}

Classification classify_words(std::string_view text) {
  auto w = sql::leading_words(text, 6, sql::CommentStyle::kPostgres);
  auto at = [&](std::size_t i) { return i < w.size() ? w[i] : std::string(); };
  const std::string first = at(0);
  if (first.empty()) return {"UNKNOWN"};

  if (first == "COMMIT" || first == "ROLLBACK") {
    if (at(1) == "PREPARED") return {first + " PREPARED", false, true};
    return {at(1) == "TO" ? "ROLLBACK TO SAVEPOINT" : first, true};
  }
  if (first == "BEGIN" || first == "SAVEPOINT" || first == "RELEASE") return {first, true};
  if (first == "END") return {"COMMIT", true};
  if (first == "ABORT") return {"ROLLBACK", true};
  if (first == "START" && at(1) == "TRANSACTION") return {"START TRANSACTION", true};
  if (first == "PREPARE" && at(1) == "TRANSACTION") return {"PREPARE TRANSACTION", true};
  if (first == "VACUUM") return {"VACUUM", false, true};

  if (first == "CREATE" || first == "DROP" || first == "ALTER") {
    // Skip the modifiers that PostgreSQL's command tags leave out.
    std::size_t i = 1;
    if (at(i) == "OR" && at(i + 1) == "REPLACE") i += 2;
    while (at(i) == "UNIQUE" || at(i) == "TEMP" || at(i) == "TEMPORARY" || at(i) == "UNLOGGED" ||
           at(i) == "GLOBAL" || at(i) == "LOCAL") {
      ++i;
    }
    std::string object = at(i);
    if (object == "MATERIALIZED" || object == "FOREIGN" || object == "EVENT") {
      object += " " + at(i + 1);
      ++i;
    }
    Classification c{object.empty() ? first : first + " " + object};
    if (object == "INDEX" && at(i + 1) == "CONCURRENTLY") {
      c.kind += " CONCURRENTLY";
      c.no_transaction = true;
    }
    if (object == "DATABASE" && first != "ALTER") c.no_transaction = true;
    if (object == "TABLESPACE" && first != "ALTER") c.no_transaction = true;
    if (object == "SYSTEM" && first == "ALTER") c.no_transaction = true;
    return c;
  }
  if (first == "REINDEX") {
    bool concurrent = at(1) == "CONCURRENTLY" || at(2) == "CONCURRENTLY";
    bool broad = at(1) == "SCHEMA" || at(1) == "DATABASE" || at(1) == "SYSTEM";
    return {concurrent ? "REINDEX CONCURRENTLY" : "REINDEX", false, concurrent || broad};
  }
  return {first};
}

}  // namespace godwit::postgres
