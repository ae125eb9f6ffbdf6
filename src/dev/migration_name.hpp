#pragma once
// The name of a migration folder `migrate dev` creates, as Prisma 7.10.1 makes it (its CLI's
// getMigrationName: `slugify(name, {separator: "_"}).substring(0, 200)`; ENG
// migrations_directory.rs `create_migration_directory`: `<UTC %Y%m%d%H%M%S>_<name>`, or the
// timestamp alone for an empty name).

#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace godwit::dev {

/// Prisma's slug of a migration name (the npm package `slugify` with "_" as separator): "&"
/// becomes " and "; Latin letters with diacritics lose them (ä, ö, ü and ß become ae, oe, ue,
/// ss, as the package's German replacements do); camelCase words are split ("addUserTable" ->
/// "add_user_table"); lower case; a trailing "'s"/"'t" joins its word; every run of other
/// characters becomes one "_", none at either end; at most 200 bytes.
/// Deviation: letters of other scripts (Cyrillic, Greek, Arabic...) that the package
/// transliterates are separators here (the name loses them); Prisma's names for such input
/// differ.
std::string slugify_migration_name(std::string_view name);

/// "<yyyymmddHHMMSS in UTC>_<slug>", or the timestamp alone when `slug` is empty.
std::string migration_folder_name(core::TimePoint now, std::string_view slug);

}  // namespace godwit::dev
