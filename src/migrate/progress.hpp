#pragma once
// Per-statement progress of a migration that runs statement by statement (kAutocommit /
// kAsWritten), as godwit records it in the migration's `_prisma_migrations` row so that
// `migrate deploy --resume` continues a failed migration at the failed statement and nothing
// runs twice (docs/safety.md "Resuming a failed migration").
//
// Where it lives, so that Prisma's readers still understand the row (prisma-compat.md §1.2,
// §1.3): `applied_steps_count` holds the number of the script's statements whose effects are
// committed (Prisma decides "failed" and "applied" from finished_at and rolled_back_at only;
// a finished row gets Prisma's value 1 again), and `logs` holds a readable note, which Prisma
// shows in P3009 for a failed row:
//   godwit progress: 3 of 7 statements committed
// A failure's logs (P3018 text) end with the same line plus the digest of the committed
// statements' text, which lets --resume accept a file edited after them only:
//   godwit progress: 3 of 7 statements committed; sha256 of statements 1-3: <64 hex>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sql/statement.hpp"

namespace godwit::migrate {

/// What a row's logs say about godwit's progress.
struct ProgressNote {
  std::size_t committed = 0;  ///< statements whose effects are committed
  std::size_t total = 0;      ///< statements of the script when it ran
  std::string digest;         ///< prefix_digest of those statements; empty when not recorded
};

/// "godwit progress: <committed> of <total> statements committed" (+ "; sha256 of statements
/// 1-<committed>: <digest>" when `digest` is given).
std::string progress_note(std::size_t committed, std::size_t total, std::string_view digest = {});

/// The last progress note in `logs`, or nullopt when there is none (a row Prisma wrote, or
/// one whose logs were replaced).
std::optional<ProgressNote> parse_progress(std::string_view logs);

/// SHA-256 (hex) of the text of the script's first `count` statements: the script's source
/// from its start to the end of statement `count` (comments and white space between them
/// included), or their texts joined by ";\n" for a script without source.
std::string prefix_digest(const sql::Script& script, std::size_t count);

}  // namespace godwit::migrate
