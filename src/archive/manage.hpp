#pragma once
// `godwit archive list | drop`: choosing archives and dropping them (archive/keeper.hpp).

#include <optional>
#include <string>
#include <vector>

#include "archive/keeper.hpp"

namespace godwit::archive {

/// Which archives `archive drop` drops: exactly one of the three.
struct DropFilter {
  std::optional<std::string> migration;   ///< --migration NAME
  bool all = false;                       ///< --all
  std::optional<double> older_than_days;  ///< --older-than DAYS
};

/// The records `filter` selects, in manifest order. Errors: GW2894 when not exactly one of
/// --migration, --all, --older-than is given; GW2895 when --migration names no archive.
std::vector<ArchiveRecord> select_archives(const std::vector<ArchiveRecord>& records,
                                           const DropFilter& filter);

/// Drops `records` (their tables and manifest rows) in one transaction.
void drop_archives(db::Connection& conn, const Keeper& keeper,
                   const std::vector<ArchiveRecord>& records);

}  // namespace godwit::archive
