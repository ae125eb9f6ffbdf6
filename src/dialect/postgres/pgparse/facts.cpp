#include "dialect/postgres/pgparse/facts.hpp"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>

#include "dialect/postgres/pgparse/classify_tree.hpp"
#include "dialect/postgres/pgparse/facts_reader.hpp"
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

// RAII owner for a protobuf parse.
struct ParseOwner {
  PgQueryProtobufParseResult r;
  ~ParseOwner() { pg_query_free_protobuf_parse_result(r); }
};

// The unpacked tree's memory: a bump allocator whose blocks are released together. Unpacking
// makes one allocation per node and freeing them one by one cost as much as the unpacking
// (perf on the corpus); a tree is read once and dropped whole. One arena per thread, reused
// from file to file: a fresh one per file cost a malloc and new page faults per file.
class TreeArena {
 public:
  TreeArena() : allocator_{&TreeArena::alloc, &TreeArena::release, this} {}
  TreeArena(const TreeArena&) = delete;
  TreeArena& operator=(const TreeArena&) = delete;
  ProtobufCAllocator* allocator() { return &allocator_; }

  // Forgets the last tree. Keeps the first block for the next one, unless it grew past
  // kKeepBytes (a large file's tree), so a long-lived thread holds little.
  void reset() {
    if (blocks_.size() > 1) blocks_.resize(1);
    if (!blocks_.empty() && first_capacity_ > kKeepBytes) blocks_.clear();
    capacity_ = blocks_.empty() ? 0 : first_capacity_;
    used_ = 0;
  }

 private:
  static constexpr std::size_t kKeepBytes = std::size_t{256} << 10;
  static void* alloc(void* self, std::size_t size) {
    return static_cast<TreeArena*>(self)->take(size);
  }
  static void release(void*, void*) {}
  void* take(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (used_ + size > capacity_) {
      // Small files stay in one small block; large ones double it (fewer page faults).
      capacity_ = std::max(size, blocks_.empty() ? std::size_t{64} << 10
                                                 : std::min(capacity_ * 2, std::size_t{1} << 20));
      blocks_.push_back(std::make_unique_for_overwrite<std::max_align_t[]>(
          capacity_ / sizeof(std::max_align_t) + 1));
      if (blocks_.size() == 1) first_capacity_ = capacity_;
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
  std::size_t first_capacity_ = 0;
};

// The calling thread's arena, reset when the tree is dropped. One tree per thread at a time.
struct TreeOwner {
  PgQuery__ParseResult* tree = nullptr;
  TreeArena& arena = thread_arena();
  TreeOwner() = default;
  TreeOwner(const TreeOwner&) = delete;
  TreeOwner& operator=(const TreeOwner&) = delete;
  ~TreeOwner() { arena.reset(); }
  static TreeArena& thread_arena() {
    thread_local TreeArena a;
    return a;
  }
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
    pgfacts::read_actions(raws[i]->stmt, f.actions);
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
    pgfacts::read_actions(t.tree->stmts[0]->stmt, out.facts[i].actions);
  }
  return out;
}

}  // namespace godwit::postgres