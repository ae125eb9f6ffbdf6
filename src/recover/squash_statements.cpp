#include "recover/squash_statements.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "down/reversible.hpp"

namespace godwit::recover {
namespace {

constexpr std::array<std::string_view, 8> kSquashRowKinds = {
    "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "COPY", "REPLACE", "UPSERT"};

bool squash_is_row_kind(std::string_view kind) {
  return std::find(kSquashRowKinds.begin(), kSquashRowKinds.end(), kind) != kSquashRowKinds.end();
}

// A word of `text` outside quotes, compared without case: enough to tell `INSERT ... SELECT`
// (a copy of rows that exist) from `INSERT ... VALUES` (new rows).
bool squash_has_word(std::string_view text, std::string_view word) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (std::size_t at = upper.find(word); at != std::string::npos; at = upper.find(word, at + 1)) {
    const bool left = at == 0 || !(std::isalnum(static_cast<unsigned char>(upper[at - 1])) ||
                                   upper[at - 1] == '_' || upper[at - 1] == '"');
    const std::size_t end = at + word.size();
    const bool right =
        end >= upper.size() || !(std::isalnum(static_cast<unsigned char>(upper[end])) ||
                                 upper[end] == '_' || upper[end] == '"');
    if (left && right) return true;
  }
  return false;
}

}  // namespace

SquashSorted sort_squash_statements(const dialect::Parts& parts,
                                    const std::vector<const migrate::LocalMigration*>& range,
                                    bool extensions_modelled) {
  SquashSorted out;
  for (const auto* m : range) {
    const auto script = parts.runner->split(*m->script);
    // The CREATE TABLE statements seen so far in this migration: why_not_reversible accepts an
    // INSERT into a table the same script created.
    sql::Script context;
    for (const auto& s : script.statements) {
      if (s.kind == "CREATE TABLE") {
        context.statements.push_back(s);
        continue;
      }
      sql::Script one = context;
      one.statements.push_back(s);
      const bool modelled = !down::why_not_reversible(one, extensions_modelled).has_value();
      SquashStatement st{m->name, s.line, std::string(std::string_view(s.kind)),
                         std::string(s.text)};
      if (s.kind == "INSERT") {
        // A redefinition's copy is dropped with its table; new rows are data.
        if (modelled && squash_has_word(s.text, "SELECT")) continue;
        out.data.push_back(std::move(st));
        continue;
      }
      if (modelled) continue;
      if (squash_is_row_kind(s.kind)) {
        out.data.push_back(std::move(st));
      } else {
        out.carried.push_back(std::move(st));
      }
    }
  }
  return out;
}

}  // namespace godwit::recover
