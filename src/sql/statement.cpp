#include "sql/statement.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <mutex>
#include <ostream>
#include <unordered_map>

namespace godwit::sql {

namespace {

// The interned tags: names_[id] is written once, before its id is published, and never
// freed (a process holds a few hundred tags at most), so readers need no lock.
class KindTable {
 public:
  static KindTable& instance() {
    static KindTable table;
    return table;
  }

  std::uint16_t intern(std::string_view name) {
    std::lock_guard lock(mutex_);
    if (auto it = ids_.find(name); it != ids_.end()) return it->second;
    if (next_ > UINT16_MAX) return unknown_;
    const auto id = static_cast<std::uint16_t>(next_++);
    const std::string* stored = new std::string(name);
    names_[id].store(stored, std::memory_order_release);
    ids_.emplace(*stored, id);
    return id;
  }

  std::string_view name(std::uint16_t id) const {
    const std::string* s = names_[id].load(std::memory_order_acquire);
    return s ? std::string_view(*s) : std::string_view();
  }

 private:
  KindTable() { unknown_ = intern("UNKNOWN"); }

  std::mutex mutex_;
  std::array<std::atomic<const std::string*>, UINT16_MAX + 1> names_{};
  std::unordered_map<std::string_view, std::uint16_t> ids_{{"", 0}};
  std::uint32_t next_ = 1;
  std::uint16_t unknown_ = 0;
};

}  // namespace

StatementKind::StatementKind(std::string_view name)
    : id_(name.empty() ? 0 : KindTable::instance().intern(name)) {}

std::string_view StatementKind::view() const {
  return KindTable::instance().name(id_);
}

std::ostream& operator<<(std::ostream& out, const StatementKind& kind) {
  return out << kind.view();
}

TransactionMode transaction_mode_for(const std::vector<Statement>& statements) {
  auto any = [&](auto pred) { return std::any_of(statements.begin(), statements.end(), pred); };
  if (any([](const Statement& s) { return s.transaction_control; })) {
    return TransactionMode::kAsWritten;
  }
  if (any([](const Statement& s) { return s.no_transaction; })) return TransactionMode::kAutocommit;
  return TransactionMode::kSingle;
}

}  // namespace godwit::sql
