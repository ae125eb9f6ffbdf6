#include "dialect/postgres/pgparse/classify.hpp"

#include <map>
#include <string>
#include <vector>

#include "dialect/postgres/pgparse/parse_tree.hpp"
#include "sql/lex.hpp"

namespace godwit::postgres {
namespace {

using Json = nlohmann::json;

// "OBJECT_MATVIEW" -> "MATERIALIZED VIEW": the words PostgreSQL's own command tags use.
std::string object_words(const std::string& objtype) {
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
  std::string out = objtype.starts_with("OBJECT_") ? objtype.substr(7) : objtype;
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

// "CreatePolicyStmt" -> "CREATE POLICY": the fallback for node types without a better tag.
std::string words_of_node(const std::string& node) {
  std::string base = node.ends_with("Stmt") ? node.substr(0, node.size() - 4) : node;
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

bool has_def(const Json& options, std::string_view name) {
  if (!options.is_array()) return false;
  for (const auto& o : options) {
    if (o.contains("DefElem") && o["DefElem"].value("defname", "") == name) return true;
  }
  return false;
}

// True when a DefElem list sets `name` to false/off/0 (subscription options).
bool def_is_false(const Json& options, std::string_view name) {
  if (!options.is_array()) return false;
  for (const auto& o : options) {
    const auto& d = member(o, "DefElem");
    if (!d.is_object() || d.value("defname", "") != name || !d.contains("arg")) continue;
    const Json& arg = d["arg"];
    if (arg.contains("Boolean")) return !arg["Boolean"].value("boolval", false);
    if (arg.contains("String")) {
      std::string v = arg["String"].value("sval", "");
      return v == "false" || v == "off" || v == "0";
    }
    if (arg.contains("Integer")) return arg["Integer"].value("ival", 0) == 0;
  }
  return false;
}

Classification transaction_stmt(const Json& n) {
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
  std::string k = n.value("kind", "");
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

Classification alter_table_stmt(const Json& n) {
  Classification c{"ALTER " + object_words(n.value("objtype", "OBJECT_TABLE"))};
  for (const auto& cmd : member(n, "cmds")) {
    const auto& at = member(cmd, "AlterTableCmd");
    if (!at.is_object() || at.value("subtype", "") != "AT_DetachPartition") continue;
    const auto& partition = member(member(at, "def"), "PartitionCmd");
    if (partition.is_object() && partition.value("concurrent", false)) {
      c.kind += " DETACH PARTITION CONCURRENTLY";
      c.no_transaction = true;
    }
  }
  return c;
}

Classification reindex_stmt(const Json& n) {
  Classification c{"REINDEX"};
  std::string kind = n.value("kind", "");
  if (kind == "REINDEX_OBJECT_SCHEMA" || kind == "REINDEX_OBJECT_DATABASE" ||
      kind == "REINDEX_OBJECT_SYSTEM") {
    c.no_transaction = true;
  }
  if (has_def(member(n, "params"), "concurrently")) {
    c.kind += " CONCURRENTLY";
    c.no_transaction = true;
  }
  return c;
}

Classification subscription_stmt(const std::string& type, const Json& n) {
  const Json& options = member(n, "options");
  if (type == "CreateSubscriptionStmt") {
    // The publisher-side slot is created unless connect or create_slot is false.
    return {"CREATE SUBSCRIPTION", false,
            !def_is_false(options, "connect") && !def_is_false(options, "create_slot")};
  }
  if (type == "DropSubscriptionStmt") {
    // Refused in a block when the subscription has a slot, which only the catalog knows.
    return {"DROP SUBSCRIPTION", false, true};
  }
  std::string kind = n.value("kind", "");
  bool refresh =
      kind == "ALTER_SUBSCRIPTION_REFRESH" || ((kind == "ALTER_SUBSCRIPTION_SET_PUBLICATION" ||
                                                kind == "ALTER_SUBSCRIPTION_ADD_PUBLICATION" ||
                                                kind == "ALTER_SUBSCRIPTION_DROP_PUBLICATION") &&
                                               !def_is_false(options, "refresh"));
  return {"ALTER SUBSCRIPTION", false, refresh};
}

}  // namespace

Classification classify_statement(const Json& stmt) {
  if (!stmt.is_object() || stmt.empty()) return {"UNKNOWN"};
  const std::string type = stmt.begin().key();
  const Json& n = stmt.begin().value();
  if (!n.is_object()) return {words_of_node(type)};

  if (auto it = fixed_kinds().find(type); it != fixed_kinds().end()) {
    Classification c{it->second};
    c.no_transaction = type == "CreatedbStmt" || type == "DropdbStmt" ||
                       type == "CreateTableSpaceStmt" || type == "DropTableSpaceStmt" ||
                       type == "AlterSystemStmt";
    return c;
  }
  if (type == "TransactionStmt") return transaction_stmt(n);
  if (type == "AlterTableStmt") return alter_table_stmt(n);
  if (type == "ReindexStmt") return reindex_stmt(n);
  if (type == "CreateSubscriptionStmt" || type == "DropSubscriptionStmt" ||
      type == "AlterSubscriptionStmt") {
    return subscription_stmt(type, n);
  }
  if (type == "IndexStmt") {
    bool concurrent = n.value("concurrent", false);
    return {concurrent ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX", false, concurrent};
  }
  if (type == "DropStmt") {
    bool concurrent = n.value("concurrent", false);
    std::string kind = "DROP " + object_words(n.value("removeType", ""));
    return {concurrent ? kind + " CONCURRENTLY" : kind, false, concurrent};
  }
  if (type == "AlterEnumStmt") {
    // Allowed in a transaction block since PostgreSQL 12, but the added value is unusable
    // until that transaction commits: the runner and lint want to see it.
    return {n.contains("oldVal") ? "ALTER TYPE RENAME VALUE" : "ALTER TYPE ADD VALUE"};
  }
  if (type == "VacuumStmt") {
    bool vacuum = n.value("is_vacuumcmd", false);
    return {vacuum ? "VACUUM" : "ANALYZE", false, vacuum};
  }
  if (type == "ClusterStmt") return {"CLUSTER", false, !n.contains("relation")};
  if (type == "AlterDatabaseStmt") {
    return {"ALTER DATABASE", false, has_def(member(n, "options"), "tablespace")};
  }
  if (type == "DiscardStmt") {
    bool all = n.value("target", "") == "DISCARD_ALL";
    return {all ? "DISCARD ALL" : "DISCARD", false, all};
  }
  if (type == "CreateFunctionStmt") {
    return {n.value("is_procedure", false) ? "CREATE PROCEDURE" : "CREATE FUNCTION"};
  }
  if (type == "CreateTableAsStmt") {
    return {n.value("objtype", "") == "OBJECT_MATVIEW" ? "CREATE MATERIALIZED VIEW"
                                                       : "CREATE TABLE AS"};
  }
  if (type == "SelectStmt") {
    if (n.contains("intoClause")) return {"SELECT INTO"};
    return {n.contains("valuesLists") ? "VALUES" : "SELECT"};
  }
  if (type == "VariableSetStmt") {
    std::string kind = n.value("kind", "");
    if (kind == "VAR_RESET" || kind == "VAR_RESET_ALL") return {"RESET"};
    if (n.value("name", "") == "TRANSACTION") return {"SET TRANSACTION"};
    return {"SET"};
  }
  if (type == "GrantStmt") return {n.value("is_grant", false) ? "GRANT" : "REVOKE"};
  if (type == "FetchStmt") return {n.value("ismove", false) ? "MOVE" : "FETCH"};
  if (type == "RenameStmt") {
    std::string obj = n.value("renameType", "");
    // A column or constraint rename is an ALTER of the relation that holds it. RENAME
    // CONSTRAINT leaves relationType at its zero value, which prints as
    // OBJECT_ACCESS_METHOD: only ALTER TABLE has that form.
    if (obj == "OBJECT_COLUMN" || obj == "OBJECT_TABCONSTRAINT") {
      obj = n.value("relationType", "OBJECT_TABLE");
      if (obj == "OBJECT_ACCESS_METHOD") obj = "OBJECT_TABLE";
    }
    return {"ALTER " + object_words(obj)};
  }
  if (type == "AlterObjectSchemaStmt" || type == "AlterOwnerStmt" ||
      type == "AlterObjectDependsStmt") {
    return {"ALTER " + object_words(n.value("objectType", ""))};
  }
  if (type == "AlterFunctionStmt") return {"ALTER " + object_words(n.value("objtype", ""))};
  if (type == "DefineStmt") return {"CREATE " + object_words(n.value("kind", ""))};
  return {words_of_node(type)};
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
