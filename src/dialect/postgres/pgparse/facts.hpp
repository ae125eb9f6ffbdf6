#pragma once
// godwit's own typed facts about the statements of a PostgreSQL migration: which relations each
// statement touches, what it does to them and which lock it takes. They are read from
// libpg_query's protobuf trees inside facts.cpp (DuckDB's transformer pattern): lint rules
// (src/dialect/postgres/lint/lint*.cpp) see only these values, never libpg_query's types.
//
// Lock levels and what they conflict with follow PostgreSQL 15's documentation, "Explicit
// Locking" (table-level lock modes) and the lock named on each ALTER TABLE / CREATE INDEX /
// DROP ... reference page.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sql/statement.hpp"

namespace godwit::postgres {

/// PostgreSQL's table-level lock modes, weakest first.
enum class LockLevel : std::uint8_t {
  kNone,  ///< no lock on an existing relation (e.g. a new table, a SET)
  kAccessShare,
  kRowShare,
  kRowExclusive,
  kShareUpdateExclusive,
  kShare,
  kShareRowExclusive,
  kExclusive,
  kAccessExclusive,
};

/// "ACCESS EXCLUSIVE", "SHARE", ...; "" for kNone.
std::string_view lock_name(LockLevel level);

/// What application traffic a lock stops while it is held or queued, e.g. "blocks reads and
/// writes (SELECT, INSERT, UPDATE, DELETE)". "" for kNone.
std::string_view lock_blocks(LockLevel level);

/// A relation or type name as written: schema empty when unqualified.
struct QualifiedName {
  std::string schema;
  std::string name;
  /// `"schema"."name"` or `"name"`.
  std::string quoted() const;
  /// Same object, assuming an unqualified name may live in any schema.
  bool same(const QualifiedName& other) const;
  bool empty() const { return name.empty(); }
};

/// A column as declared by CREATE TABLE, ADD COLUMN or (type only) ALTER COLUMN TYPE.
struct ColumnFacts {
  std::string name;
  std::string type;           ///< last part of the type name, lower case: "int4", "varchar",
                              ///< "bpchar" (char(n)), "timestamp", "serial", "json", "text"
  std::vector<long> typmods;  ///< integer modifiers: {191} for varchar(191), {65, 30} numeric
  bool array = false;
  bool not_null = false;  ///< NOT NULL or PRIMARY KEY
  bool has_default = false;
  /// the default calls a function that is not known to be immutable or stable (volatile:
  /// gen_random_uuid(), random(), nextval(), clock_timestamp(), or unknown)
  bool volatile_default = false;
  std::string default_function;   ///< that function's name, e.g. "gen_random_uuid"
  bool generated_stored = false;  ///< GENERATED ALWAYS AS (...) STORED
  bool identity = false;          ///< GENERATED ... AS IDENTITY
  bool serial = false;            ///< smallserial / serial / bigserial
  bool primary_key = false;       ///< inline PRIMARY KEY
  bool unique = false;            ///< inline UNIQUE
  bool check = false;             ///< inline CHECK
  QualifiedName references;       ///< inline REFERENCES; empty if none
};

/// An added table constraint (ALTER TABLE ... ADD CONSTRAINT, or inside CREATE TABLE).
struct ConstraintFacts {
  enum class Kind : std::uint8_t { kOther, kForeignKey, kCheck, kUnique, kPrimaryKey, kExclusion };
  Kind kind = Kind::kOther;
  std::string name;                  ///< "" when unnamed
  bool not_valid = false;            ///< NOT VALID
  bool using_index = false;          ///< UNIQUE / PRIMARY KEY USING INDEX
  QualifiedName references;          ///< foreign keys: the referenced table
  std::vector<std::string> columns;  ///< the constrained columns (FK, UNIQUE, PK)
  /// CHECK (col IS NOT NULL [AND ...]): the columns it proves non-null
  std::vector<std::string> not_null_columns;
};

/// What one action of a statement does (an ALTER TABLE has one action per subcommand).
enum class Op : std::uint8_t {
  kOther,
  kCreateTable,         ///< columns, constraints; `if_exists` = IF NOT EXISTS
  kCreateTableAs,       ///< CREATE TABLE AS / SELECT INTO / CREATE MATERIALIZED VIEW
  kAddColumn,           ///< column
  kDropColumn,          ///< column.name
  kAlterColumnType,     ///< column (name + new type)
  kSetNotNull,          ///< column.name
  kDropNotNull,         ///< column.name
  kSetDefault,          ///< column (name, default facts)
  kDropDefault,         ///< column.name
  kAddConstraint,       ///< constraint
  kValidateConstraint,  ///< object = constraint name
  kDropConstraint,      ///< object = constraint name
  kRenameConstraint,    ///< object = old name, new_name
  kCreateIndex,         ///< object = index name (may be ""), unique, concurrently, index_columns
  kDropIndex,           ///< object = index name, concurrently
  kReindex,             ///< concurrently
  kRenameTable,         ///< table, new_name
  kRenameColumn,        ///< column.name, new_name
  kRenameIndex,         ///< object, new_name (ALTER INDEX ... RENAME)
  kRenameSchema,        ///< object = schema, new_name
  kRenameOther,         ///< object_kind, object, new_name
  kDrop,                ///< DROP of anything but an index: object_kind ("TABLE", "SCHEMA",
                        ///< "SEQUENCE", "TYPE", "VIEW", "DATABASE", ...), table = the object
  kTruncate,            ///< cascade
  kCreateEnum,          ///< table = the type
  kAddEnumValue,        ///< table = the type, object = value, ordered (BEFORE/AFTER given)
  kRenameEnumValue,     ///< table = the type, object = old value, new_name
  kCreateDomain,        ///< table = the domain, has_check
  kAlterDomainAddConstraint,
  kVacuumFull,
  kCluster,
  kDetachPartition,  ///< concurrently
  kAttachPartition,
  kSetLogged,  ///< SET LOGGED / SET UNLOGGED: a rewrite
  kSetTablespace,
  kReplicaIdentity,
  kRowSecurity,  ///< ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY
  kPolicy,       ///< CREATE/ALTER/DROP POLICY
  kGrant,        ///< GRANT / REVOKE
  kSetting,      ///< SET / RESET: object = setting name (lower case), new_name = value text;
                 ///< `local` for SET LOCAL
  kBegin,
  kCommit,    ///< COMMIT / END / PREPARE TRANSACTION
  kRollback,  ///< ROLLBACK / ABORT
  kUpdate,    ///< has_where; columns = the SET targets (names only)
  kDelete,    ///< has_where
  kInsert,    ///< columns = the column list (names only)
  kLockTable,
  kRefreshMatView,  ///< concurrently
  kCreateTrigger,
  kCreateView,      ///< columns = explicit column names
  kCreateFunction,  ///< functions and procedures: bodies godwit cannot check
  kDo,              ///< DO blocks: code godwit cannot check
  kAlterExtension,  ///< ALTER EXTENSION ... UPDATE
  kCreateExtension,
  kCreateSequence,
  kCreateSchema,
  kComment,
};

struct Action {
  Op op = Op::kOther;
  /// The relation (or type, for enum and domain ops) acted on; empty when none.
  QualifiedName table;
  std::string object;       ///< index / constraint / setting / enum value / other object name
  std::string object_kind;  ///< kDrop, kRenameOther: "TABLE", "SCHEMA", "SEQUENCE", ...
  std::string new_name;     ///< renames: the new name; kSetting: the value as written
  ColumnFacts column;       ///< column ops (name, and for add/type/default the details)
  std::vector<ColumnFacts> columns;          ///< kCreateTable, kUpdate, kInsert, kCreateView
  std::vector<ConstraintFacts> constraints;  ///< kCreateTable (table-level), kAddConstraint (1)
  std::vector<QualifiedName> relations;      ///< every relation a multi-object op names
                                             ///< (DROP TABLE a, b; TRUNCATE a, b; LOCK a, b)
  LockLevel lock = LockLevel::kNone;         ///< the lock taken on `table` (when it already exists)
  /// a second relation locked, e.g. the table a foreign key references (SHARE ROW EXCLUSIVE)
  QualifiedName also_locks;
  LockLevel also_lock = LockLevel::kNone;
  bool concurrently = false;
  bool if_exists = false;  ///< IF EXISTS / IF NOT EXISTS, whichever the statement allows
  bool cascade = false;
  bool unique = false;
  bool ordered = false;    ///< ADD VALUE ... BEFORE/AFTER
  bool has_where = false;  ///< UPDATE / DELETE with a WHERE clause
  bool has_check = false;  ///< CREATE DOMAIN ... CHECK
  bool local = false;      ///< SET LOCAL
  int index_columns = 0;   ///< kCreateIndex: key columns (expressions count)
};

/// One statement and what it does.
struct StatementFacts {
  std::vector<Action> actions;  ///< empty for statements godwit has no facts about
};

/// A migration file split into statements (as the runner splits it) with facts per statement.
struct FileFacts {
  sql::Script script;
  std::vector<StatementFacts> facts;  ///< facts[i] describes script.statements[i]
};

/// Splits `script` and derives the facts of each statement. When the whole file parses (the
/// usual case) it is parsed once and every statement's facts come from that tree; otherwise the
/// runner's splitter (split_script) is used and each statement that parses on its own gets
/// facts, the others (`parsed` false) none. `script` must outlive the result (statements are
/// views of it). Throws core::Error GW1201 if the text holds a NUL byte.
FileFacts file_facts(std::string_view script);

}  // namespace godwit::postgres
