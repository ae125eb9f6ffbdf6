#include "dialect/postgres/preflight/preview.hpp"

#include <string>
#include <utility>

#include "dialect/postgres/pgparse/facts.hpp"

namespace godwit::postgres {
namespace {

// The locks of one statement: one per relation, the strongest when several actions lock it
// (ALTER TABLE a ADD ..., DROP ...).
void add_preview_lock(std::vector<std::pair<std::string, LockLevel>>& out,
                      const QualifiedName& table, LockLevel level) {
  if (table.empty() || level == LockLevel::kNone) return;
  auto name = table.quoted();
  for (auto& [t, l] : out) {
    if (t == name) {
      if (level > l) l = level;
      return;
    }
  }
  out.emplace_back(std::move(name), level);
}

}  // namespace

migrate::ScriptPreview PostgresPreviewer::preview(std::string_view script) const {
  FileFacts facts = file_facts(script);
  migrate::ScriptPreview out;
  out.mode = facts.script.mode;
  for (std::size_t i = 0; i < facts.script.statements.size(); ++i) {
    const auto& st = facts.script.statements[i];
    migrate::StatementPreview p;
    p.line = st.line;
    p.kind = std::string(st.kind.view());
    p.text = std::string(st.text);
    std::vector<std::pair<std::string, LockLevel>> locks;
    if (i < facts.facts.size()) {
      for (const auto& a : facts.facts[i].actions) {
        if (a.relations.empty()) {
          add_preview_lock(locks, a.table, a.lock);
        } else {
          for (const auto& r : a.relations)
            add_preview_lock(locks, r, a.lock);
        }
        add_preview_lock(locks, a.also_locks, a.also_lock);
      }
    }
    for (auto& [table, level] : locks) {
      p.locks.push_back(
          {std::move(table), std::string(lock_name(level)), std::string(lock_blocks(level))});
    }
    out.statements.push_back(std::move(p));
  }
  return out;
}

std::vector<migrate::TableSize> PostgresPreviewer::table_sizes(
    db::Connection& conn, const std::vector<std::string>& tables) const {
  constexpr long long kCountBelowBytes = 16LL * 1024 * 1024;
  std::vector<migrate::TableSize> out;
  for (const auto& t : tables) {
    migrate::TableSize size;
    size.table = t;
    std::vector<db::Value> params{db::Value(t)};
    db::Rows rows;
    try {
      rows = conn.query(
          "SELECT c.reltuples::bigint, pg_catalog.pg_total_relation_size(c.oid), "
          "c.relkind::text, c.oid::regclass::text FROM pg_catalog.pg_class c "
          "WHERE c.oid = pg_catalog.to_regclass($1)",
          params);
    } catch (const db::DatabaseError&) {
      // A name to_regclass cannot read (e.g. a quote inside it): reported as not there.
    }
    if (!rows.rows.empty() && rows.rows[0][0] && rows.rows[0][1] && rows.rows[0][3]) {
      const auto& r = rows.rows[0];
      size.exists = true;
      size.rows = std::stoll(*r[0]);
      size.bytes = std::stoll(*r[1]);
      const bool is_table = r[2] && (*r[2] == "r" || *r[2] == "p");
      if (!is_table) {
        size.rows = -1;
      } else if (size.rows < 0 && size.bytes <= kCountBelowBytes) {
        // regclass's text is the relation's name quoted by the server itself.
        auto counted = conn.query("SELECT count(*) FROM " + *r[3]);
        if (!counted.rows.empty() && counted.rows[0][0]) {
          size.rows = std::stoll(*counted.rows[0][0]);
        }
      }
    }
    out.push_back(std::move(size));
  }
  return out;
}

}  // namespace godwit::postgres
