#pragma once
// `--rename` (godwit only; Prisma has no way to rename: prisma/prisma#6404 and its duplicates):
// the flags as the user writes them, resolved to the rename changes the differ pairs objects
// with (diff/renames.hpp), and the suggestions `migrate dev` prints when a change looks like a
// rename.
//
// Flags name things as the Prisma schema does, and the rename is of the database object:
//   --rename Model.old=new   a field: `new` is the field in the schema (its @map column is the
//                            one renamed to); `old` is the column the migrations made (the old
//                            field's name, or its @map name when it had one)
//   --rename Old=New         a model (its table: @@map) or an enum (its type), likewise
//   --rename Enum.OLD=NEW    an enum value (its @map value)
// The new side is looked up in the schema by Prisma name, then by database name; the old side
// by database name among the objects the migration would drop. Tables and enums are paired
// first, so a field or value of a renamed model or enum is named by its new model or enum.

#include <string>
#include <string_view>
#include <vector>

#include "diff/change_set.hpp"
#include "psl/model.hpp"
#include "schema/catalog.hpp"

namespace godwit::dev {

/// One `--rename` as written: `owner` empty for a model or enum rename.
struct RenameFlag {
  std::string text;  ///< as given, for messages
  std::string owner;
  std::string old_name;
  std::string new_name;
};

/// Splits "Owner.old=new" or "Old=New" (at the first '=' and, left of it, the first '.').
/// Errors: GW1241 when a part is missing.
RenameFlag parse_rename_flag(std::string_view text);

/// The rename changes the flags ask for, from `from` (the schema the migrations make) to `to`
/// (`schema`'s catalog); `schema` may be nullptr (database names only). Errors (core::Error):
/// GW1240 a flag that matches no object the migration drops and creates (the message lists
/// what it drops and creates), GW1241 a malformed flag, GW1242 an object renamed twice, GW1243
/// an enum rename where the dialect stores enums as text (SQLite).
std::vector<diff::Change> resolve_renames(const std::vector<std::string>& flags,
                                          const psl::Schema* schema, const schema::Catalog& from,
                                          const schema::Catalog& to);

/// What `migrate dev` prints on stderr for diff::rename_candidates: one line per candidate with
/// the flag that renames it, named as the schema names it; "" when there is none.
std::string rename_suggestions(const std::vector<diff::Change>& candidates,
                               const psl::Schema* schema, const schema::Catalog& from,
                               const schema::Catalog& to);

}  // namespace godwit::dev
